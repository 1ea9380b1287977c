/** Replays every MathAPI call of the BFCL v3 base gold trace and compares results by value. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AnyTool } from "../../tool.ts";
import { mathApiTools as typedTools } from "./math-api-tools.ts";
import { bfclResultValue, peerFile, readJsonLines } from "./peer-data.ts";

const Step = z.object({
  class: z.string(),
  function: z.string(),
  args: z.array(z.unknown()),
  kwargs: z.record(z.string(), z.unknown()),
  result: z.string(),
});
const Entry = z.object({ id: z.string(), turns: z.array(z.object({ steps: z.array(Step) })) });

const mathApiTools: readonly AnyTool[] = typedTools;

const trace = peerFile("bfcl_v3/derived/BFCL_v3_multi_turn_base.gold_trace.jsonl");

describe.skipIf(!trace.present)(`BFCL MathAPI replay${trace.skipReason}`, () => {
  it("matches every recorded MathAPI result", () => {
    let calls = 0;
    for (const { value } of readJsonLines(trace.path)) {
      const entry = Entry.parse(value);
      for (const step of entry.turns.flatMap((turn) => turn.steps)) {
        if (step.class !== "MathAPI") continue;
        const tool = mathApiTools.find((candidate) => candidate.name === step.function);
        if (!tool) throw new Error(`${entry.id}: no tool ${step.function}`);
        const names = Object.keys(tool.parameters.shape);
        const args = {
          ...Object.fromEntries(step.args.map((arg, index) => [names[index], arg])),
          ...step.kwargs,
        };
        const result = tool.run({}, tool.parameters.parse(args), { time: 0 });
        expect(result, `${entry.id} ${step.function}`).toEqual(bfclResultValue(step.result));
        calls += 1;
      }
    }
    expect(calls).toBe(14);
  });
});

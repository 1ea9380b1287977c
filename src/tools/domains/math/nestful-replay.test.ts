/**
 * Replays the 40 math records of NESTFUL's toy_data.jsonl with our basic_ tools: every step must
 * give the result in the derived per-step file, and every final value must equal `gold_answer`
 * under NESTFUL's own rule (a float is rounded to as many decimals as the gold float prints).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PEER_FILES } from "../../../dataset/conformance/peer-data.ts";
import type { AnyTool } from "../../tool.ts";
import { findPeerData, readJsonLines } from "../testing/peer-data.ts";
import { NESTFUL_MATH_TOOLS, basicTools as typedTools } from "./basic-tools.ts";
import { pythonRound } from "./python-numbers.ts";

const Record = z.object({
  sample_id: z.string(),
  output: z.array(
    z.object({ name: z.string(), label: z.string(), arguments: z.record(z.string(), z.unknown()) }),
  ),
  gold_answer: z.unknown(),
});
const StepResults = z.object({
  sample_id: z.string(),
  steps: z.array(z.object({ label: z.string(), name: z.string(), result: z.unknown() })),
});

const basicTools: readonly AnyTool[] = typedTools;

const STEP_RESULTS_FILE = "nestful/derived/toy_data_math_step_results.jsonl";
const peerData = findPeerData([PEER_FILES.nestfulData, STEP_RESULTS_FILE]);

/** Run one record's gold calls; references `$var_N.result$` read earlier results. */
function replay(record: z.infer<typeof Record>): unknown[] {
  const results = new Map<string, Record<string, unknown>>();
  const values: unknown[] = [];
  for (const call of record.output) {
    const tool = basicTools.find((candidate) => candidate.name === NESTFUL_MATH_TOOLS[call.name]);
    if (!tool) throw new Error(`${record.sample_id}: no tool for ${call.name}`);
    const args = Object.fromEntries(
      Object.entries(call.arguments).map(([key, value]) => {
        const reference = typeof value === "string" ? /^\$(.+)\.(.+)\$$/.exec(value) : null;
        if (!reference) return [key, value];
        const [, label, field] = reference as unknown as [string, string, string];
        return [key, results.get(label)?.[field]];
      }),
    );
    const output = tool.run({}, tool.parameters.parse(args), { time: 0 }) as Record<string, unknown>;
    results.set(call.label.replaceAll("$", ""), output);
    values.push(output.result);
  }
  return values;
}

/** NESTFUL's win-rate comparison; `goldText` is the gold answer as written in the file. */
function matchesGold(value: unknown, gold: unknown, goldText: string): boolean {
  if (typeof value === "number" && typeof gold === "number" && goldText.includes(".")) {
    const decimals = goldText.split(".")[1]?.replace(/e.*$/i, "").length ?? 0;
    return pythonRound(value, decimals) === gold;
  }
  return value === gold;
}

describe.skipIf(!peerData.found)(`NESTFUL math replay${peerData.skipReason}`, () => {
  it("reproduces every step result and every gold answer of the 40 math records", () => {
    const dir = peerData.found ? peerData.dir : "";
    const records = readJsonLines(join(dir, PEER_FILES.nestfulData))
      .map(({ text, value }) => ({ text, record: Record.parse(value) }))
      .filter(({ record }) => record.output[0]?.label.startsWith("$var_"));
    const expected = new Map(
      readJsonLines(join(dir, STEP_RESULTS_FILE)).map(({ value }) => {
        const parsed = StepResults.parse(value);
        return [parsed.sample_id, parsed];
      }),
    );
    expect(records).toHaveLength(40);
    let stepsChecked = 0;
    let goldMatches = 0;
    for (const { text, record } of records) {
      const values = replay(record);
      const steps = expected.get(record.sample_id)?.steps ?? [];
      expect(values, record.sample_id).toEqual(steps.map((step) => step.result));
      stepsChecked += steps.length;
      const goldText = /"gold_answer":\s*([^,}\]]+)/.exec(text)?.[1] ?? "";
      if (matchesGold(values.at(-1), record.gold_answer, goldText.trim())) goldMatches += 1;
      else expect.fail(`${record.sample_id}: ${String(values.at(-1))} does not match gold ${goldText}`);
    }
    expect(goldMatches).toBe(40);
    expect(stepsChecked).toBeGreaterThan(40);
  });
});

/**
 * Test-side replay of one BFCL v3 class against its port: every entry's state is built from the
 * question's partial `initial_config` (so class defaults are exercised), every recorded call of the
 * class is run with its recorded arguments, and results and post-turn public states are compared
 * by value with the recorded trace. Used by the vehicle and messaging tests.
 */
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import type { AnyDomain } from "../../domain.ts";
import { ToolError } from "../../tool.ts";
import { bfclResultValue, peerFile, readJsonLines } from "../math/peer-data.ts";

const JsonObject = z.record(z.string(), z.unknown());
const Question = z.looseObject({ id: z.string(), initial_config: z.record(z.string(), JsonObject) });
const Step = z.looseObject({
  call: z.string(),
  class: z.string(),
  function: z.string(),
  args: z.array(z.unknown()),
  kwargs: JsonObject,
  result: z.string(),
});
const Entry = z.looseObject({
  id: z.string(),
  initial_state: z.record(z.string(), JsonObject),
  turns: z.array(
    z.looseObject({ steps: z.array(Step), changed_state_after_turn: z.record(z.string(), JsonObject) }),
  ),
});

export const BFCL_QUESTIONS = peerFile("bfcl_v3/data/BFCL_v3_multi_turn_base.json");
export const BFCL_TRACE = peerFile("bfcl_v3/derived/BFCL_v3_multi_turn_base.gold_trace.jsonl");

export interface ReplayTally {
  matched: number;
  total: number;
}

export interface ClassReplayReport {
  calls: ReplayTally;
  /** Initial states plus one post-turn state per turn of every entry using the class. */
  states: ReplayTally;
  mismatches: string[];
}

/** Public fields only (upstream's checker ignores `_`-prefixed attributes), as plain JSON. */
export function publicState(state: unknown): Record<string, unknown> {
  const json = JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(json).filter(([key]) => !key.startsWith("_")));
}

function runStep(domain: AnyDomain, state: unknown, step: z.infer<typeof Step>): unknown {
  const tool = domain.tools.find((candidate) => candidate.name === step.function);
  if (!tool) return { status: "error", error: `no tool ${step.function}` };
  const names = Object.keys(tool.parameters.shape);
  const args = {
    ...Object.fromEntries(step.args.map((value, index) => [names[index], value])),
    ...step.kwargs,
  };
  try {
    return JSON.parse(JSON.stringify(tool.run(state, tool.parameters.parse(args), { time: 0 })));
  } catch (error) {
    if (error instanceof ToolError) return { status: "error", error: error.message };
    throw error;
  }
}

/** Replay every recorded call of `className` on `domain`. */
export function replayBfclClass(className: string, domain: AnyDomain): ClassReplayReport {
  const configs = new Map(
    readJsonLines(BFCL_QUESTIONS.path).map(({ value }) => {
      const question = Question.parse(value);
      return [question.id, question.initial_config];
    }),
  );
  const report: ClassReplayReport = {
    calls: { matched: 0, total: 0 },
    states: { matched: 0, total: 0 },
    mismatches: [],
  };
  const check = (tally: ReplayTally, matched: boolean, describe: () => string) => {
    tally.total += 1;
    if (matched) tally.matched += 1;
    else report.mismatches.push(describe());
  };
  for (const { value } of readJsonLines(BFCL_TRACE.path)) {
    const entry = Entry.parse(value);
    let expected = entry.initial_state[className];
    if (!expected) continue;
    const state = domain.config.parse(configs.get(entry.id)?.[className] ?? {});
    check(report.states, isDeepStrictEqual(publicState(state), expected), () => `${entry.id} initial state`);
    entry.turns.forEach((turn, turnIndex) => {
      for (const step of turn.steps) {
        if (step.class !== className) continue;
        const actual = runStep(domain, state, step);
        const wanted = bfclResultValue(step.result);
        check(
          report.calls,
          isDeepStrictEqual(actual, wanted),
          () =>
            `${entry.id} turn ${turnIndex} ${step.call}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`,
        );
      }
      expected = turn.changed_state_after_turn[className] ?? expected;
      const actualState = publicState(state);
      check(
        report.states,
        isDeepStrictEqual(actualState, expected),
        () =>
          `${entry.id} state after turn ${turnIndex}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actualState)}`,
      );
    });
  }
  return report;
}

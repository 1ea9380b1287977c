import { differingKeys } from "./attribution.ts";
import type { Matching } from "./matching.ts";
import type { GoldStepInfo, ScenarioGold } from "./scenario-gold.ts";
import type { CallRecord, TraceView } from "./trace-view.ts";

export interface StepMetrics {
  goldSteps: number;
  /** Domain calls the agent is accountable for: all but those the environment rejected (busy) or faulted. */
  agentCalls: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  /** Paper-compatible: tool names as multisets, ignoring arguments. */
  nameMatched: number;
  nameF1: number;
  /** Share of gold argument values right over calls paired with a gold step of the same tool; null without pairs. */
  argumentAccuracy: number | null;
}

/** Calls counted against precision: the agent chose them and the environment did not void them. */
export function accountableCalls(view: TraceView): CallRecord[] {
  return view.calls.filter((call) => call.status !== "rejected" && call.completion?.fault !== true);
}

export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Step precision, recall and F1, function-name F1 and argument accuracy (DESIGN §6.6). */
export function stepMetrics(gold: ScenarioGold, view: TraceView, matching: Matching): StepMetrics {
  const calls = accountableCalls(view);
  const goldSteps = gold.steps.length;
  const matched = matching.stepOfCall.size;
  const precision = calls.length === 0 ? 0 : matched / calls.length;
  const recall = goldSteps === 0 ? 1 : matched / goldSteps;

  const goldNames = countBy(gold.steps.map((step) => step.tool));
  const callNames = countBy(calls.map((call) => call.tool));
  let nameMatched = 0;
  for (const [name, count] of callNames) nameMatched += Math.min(count, goldNames.get(name) ?? 0);
  const namePrecision = calls.length === 0 ? 0 : nameMatched / calls.length;
  const nameRecall = goldSteps === 0 ? 1 : nameMatched / goldSteps;

  return {
    goldSteps,
    agentCalls: calls.length,
    matched,
    precision,
    recall,
    f1: f1(precision, recall),
    nameMatched,
    nameF1: f1(namePrecision, nameRecall),
    argumentAccuracy: argumentAccuracy(gold, calls, matching),
  };
}

/**
 * Pair calls with gold steps of the same tool: matched pairs first (every argument right), then
 * each remaining call, in issue order, with the free step of its tool it agrees with most.
 */
function argumentAccuracy(gold: ScenarioGold, calls: CallRecord[], matching: Matching): number | null {
  let right = 0;
  let total = 0;
  const free = new Set(
    gold.steps.filter((step) => !matching.steps.get(step.key)?.call).map((step) => step.key),
  );
  for (const call of calls) {
    const stepKey = matching.stepOfCall.get(call.index);
    const step = stepKey === undefined ? undefined : gold.stepByKey.get(stepKey);
    if (step) {
      const keys = Object.keys(step.argumentSets[0] ?? {}).length;
      right += keys;
      total += keys;
      continue;
    }
    if (call.args === null) continue;
    let best: { step: GoldStepInfo; right: number; total: number } | null = null;
    for (const candidate of gold.steps) {
      if (candidate.tool !== call.tool || !free.has(candidate.key)) continue;
      const goldArgs = candidate.argumentSets[0] ?? {};
      const wrong = differingKeys(call.args, goldArgs).filter((key) => key in goldArgs).length;
      const keys = Object.keys(goldArgs).length;
      if (!best || keys - wrong > best.right) best = { step: candidate, right: keys - wrong, total: keys };
    }
    if (!best) continue;
    free.delete(best.step.key);
    right += best.right;
    total += best.total;
  }
  const pairs = matching.stepOfCall.size + (gold.steps.length - matching.stepOfCall.size - free.size);
  if (pairs === 0) return null;
  return total === 0 ? 1 : right / total;
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

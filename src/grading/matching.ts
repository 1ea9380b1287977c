import type { GoldStepInfo, ScenarioGold } from "./scenario-gold.ts";
import { type CallRecord, isEffective, type TraceView } from "./trace-view.ts";
import { valuesMatch } from "./values.ts";

/** How one gold step fared (DESIGN §6.2–6.3). */
export interface StepMatch {
  readonly step: GoldStepInfo;
  /** The call assigned to the step: the earliest matching call that did not end in a fault. */
  readonly call: CallRecord | undefined;
  /** Earliest time any matching call's result reached the agent; null when none did. */
  readonly deliveredAt: number | null;
  /** The assigned call was issued before some predecessor's result had been delivered. */
  readonly violation: boolean;
  /** Predecessors whose results had not been delivered when the call was issued. */
  readonly missingInputs: readonly string[];
}

export interface Matching {
  readonly steps: ReadonlyMap<string, StepMatch>;
  /** Gold step key of each matched domain call, by call index. */
  readonly stepOfCall: ReadonlyMap<number, string>;
}

/** Whether a call's tool and arguments equal the step's, or one of its declared alternatives, after normalisation. */
export function callMatchesStep(call: CallRecord, step: GoldStepInfo): boolean {
  if (call.tool !== step.tool || call.args === null) return false;
  return step.argumentSets.some((argumentSet) => valuesMatch(call.args, argumentSet));
}

/**
 * Assign calls to gold steps. Calls are taken in issue order; each goes to one still-unmatched
 * step it matches, preferring a step whose inputs had already been delivered (two tasks can share
 * an identical step), then scenario order. So every step gets the earliest call that matches it,
 * whatever order the agent chose: grading follows the DAG, not one reference trajectory.
 */
export function matchCalls(gold: ScenarioGold, view: TraceView): Matching {
  const candidates = new Map<number, GoldStepInfo[]>();
  const delivered = new Map<string, number>();
  for (const call of view.calls) {
    if (!isEffective(call)) continue;
    const matching = gold.steps.filter((step) => callMatchesStep(call, step));
    if (matching.length === 0) continue;
    candidates.set(call.index, matching);
    if (call.deliveredAt === null) continue;
    for (const step of matching) {
      const known = delivered.get(step.key);
      if (known === undefined || call.deliveredAt < known) delivered.set(step.key, call.deliveredAt);
    }
  }
  const missingAt = (step: GoldStepInfo, time: number) =>
    step.predecessors.filter((key) => {
      const at = delivered.get(key);
      return at === undefined || at > time;
    });

  const assigned = new Map<string, CallRecord>();
  const stepOfCall = new Map<number, string>();
  for (const call of view.calls) {
    const matching = candidates.get(call.index)?.filter((step) => !assigned.has(step.key));
    if (!matching || matching.length === 0) continue;
    const chosen =
      matching.find((step) => missingAt(step, call.t).length === 0) ?? (matching[0] as GoldStepInfo);
    assigned.set(chosen.key, call);
    stepOfCall.set(call.index, chosen.key);
  }

  const steps = new Map<string, StepMatch>();
  for (const step of gold.steps) {
    const call = assigned.get(step.key);
    const missingInputs = call ? missingAt(step, call.t) : [];
    steps.set(step.key, {
      step,
      call,
      deliveredAt: delivered.get(step.key) ?? null,
      violation: missingInputs.length > 0,
      missingInputs,
    });
  }
  return { steps, stepOfCall };
}

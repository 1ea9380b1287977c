import {
  countFailures,
  FAILURE_KINDS,
  type FailureContext,
  type FailureCounts,
  type FailureInstance,
  type FailureKind,
} from "./failure-types.ts";
import {
  duplicateCalls,
  hallucinatedArguments,
  invalidCalls,
  toolConfusion,
  unparseableResponses,
} from "./failures-call.ts";
import {
  budgetExhausted,
  dependencyViolations,
  prematureAnswers,
  taskNeglect,
  wrongAnswers,
} from "./failures-task.ts";

/** One documented rule per failure kind (docs/metrics.md). */
export const FAILURE_RULES: Readonly<Record<FailureKind, (context: FailureContext) => FailureInstance[]>> = {
  dependencyViolation: dependencyViolations,
  taskNeglect,
  prematureAnswer: prematureAnswers,
  wrongAnswer: wrongAnswers,
  toolConfusion,
  hallucinatedArgument: hallucinatedArguments,
  invalidCall: invalidCalls,
  duplicateCall: duplicateCalls,
  unparseableResponse: unparseableResponses,
  budgetExhausted,
};

/** Every failure of an episode, grouped by kind in taxonomy order, with the counts. */
export function detectFailures(context: FailureContext): {
  instances: FailureInstance[];
  counts: FailureCounts;
} {
  const instances = FAILURE_KINDS.flatMap((kind) => FAILURE_RULES[kind](context));
  return { instances, counts: countFailures(instances) };
}

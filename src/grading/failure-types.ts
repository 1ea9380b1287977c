import { z } from "zod";
import type { Attribution } from "./attribution.ts";
import type { Matching } from "./matching.ts";
import type { SubtaskOutcome } from "./outcomes.ts";
import type { ScenarioGold } from "./scenario-gold.ts";
import type { TraceView } from "./trace-view.ts";

/** The failure taxonomy of DESIGN §6.8, in the order reports list it. */
export const FAILURE_KINDS = [
  "dependencyViolation",
  "taskNeglect",
  "prematureAnswer",
  "wrongAnswer",
  "toolConfusion",
  "hallucinatedArgument",
  "invalidCall",
  "duplicateCall",
  "unparseableResponse",
  "budgetExhausted",
] as const;
export const FailureKind = z.enum(FAILURE_KINDS);
export type FailureKind = z.infer<typeof FailureKind>;

/** One occurrence of a failure, with where it happened so a report can point at it. */
export const FailureInstance = z.strictObject({
  kind: FailureKind,
  taskId: z.string().optional(),
  /** The provider's id of the offending tool call, when a call is at fault. */
  requestId: z.string().optional(),
  detail: z.string(),
});
export type FailureInstance = z.infer<typeof FailureInstance>;

/** Occurrences per kind in one episode. */
export const FailureCounts = z.strictObject(
  Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, z.number().int().nonnegative()])) as Record<
    FailureKind,
    z.ZodNumber
  >,
);
export type FailureCounts = Record<FailureKind, number>;

/** Everything a failure rule may read; all of it derived from the trace and the scenario's gold. */
export interface FailureContext {
  readonly gold: ScenarioGold;
  readonly view: TraceView;
  readonly matching: Matching;
  readonly attribution: Attribution;
  readonly subtasks: readonly SubtaskOutcome[];
}

export function emptyCounts(): FailureCounts {
  return Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, 0])) as FailureCounts;
}

export function countFailures(instances: readonly FailureInstance[]): FailureCounts {
  const counts = emptyCounts();
  for (const instance of instances) counts[instance.kind] += 1;
  return counts;
}

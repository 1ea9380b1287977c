import { z } from "zod";
import { EpisodeEndReason } from "../core/trace.ts";
import { Efficiency } from "./efficiency.ts";
import { FAILURE_KINDS, FailureCounts, FailureInstance, type FailureKind } from "./failure-types.ts";

/** Bumped whenever a rule changes what a trace scores, so stored scores can be told apart. */
export const GRADER_VERSION = "grading-1";

export const SubtaskScore = z.strictObject({
  taskId: z.string(),
  domain: z.string(),
  patterns: z.array(z.string()),
  started: z.boolean(),
  submitted: z.boolean(),
  steps: z.number().int(),
  stepsMatched: z.number().int(),
  dependencyViolations: z.number().int(),
  premature: z.boolean(),
  answerCorrect: z.boolean().nullable(),
  stateCorrect: z.boolean(),
  success: z.boolean(),
});
export type SubtaskScore = z.infer<typeof SubtaskScore>;

export const StepScore = z.strictObject({
  goldSteps: z.number().int(),
  agentCalls: z.number().int(),
  matched: z.number().int(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  nameMatched: z.number().int(),
  nameF1: z.number(),
  argumentAccuracy: z.number().nullable(),
});

/** The `score` object of one episode (DESIGN §6). */
export const EpisodeScore = z.strictObject({
  grader: z.literal(GRADER_VERSION),
  scenario: z.string(),
  agent: z.string(),
  condition: z.string(),
  trial: z.number().int(),
  seed: z.number().int(),
  split: z.string(),
  composition: z.string(),
  taskCount: z.number().int(),
  domains: z.array(z.string()),
  patterns: z.array(z.string()),
  reason: EpisodeEndReason,
  /** The provider failed: the episode is kept apart and left out of every mean. */
  infraError: z.boolean(),
  /** Task (scenario) success: the paper's headline, averaged into Overall. */
  success: z.boolean(),
  subtaskSuccess: z.number(),
  subtasks: z.array(SubtaskScore),
  collateralDamage: z.boolean(),
  /** World paths that differ from the gold world (at most 20). */
  stateDifferences: z.array(z.string()),
  steps: StepScore,
  efficiency: Efficiency,
  failures: FailureCounts,
  /** Where each failure happened (at most 50). */
  failureDetails: z.array(FailureInstance),
});
export type EpisodeScore = z.infer<typeof EpisodeScore>;

/** Share of episodes with at least one failure of each kind. */
export const FailureRates = z.strictObject(
  Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, z.number().min(0).max(1)])) as Record<
    FailureKind,
    z.ZodNumber
  >,
);

/** One row of `--json`'s `summary` array (issue 5). */
export const SummaryRow = z.strictObject({
  agent: z.string(),
  condition: z.string(),
  /** Graded episodes; infra-error episodes are not counted. */
  episodes: z.number().int(),
  overall: z.number().nullable(),
  subtaskSuccess: z.number().nullable(),
  stepF1: z.number().nullable(),
  asyncEfficiency: z.number().nullable(),
  speedup: z.number().nullable(),
  failures: FailureRates,
});
export type SummaryRow = z.infer<typeof SummaryRow>;

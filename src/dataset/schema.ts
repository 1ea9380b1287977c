import { z } from "zod";
import { LatencyClass } from "../core/latency.ts";

/**
 * A reference to an earlier step's result: `s1.result` or `s1.result.path.to.field` (array
 * indices as numbers: `s2.result.orders.0.id`). References imply dependencies (DESIGN §5).
 */
export const REF_PATTERN = /^([A-Za-z][\w-]*)\.result((?:\.[^.\s]+)*)$/;
export const Ref = z.strictObject({
  $ref: z.string().regex(REF_PATTERN, "a reference looks like s1.result.field"),
});
export type Ref = z.infer<typeof Ref>;

export function isRef(value: unknown): value is Ref {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as Record<string, unknown>).$ref === "string"
  );
}

export const StepId = z.string().regex(/^[A-Za-z][\w-]*$/, "a step id is a word such as s1");

export const Step = z.strictObject({
  id: StepId,
  tool: z.string().min(1),
  /** Literal values or `{"$ref": …}` at any depth. */
  args: z.record(z.string(), z.unknown()),
  /** Pure ordering (e.g. log in before acting), beyond what references imply. */
  after: z.array(StepId).optional(),
  /** Other argument sets that also count as this step (declared alternatives, DESIGN §6.2). */
  alternatives: z.array(z.record(z.string(), z.unknown())).optional(),
  /** Override the tool's latency class for this step's call (the re-time operator). */
  latency: LatencyClass.optional(),
});
export type Step = z.infer<typeof Step>;

export const AnswerMatch = z.enum(["exact", "number", "text", "set", "contains"]);
export type AnswerMatch = z.infer<typeof AnswerMatch>;

export const PlanPattern = z.enum(["chain", "fan-out", "fan-in", "single", "mixed"]);
export type PlanPattern = z.infer<typeof PlanPattern>;

export const Task = z.strictObject({
  id: z.string().regex(/^T\d+$/, "task ids are T1, T2, …"),
  domain: z.string().min(1),
  instruction: z.string().min(1),
  plan: z.array(Step).min(1),
  /** A literal, a reference to a step result, or null for pure actions. */
  answer: z.unknown().nullable(),
  answerMatch: AnswerMatch.default("exact"),
  /** Resources the task touches (disjoint across a scenario's tasks). */
  resources: z.array(z.string()).default([]),
  tags: z.array(PlanPattern).default([]),
  /** Where the task came from (generator template, importer record, …). */
  origin: z.string().optional(),
  /** The generator's own wording, kept when an optional model pass paraphrased `instruction`. */
  originalInstruction: z.string().optional(),
  /**
   * Recorded when the task was generated: the gold answer and a digest of the gold state of the
   * task's domain after its plan ran alone. `asynctool validate` re-executes and compares, so a tool
   * change that alters gold is caught.
   */
  gold: z.strictObject({ answer: z.unknown(), stateDigest: z.string() }).optional(),
});
export type Task = z.infer<typeof Task>;

export const Composition = z.enum(["single", "same-domain", "cross-domain"]);

export const Scenario = z.strictObject({
  id: z.string().min(1),
  seed: z.number().int().nonnegative(),
  tasks: z.array(Task).min(1),
  /** Initial config per domain; missing domains start from their defaults. */
  initialWorld: z.record(z.string(), z.unknown()).default({}),
  composition: Composition,
  split: z.string().min(1),
  description: z.string().optional(),
  /** Async head-room measured at generation: makespans of the oracle and sequential agents under async-realistic. */
  headroom: z.strictObject({ tOpt: z.number().int(), tSeq: z.number().int() }).optional(),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

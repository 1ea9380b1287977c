/** The shapes the conformance replays return and `asynctool conformance … --json` prints. */
import { z } from "zod";

export const tallySchema = z.strictObject({ matched: z.number().int(), total: z.number().int() });
export type Tally = z.infer<typeof tallySchema>;

export const bfclMismatchSchema = z.strictObject({
  /** BFCL entry id, e.g. `multi_turn_base_12`. */
  entry: z.string(),
  turn: z.number().int(),
  class: z.string(),
  /** The gold call string (call mismatches only). */
  call: z.string().optional(),
  /** Call: upstream's result as a value. State: upstream's values of the differing public fields. */
  expected: z.unknown(),
  /** Call: our result (`{status:"error"}` when it failed). State: our values of those fields. */
  actual: z.unknown(),
  kind: z.enum(["call", "state"]),
});
export type BfclMismatch = z.infer<typeof bfclMismatchSchema>;

export const bfclReportSchema = z.strictObject({
  calls: tallySchema,
  states: tallySchema,
  byClass: z.record(z.string(), z.strictObject({ calls: tallySchema, states: tallySchema })),
  mismatches: z.array(bfclMismatchSchema),
});
export type BfclReport = z.infer<typeof bfclReportSchema>;

export const nestfulMismatchSchema = z.strictObject({
  /** NESTFUL `sample_id`. */
  record: z.string(),
  /** Label of the step that failed (`$var_3`), absent when every step ran and only the answer differs. */
  step: z.string().optional(),
  /** The gold answer. */
  expected: z.unknown(),
  /** Our final value, or the error that stopped the replay. */
  actual: z.unknown(),
});
export type NestfulMismatch = z.infer<typeof nestfulMismatchSchema>;

export const nestfulReportSchema = z.strictObject({
  records: tallySchema,
  mismatches: z.array(nestfulMismatchSchema),
});
export type NestfulReport = z.infer<typeof nestfulReportSchema>;

/** The value a failed call stands for in a mismatch (our tools throw; upstream returned a value). */
export function errorValue(message: string): { status: "error"; error: string } {
  return { status: "error", error: message };
}

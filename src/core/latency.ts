import { z } from "zod";
import type { Rng } from "./rng.ts";

/** How long a tool tends to take; a condition maps each class to a distribution. */
export const LatencyClass = z.enum(["instant", "fast", "medium", "slow", "very-slow"]);
export type LatencyClass = z.infer<typeof LatencyClass>;
export const LATENCY_CLASSES = LatencyClass.options;

const ticks = z.number().nonnegative();

/** A latency distribution in ticks. Samples are rounded to whole ticks and never negative. */
export const LatencyModel = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("fixed"), ticks: z.number().int().nonnegative() }),
  z
    .strictObject({ kind: z.literal("uniform"), min: z.number().int().nonnegative(), max: z.number().int() })
    .refine((model) => model.max >= model.min, { message: "max must be ≥ min", path: ["max"] }),
  z.strictObject({
    kind: z.literal("lognormal"),
    median: ticks,
    sigma: z.number().nonnegative(),
    max: ticks.optional(),
  }),
  z.strictObject({
    kind: z.literal("pareto"),
    /** Smallest latency (the distribution's scale). */
    scale: ticks,
    /** Tail index α > 0; smaller is heavier. */
    shape: z.number().positive(),
    max: ticks.optional(),
  }),
]);
export type LatencyModel = z.infer<typeof LatencyModel>;

export function sampleLatency(model: LatencyModel, rng: Rng): number {
  switch (model.kind) {
    case "fixed":
      return model.ticks;
    case "uniform":
      return rng.int(model.min, model.max);
    case "lognormal": {
      const value = model.median * Math.exp(model.sigma * rng.normal());
      return capAndRound(value, model.max);
    }
    case "pareto": {
      const value = model.scale / (1 - rng.next()) ** (1 / model.shape);
      return capAndRound(value, model.max);
    }
  }
}

function capAndRound(value: number, max: number | undefined): number {
  const capped = max === undefined ? value : Math.min(value, max);
  return Math.max(0, Math.round(capped));
}

export function describeLatency(model: LatencyModel): string {
  switch (model.kind) {
    case "fixed":
      return `fixed(${model.ticks})`;
    case "uniform":
      return `uniform(${model.min},${model.max})`;
    case "lognormal":
      return `lognormal(${model.median},${model.sigma}${model.max === undefined ? "" : `,≤${model.max}`})`;
    case "pareto":
      return `pareto(${model.scale},${model.shape}${model.max === undefined ? "" : `,≤${model.max}`})`;
  }
}

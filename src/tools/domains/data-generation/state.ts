import { z } from "zod";

/** Counter and stream names: short identifiers, so they can be resource names and keys. */
export const NAME_PATTERN = /^[A-Za-z][\w.-]{0,39}$/;
export const Name = z
  .string()
  .regex(NAME_PATTERN, "names start with a letter and use letters, digits, _ . - (at most 40 characters)");

/** An id counter: ids are `prefix` + the value zero-padded to `pad_width`; values go up by `step`. */
export const Counter = z.strictObject({
  prefix: z.string().max(20).default(""),
  next_value: z.number().int().default(1),
  step: z
    .number()
    .int()
    .refine((step) => step !== 0, "step must not be 0")
    .default(1),
  pad_width: z.number().int().min(0).max(20).default(0),
  /** How many ids were handed out so far. */
  issued: z.number().int().min(0).default(0),
});
export type Counter = z.infer<typeof Counter>;

/** A seeded random stream: draw i is a pure function of (seed, i), so the position is all the state it needs. */
export const Stream = z.strictObject({
  seed: z.number().int(),
  position: z.number().int().min(0).default(0),
});
export type Stream = z.infer<typeof Stream>;

/** Keyed maps, so tasks that use different counters or streams merge into one world without conflict. */
export const DataGenerationState = z.strictObject({
  counters: z.record(Name, Counter).default({}),
  streams: z.record(Name, Stream).default({}),
});
export type DataGenerationState = z.infer<typeof DataGenerationState>;

export const counterResource = (name: string) => `data-generation:counter:${name}`;
export const streamResource = (name: string) => `data-generation:stream:${name}`;

/** Most values any one call returns; keeps results small enough for a model's context. */
export const MAX_VALUES = 10_000;

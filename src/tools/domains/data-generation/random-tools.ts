/** data-generation tools whose randomness comes from a seed argument (pure: the same seed gives the same output). */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import { draws, seededShuffle, seededUuid } from "./random.ts";
import { FieldSpec, sampleRecords } from "./sample-records.ts";
import { type DataGenerationState, MAX_VALUES } from "./state.ts";

export const seed = z.number().int().describe("Seed: the same seed always gives the same output.");

/** Shared by gen_random_numbers and gen_stream_next so both read numbers the same way. */
export const drawParameters = {
  min: z.number().describe("Smallest possible value."),
  max: z.number().describe("Largest possible value."),
  integer: z.boolean().default(true).describe("Whole numbers (default true); false gives decimals."),
  decimals: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(4)
    .describe("For decimals: digits after the point (default 4)."),
};

export const genRandomNumbers = defineTool({
  name: "gen_random_numbers",
  description:
    "Seeded uniform random numbers between min and max (inclusive for whole numbers). The numbers equal those a " +
    "stream created with the same seed (gen_stream_create) would give from its start.",
  parameters: {
    seed,
    count: z.number().int().min(1).max(MAX_VALUES).describe("How many numbers."),
    ...drawParameters,
  },
  latency: "fast",
  mutates: false,
  run: (_state: DataGenerationState, args) => ({ values: draws(args.seed, 0, args.count, args) }),
});

export const genUuid = defineTool({
  name: "gen_uuid",
  description: "Seeded identifiers in UUID version 4 format (the same seed gives the same ids).",
  parameters: {
    seed,
    count: z.number().int().min(1).max(1000).default(1).describe("How many ids (default 1)."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: DataGenerationState, args) => ({
    ids: Array.from({ length: args.count }, (_, index) => seededUuid("uuid", args.seed, index)),
  }),
});

export const genShuffleItems = defineTool({
  name: "gen_shuffle_items",
  description: "Put a list of items in a seeded random order (the same seed and list give the same order).",
  parameters: {
    seed,
    items: z.array(z.unknown()).max(MAX_VALUES).describe("The items to shuffle (any JSON values)."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: DataGenerationState, args) => ({ items: seededShuffle(args.seed, args.items) }),
});

export const genSampleRecords = defineTool({
  name: "gen_sample_records",
  description:
    "Seeded fake records for testing, one object per record with the requested fields. Kinds: first_name, " +
    "last_name, full_name, email, city, country, company, integer, float, boolean, date, choice, uuid, sequence " +
    "(1, 2, 3, … or from min). Options must fit the kind (min/max for numbers, choices for choice, " +
    "start_date/end_date for date).",
  parameters: {
    seed,
    count: z.number().int().min(1).max(2000).describe("How many records."),
    fields: z.array(FieldSpec).min(1).max(20).describe("The fields of each record, in order."),
  },
  latency: "slow",
  mutates: false,
  run: (_state: DataGenerationState, args) => ({
    records: sampleRecords(args.seed, args.count, args.fields),
  }),
});

export const RANDOM_TOOLS = [genRandomNumbers, genUuid, genShuffleItems, genSampleRecords];

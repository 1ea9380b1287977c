/** data-generation tools for deterministic number sequences (pure). */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import { fibonacci, integerRange, MAX_PRIME_SEARCH, primes } from "./sequences.ts";
import { type DataGenerationState, MAX_VALUES } from "./state.ts";

export const genRange = defineTool({
  name: "gen_range",
  description:
    "Whole numbers from start up to but not including stop, in steps (like Python's range): start=2, stop=10, " +
    `step=3 gives [2, 5, 8]; a negative step counts down. At most ${MAX_VALUES} values.`,
  parameters: {
    start: z.number().int().describe("First value."),
    stop: z.number().int().describe("The sequence stops before reaching this value."),
    step: z.number().int().default(1).describe("Difference between neighbours; not 0 (default 1)."),
  },
  latency: "instant",
  mutates: false,
  run: (_state: DataGenerationState, args) => {
    const values = integerRange(args.start, args.stop, args.step);
    return { values, count: values.length };
  },
});

export const genFibonacci = defineTool({
  name: "gen_fibonacci",
  description:
    "The first count terms of a Fibonacci-style sequence (each term is the sum of the two before it), starting " +
    "from first and second (default 0 and 1). Terms must stay exact integers (≤ 2^53 − 1).",
  parameters: {
    count: z.number().int().min(1).max(1000).describe("How many terms."),
    first: z.number().int().default(0).describe("Term 1 (default 0)."),
    second: z.number().int().default(1).describe("Term 2 (default 1)."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: DataGenerationState, args) => {
    const values = fibonacci(args.count, args.first, args.second);
    return { values, count: values.length, last: values[values.length - 1] };
  },
});

export const genPrimes = defineTool({
  name: "gen_primes",
  description:
    "Prime numbers from a starting point: either the first count primes ≥ from, or every prime between from and " +
    `up_to (inclusive). Give exactly one of count and up_to. Numbers up to ${MAX_PRIME_SEARCH}; at most ` +
    `${MAX_VALUES} primes per call.`,
  parameters: {
    count: z.number().int().min(1).max(MAX_VALUES).optional().describe("How many primes to return."),
    up_to: z.number().int().min(0).optional().describe("Largest number to consider."),
    from: z
      .number()
      .int()
      .min(0)
      .max(MAX_PRIME_SEARCH)
      .default(2)
      .describe("Smallest number to consider (default 2)."),
  },
  latency: "medium",
  mutates: false,
  run: (_state: DataGenerationState, args) => {
    const values = primes({ from: args.from, count: args.count, upTo: args.up_to });
    return { values, count: values.length };
  },
});

export const SEQUENCE_TOOLS = [genRange, genFibonacci, genPrimes];

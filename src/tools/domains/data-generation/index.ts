import { defineDomain } from "../../domain.ts";
import { RANDOM_TOOLS } from "./random-tools.ts";
import { SEQUENCE_TOOLS } from "./sequence-tools.ts";
import { DataGenerationState } from "./state.ts";
import { STATE_TOOLS } from "./state-tools.ts";

/** Deterministic data generation: sequences, seeded random values and records, id counters and random streams. */
export const dataGenerationDomain = defineDomain<DataGenerationState>({
  name: "data-generation",
  description:
    "Generate data deterministically: ranges, Fibonacci numbers, primes, seeded random numbers, UUIDs, shuffles " +
    "and sample records, plus named id counters and seeded random streams kept in state.",
  config: DataGenerationState,
  tools: [...SEQUENCE_TOOLS, ...RANDOM_TOOLS, ...STATE_TOOLS],
});

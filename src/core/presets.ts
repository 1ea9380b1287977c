import { type Condition, type ConditionInput, Condition as ConditionSchema } from "./condition.ts";
import type { LatencyClass, LatencyModel } from "./latency.ts";

const fixed = (ticks: number): LatencyModel => ({ kind: "fixed", ticks });
const everyClass = (model: LatencyModel): Record<LatencyClass, LatencyModel> => ({
  instant: model,
  fast: model,
  medium: model,
  slow: model,
  "very-slow": model,
});

/** Per-class lognormal latencies: the default, realistic mix of quick lookups and slow jobs. */
const realistic: Record<LatencyClass, LatencyModel> = {
  instant: fixed(0),
  fast: { kind: "lognormal", median: 1, sigma: 0.5, max: 6 },
  medium: { kind: "lognormal", median: 3, sigma: 0.5, max: 15 },
  slow: { kind: "lognormal", median: 8, sigma: 0.5, max: 40 },
  "very-slow": { kind: "lognormal", median: 20, sigma: 0.6, max: 120 },
};

const presetInputs: ConditionInput[] = [
  {
    name: "sync",
    description: "Classic blocking function calling: results in the tool message, realistic latencies.",
    protocol: "sync",
    latency: realistic,
  },
  {
    name: "async-zero",
    description: "Asynchronous protocol with zero latency: every result arrives at the next turn.",
    protocol: "async",
    latency: everyClass(fixed(0)),
  },
  {
    name: "async-round",
    description: "The AsyncTool paper's setting: every call takes one extra round.",
    protocol: "async",
    latency: everyClass(fixed(1)),
  },
  {
    name: "async-realistic",
    description: "Asynchronous protocol, per-class lognormal latencies (default).",
    protocol: "async",
    latency: realistic,
  },
  {
    name: "async-contention",
    description: "Realistic latencies; each tool serves one call at a time and extra calls queue.",
    protocol: "async",
    latency: realistic,
    contention: { mode: "queue", defaultCapacity: 1 },
  },
  {
    name: "async-faults",
    description: "Realistic latencies; 10% of calls fail with a retryable error and no effect.",
    protocol: "async",
    latency: realistic,
    faults: { probability: 0.1 },
  },
];

export const CONDITION_PRESETS: readonly Condition[] = presetInputs.map((input) =>
  ConditionSchema.parse(input),
);
export const DEFAULT_CONDITION = "async-realistic";

export function findPreset(name: string): Condition | undefined {
  return CONDITION_PRESETS.find((preset) => preset.name === name);
}

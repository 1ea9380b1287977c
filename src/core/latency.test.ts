import { describe, expect, it } from "vitest";
import { LatencyModel, sampleLatency } from "./latency.ts";
import { keyedRng } from "./rng.ts";

function samples(model: LatencyModel, count = 4000): number[] {
  const rng = keyedRng("latency-test", JSON.stringify(model));
  return Array.from({ length: count }, () => sampleLatency(model, rng));
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe("sampleLatency", () => {
  it("fixed always returns its ticks", () => {
    expect(new Set(samples({ kind: "fixed", ticks: 3 }, 50))).toEqual(new Set([3]));
  });

  it("uniform stays within [min, max] and hits both ends", () => {
    const values = samples({ kind: "uniform", min: 2, max: 5 });
    expect(Math.min(...values)).toBe(2);
    expect(Math.max(...values)).toBe(5);
  });

  it("lognormal has the configured median and respects its cap", () => {
    const values = samples({ kind: "lognormal", median: 8, sigma: 0.5, max: 20 });
    expect(medianOf(values)).toBe(8);
    expect(Math.max(...values)).toBe(20);
    expect(values.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
  });

  it("pareto never goes below its scale and has a heavy tail", () => {
    const values = samples({ kind: "pareto", scale: 2, shape: 1.5 });
    expect(Math.min(...values)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...values)).toBeGreaterThan(20);
  });

  it("rejects malformed models", () => {
    expect(LatencyModel.safeParse({ kind: "uniform", min: 5, max: 2 }).success).toBe(false);
    expect(LatencyModel.safeParse({ kind: "fixed", ticks: -1 }).success).toBe(false);
    expect(LatencyModel.safeParse({ kind: "gamma", ticks: 1 }).success).toBe(false);
  });
});

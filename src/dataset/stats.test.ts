import { describe, expect, it } from "vitest";
import { counterScenario } from "../env/testing/counter-scenarios.ts";
import { datasetStats } from "./stats.ts";

describe("datasetStats", () => {
  it("counts scenarios, task counts, compositions, patterns, steps and pool tasks used", () => {
    const base = counterScenario();
    const tagged = {
      ...base,
      tasks: base.tasks.map((task, index) => ({
        ...task,
        origin: `counter/t${index}@counter-00${index}${index === 1 ? "+deepen" : ""}`,
      })),
    };
    const two = {
      ...tagged,
      id: "two",
      composition: "cross-domain" as const,
      tasks: tagged.tasks.slice(0, 2),
      headroom: { tOpt: 4, tSeq: 10 },
    };
    const stats = datasetStats({ a: [tagged, two] });
    expect(stats.splits.a).toEqual({
      scenarios: 2,
      byTaskCount: { "3": 1, "2": 1 },
      byComposition: { "same-domain": 1, "cross-domain": 1 },
      byPattern: { chain: 2, "fan-in": 2, single: 1 },
      stepsPerTask: { min: 1, mean: 2.6, max: 3 },
      singleTasksUsed: 3,
      headroom: { count: 1, min: 2.5, p25: 2.5, median: 2.5, p75: 2.5, max: 2.5 },
    });
    expect(stats.tasks).toBe(3);
    expect(stats.domains).toEqual({ counter: 3 });
    expect(stats.domainPatterns.counter).toEqual({ chain: 1, "fan-in": 1, single: 1 });
  });
});

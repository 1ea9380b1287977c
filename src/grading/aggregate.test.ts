import { describe, expect, it } from "vitest";
import { aggregate, bootstrapMean, choose, groupsOf, passHatK } from "./aggregate.ts";
import { asyncGap } from "./async-gap.ts";
import { emptyCounts, FAILURE_KINDS } from "./failure-types.ts";
import { EpisodeScore, SummaryRow } from "./score-schema.ts";
import { summarize } from "./summarize.ts";
import { fakeScore } from "./testing/fake-score.ts";

describe("bootstrapMean", () => {
  const values = Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? 1 : 0));

  it("is reproducible from its key and changes with it", () => {
    const continuous = Array.from({ length: 40 }, (_, index) => Math.sin(index) ** 2);
    expect(bootstrapMean(continuous, [1, "x"])).toEqual(bootstrapMean(continuous, [1, "x"]));
    expect(bootstrapMean(continuous, [2, "x"])).not.toEqual(bootstrapMean(continuous, [1, "x"]));
  });

  it("brackets the mean with a plausible 95% interval", () => {
    const interval = bootstrapMean(values, [0]);
    expect(interval.mean).toBe(0.5);
    expect(interval.n).toBe(40);
    // Normal approximation: 0.5 ± 1.96·sqrt(0.25/40) ≈ 0.5 ± 0.155.
    expect(interval.low).toBeGreaterThan(0.3);
    expect(interval.low).toBeLessThan(0.42);
    expect(interval.high).toBeGreaterThan(0.58);
    expect(interval.high).toBeLessThan(0.7);
  });

  it.each([
    [[], { mean: null, low: null, high: null, n: 0 }],
    [[0.7, 0.7, 0.7], { mean: 0.7, low: 0.7, high: 0.7, n: 3 }],
  ])("degenerate samples %j", (sample, expected) => {
    const interval = bootstrapMean(sample, [0]);
    expect(interval.n).toBe(expected.n);
    for (const key of ["mean", "low", "high"] as const) {
      if (expected[key] === null) expect(interval[key]).toBeNull();
      else expect(interval[key]).toBeCloseTo(expected[key] as number);
    }
  });
});

describe("pass^k", () => {
  it.each([
    [5, 0, 1],
    [5, 2, 10],
    [3, 4, 0],
    [4, 4, 1],
  ])("choose(%d, %d) = %d", (n, k, expected) => {
    expect(choose(n, k)).toBe(expected);
  });

  const trials = [true, true, false].map((success, trial) => fakeScore({ scenario: "s1", trial, success }));
  const other = [true, true, true].map((success, trial) => fakeScore({ scenario: "s2", trial, success }));

  it.each([
    [1, (2 / 3 + 1) / 2],
    [2, (1 / 3 + 1) / 2],
    [3, (0 + 1) / 2],
  ])("pass^%d over two scenarios of three trials", (k, expected) => {
    const [row] = passHatK([...trials, ...other], k);
    expect(row?.passHatK).toBeCloseTo(expected);
    expect(row?.scenarios).toBe(2);
  });

  it("leaves out scenarios with fewer than k trials and infra-error episodes", () => {
    const withInfra = [...trials, fakeScore({ scenario: "s1", trial: 3, infraError: true, success: false })];
    expect(passHatK(withInfra, 4)).toEqual([
      { agent: "a", condition: "async-round", k: 4, passHatK: null, scenarios: 0 },
    ]);
  });
});

describe("summarize and aggregate", () => {
  const scores = [
    fakeScore({ success: true, ae: 1, f1: 1 }),
    fakeScore({ success: false, f1: 0.5, failures: { ...emptyCounts(), dependencyViolation: 2 } }),
    fakeScore({ success: true, ae: 0.5, f1: 1, failures: { ...emptyCounts(), invalidCall: 1 } }),
    fakeScore({ success: false, infraError: true, reason: "infra-error" }),
    fakeScore({ agent: "b", success: true, ae: 0 }),
  ];

  it("gives one summary row per agent × condition in the issue's shape", () => {
    const rows = summarize(scores);
    for (const row of rows) SummaryRow.parse(row);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "agent",
      "condition",
      "episodes",
      "overall",
      "subtaskSuccess",
      "stepF1",
      "asyncEfficiency",
      "speedup",
      "failures",
    ]);
    expect(Object.keys(rows[0]?.failures ?? {})).toEqual([...FAILURE_KINDS]);
    expect(rows[0]).toMatchObject({
      agent: "a",
      episodes: 3,
      overall: 2 / 3,
      stepF1: 2.5 / 3,
      asyncEfficiency: 0.75,
      speedup: 2,
      failures: { dependencyViolation: 1 / 3, invalidCall: 1 / 3, taskNeglect: 0 },
    });
    expect(rows[1]).toMatchObject({ agent: "b", episodes: 1, overall: 1, asyncEfficiency: 0 });
  });

  it("breaks down by split, domain, pattern and task count", () => {
    const mixed = fakeScore({
      domains: ["math", "trading"],
      patterns: ["chain", "fan-in"],
      taskCount: 2,
      success: false,
      subtaskSuccess: 0.5,
      subtasks: [
        { ...fakeScore().subtasks[0], taskId: "T1", domain: "math", patterns: ["chain"], success: true },
        { ...fakeScore().subtasks[0], taskId: "T2", domain: "trading", patterns: ["fan-in"], success: false },
      ] as EpisodeScore["subtasks"],
    });
    expect(groupsOf(mixed, "domain")).toEqual(["math", "trading"]);
    expect(groupsOf(mixed, "taskCount")).toEqual(["2"]);
    const byDomain = aggregate([mixed], { by: "domain", resamples: 50 });
    expect(byDomain.map((row) => [row.group, row.subtaskSuccess.mean, row.overall.mean])).toEqual([
      ["math", 1, 0],
      ["trading", 0, 0],
    ]);
    const bySplit = aggregate(scores, { by: "split", resamples: 50 });
    expect(bySplit.map((row) => [row.agent, row.group, row.episodes])).toEqual([
      ["a", "test", 3],
      ["b", "test", 1],
    ]);
    expect(bySplit[0]?.asyncEfficiency.n).toBe(2);
  });

  it("computes the async gap paired by scenario", () => {
    const gapScores = ["s1", "s2", "s3", "s4"].flatMap((scenario, index) => [
      fakeScore({ scenario, condition: "sync", success: true }),
      fakeScore({ scenario, condition: "async-round", success: index % 2 === 0 }),
    ]);
    gapScores.push(fakeScore({ scenario: "s5", condition: "sync", success: false }));
    const overall = asyncGap(gapScores, { sync: "sync", async: "async-round", resamples: 200 }).find(
      (row) => row.metric === "overall",
    );
    expect(overall).toMatchObject({ sync: 1, async: 0.5, gap: 0.5, scenarios: 4 });
    expect(overall?.low).toBeLessThanOrEqual(0.5);
    expect(overall?.high).toBeGreaterThanOrEqual(0.5);
  });

  it("fake scores satisfy the score schema", () => {
    for (const score of scores) EpisodeScore.parse(score);
  });
});

import { describe, expect, it } from "vitest";
import { emptyCounts } from "../grading/failure-types.ts";
import { buildGaps, buildLeaderboard, buildSlice, leaderboardRows, scoresOf } from "./leaderboard.ts";
import { fakeEpisode } from "./testing/fake-episode.ts";

const failures = (kind: "taskNeglect" | "dependencyViolation") => ({ ...emptyCounts(), [kind]: 1 });

describe("leaderboardRows", () => {
  const episodes = [
    // Agent "good": succeeds everywhere, fast under async.
    ...["s1", "s2"].map((scenario) =>
      fakeEpisode({ agent: "good", scenario, protocol: "sync", score: { ae: 0 } }),
    ),
    ...["s1", "s2"].map((scenario) => fakeEpisode({ agent: "good", scenario, score: { ae: 1 } })),
    // Agent "flaky": half its async episodes fail with a neglected task.
    fakeEpisode({ agent: "flaky", scenario: "s1", protocol: "sync" }),
    fakeEpisode({ agent: "flaky", scenario: "s2", protocol: "sync" }),
    fakeEpisode({
      agent: "flaky",
      scenario: "s1",
      score: { success: false, failures: failures("taskNeglect") },
    }),
    fakeEpisode({ agent: "flaky", scenario: "s2", score: { ae: 0.5 } }),
    // An ungraded and an infra-error episode: listed, not averaged.
    fakeEpisode({ agent: "flaky", scenario: "s3", score: null }),
    fakeEpisode({ agent: "flaky", scenario: "s4", score: { infraError: true, success: false } }),
  ];
  const rows = leaderboardRows(episodes, buildGaps(episodes));
  const row = (agent: string, condition: string) => {
    const found = rows.find((candidate) => candidate.agent === agent && candidate.condition === condition);
    if (!found) throw new Error(`no row ${agent} ${condition}`);
    return found;
  };

  it.each([
    // agent, condition, protocol, graded episodes, overall, AE, gap (sync − async)
    ["good", "sync", "sync", 2, 1, 0, null],
    ["good", "async-round", "async", 2, 1, 1, 0],
    ["flaky", "sync", "sync", 2, 1, null, null],
    ["flaky", "async-round", "async", 2, 0.5, 0.5, 0.5],
  ] as const)("%s under %s", (agent, condition, protocol, episodesCount, overall, ae, gap) => {
    const found = row(agent, condition);
    expect(found.protocol).toBe(protocol);
    expect(found.episodes).toBe(episodesCount);
    expect(found.overall.mean).toBeCloseTo(overall);
    if (ae === null) expect(found.asyncEfficiency.mean).toBeNull();
    else expect(found.asyncEfficiency.mean).toBeCloseTo(ae);
    if (gap === null) expect(found.asyncGap).toBeNull();
    else expect(found.asyncGap?.gap).toBeCloseTo(gap);
  });

  it("counts ungraded and infra-error episodes apart", () => {
    expect(row("flaky", "async-round")).toMatchObject({ ungraded: 1, infraErrors: 1 });
    expect(row("good", "async-round")).toMatchObject({ ungraded: 0, infraErrors: 0 });
  });

  it("reports failures as the share of graded episodes", () => {
    expect(row("flaky", "async-round").failures.taskNeglect).toBe(0.5);
    expect(row("good", "async-round").failures.taskNeglect).toBe(0);
  });

  it("sorts by Overall, then AE, then name", () => {
    expect(rows.map((found) => `${found.agent}/${found.condition}`)).toEqual([
      "good/async-round",
      "good/sync",
      "flaky/sync",
      "flaky/async-round",
    ]);
  });
});

describe("tokens and cost", () => {
  it.each([
    [[10, 20], [0.5, 0.25], 15, 0.75],
    [[10, 30], [0.5, null], 20, null],
  ] as const)("tokens %j, costs %j → mean %d, total %s", (tokens, costs, meanTokens, total) => {
    const episodes = tokens.map((inputTokens, index) =>
      fakeEpisode({
        scenario: `s${index}`,
        inputTokens,
        outputTokens: inputTokens,
        costUsd: costs[index] ?? null,
      }),
    );
    const [row] = leaderboardRows(episodes, []);
    expect(row?.inputTokens).toBe(meanTokens);
    expect(row?.outputTokens).toBe(meanTokens);
    if (total === null) expect(row?.costUsd).toBeNull();
    else expect(row?.costUsd).toBeCloseTo(total);
  });
});

describe("buildGaps", () => {
  it("pairs each async condition with the agent's first sync condition, per metric", () => {
    const episodes = [
      fakeEpisode({ condition: "sync", protocol: "sync" }),
      fakeEpisode({ condition: "async-a", score: { success: false } }),
      fakeEpisode({ condition: "async-b" }),
    ];
    const gaps = buildGaps(episodes);
    expect(
      gaps.filter((gap) => gap.metric === "overall").map((gap) => [gap.asyncCondition, gap.gap]),
    ).toEqual([
      ["async-a", 1],
      ["async-b", 0],
    ]);
    expect(gaps.every((gap) => gap.syncCondition === "sync")).toBe(true);
  });

  it("gives no gap to an agent without a sync run", () => {
    expect(buildGaps([fakeEpisode({ condition: "async-a" })])).toEqual([]);
  });
});

describe("buildSlice", () => {
  it("orders task counts numerically", () => {
    const episodes = [10, 2, 3].map((taskCount) =>
      fakeEpisode({ scenario: `s${taskCount}`, score: { taskCount } }),
    );
    expect(buildSlice(scoresOf(episodes), "taskCount").map((row) => row.group)).toEqual(["2", "3", "10"]);
  });

  it("puts a mixed-domain scenario in each of its domains", () => {
    const episodes = [fakeEpisode({ score: { domains: ["math", "trading"] } })];
    expect(buildSlice(scoresOf(episodes), "domain").map((row) => row.group)).toEqual(["math", "trading"]);
  });
});

describe("buildLeaderboard", () => {
  it("is deterministic for a seed", () => {
    const episodes = ["s1", "s2", "s3"].map((scenario, index) =>
      fakeEpisode({ scenario, score: { success: index !== 1 } }),
    );
    expect(buildLeaderboard(episodes, { seed: 3 })).toEqual(buildLeaderboard(episodes, { seed: 3 }));
    expect(buildLeaderboard(episodes).slices.pattern.map((row) => row.group)).toEqual(["chain"]);
  });
});

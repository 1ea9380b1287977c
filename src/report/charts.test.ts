import { describe, expect, it } from "vitest";
import { emptyCounts } from "../grading/failure-types.ts";
import {
  agentLabels,
  assertStaticSvg,
  chartSpecs,
  failureSpec,
  overallVersusAeSpec,
  renderChartSvg,
  renderCharts,
  syncAsyncSpec,
  taskCountSpec,
} from "./charts.ts";
import { buildLeaderboard } from "./leaderboard.ts";
import { fakeEpisode } from "./testing/fake-episode.ts";

const episodes = [
  fakeEpisode({ agent: "m1", condition: "sync", protocol: "sync", score: { ae: 0, taskCount: 2 } }),
  fakeEpisode({ agent: "m1", score: { ae: 0.5, taskCount: 2 } }),
  fakeEpisode({
    agent: "m2",
    scenario: "s2",
    score: { success: false, taskCount: 3, failures: { ...emptyCounts(), dependencyViolation: 2 } },
  }),
];
const leaderboard = buildLeaderboard(episodes);

describe("chart specs", () => {
  it("carry their data inline (nothing to fetch)", () => {
    const specs = chartSpecs(leaderboard);
    expect(specs.map((chart) => chart.id)).toEqual(["sync-async", "overall-ae", "failures", "task-count"]);
    for (const chart of specs) {
      const data = (chart.spec as { data?: { values?: unknown[]; url?: string } }).data;
      expect(data?.url).toBeUndefined();
      expect(data?.values?.length).toBeGreaterThan(0);
    }
  });

  it("plot only what is defined", () => {
    const values = (chart: ReturnType<typeof overallVersusAeSpec>) => {
      if (!chart) throw new Error("expected a chart");
      return (chart.spec as { data: { values: Array<Record<string, unknown>> } }).data.values;
    };
    // m2 failed, so it has no AE: two points, both m1's.
    expect(values(overallVersusAeSpec(leaderboard.rows)).map((point) => point.agent)).toEqual(["m1", "m1"]);
    expect(values(failureSpec(leaderboard.rows)).filter((cell) => cell.share !== 0)).toEqual([
      { run: "m2 · async-round", kind: "dependency violation", share: 1, label: "100%" },
    ]);
    expect(values(taskCountSpec(leaderboard.slices.taskCount)).map((point) => point.tasks)).toEqual([
      2, 2, 3,
    ]);
  });

  it("are absent without data", () => {
    const empty = buildLeaderboard([]);
    expect(syncAsyncSpec(empty.rows)).toBeNull();
    expect(overallVersusAeSpec(empty.rows)).toBeNull();
    expect(failureSpec(empty.rows)).toBeNull();
    expect(taskCountSpec(empty.slices.taskCount)).toBeNull();
  });
});

describe("agentLabels", () => {
  it.each([
    [
      ["openai:gpt-x", "anthropic:claude-y", "oracle"],
      ["gpt-x", "claude-y", "oracle"],
    ],
    [
      ["openai:m", "openai-compatible:m"],
      ["openai:m", "openai-compatible:m"],
    ],
    [
      ["openai:m", "m"],
      ["openai:m", "m"],
    ],
    [
      ["prompt:", "x"],
      ["prompt:", "x"],
    ],
  ])("%j → %j", (agents, expected) => {
    expect(agents.map(agentLabels(agents))).toEqual(expected);
  });
});

describe("renderChartSvg", () => {
  it("renders every chart to static SVG with the data's labels", async () => {
    const charts = await renderCharts(leaderboard);
    expect(charts).toHaveLength(4);
    for (const chart of charts) {
      expect(chart.svg.startsWith("<svg")).toBe(true);
      expect(chart.svg).toContain("</svg>");
    }
    expect(charts[0]?.svg).toContain("m1");
  });

  it("escapes markup in labels", async () => {
    const hostile = buildLeaderboard([fakeEpisode({ agent: "<script>alert(1)</script>" })]);
    const spec = syncAsyncSpec(hostile.rows);
    if (!spec) throw new Error("expected a chart");
    const svg = await renderChartSvg(spec.spec);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
  });
});

describe("assertStaticSvg", () => {
  it.each([
    ['<svg><text>on = "x" and javascript: as text</text></svg>', true],
    ['<svg><g aria-label="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"><text>x</text></g></svg>', true],
    ["<svg><rect ONCLICK='alert(1)'/></svg>", false],
    ["<svg><script>alert(1)</script></svg>", false],
    ['<svg><rect onload="alert(1)"/></svg>', false],
    ['<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', false],
    ["<svg><foreignObject><div/></foreignObject></svg>", false],
    ["<div></div>", false],
  ])("%s → allowed %s", (svg, allowed) => {
    if (allowed) expect(assertStaticSvg(svg)).toBe(svg);
    else expect(() => assertStaticSvg(svg)).toThrow(/active content/);
  });
});

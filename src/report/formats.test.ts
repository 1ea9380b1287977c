import { describe, expect, it } from "vitest";
import { emptyCounts, FAILURE_KINDS } from "../grading/failure-types.ts";
import {
  CSV_HEADERS,
  csvCell,
  markdownCell,
  markdownTable,
  renderCsv,
  renderMarkdown,
  renderText,
} from "./formats.ts";
import { buildLeaderboard } from "./leaderboard.ts";
import { formatGap, formatInterval, formatTopFailures, leaderboardTable } from "./tables.ts";
import { fakeEpisode } from "./testing/fake-episode.ts";

describe("formatInterval", () => {
  it.each([
    [{ mean: null, low: null, high: null, n: 0 }, "-"],
    [{ mean: 0.5, low: 0.5, high: 0.5, n: 3 }, "0.50"],
    [{ mean: 0.8333, low: 0.6, high: 1, n: 6 }, "0.83 [0.60–1.00]"],
    [{ mean: -0.25, low: -1.5, high: 0.5, n: 6 }, "-0.25 [-1.50–0.50]"],
  ])("%j → %s", (interval, expected) => {
    expect(formatInterval(interval)).toBe(expected);
  });
});

describe("formatGap", () => {
  it.each([
    [null, "-"],
    [{ syncCondition: "sync", gap: null, low: null, high: null }, "-"],
    [{ syncCondition: "sync", gap: 0.25, low: 0, high: 0.5 }, "+0.25 [0.00–0.50]"],
    [{ syncCondition: "sync", gap: -0.1, low: -0.1, high: -0.1 }, "-0.10"],
    [{ syncCondition: "sync", gap: 0, low: 0, high: 0 }, "0.00"],
  ])("%j → %s", (gap, expected) => {
    expect(formatGap(gap)).toBe(expected);
  });
});

describe("formatTopFailures", () => {
  it.each([
    [{}, "none"],
    [{ taskNeglect: 0.25, dependencyViolation: 1 }, "dependency violation 100%, task neglect 25%"],
    [
      { taskNeglect: 0.5, wrongAnswer: 0.4, toolConfusion: 0.3, invalidCall: 0.2 },
      "task neglect 50%, wrong answer 40%, tool confusion 30%, …",
    ],
  ])("%j → %s", (shares, expected) => {
    expect(formatTopFailures({ ...emptyCounts(), ...shares })).toBe(expected);
  });
});

describe("markdownCell", () => {
  it.each([
    ["plain", "plain"],
    ["a|b", "a\\|b"],
    ["two\nlines", "two lines"],
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["a_b*c`d", "a\\_b\\*c\\`d"],
    [0.5, "0.5"],
  ])("%j → %j", (value, expected) => {
    expect(markdownCell(value)).toBe(expected);
  });

  it("right-aligns numeric columns", () => {
    const table = { id: "t", title: "T", headers: ["name", "n"], rows: [["a", 1]] };
    expect(markdownTable(table).split("\n")[1]).toBe("| --- | ---: |");
  });
});

describe("csvCell", () => {
  it.each([
    [null, ""],
    [0.25, "0.25"],
    [Number.NaN, ""],
    ["plain", "plain"],
    ['say "hi", twice', '"say ""hi"", twice"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["-1+1", "'-1+1"],
    ["@cmd", "'@cmd"],
    ["line\nbreak", '"line\nbreak"'],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("renderings of one leaderboard", () => {
  const episodes = [
    fakeEpisode({ agent: "m|1", condition: "sync", protocol: "sync" }),
    fakeEpisode({ agent: "m|1", score: { success: false, failures: { ...emptyCounts(), taskNeglect: 1 } } }),
  ];
  const leaderboard = buildLeaderboard(episodes);

  it("CSV: every line has the header's column count", () => {
    const lines = renderCsv(leaderboard).trimEnd().split("\r\n");
    expect(lines[0]?.split(",")).toEqual(CSV_HEADERS);
    const rows = lines.slice(1);
    expect(rows.filter((line) => line.startsWith("leaderboard,"))).toHaveLength(2);
    expect(rows.filter((line) => line.startsWith("slice,"))).toHaveLength(6);
    for (const line of rows) expect(line.split(",")).toHaveLength(CSV_HEADERS.length);
    expect(CSV_HEADERS).toEqual(expect.arrayContaining([...FAILURE_KINDS]));
  });

  it("text and Markdown show the same leaderboard cells", () => {
    const table = leaderboardTable(leaderboard.rows);
    const text = renderText(leaderboard);
    const markdown = renderMarkdown(leaderboard, { title: "T" });
    for (const row of table.rows) {
      expect(text).toContain(String(row[4]));
      expect(markdown).toContain(`| ${markdownCell(row[0] as number)} | m\\|1 |`);
    }
    expect(markdown.startsWith("# T\n")).toBe(true);
    expect(text).toContain("task neglect 100%");
  });
});

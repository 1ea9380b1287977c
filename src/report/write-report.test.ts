import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltReport, buildReport } from "./build-report.ts";
import { renderCsv } from "./formats.ts";
import { fakeEpisode } from "./testing/fake-episode.ts";
import { reportStdout, writeReportFiles } from "./write-report.ts";

const dir = mkdtempSync(join(tmpdir(), "asynctool-report-write-"));
let built: BuiltReport;

beforeAll(async () => {
  built = await buildReport(
    {
      sources: ["r1"],
      episodes: [
        fakeEpisode({ agent: "m", condition: "sync", protocol: "sync" }),
        fakeEpisode({ agent: "m", score: { success: false } }),
      ],
      scenarios: [],
      conditions: [],
      warnings: [],
    },
    { title: "T" },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeReportFiles", () => {
  it("writes only the files asked for, creating folders, and reports their sizes", () => {
    const html = join(dir, "out", "report.html");
    const csv = join(dir, "out", "nested", "report.csv");
    const written = writeReportFiles(built, { html, csv });
    expect(written.map((file) => file.path)).toEqual([html, csv]);
    expect(written[0]?.bytes).toBe(readFileSync(html).length);
    expect(readFileSync(csv, "utf8")).toBe(renderCsv(built.leaderboard));
    expect(readFileSync(html, "utf8")).toMatch(/^<!doctype html>/);
    expect(existsSync(join(dir, "out", "report.md"))).toBe(false);
  });

  it("writes nothing when no file is asked for", () => {
    expect(writeReportFiles(built, {})).toEqual([]);
  });
});

describe("reportStdout", () => {
  it("prints tables, or the JSON document", () => {
    expect(reportStdout(built, { json: false })).toMatch(
      /^Leaderboard \(means with 95% bootstrap intervals\)\n/,
    );
    const json = JSON.parse(reportStdout(built, { json: true }));
    expect(Object.keys(json)).toEqual(["sources", "episodes", "leaderboard", "gaps", "slices", "warnings"]);
    expect(json.leaderboard.map((row: { condition: string }) => row.condition)).toEqual([
      "sync",
      "async-round",
    ]);
    expect(json.gaps.find((gap: { metric: string }) => gap.metric === "overall").gap).toBe(1);
  });
});

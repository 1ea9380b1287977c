import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSavedTraces } from "../../src/cli/score.ts";
import { EpisodeScore, gradeEpisode, SummaryRow } from "../../src/grading/index.ts";
import { exampleSlice, runCli } from "./run-helpers.ts";

/**
 * `asynctool score DIR` re-grades the traces `asynctool run --trace-out DIR` saved: the scores equal
 * the ones `run` computed live, and the ones grading computes in this process.
 */
let dir: string;
let traces: string;
let live: {
  results: Array<{ scenario: string; agent: string; condition: string; trial: number; score?: unknown }>;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "asynctool-score-"));
  traces = join(dir, "traces");
  const split = exampleSlice(["ex-math-fanin-chain", "ex-cross-three"], dir);
  const run = await runCli([
    "run",
    "--split",
    split,
    ...["-a", "oracle", "-a", "eager", "-a", "forgetful"],
    ...["-c", "async-realistic", "-c", "sync", "--seed", "3", "--trials", "2"],
    "--no-store",
    "--no-progress",
    "--trace-out",
    traces,
    "--json",
  ]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  live = JSON.parse(run.stdout);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("asynctool score", () => {
  it("re-grades saved traces to the scores run computed live", async () => {
    const result = await runCli(["score", traces, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const regraded = JSON.parse(result.stdout) as {
      results: Array<{ scenario: string; agent: string; condition: string; trial: number; score: unknown }>;
      summary: unknown[];
    };
    expect(regraded.results).toHaveLength(2 * 3 * 2 * 2);
    expect(readdirSync(traces)).toHaveLength(regraded.results.length);
    const key = (row: { scenario: string; agent: string; condition: string; trial: number }) =>
      `${row.scenario}/${row.agent}/${row.condition}/${row.trial}`;
    const liveScores = new Map(live.results.map((row) => [key(row), row.score]));
    for (const row of regraded.results) {
      EpisodeScore.parse(row.score);
      expect(row.score, key(row)).toEqual(liveScores.get(key(row)));
    }
    for (const row of regraded.summary) SummaryRow.parse(row);
    const oracle = regraded.summary.find(
      (row) => (row as { agent: string; condition: string }).agent === "oracle",
    ) as SummaryRow;
    expect(oracle).toMatchObject({ overall: 1, asyncEfficiency: 1, stepF1: 1 });
    const eager = regraded.summary.find((row) => (row as SummaryRow).agent === "eager") as SummaryRow;
    expect(eager.failures.dependencyViolation).toBe(1);
  });

  it("gives the same scores as grading in process, and prints tables without --json", async () => {
    const saved = readSavedTraces(traces);
    const inProcess = await Promise.all(saved.map(({ saved: episode }) => gradeEpisode(episode)));
    const result = await runCli(["score", traces, "--json"]);
    const regraded = JSON.parse(result.stdout) as { results: Array<{ score: unknown }> };
    expect(regraded.results.map((row) => row.score)).toEqual(inProcess);
    const table = await runCli(["score", traces]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/scenario\s+agent\s+condition\s+trial\s+makespan/);
    expect(table.stdout).toMatch(/failures \(share of episodes\)/);
    expect(table.stdout).toMatch(/taskNeglect 1\.00/);
  });

  it("names the file and field of a broken trace, and refuses an empty folder", async () => {
    const empty = join(dir, "empty");
    mkdirSync(empty);
    const none = await runCli(["score", empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no \.json trace files/);
    const broken = join(dir, "broken");
    mkdirSync(broken);
    writeFileSync(join(broken, "x.json"), JSON.stringify({ scenario: {}, condition: {}, trace: [] }));
    const bad = await runCli(["score", broken]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/x\.json: scenario\.id/);
    const cut = join(dir, "cut");
    mkdirSync(cut);
    const [first] = readSavedTraces(traces);
    const episode = first?.saved as NonNullable<typeof first>["saved"];
    writeFileSync(join(cut, "y.json"), JSON.stringify({ ...episode, trace: episode.trace.slice(0, -1) }));
    const unfinished = await runCli(["score", cut]);
    expect(unfinished.code).toBe(2);
    expect(unfinished.stderr).toMatch(/y\.json: trace has no episode-end event/);
  });
});

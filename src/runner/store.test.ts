import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TraceEvent } from "../core/trace.ts";
import { exportLines } from "./export.ts";
import { mergeRuns } from "./merge.ts";
import type { Provenance } from "./provenance.ts";
import { LOCK_FILE } from "./run-lock.ts";
import { type EpisodeRecord, RunStore, resolveRunDir } from "./store.ts";

const provenance: Provenance = {
  asynctool: "0.0.0",
  node: "v20",
  platform: "test",
  packages: { zod: "4.0.0" },
  gitSha: null,
  gitDirty: null,
};

function record(scenario: string, trial: number, makespan = 5): EpisodeRecord {
  const trace = [
    { seq: 0, t: 0, type: "episode-end", reason: "completed", turns: 2, makespan, finalWorld: {} },
  ] as TraceEvent[];
  return {
    scenario,
    agent: "oracle",
    condition: "sync",
    trial,
    reason: "completed",
    summary: {
      scenario,
      agent: "oracle",
      condition: "sync",
      trial,
      reason: "completed",
      makespan,
      turns: 2,
      calls: 3,
      idleTicks: 0,
    },
    score: { overall: 1 },
    trace,
    inputTokens: 10,
    outputTokens: 2,
    costUsd: 0,
    attempts: 1,
    cacheHits: 0,
    wallMs: 12,
    finishedAt: "2026-01-01T00:00:00.000Z",
  };
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "asynctool-store-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("RunStore", () => {
  it("round-trips episodes and refuses a duplicate key", () => {
    const store = RunStore.create(join(root, "a"), { runId: "a", config: null, provenance });
    store.saveEpisode(record("s1", 0));
    store.saveEpisode(record("s1", 1));
    expect(() => store.saveEpisode(record("s1", 0, 9))).toThrow(/UNIQUE/);
    expect(store.episodeCount).toBe(2);
    expect([...store.episodes()]).toEqual([record("s1", 0), record("s1", 1)]);
    const { trace: _trace, ...withoutTrace } = record("s1", 1);
    expect([...store.results()][1]).toEqual(withoutTrace);
    store.close();
    const reopened = RunStore.open(join(root, "a"));
    expect(reopened.runId).toBe("a");
    expect(reopened.provenance()).toEqual(provenance);
    expect(reopened.storedKeys().size).toBe(2);
    reopened.close();
  });

  it("will not create a second run in the same directory, and finds runs by id", () => {
    RunStore.create(join(root, "b"), { runId: "b", config: null, provenance }).close();
    expect(() => RunStore.create(join(root, "b"), { runId: "b2", config: null, provenance })).toThrow(
      /--resume/,
    );
    expect(resolveRunDir("b", root)).toBe(join(root, "b"));
    expect(() => resolveRunDir("nope", root)).toThrow(/no run "nope"/);
  });

  it("keeps scenarios and rejects a changed scenario under a known id", () => {
    const store = RunStore.create(join(root, "c"), { runId: "c", config: null, provenance });
    const scenario = { id: "x", seed: 1, tasks: [] } as never;
    store.saveScenarios([scenario]);
    store.saveScenarios([scenario]);
    expect(store.scenarios()).toEqual([scenario]);
    expect(() => store.saveScenarios([{ id: "x", seed: 2, tasks: [] } as never])).toThrow(/differs/);
    store.close();
  });
});

describe("run lock", () => {
  it("refuses a second live writer and takes over a dead one's lock", () => {
    const store = RunStore.create(join(root, "l"), { runId: "l", config: null, provenance });
    store.lock();
    expect(readFileSync(join(root, "l", LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
    // The parent of this process is alive: a lock naming it belongs to a running writer.
    writeFileSync(join(root, "l", LOCK_FILE), `${process.ppid}\n`);
    const second = RunStore.open(join(root, "l"));
    expect(() => second.lock()).toThrow(`being run by process ${process.ppid}`);
    // A pid that cannot exist stands for a killed run.
    writeFileSync(join(root, "l", LOCK_FILE), "2147483646\n");
    second.lock();
    second.close();
    expect(existsSync(join(root, "l", LOCK_FILE))).toBe(false);
    store.close();
  });
});

describe("mergeRuns and export", () => {
  it("dedupes identical episodes and reports conflicting ones", () => {
    const a = RunStore.create(join(root, "a"), { runId: "run-a", config: null, provenance });
    a.saveEpisode(record("s1", 0));
    a.saveEpisode(record("s2", 0));
    a.close();
    const b = RunStore.create(join(root, "b"), { runId: "run-b", config: null, provenance });
    b.saveEpisode(record("s2", 0)); // identical duplicate
    b.saveEpisode(record("s1", 0, 7)); // same key, different trace: conflict
    b.saveEpisode(record("s3", 0));
    b.close();
    const report = mergeRuns(join(root, "m"), ["a", "b"], root);
    expect(report.inserted).toBe(3);
    expect(report.duplicates).toBe(1);
    expect(report.conflicts).toEqual([
      {
        scenario: "s1",
        agent: "oracle",
        condition: "sync",
        trial: 0,
        keptFrom: "run-a",
        droppedFrom: "run-b",
      },
    ]);
    const merged = RunStore.open(join(root, "m"));
    expect(merged.sources().map((source) => [source.runId, source.episodes])).toEqual([
      ["run-a", 2],
      ["run-b", 3],
    ]);
    const lines = [...exportLines(merged)].map((line) => JSON.parse(line));
    merged.close();
    expect(lines.map((line) => [line.scenario, line.summary.makespan])).toEqual([
      ["s1", 5],
      ["s2", 5],
      ["s3", 5],
    ]);
    expect(Object.keys(lines[0])).toEqual(
      expect.arrayContaining(["scenario", "agent", "condition", "trial", "summary", "score", "trace"]),
    );
  });

  it("refuses to merge into an existing run or the same run twice", () => {
    RunStore.create(join(root, "a"), { runId: "a", config: null, provenance }).close();
    expect(() => mergeRuns(join(root, "a"), ["a"], root)).toThrow(/already holds a run/);
    expect(() => mergeRuns(join(root, "m"), ["a", join(root, "a")], root)).toThrow(/twice/);
  });
});

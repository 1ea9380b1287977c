import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenarioFile } from "../../src/dataset/loader.ts";
import { type MockServer, type MockServerOptions, startMockServer } from "../../src/mock/index.ts";
import { exampleSlice, readEpisodes, runCli } from "./run-helpers.ts";

/**
 * `asynctool run --model` end to end: the CLI in a child process, the mock server in this one,
 * real HTTP through the official openai SDK in between.
 */
let dir: string;
let split: string;
const servers: MockServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "asynctool-run-models-"));
  split = exampleSlice(["ex-math-fanin-chain", "ex-cross-three"], dir);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function mock(options: Partial<MockServerOptions> = {}): Promise<MockServer> {
  const server = await startMockServer({ scenarios: parseScenarioFile(split), ...options });
  servers.push(server);
  return server;
}

interface JsonOutput {
  results: Array<{
    scenario: string;
    agent: string;
    reason: string;
    attempts: number;
    cacheHits: number;
    score?: { success: boolean };
  }>;
  summary: Array<{
    agent: string;
    condition: string;
    episodes: number;
    overall: number;
    failures: Record<string, number>;
  }>;
  run: { rateLimited: number; infraFailures: unknown[] };
}

function modelRun(server: MockServer, model: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  return runCli(
    [
      "run",
      "--split",
      split,
      "--model",
      `openai-compatible:${model}`,
      "--base-url",
      server.url,
      "--json",
      "--no-progress",
      ...extra,
    ],
    { env: { OPENAI_COMPATIBLE_API_KEY: "", ...env } },
  );
}

describe("asynctool run --model against the mock server", () => {
  it("retries 429 bursts and 500s (adapter) and whole episodes (runner), never as model failures", async () => {
    const server = await mock({
      seed: 3,
      faults: [
        { kind: "rate-limit", probability: 0.3, times: 2, retryAfterSeconds: 0.02 },
        { kind: "server-error", probability: 0.2, times: 1 },
        // More 429s than the adapter's six attempts: the episode fails and the runner runs it again.
        { kind: "rate-limit", scenario: "ex-cross-three", turn: 1, times: 7, retryAfterSeconds: 0.01 },
      ],
    });
    const result = await modelRun(server, "mock-oracle", [
      "-c",
      "async-realistic",
      "-c",
      "sync",
      "--no-store",
    ]);
    expect(result.stderr).not.toContain("not scored");
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as JsonOutput;
    const stats = server.stats();
    expect(stats.rateLimited).toBeGreaterThan(7);
    expect(stats.serverErrors).toBeGreaterThan(0);
    expect(output.results).toHaveLength(4);
    expect(output.results.every((row) => row.reason === "completed" && row.score?.success === true)).toBe(
      true,
    );
    // Turn 1 of ex-cross-three under each condition: those two episodes needed a second attempt.
    expect(output.results.map((row) => [row.scenario, row.attempts])).toEqual([
      ["ex-math-fanin-chain", 1],
      ["ex-math-fanin-chain", 1],
      ["ex-cross-three", 2],
      ["ex-cross-three", 2],
    ]);
    expect(output.summary.map((row) => [row.condition, row.episodes, row.overall])).toEqual([
      ["async-realistic", 2, 1],
      ["sync", 2, 1],
    ]);
    expect(output.run.rateLimited).toBeGreaterThan(0);
    expect(output.run.infraFailures).toEqual([]);
  });

  it("stops at once on a 401 with a clear message", async () => {
    const server = await mock({ apiKey: "the-right-key-123" });
    const result = await modelRun(server, "mock-oracle", ["--out", join(dir, "refused")], {
      OPENAI_COMPATIBLE_API_KEY: "the-wrong-key-456",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("refused the credentials (HTTP 401)");
    expect(result.stderr).toContain("OPENAI_COMPATIBLE_API_KEY");
    expect(result.stderr).not.toContain("the-wrong-key-456");
    // One refused request per episode that had started; nothing was retried or stored.
    expect(server.stats().requests).toBeLessThanOrEqual(2);
    expect(readEpisodes(join(dir, "refused"))).toEqual([]);
  });

  it("answers a rerun from the response cache with identical traces and no HTTP call", async () => {
    const server = await mock();
    const cache = join(dir, "cache.sqlite");
    const first = await modelRun(server, "mock-oracle", [
      "--no-store",
      "--cache",
      cache,
      "--trace-out",
      join(dir, "t1"),
    ]);
    expect(first.code).toBe(0);
    const completions = server.stats().completions;
    expect(completions).toBeGreaterThan(0);
    const second = await modelRun(server, "mock-oracle", [
      "--no-store",
      "--cache",
      cache,
      "--trace-out",
      join(dir, "t2"),
    ]);
    expect(second.code).toBe(0);
    expect(server.stats().completions).toBe(completions);
    const rows = (JSON.parse(second.stdout) as JsonOutput).results;
    expect(rows.every((row) => row.cacheHits > 0)).toBe(true);
    const files = readdirSync(join(dir, "t1")).sort();
    expect(files).toHaveLength(2);
    expect(readdirSync(join(dir, "t2")).sort()).toEqual(files);
    for (const file of files)
      expect(readFileSync(join(dir, "t2", file), "utf8")).toBe(readFileSync(join(dir, "t1", file), "utf8"));
  });

  it("gives the same traces streaming and not, and the eager script shows dependency violations", async () => {
    const server = await mock();
    const plain = await modelRun(server, "mock-eager", ["--no-store", "--trace-out", join(dir, "plain")]);
    const streamed = await modelRun(server, "mock-eager", [
      "--no-store",
      "--stream",
      "--trace-out",
      join(dir, "streamed"),
    ]);
    expect([plain.code, streamed.code]).toEqual([0, 0]);
    for (const file of readdirSync(join(dir, "plain")))
      expect(readFileSync(join(dir, "streamed", file), "utf8")).toBe(
        readFileSync(join(dir, "plain", file), "utf8"),
      );
    const summary = (JSON.parse(plain.stdout) as JsonOutput).summary;
    expect(summary[0]?.overall).toBe(0);
    expect(summary[0]?.failures.dependencyViolation).toBe(1);
  });
});

describe("merge and export", () => {
  it("joins runs made apart, dropping identical duplicates", async () => {
    const slice = (ids: string[], name: string) => exampleSlice(ids, mkdtempSync(join(dir, name)));
    const first = slice(["ex-math-fanin-chain", "ex-cross-three"], "a-");
    const second = slice(["ex-cross-three", "ex-math-fanout-three"], "b-");
    const run = (file: string, out: string) =>
      runCli([
        "run",
        "--split",
        file,
        "-a",
        "oracle",
        "-a",
        "eager",
        "-c",
        "sync",
        "--out",
        join(dir, out),
        "--no-progress",
      ]);
    expect((await run(first, "machine-a")).code).toBe(0);
    expect((await run(second, "machine-b")).code).toBe(0);
    const merged = await runCli([
      "merge",
      join(dir, "merged"),
      join(dir, "machine-a"),
      join(dir, "machine-b"),
      "--json",
    ]);
    expect(merged.code).toBe(0);
    const report = JSON.parse(merged.stdout) as {
      inserted: number;
      duplicates: number;
      conflicts: unknown[];
    };
    expect(report).toMatchObject({ inserted: 6, duplicates: 2, conflicts: [] });
    const episodes = readEpisodes(join(dir, "merged"));
    expect(new Set(episodes.map((episode) => episode.key)).size).toBe(6);
    const exported = await runCli(["export", join(dir, "merged")]);
    const lines = exported.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    for (const line of lines)
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining(["scenario", "agent", "condition", "trial", "summary", "score", "trace"]),
      );
  });
});

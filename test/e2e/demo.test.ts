import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleSlice, readEpisodes, runCli } from "./run-helpers.ts";

/** `asynctool demo`: no key, no network; reference agents and scripted models through real HTTP. */
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "asynctool-demo-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Row {
  agent: string;
  condition: string;
  episodes: number;
  overall: number;
  asyncEfficiency: number | null;
  failures: Record<string, number>;
  inputTokens: number;
}

describe("asynctool demo", () => {
  it("stores the run and prints a leaderboard where the scripts behave like their reference agents", async () => {
    const split = exampleSlice(["ex-math-fanin-chain", "ex-cross-three"], dir);
    const out = join(dir, "run");
    const result = await runCli(["demo", "--split", split, "--out", out, "--json", "--no-progress"], {
      env: { OPENAI_API_KEY: "", OPENAI_COMPATIBLE_API_KEY: "" },
    });
    expect(result.stderr).toContain("stored 24 episodes");
    expect(result.code).toBe(0);
    const { leaderboard } = JSON.parse(result.stdout) as { leaderboard: Row[] };
    const row = (agent: string, condition: string) => {
      const found = leaderboard.find((entry) => entry.agent === agent && entry.condition === condition);
      if (!found) throw new Error(`no row ${agent} ${condition}`);
      return found;
    };
    expect(leaderboard).toHaveLength(12);
    expect(leaderboard.map((entry) => entry.condition)).toEqual([
      ...Array(6).fill("async-realistic"),
      ...Array(6).fill("sync"),
    ]);
    for (const condition of ["async-realistic", "sync"]) {
      for (const agent of ["oracle", "openai-compatible:mock-oracle"]) {
        expect(row(agent, condition)).toMatchObject({ episodes: 2, overall: 1, asyncEfficiency: 1 });
      }
      expect(row("openai-compatible:mock-sequential", condition)).toMatchObject({
        overall: 1,
        asyncEfficiency: 0,
      });
      expect(row("openai-compatible:mock-eager", condition).failures.dependencyViolation).toBe(1);
      expect(row("openai-compatible:mock-forgetful", condition).failures.taskNeglect).toBe(1);
      // Models went over HTTP (token usage from the server); reference agents did not.
      expect(row("openai-compatible:mock-oracle", condition).inputTokens).toBeGreaterThan(0);
      expect(row("oracle", condition).inputTokens).toBe(0);
    }
    const episodes = readEpisodes(out);
    expect(episodes).toHaveLength(24);
    expect(episodes.every((episode) => episode.score !== null)).toBe(true);
  });
});

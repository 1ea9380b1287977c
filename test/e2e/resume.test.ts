import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countEpisodes,
  exampleSlice,
  readEpisodes,
  runCli,
  type StoredEpisode,
  sleep,
  startCli,
} from "./run-helpers.ts";

/**
 * `kill -9` in the middle of a run, then `--resume`: the store ends with exactly the episodes and
 * scores of an uninterrupted run, none duplicated. A wall-clock condition (real sleeps per tick)
 * makes episodes slow enough to kill the process between them.
 */
let dir: string;
let plan: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "asynctool-resume-"));
  const split = exampleSlice(["ex-math-fanin-chain", "ex-cross-three", "ex-math-fanout-three"], dir);
  const condition = join(dir, "slow-round.json");
  const fixed = { kind: "fixed", ticks: 1 };
  writeFileSync(
    condition,
    JSON.stringify({
      name: "slow-round",
      protocol: "async",
      latency: { instant: fixed, fast: fixed, medium: fixed, slow: fixed, "very-slow": fixed },
      wallClockMsPerTick: 15,
    }),
  );
  plan = [
    "--split",
    split,
    "-c",
    condition,
    "-c",
    "sync",
    "-a",
    "oracle",
    "-a",
    "sequential",
    "--trials",
    "2",
    "--seed",
    "5",
  ];
});

/** The same plan run in one go (once per file, whichever test asks first). */
let clean: Promise<StoredEpisode[]> | undefined;
function uninterruptedRun(): Promise<StoredEpisode[]> {
  clean ??= (async () => {
    const out = join(dir, "clean");
    const result = await runCli(["run", ...plan, "--concurrency", "4", "--out", out, "--no-progress"]);
    expect(result.code).toBe(0);
    return readEpisodes(out);
  })();
  return clean;
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("kill -9 and --resume", () => {
  it("loses and duplicates nothing", async () => {
    const killed = join(dir, "killed");
    const run = startCli(["run", ...plan, "--concurrency", "1", "--out", killed]);
    const deadline = Date.now() + 30_000;
    while (countEpisodes(killed) < 3 && Date.now() < deadline) await sleep(20);
    run.child.kill("SIGKILL");
    const first = await run.done;
    expect(first.signal).toBe("SIGKILL");
    const partial = readEpisodes(killed);
    expect(partial.length).toBeGreaterThanOrEqual(3);
    expect(partial.length).toBeLessThan(24);

    const resumed = await runCli(["run", "--resume", killed, "--json", "--no-progress"]);
    expect(resumed.stderr).toContain(`${partial.length} already stored`);
    expect(resumed.code).toBe(0);
    const json = JSON.parse(resumed.stdout) as { results: unknown[]; run: { ran: number; skipped: number } };
    expect(json.results).toHaveLength(24);
    expect(json.run.skipped).toBe(partial.length);
    expect(json.run.ran).toBe(24 - partial.length);

    const after = readEpisodes(killed);
    const reference = await uninterruptedRun();
    expect(after).toHaveLength(24);
    expect(new Set(after.map((episode) => episode.key)).size).toBe(24);
    expect(after).toEqual(reference);
    expect(after.every((episode) => episode.score !== null && episode.reason === "completed")).toBe(true);
    // The episodes stored before the kill are untouched by the resume.
    for (const episode of partial) expect(after).toContainEqual(episode);
  });

  it("stops cleanly on Ctrl-C and says how to continue", async () => {
    const out = join(dir, "interrupted");
    const run = startCli(["run", ...plan, "--concurrency", "2", "--out", out]);
    const deadline = Date.now() + 30_000;
    while (countEpisodes(out) < 2 && Date.now() < deadline) await sleep(20);
    run.child.kill("SIGINT");
    const stopped = await run.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain("SIGINT: stopping");
    expect(stopped.stderr).toContain(`continue with: asynctool run --resume ${out}`);
    const stored = readEpisodes(out);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(stored.length).toBeLessThan(24);
    expect(stored.every((episode) => episode.reason === "completed" && episode.score !== null)).toBe(true);
    const resumed = await runCli(["run", "--resume", out, "--no-progress"]);
    expect(resumed.code).toBe(0);
    expect(readEpisodes(out)).toEqual(await uninterruptedRun());
  });

  it("refuses plan flags on --resume and a store directory that already holds a run", async () => {
    const out = join(dir, "once");
    const splitArgs = plan.slice(0, 2);
    expect((await runCli(["run", ...splitArgs, "-a", "oracle", "--out", out, "--no-progress"])).code).toBe(0);
    const again = await runCli(["run", ...splitArgs, "-a", "oracle", "--out", out]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("already holds a run");
    const mixed = await runCli(["run", "--resume", out, "--trials", "3"]);
    expect(mixed.code).not.toBe(0);
    expect(mixed.stderr).toContain("drop --trials");
  });
});

import { describe, expect, it } from "vitest";
import { createProgress, episodeLabel } from "./progress.ts";

const key = { scenario: "s1", agent: "oracle", condition: "sync", trial: 0 };

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, write: (text: string) => void writes.push(text), isTTY, columns: 200 };
}

describe("progress", () => {
  it("prints one plain line per episode when not on a terminal", () => {
    const out = sink(false);
    const progress = createProgress(out);
    progress.start(10, 3);
    progress.episodeStarted(key);
    progress.episodeDone(key, "completed", 3200);
    progress.episodeDone({ ...key, trial: 1 }, "max-turns", 15_400);
    progress.note("a note");
    progress.finish();
    expect(out.writes).toEqual([
      "3 of 10 episodes already stored; running the rest\n",
      "[4/10] s1 × oracle × sync (t0): completed in 3.2s\n",
      "[5/10] s1 × oracle × sync (t1): max-turns in 15s\n",
      "a note\n",
    ]);
  });

  it("redraws one bar line on a terminal", () => {
    const out = sink(true);
    let now = 0;
    const progress = createProgress(out, { now: () => now });
    progress.start(4, 0);
    progress.episodeStarted(key);
    now = 1500;
    progress.episodeDone(key, "completed", 1500);
    progress.finish();
    const last = out.writes.at(-2) ?? "";
    expect(last.startsWith("\r\x1b[2K[")).toBe(true);
    expect(last).toContain("1/4 · 0 running · 1.5s · s1 × oracle × sync (t0): completed");
    expect(out.writes.at(-1)).toBe("\n");
    expect(out.writes.every((text) => !text.includes("\n") || text === "\n")).toBe(true);
  });

  it("can be silent", () => {
    const out = sink(false);
    createProgress(out, { quiet: true }).episodeDone(key, "completed", 1);
    expect(out.writes).toEqual([]);
    expect(episodeLabel(key)).toBe("s1 × oracle × sync (t0)");
  });
});

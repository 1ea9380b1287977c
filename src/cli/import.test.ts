/** `asynctool import` end to end on the hand-made BFCL and NESTFUL miniatures (no peer data needed). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBfclFixture, writeNestfulFixture } from "../dataset/importers/testing.ts";
import { loadSplit } from "../dataset/loader.ts";

const BIN = resolve(import.meta.dirname, "../../bin/asynctool.js");
const cli = (args: string[]) => {
  const run = spawnSync(process.execPath, [BIN, "import", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

describe("asynctool import", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "import-cli-"));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("bfcl-v3 writes loadable JSONL to --out, a summary with failures to stderr, and exits 1 on failures", () => {
    const dir = writeBfclFixture(work);
    const out = join(work, "bfcl.jsonl");
    const run = cli(["bfcl-v3", dir, "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("imported 2/3 BFCL v3 multi-turn base entries");
    expect(run.stderr).toContain("refs created: 3 in 2 entries");
    expect(run.stderr).toContain("literals from another task, left literal: 1 in 1 entries");
    expect(run.stderr).toMatch(/failures: 1\n {2}multi_turn_base_1: add\(a=1, b=1\): result/);
    expect(loadSplit(out).map((scenario) => scenario.id)).toEqual([
      "bfcl-v3-multi_turn_base_0",
      "bfcl-v3-multi_turn_base_2",
    ]);
  });

  it("nestful writes JSONL to stdout by default", () => {
    const file = writeNestfulFixture(join(work, "nestful.jsonl"));
    const run = cli(["nestful", file]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).id).toBe("nestful-math-ok");
    expect(run.stderr).toContain("imported 1 NESTFUL math records");
    expect(run.stderr).toContain("1 non-math skipped");
    expect(run.stderr).toContain("math-dangling:");
  });

  it("says where it looked when the default peer data is missing", () => {
    const run = cli(["nestful", "--peer-data", join(work, "nowhere")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("peer data not found");
    expect(run.stderr).toContain(join(work, "nowhere"));
  });

  it("exits 0 with no failures (output identical across runs)", () => {
    const file = join(work, "clean.jsonl");
    const lines = readFileSync(writeNestfulFixture(join(work, "all.jsonl")), "utf8").split("\n");
    writeFileSync(file, `${lines[0]}\n`);
    const first = cli(["nestful", file]);
    const second = cli(["nestful", file]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("failures: none");
    expect(second.stdout).toBe(first.stdout);
  });
});

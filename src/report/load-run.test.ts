import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadInputError } from "../core/errors.ts";
import { exportRun } from "../runner/export.ts";
import { RunStore } from "../runner/store.ts";
import { loadJsonlEpisodes, loadRunEpisodes, loadRuns } from "./load-run.ts";
import { storedRun } from "./testing/fixtures.ts";

const root = mkdtempSync(join(tmpdir(), "asynctool-report-load-"));
let graded: string;
let ungraded: string;
const options = { agents: ["oracle", "eager"], conditions: ["async-round"], limit: 2 };

beforeAll(async () => {
  graded = await storedRun(join(root, "graded"), options);
  ungraded = await storedRun(join(root, "ungraded"), { ...options, graded: false });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function storedScores(dir: string): unknown[] {
  const store = RunStore.open(dir);
  try {
    return [...store.episodes()].map((record) => record.score);
  } finally {
    store.close();
  }
}

describe("loadRunEpisodes", () => {
  it("reads a store's episodes, scores, scenarios and conditions", async () => {
    const input = await loadRunEpisodes(graded);
    expect(input.episodes).toHaveLength(4);
    expect(input.episodes.map((episode) => episode.score)).toEqual(storedScores(graded));
    expect(input.scenarios).toHaveLength(2);
    expect(input.conditions.map((condition) => condition.name)).toEqual(["async-round"]);
    expect(input.warnings).toEqual([]);
  });

  it("grades episodes stored without a score, as the runner would have", async () => {
    expect(storedScores(ungraded).every((score) => score === null)).toBe(true);
    const input = await loadRunEpisodes(ungraded);
    const scores = input.episodes.map((episode) => episode.score);
    expect(scores).toEqual(storedScores(graded));
    expect(scores.map((score) => `${score?.agent}:${score?.success}`)).toEqual([
      "eager:false",
      "oracle:true",
      "eager:false",
      "oracle:true",
    ]);
  });

  it("refuses what is not a run", async () => {
    await expect(loadRunEpisodes(join(root, "missing"))).rejects.toThrow(BadInputError);
  });
});

describe("JSONL exports", () => {
  let file: string;
  beforeAll(() => {
    file = join(root, "export.jsonl");
    const lines: string[] = [];
    exportRun(graded, (line) => lines.push(line));
    writeFileSync(file, lines.join(""));
  });

  it("load with the same episodes and scores as the store", async () => {
    const fromStore = await loadRunEpisodes(graded);
    const fromFile = await loadJsonlEpisodes(file, { split: "examples" });
    expect(fromFile.episodes).toEqual(fromStore.episodes);
    expect(fromFile.scenarios.length).toBeGreaterThanOrEqual(2);
    expect(fromFile.warnings).toEqual([]);
  });

  it("say so when no split gives their scenarios", async () => {
    const input = await loadJsonlEpisodes(file);
    expect(input.episodes).toHaveLength(4);
    expect(input.warnings.join("\n")).toMatch(/pass --split/);
  });

  it("name the line of a malformed record", async () => {
    const bad = join(root, "bad.jsonl");
    writeFileSync(bad, `${JSON.stringify({ scenario: "s" })}\n`);
    await expect(loadJsonlEpisodes(bad)).rejects.toThrow(/bad\.jsonl:1: (agent|trace)/);
    writeFileSync(bad, "\n{nope\n");
    await expect(loadJsonlEpisodes(bad)).rejects.toThrow(/bad\.jsonl:2: not valid JSON/);
  });
});

describe("loadRuns", () => {
  it("keeps the first copy of an episode given twice and says so", async () => {
    const input = await loadRuns([graded, ungraded]);
    expect(input.episodes).toHaveLength(4);
    expect(input.sources).toHaveLength(2);
    expect(input.warnings.filter((warning) => warning.includes("more than one run"))).toHaveLength(4);
  });
});

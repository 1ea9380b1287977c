/**
 * The NESTFUL importer on hand-made records (reference mapping, folding repeated calls, skipping
 * coding records, failures) and on the peer data's 40 math records (each must import, load as a
 * split, reproduce the derived per-step results and match `gold_answer` under upstream's rounding).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGISTRY } from "../../tools/registry.ts";
import { buildWorld } from "../../tools/world.ts";
import { goldAnswerOf } from "../conformance/nestful.ts";
import { matchesGold } from "../conformance/nestful-references.ts";
import { locatePeerData, NESTFUL_FILES, PEER_FILES } from "../conformance/peer-data.ts";
import { valuesEqual } from "../conformance/values.ts";
import { executePlan } from "../gold.ts";
import { loadSplit } from "../loader.ts";
import type { Scenario, Task } from "../schema.ts";
import type { ImportResult } from "./imported-task.ts";
import { importNestful, type NestfulImportStats } from "./nestful.ts";
import { writeNestfulFixture } from "./testing.ts";

describe("importNestful on hand-made records", () => {
  let work: string;
  let result: ImportResult<NestfulImportStats>;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "nestful-import-"));
    result = importNestful(writeNestfulFixture(join(work, "records.jsonl")));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("maps references, binds arguments by position and folds a repeated call into its first step", () => {
    const [scenario] = result.scenarios as [Scenario];
    expect(scenario).toMatchObject({ id: "nestful-math-ok", composition: "single", split: "import-nestful" });
    const [task] = scenario.tasks as [Task];
    const ref = (path: string) => ({ $ref: path });
    expect(task.plan).toEqual([
      { id: "s1", tool: "basic_divide", args: { arg_0: 10, arg_1: 100 } },
      { id: "s2", tool: "basic_multiply", args: { arg_0: 30, arg_1: ref("s1.result.result") } },
      {
        id: "s3",
        tool: "basic_add",
        args: { arg_0: ref("s2.result.result"), arg_1: ref("s2.result.result") },
      },
      { id: "s4", tool: "basic_add", args: { arg_0: 30, arg_1: ref("s3.result.result") } },
    ]);
    expect(task).toMatchObject({
      domain: "math",
      answer: ref("s4.result.result"),
      answerMatch: "number",
      origin: "nestful:math-ok",
      tags: ["chain"],
      gold: { answer: 36 },
    });
    expect(result.stats).toMatchObject({ records: 4, skipped: 1, scenarios: 1, refs: 4, mergedCalls: 2 });
  });

  it("names the record and reason of every failure", () => {
    expect(result.failures.map((failure) => failure.record)).toEqual(["math-dangling", "math-wrong-gold"]);
    expect(result.failures[0]!.reason).toContain("$var_9.result$ names no earlier call");
    expect(result.failures[1]!.reason).toContain("does not match gold_answer 0.34");
  });

  it("reports a file it cannot read", () => {
    expect(() => importNestful(join(work, "missing.jsonl"))).toThrow(/cannot read/);
  });
});

const location = locatePeerData(NESTFUL_FILES);
const skipReason = location.found
  ? ""
  : ` — SKIPPED: peer data not found (tried ${location.tried.join(", ")}); set ASYNCTOOL_PEER_DATA`;

interface DerivedRecord {
  sample_id: string;
  steps: Array<{ label: string; name: string; resolved_arguments: Record<string, unknown>; result: unknown }>;
}

describe.skipIf(!location.found)(`importNestful on the NESTFUL peer data${skipReason}`, () => {
  const peerDir = location.found ? location.dir : "";
  let result: ImportResult<NestfulImportStats>;
  let loaded: Scenario[];
  let work: string;
  beforeAll(() => {
    result = importNestful(join(peerDir, PEER_FILES.nestfulData));
    work = mkdtempSync(join(tmpdir(), "nestful-import-peer-"));
    const file = join(work, "nestful.jsonl");
    writeFileSync(file, result.scenarios.map((scenario) => `${JSON.stringify(scenario)}\n`).join(""));
    loaded = loadSplit(file);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("imports every math record, skips the coding ones, and loads them back as a split", () => {
    expect(result.failures).toEqual([]);
    expect(loaded).toHaveLength(result.stats.records - result.stats.skipped);
    expect(loaded.length).toBeGreaterThan(0);
    console.info(
      `NESTFUL import: ${result.stats.scenarios} scenarios, ${result.stats.refs} refs, ${result.stats.mergedCalls} repeated calls folded`,
    );
  });

  it("reproduces gold_answer under upstream rounding and every derived step result", () => {
    const lines = readFileSync(join(peerDir, PEER_FILES.nestfulData), "utf8").split("\n");
    const derived = new Map(
      readFileSync(join(peerDir, "nestful/derived/toy_data_math_step_results.jsonl"), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as DerivedRecord)
        .map((record) => [record.sample_id, record]),
    );
    const problems: string[] = [];
    for (const scenario of loaded) {
      const sampleId = scenario.id.replace(/^nestful-/, "");
      const line = lines.find((candidate) => candidate.includes(`"${sampleId}"`))!;
      const [task] = scenario.tasks as [Task];
      const run = executePlan(
        task,
        buildWorld(REGISTRY, ["math"], scenario.initialWorld, scenario.id),
        REGISTRY,
      );
      if (!matchesGold(run.answer, goldAnswerOf(line)))
        problems.push(`${sampleId}: answer ${String(run.answer)}`);
      // Every upstream call is one of our steps: same function, same resolved inputs (by position),
      // same result (a repeated call shares the step of its first occurrence).
      for (const step of derived.get(sampleId)!.steps) {
        const found = run.steps.some(
          (ours) =>
            ours.tool === `basic_${step.name}` &&
            valuesEqual(Object.values(step.resolved_arguments), Object.values(ours.args)) &&
            valuesEqual(step.result, (ours.result as { result: unknown }).result),
        );
        if (!found)
          problems.push(
            `${sampleId} ${step.label} (${step.name}): no step computes ${JSON.stringify(step.result)}`,
          );
      }
    }
    expect(problems).toEqual([]);
    expect(loaded.length).toBe(derived.size);
  });
});

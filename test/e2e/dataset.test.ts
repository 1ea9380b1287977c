import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATASET_SEED, DEFAULT_PLAN, generateDataset } from "../../src/dataset/build-splits.ts";
import { GENERATORS } from "../../src/dataset/generators/index.ts";
import { DATA_DIR } from "../../src/dataset/loader.ts";
import type { Scenario } from "../../src/dataset/schema.ts";
import { validateDataset } from "../../src/dataset/validate-dataset.ts";
import { GENERATED_SPLITS, manifestOf, scenariosToJsonl } from "../../src/dataset/write-dataset.ts";
import { REGISTRY } from "../../src/tools/registry.ts";

const bin = join(import.meta.dirname, "../../bin/asynctool.js");
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 300_000 });
const shipped = (split: string) => readFileSync(join(DATA_DIR, split, "scenarios.jsonl"), "utf8");

describe("the shipped dataset", () => {
  it("equals the generator's output for its seed, byte for byte", async () => {
    const dataset = await generateDataset({
      seed: DEFAULT_DATASET_SEED,
      generators: GENERATORS,
      catalog: REGISTRY,
      plan: DEFAULT_PLAN,
    });
    for (const split of GENERATED_SPLITS)
      expect(scenariosToJsonl(dataset.splits[split]) === shipped(split), split).toBe(true);
    expect(`${JSON.stringify(manifestOf(dataset), null, 2)}\n`).toBe(
      readFileSync(join(DATA_DIR, "manifest.json"), "utf8"),
    );
  });

  it("has the counts the issue asks for (dataset stats --json)", () => {
    const result = cli("dataset", "stats", "--json");
    expect(result.status).toBe(0);
    const stats = JSON.parse(result.stdout);
    expect(Object.keys(stats.domains)).toHaveLength(12);
    expect(stats.tasks).toBeGreaterThanOrEqual(358);
    const { v1, stress, single } = stats.splits;
    expect(v1.scenarios).toBeGreaterThanOrEqual(712);
    expect(Object.keys(v1.byTaskCount).sort()).toEqual(["2", "3"]);
    expect(v1.byComposition["same-domain"]).toBeGreaterThan(0);
    expect(v1.byComposition["cross-domain"]).toBeGreaterThan(0);
    expect(v1.singleTasksUsed).toBeGreaterThanOrEqual(358);
    expect(v1.headroom.min).toBeGreaterThanOrEqual(1.25);
    expect(stress.scenarios).toBeGreaterThanOrEqual(100);
    for (const count of Object.keys(stress.byTaskCount)) expect(Number(count)).toBeGreaterThanOrEqual(4);
    expect(single.byTaskCount).toEqual({ "1": single.scenarios });
  });

  it("passes validation", () => {
    const { checked, failures } = validateDataset(DATA_DIR, REGISTRY);
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(1200);
  });
});

describe("validate rejects hand-broken copies", () => {
  const v1 = shipped("v1")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Scenario);
  const findScenario = (predicate: (scenario: Scenario) => boolean) => {
    const found = v1.find(predicate);
    if (!found) throw new Error("no scenario fits this test");
    return structuredClone(found);
  };
  function brokenDir(scenario: Scenario): string {
    const dir = mkdtempSync(join(tmpdir(), "asynctool-broken-"));
    mkdirSync(join(dir, "v1"));
    writeFileSync(
      join(dir, "v1", "scenarios.jsonl"),
      `${JSON.stringify(v1[0])}\n${JSON.stringify(scenario)}\n`,
    );
    return dir;
  }
  const cases: Array<[string, () => Scenario, RegExp]> = [
    [
      "a task that touches another's resource",
      () => {
        const scenario = findScenario((s) => s.tasks.some((t) => t.resources.length > 0));
        const owner = scenario.tasks.find((t) => t.resources.length > 0)!;
        const other = scenario.tasks.find((t) => t !== owner)!;
        Object.assign(other, { ...structuredClone(owner), id: other.id });
        return scenario;
      },
      /resources overlap: T\d and T\d both touch/,
    ],
    [
      "a step that cannot execute",
      () => {
        const scenario = findScenario((s) =>
          s.tasks.some(
            (t) =>
              t.domain === "trading" &&
              t.plan.some((p) => p.tool === "get_stock_info" && typeof p.args.symbol === "string"),
          ),
        );
        const step = scenario.tasks
          .flatMap((t) => t.plan)
          .find((p) => p.tool === "get_stock_info" && typeof p.args.symbol === "string")!;
        step.args.symbol = "NOPE";
        return scenario;
      },
      /step s\d+ \(get_stock_info\) cannot execute/,
    ],
    [
      "a broken reference",
      () => {
        const scenario = findScenario((s) => s.tasks.some((t) => t.plan.length > 1));
        const task = scenario.tasks.find((t) => t.plan.length > 1)!;
        task.plan[1]!.args = { ...task.plan[1]!.args, extra: { $ref: "s99.result.value" } };
        return scenario;
      },
      /reference to unknown step s99/,
    ],
  ];
  it.each(cases)("%s: names file, id and reason", (_label, breakIt, reason) => {
    const scenario = { ...breakIt(), id: "hand-broken" };
    const dir = brokenDir(scenario);
    const { failures } = validateDataset(dir, REGISTRY);
    expect(failures.length).toBeGreaterThan(0);
    const failure = failures.find((f) => f.id === scenario.id);
    expect(failure?.file).toBe(join(dir, "v1", "scenarios.jsonl"));
    const reasons = failures.map((f) => f.reason).join("\n");
    expect(reasons, reasons).toMatch(reason);
    const result = cli("validate", dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${join(dir, "v1", "scenarios.jsonl")}`);
    expect(result.stdout).toContain(scenario.id);
  });
});

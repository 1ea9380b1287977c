import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../core/canonical-json.ts";
import { createCatalog } from "../../tools/catalog.ts";
import { messagingDomain } from "../../tools/domains/messaging/index.ts";
import { tradingDomain } from "../../tools/domains/trading/index.ts";
import { travelDomain } from "../../tools/domains/travel/index.ts";
import { vehicleDomain } from "../../tools/domains/vehicle/index.ts";
import { buildWorld } from "../../tools/world.ts";
import { orderDependence, resourceClash } from "../evolution/filters.ts";
import { compose } from "../evolution/operators.ts";
import { executePlan } from "../gold.ts";
import { generateSingleTasks, isErrorResult, type PoolTask } from "../single-tasks.ts";
import { scenarioProblems } from "../validate-scenario.ts";
import type { DomainGenerator } from "./contract.ts";
import { messagingGenerator } from "./messaging.ts";
import { tradingGenerator } from "./trading.ts";
import { travelGenerator } from "./travel.ts";
import { vehicleGenerator } from "./vehicle.ts";

const catalog = createCatalog([vehicleDomain, messagingDomain, tradingDomain, travelDomain]);

/**
 * Per domain: the generator and the least share of same-domain task pairs that must survive the
 * resource and order filters. Messaging is low by nature: every inbox tool shares the one login.
 */
const CASES: Array<{ generator: DomainGenerator; minComposable: number }> = [
  { generator: vehicleGenerator, minComposable: 0.6 },
  { generator: messagingGenerator, minComposable: 0.15 },
  { generator: tradingGenerator, minComposable: 0.5 },
  { generator: travelGenerator, minComposable: 0.5 },
];

const pools = new Map<string, PoolTask[]>();
function poolOf(generator: DomainGenerator): PoolTask[] {
  let pool = pools.get(generator.domain);
  if (!pool) {
    pool = generateSingleTasks({ seed: 1, perDomain: 32, generators: [generator], catalog }).pool;
    pools.set(generator.domain, pool);
  }
  return pool;
}

const scenarioOf = (tasks: PoolTask[], seed: number) =>
  compose(
    tasks.map((entry) => entry.task),
    { id: "pair", seed, split: "test" },
  );

describe.each(CASES)("$generator.domain generator", ({ generator, minComposable }) => {
  it("has at least six templates with domain-prefixed unique ids", () => {
    const ids = generator.templates.map((template) => template.id);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith(`${generator.domain}/`)).toBe(true);
  });

  it("yields at least 30 verified distinct tasks over four or more patterns, every template used", () => {
    const { pool, reports } = generateSingleTasks({
      seed: 1,
      perDomain: 32,
      generators: [generator],
      catalog,
    });
    expect(reports[0]?.rejected).toEqual([]);
    expect(pool.length).toBeGreaterThanOrEqual(30);
    expect(new Set(pool.map((entry) => entry.task.tags[0])).size).toBeGreaterThanOrEqual(4);
    // Origins are `template@pool-key`.
    expect(new Set(pool.map((entry) => entry.task.origin?.split("@")[0]))).toEqual(
      new Set(generator.templates.map((template) => template.id)),
    );
    // The pipeline's dedupe also tells tasks apart by latency profile; count them without it.
    const plans = pool.map((entry) =>
      canonicalJson([entry.task.plan.map(({ latency: _latency, ...step }) => step), entry.task.answer]),
    );
    expect(new Set(plans).size).toBeGreaterThanOrEqual(30);
    for (const entry of pool) {
      expect(entry.task.plan.length).toBeGreaterThanOrEqual(1);
      expect(entry.task.plan.length).toBeLessThanOrEqual(8);
    }
  });

  it("is deterministic for a seed", () => {
    const again = generateSingleTasks({ seed: 1, perDomain: 32, generators: [generator], catalog }).pool;
    expect(again).toEqual(poolOf(generator));
  });

  it("gives plans without structural problems that are order-invariant on their own", () => {
    for (const [index, entry] of poolOf(generator).entries()) {
      const scenario = scenarioOf([entry], index);
      expect(scenarioProblems(scenario, catalog), entry.key).toEqual([]);
      // Steps a plan leaves unordered must commute: sampled interleavings give the same outcome.
      expect(orderDependence(scenario, catalog, 6), entry.key).toBeUndefined();
    }
  });

  it("composes same-domain pairs: disjoint pairs are order-invariant", () => {
    const pool = poolOf(generator);
    let pairs = 0;
    let disjoint = 0;
    const orderProblems: string[] = [];
    for (let i = 0; i < pool.length; i++) {
      for (let j = i + 1; j < pool.length; j++) {
        pairs += 1;
        const scenario = scenarioOf([pool[i] as PoolTask, pool[j] as PoolTask], i * pool.length + j);
        if (resourceClash(scenario.tasks)) continue;
        disjoint += 1;
        const problem = orderDependence(scenario, catalog);
        if (problem) orderProblems.push(`${pool[i]?.key} + ${pool[j]?.key}: ${problem}`);
      }
    }
    expect(orderProblems).toEqual([]);
    expect(disjoint / pairs).toBeGreaterThanOrEqual(minComposable);
  });

  it("has three to five read-only probes that run on the default state", () => {
    const probes = generator.probes ?? [];
    expect(probes.length).toBeGreaterThanOrEqual(3);
    expect(probes.length).toBeLessThanOrEqual(5);
    for (const probe of probes) {
      expect(catalog.findTool(probe.tool)?.tool.mutates, probe.tool).toBe(false);
      const world = buildWorld(catalog, [generator.domain], {}, "probe");
      const task = {
        ...(poolOf(generator)[0] as PoolTask).task,
        plan: [{ id: "s1", tool: probe.tool, args: probe.args }],
        answer: null,
      };
      const run = executePlan(task, world, catalog);
      expect(run.steps[0]?.error, probe.tool).toBeUndefined();
      expect(isErrorResult(run.steps[0]?.result), probe.tool).toBe(false);
    }
  });
});

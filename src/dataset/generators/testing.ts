/**
 * The per-domain checks the generator tests run (one `it` each): template ids, the verified pool,
 * determinism, sound plans, submittable answers, same-domain composition and read-only probes.
 * Pools are generated once per domain (seed 1, 32 per domain) and shared between checks.
 */
import { expect } from "vitest";
import { canonicalJson } from "../../core/canonical-json.ts";
import { SubmitParameters } from "../../env/control-tools.ts";
import type { ToolCatalog } from "../../tools/catalog.ts";
import { buildWorld } from "../../tools/world.ts";
import { headroom, orderDependence, resourceClash } from "../evolution/filters.ts";
import { compose } from "../evolution/operators.ts";
import { executePlan } from "../gold.ts";
import { generateSingleTasks, isErrorResult, type PoolTask } from "../single-tasks.ts";
import { scenarioProblems } from "../validate-scenario.ts";
import type { DomainGenerator } from "./contract.ts";

export interface PairOptions {
  /** The least share of same-domain pairs that must pass the resource filter. */
  minComposable: number;
  /** A clash matching this is expected (a shared resource); any other clash is a problem. */
  allowedClash?: RegExp | undefined;
  /** Pair each task with every `stride`-th later one (1: every pair). */
  stride: number;
}

export interface ProbeOptions {
  min: number;
  /** Also require the world to be unchanged after each probe. */
  keepsState: boolean;
}

export function generatorChecks(catalog: ToolCatalog) {
  const generate = (generator: DomainGenerator, seed: number) =>
    generateSingleTasks({ seed, perDomain: 32, generators: [generator], catalog });
  const pools = new Map<string, PoolTask[]>();
  const poolOf = (generator: DomainGenerator): PoolTask[] => {
    let pool = pools.get(generator.domain);
    if (!pool) {
      pool = generate(generator, 1).pool;
      pools.set(generator.domain, pool);
    }
    return pool;
  };
  const scenarioOf = (tasks: PoolTask[], seed: number) =>
    compose(
      tasks.map((entry) => entry.task),
      { id: "pair", seed, split: "test" },
    );

  return {
    templateIds(generator: DomainGenerator): void {
      const ids = generator.templates.map((template) => template.id);
      expect(ids.length).toBeGreaterThanOrEqual(6);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.startsWith(`${generator.domain}/`)).toBe(true);
    },

    /** At least 30 verified distinct tasks, every template used; `patterns`: the ones required, or how many. */
    pool(generator: DomainGenerator, patterns: { all: readonly string[] } | { atLeast: number }): void {
      const { pool, reports } = generate(generator, 1);
      expect(reports[0]?.rejected).toEqual([]);
      expect(pool.length).toBeGreaterThanOrEqual(30);
      const seen = new Set<string>(pool.map((entry) => entry.task.tags[0] as string));
      if ("all" in patterns)
        for (const pattern of patterns.all) expect(seen.has(pattern), pattern).toBe(true);
      else expect(seen.size).toBeGreaterThanOrEqual(patterns.atLeast);
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
    },

    deterministic(generator: DomainGenerator, options: { changesWithSeed: boolean }): void {
      const again = generate(generator, 1).pool;
      expect(again).toEqual(poolOf(generator));
      if (!options.changesWithSeed) return;
      const other = generate(generator, 2).pool;
      expect(other.map((entry) => entry.task.instruction)).not.toEqual(
        again.map((entry) => entry.task.instruction),
      );
    },

    /** No structural problems, and steps a plan leaves unordered commute (sampled interleavings agree). */
    soundPlans(generator: DomainGenerator): void {
      for (const [index, entry] of poolOf(generator).entries()) {
        const scenario = scenarioOf([entry], index);
        expect(scenarioProblems(scenario, catalog), entry.key).toEqual([]);
        expect(orderDependence(scenario, catalog, 6), entry.key).toBeUndefined();
      }
    },

    async submittableAnswers(generator: DomainGenerator): Promise<void> {
      for (const [index, entry] of poolOf(generator).entries()) {
        const answer = SubmitParameters.shape.answer.safeParse(entry.task.gold?.answer ?? null);
        expect(answer.success, `${entry.key}: ${JSON.stringify(entry.task.gold?.answer)}`).toBe(true);
        // Throws when the oracle or the sequential agent cannot complete the task through the environment.
        const room = await headroom(scenarioOf([entry], index), catalog);
        expect(room.tOpt, entry.key).toBeGreaterThan(0);
      }
    },

    /** Disjoint same-domain pairs must be order-invariant; clashes only on the allowed resource. */
    composablePairs(generator: DomainGenerator, options: PairOptions): void {
      const pool = poolOf(generator);
      let pairs = 0;
      let disjoint = 0;
      const problems: string[] = [];
      for (let i = 0; i < pool.length; i += 1) {
        for (let j = i + 1; j < pool.length; j += options.stride) {
          pairs += 1;
          const scenario = scenarioOf([pool[i] as PoolTask, pool[j] as PoolTask], i * pool.length + j);
          const clash = resourceClash(scenario.tasks);
          if (clash) {
            if (!options.allowedClash?.test(clash))
              problems.push(`${pool[i]?.key} + ${pool[j]?.key}: ${clash}`);
            continue;
          }
          disjoint += 1;
          const problem = orderDependence(scenario, catalog);
          if (problem) problems.push(`${pool[i]?.key} + ${pool[j]?.key}: ${problem}`);
        }
      }
      expect(problems).toEqual([]);
      expect(disjoint / pairs).toBeGreaterThanOrEqual(options.minComposable);
    },

    /** Between `min` and five read-only probes that succeed on the default state. */
    probes(generator: DomainGenerator, options: ProbeOptions): void {
      const probes = generator.probes ?? [];
      expect(probes.length).toBeGreaterThanOrEqual(options.min);
      expect(probes.length).toBeLessThanOrEqual(5);
      const template = (poolOf(generator)[0] as PoolTask).task;
      for (const probe of probes) {
        expect(catalog.findTool(probe.tool)?.tool.mutates, probe.tool).toBe(false);
        const world = buildWorld(catalog, [generator.domain], {}, "probe");
        const before = canonicalJson(world);
        const task = { ...template, plan: [{ id: "s1", tool: probe.tool, args: probe.args }], answer: null };
        const run = executePlan(task, world, catalog);
        expect(run.steps[0]?.error, probe.tool).toBeUndefined();
        expect(isErrorResult(run.steps[0]?.result), probe.tool).toBe(false);
        if (options.keepsState) expect(canonicalJson(world), probe.tool).toBe(before);
      }
    },
  };
}

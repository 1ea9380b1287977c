import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../core/canonical-json.ts";
import { SubmitParameters } from "../../env/control-tools.ts";
import { createCatalog } from "../../tools/catalog.ts";
import { dataFormatDomain } from "../../tools/domains/data-format/index.ts";
import { dataGenerationDomain } from "../../tools/domains/data-generation/index.ts";
import { dataManagementDomain } from "../../tools/domains/data-management/index.ts";
import { filesystemDomain } from "../../tools/domains/filesystem/index.ts";
import { socialDomain } from "../../tools/domains/social/index.ts";
import { stringsDomain } from "../../tools/domains/strings/index.ts";
import { ticketsDomain } from "../../tools/domains/tickets/index.ts";
import { buildWorld } from "../../tools/world.ts";
import { headroom, orderDependence, resourceClash } from "../evolution/filters.ts";
import { compose } from "../evolution/operators.ts";
import { executePlan } from "../gold.ts";
import { generateSingleTasks, isErrorResult, type PoolTask } from "../single-tasks.ts";
import { scenarioProblems } from "../validate-scenario.ts";
import type { DomainGenerator } from "./contract.ts";
import { dataFormatGenerator } from "./data-format.ts";
import { dataGenerationGenerator } from "./data-generation.ts";
import { dataManagementGenerator } from "./data-management.ts";
import { filesystemGenerator } from "./filesystem.ts";
import { socialGenerator } from "./social.ts";
import { stringsGenerator } from "./strings.ts";
import { ticketsGenerator } from "./tickets.ts";

// Only these seven domains, so the test does not depend on the rest of the registry.
const catalog = createCatalog([
  filesystemDomain,
  socialDomain,
  ticketsDomain,
  stringsDomain,
  dataFormatDomain,
  dataGenerationDomain,
  dataManagementDomain,
]);

/**
 * Per domain: the least share of same-domain pairs that must pass the resource filter, or the
 * shared resource every clash must come from. The three BFCL ports cannot compose with themselves
 * from their default state: every write in the root names the root listing (`filesystem:/`), and
 * every social and ticket task must log in (one shared session) before it acts.
 */
const CASES: Array<{
  generator: DomainGenerator;
  minComposable: number;
  clashOn?: RegExp;
  minProbes: number;
}> = [
  { generator: stringsGenerator, minComposable: 1, minProbes: 3 },
  { generator: dataFormatGenerator, minComposable: 1, minProbes: 3 },
  { generator: dataGenerationGenerator, minComposable: 1, minProbes: 3 },
  // table_list is the only read-only call that succeeds on the empty default store.
  { generator: dataManagementGenerator, minComposable: 1, minProbes: 1 },
  { generator: filesystemGenerator, minComposable: 0, clashOn: /touch filesystem:\/$/, minProbes: 3 },
  { generator: socialGenerator, minComposable: 0, clashOn: /touch social:(session|following)/, minProbes: 3 },
  // ticket_get_login_status is the only read-only call that succeeds on the empty default system.
  { generator: ticketsGenerator, minComposable: 0, clashOn: /touch tickets:session$/, minProbes: 1 },
];

const PATTERNS = ["chain", "fan-out", "fan-in", "mixed"];

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

describe.each(CASES)("$generator.domain generator", ({ generator, minComposable, clashOn, minProbes }) => {
  it("has at least six templates with domain-prefixed unique ids", () => {
    const ids = generator.templates.map((template) => template.id);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith(`${generator.domain}/`)).toBe(true);
  });

  it("yields at least 30 verified distinct tasks covering chain, fan-out, fan-in and mixed", () => {
    const { pool, reports } = generateSingleTasks({
      seed: 1,
      perDomain: 32,
      generators: [generator],
      catalog,
    });
    expect(reports[0]?.rejected).toEqual([]);
    expect(pool.length).toBeGreaterThanOrEqual(30);
    const patterns = new Set(pool.map((entry) => entry.task.tags[0]));
    for (const pattern of PATTERNS) expect(patterns.has(pattern as never), pattern).toBe(true);
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

  it("is deterministic for a seed and changes with the seed", () => {
    const again = generateSingleTasks({ seed: 1, perDomain: 32, generators: [generator], catalog }).pool;
    expect(again).toEqual(poolOf(generator));
    const other = generateSingleTasks({ seed: 2, perDomain: 32, generators: [generator], catalog }).pool;
    expect(other.map((entry) => entry.task.instruction)).not.toEqual(
      again.map((entry) => entry.task.instruction),
    );
  });

  it("gives sound plans whose unordered steps commute", () => {
    for (const [index, entry] of poolOf(generator).entries()) {
      const scenario = scenarioOf([entry], index);
      expect(scenarioProblems(scenario, catalog), entry.key).toEqual([]);
      expect(orderDependence(scenario, catalog, 6), entry.key).toBeUndefined();
    }
  });

  it("has gold answers an agent can submit, and the reference agents finish every task", async () => {
    for (const [index, entry] of poolOf(generator).entries()) {
      const answer = SubmitParameters.shape.answer.safeParse(entry.task.gold?.answer ?? null);
      expect(answer.success, `${entry.key}: ${JSON.stringify(entry.task.gold?.answer)}`).toBe(true);
      // Throws when the oracle or the sequential agent cannot complete the task through the environment.
      const room = await headroom(scenarioOf([entry], index), catalog);
      expect(room.tOpt, entry.key).toBeGreaterThan(0);
    }
  });

  it("composes same-domain pairs as far as the domain's shared resources allow", () => {
    const pool = poolOf(generator);
    let pairs = 0;
    let disjoint = 0;
    const problems: string[] = [];
    for (let i = 0; i < pool.length; i += 1) {
      for (let j = i + 1; j < pool.length; j += 3) {
        pairs += 1;
        const scenario = scenarioOf([pool[i] as PoolTask, pool[j] as PoolTask], i * pool.length + j);
        const clash = resourceClash(scenario.tasks);
        if (clash) {
          if (!clashOn?.test(clash)) problems.push(`${pool[i]?.key} + ${pool[j]?.key}: ${clash}`);
          continue;
        }
        disjoint += 1;
        const problem = orderDependence(scenario, catalog);
        if (problem) problems.push(`${pool[i]?.key} + ${pool[j]?.key}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    expect(disjoint / pairs).toBeGreaterThanOrEqual(minComposable);
  });

  it("has read-only probes that succeed on the default state and leave it unchanged", () => {
    const probes = generator.probes ?? [];
    expect(probes.length).toBeGreaterThanOrEqual(minProbes);
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
      expect(canonicalJson(world), probe.tool).toBe(before);
    }
  });
});

import { oracleFactory } from "../../agents/reference/oracle.ts";
import { sequentialFactory } from "../../agents/reference/sequential.ts";
import { canonicalJson } from "../../core/canonical-json.ts";
import { findPreset } from "../../core/presets.ts";
import { keyedRng } from "../../core/rng.ts";
import { runEpisode } from "../../env/episode.ts";
import type { ToolCatalog } from "../../tools/catalog.ts";
import { buildWorld, type World } from "../../tools/world.ts";
import { executePlan, executeStep, resolveAnswer } from "../gold.ts";
import { stepPredecessors } from "../refs.ts";
import type { Scenario, Task } from "../schema.ts";

/**
 * Two resources overlap when equal, or when one is a hierarchical prefix of the other: the longer
 * continues with a `/` or `:` separator (`fs:/a` covers `fs:/a/b`, `social:tweet` covers
 * `social:tweet:3`), or the shorter ends with one (`fs:/` covers `fs:/x`).
 */
export function resourcesOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  if (!longer.startsWith(shorter)) return false;
  return /[/:]$/.test(shorter) || /^[/:]/.test(longer.slice(shorter.length));
}

/** The first pair of tasks that touch a common resource, or undefined when all are disjoint. */
export function resourceClash(tasks: readonly Task[]): string | undefined {
  for (let i = 0; i < tasks.length; i++) {
    for (let j = i + 1; j < tasks.length; j++) {
      for (const a of (tasks[i] as Task).resources) {
        const b = (tasks[j] as Task).resources.find((other) => resourcesOverlap(a, other));
        if (b !== undefined)
          return `${(tasks[i] as Task).id} and ${(tasks[j] as Task).id} both touch ${a === b ? a : `${a} / ${b}`}`;
      }
    }
  }
  return undefined;
}

interface Outcome {
  answers: unknown[];
  world: World;
}

function freshWorld(scenario: Scenario, catalog: ToolCatalog): World {
  return buildWorld(
    catalog,
    scenario.tasks.map((task) => task.domain),
    scenario.initialWorld,
    `scenario ${scenario.id}`,
  );
}

/** Run whole tasks one after another in `order` on one shared world. */
function runInOrder(scenario: Scenario, order: readonly number[], catalog: ToolCatalog): Outcome {
  const world = freshWorld(scenario, catalog);
  const answers: unknown[] = new Array(scenario.tasks.length);
  for (const index of order)
    answers[index] = executePlan(scenario.tasks[index] as Task, world, catalog).answer;
  return { answers, world };
}

/** Run every step of every task in one random order that respects each task's dependencies. */
function runInterleaved(scenario: Scenario, seed: number, catalog: ToolCatalog): Outcome {
  const rng = keyedRng(scenario.seed, "interleave", seed);
  const world = freshWorld(scenario, catalog);
  const results = scenario.tasks.map(() => new Map<string, unknown>());
  const remaining = scenario.tasks.map((task) => [...task.plan]);
  for (;;) {
    const ready: Array<[number, number]> = [];
    remaining.forEach((steps, taskIndex) => {
      steps.forEach((step, stepIndex) => {
        if (stepPredecessors(step).every((id) => results[taskIndex]?.has(id)))
          ready.push([taskIndex, stepIndex]);
      });
    });
    if (ready.length === 0) break;
    const [taskIndex, stepIndex] = rng.pick(ready);
    const [step] = (remaining[taskIndex] as Task["plan"]).splice(stepIndex, 1);
    if (!step) break;
    executeStep(
      scenario.tasks[taskIndex] as Task,
      step,
      results[taskIndex] as Map<string, unknown>,
      world,
      catalog,
    );
  }
  const answers = scenario.tasks.map((task, index) =>
    resolveAnswer(task, results[index] as Map<string, unknown>),
  );
  return { answers, world };
}

function permutations(count: number): number[][] {
  if (count <= 1) return [[0]];
  const out: number[][] = [];
  for (const rest of permutations(count - 1)) {
    for (let position = 0; position <= rest.length; position++)
      out.push([...rest.slice(0, position), count - 1, ...rest.slice(position)]);
  }
  return out;
}

/**
 * Answers and final world must not depend on task order or on how steps interleave: every order
 * of whole tasks (all of them up to 4 tasks, 24 sampled beyond) and `interleavings` random step
 * interleavings must agree. Returns the reason for the first disagreement.
 */
export function orderDependence(
  scenario: Scenario,
  catalog: ToolCatalog,
  interleavings = 3,
): string | undefined {
  const count = scenario.tasks.length;
  let orders = permutations(count);
  if (count > 4) {
    const rng = keyedRng(scenario.seed, "orders");
    orders = [orders[0] as number[], ...Array.from({ length: 23 }, () => rng.shuffle(orders[0] as number[]))];
  }
  let reference: { answers: string; world: string } | undefined;
  const check = (outcome: Outcome, label: string): string | undefined => {
    const current = { answers: canonicalJson(outcome.answers), world: canonicalJson(outcome.world) };
    if (!reference) {
      reference = current;
      return undefined;
    }
    if (current.answers !== reference.answers) return `answers change under ${label}`;
    if (current.world !== reference.world) return `final state changes under ${label}`;
    return undefined;
  };
  try {
    for (const order of orders) {
      const problem = check(
        runInOrder(scenario, order, catalog),
        `task order ${order.map((i) => `T${i + 1}`).join(",")}`,
      );
      if (problem) return problem;
    }
    const gold = scenario.tasks.map((task) => (task.gold ? canonicalJson(task.gold.answer) : undefined));
    const composed = JSON.parse(reference?.answers ?? "[]") as unknown[];
    const drifted = gold.findIndex(
      (answer, index) => answer !== undefined && answer !== canonicalJson(composed[index]),
    );
    if (drifted >= 0) return `T${drifted + 1}'s answer differs from its answer when run alone`;
    for (let sample = 0; sample < interleavings; sample++) {
      const problem = check(runInterleaved(scenario, sample, catalog), `step interleaving #${sample}`);
      if (problem) return problem;
    }
  } catch (error) {
    return `execution failed: ${(error as Error).message}`;
  }
  return undefined;
}

export class HeadroomError extends Error {
  override name = "HeadroomError";
}

/** T_seq / T_opt under a condition, measured by running the reference agents through the environment. */
export async function headroom(
  scenario: Scenario,
  catalog: ToolCatalog,
  conditionName = "async-realistic",
): Promise<{ tOpt: number; tSeq: number; ratio: number }> {
  const condition = findPreset(conditionName);
  if (!condition) throw new Error(`unknown condition ${conditionName}`);
  const run = (agent: typeof oracleFactory) =>
    runEpisode({ scenario, condition, agent, catalog, validateTrace: false });
  const [oracle, sequential] = [await run(oracleFactory), await run(sequentialFactory)];
  if (oracle.summary.reason !== "completed" || sequential.summary.reason !== "completed") {
    throw new HeadroomError(
      `reference agents did not complete ${scenario.id} (${oracle.summary.reason}/${sequential.summary.reason})`,
    );
  }
  const tOpt = oracle.summary.makespan;
  const tSeq = sequential.summary.makespan;
  return { tOpt, tSeq, ratio: tOpt === 0 ? 1 : tSeq / tOpt };
}

/** Canonical form for dedupe: the multiset of task plans and answers, ignoring task order and phrasing. */
export function canonicalForm(scenario: Scenario): string {
  return canonicalJson(
    scenario.tasks.map((task) => canonicalJson([task.domain, task.plan, task.answer])).sort(),
  );
}

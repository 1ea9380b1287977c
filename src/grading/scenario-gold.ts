import { BadInputError } from "../core/errors.ts";
import { executePlan } from "../dataset/gold.ts";
import { referencedSteps, resolveRefs, stepPredecessors } from "../dataset/refs.ts";
import { isRef, type Scenario, type Task } from "../dataset/schema.ts";
import { scenarioDomains } from "../env/episode-setup.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import { buildWorld, type World } from "../tools/world.ts";
import { isPlainObject, scalarKey, scalarLeaves } from "./values.ts";
import { diffPaths } from "./world-diff.ts";

/** One gold step with everything matching needs (DESIGN §6.1). Keys are `T1.s2`. */
export interface GoldStepInfo {
  readonly key: string;
  readonly taskId: string;
  readonly stepId: string;
  readonly tool: string;
  /** Argument sets that count as this step: the gold arguments (references resolved, defaults filled), then the declared alternatives. */
  readonly argumentSets: ReadonlyArray<Record<string, unknown>>;
  readonly predecessors: readonly string[];
  readonly mutates: boolean;
  readonly result: unknown;
}

export interface TaskGold {
  readonly task: Task;
  readonly steps: readonly GoldStepInfo[];
  /** The gold answer, or null when the task is a pure action (not answer-checked). */
  readonly answer: unknown;
  /** Steps whose results the answer needs: its references, or the plan's final steps. */
  readonly neededSteps: readonly string[];
  /** World paths the task's plan changes when run alone on the initial world. */
  readonly effectPaths: readonly string[];
  /** Scalar keys of every gold argument, result and answer value of the task. */
  readonly values: ReadonlySet<string>;
}

export interface ScenarioGold {
  readonly scenario: Scenario;
  readonly tasks: readonly TaskGold[];
  readonly taskById: ReadonlyMap<string, TaskGold>;
  readonly steps: readonly GoldStepInfo[];
  readonly stepByKey: ReadonlyMap<string, GoldStepInfo>;
  readonly initialWorld: World;
  /** The initial world with every task's gold plan applied (in scenario order). */
  readonly goldWorld: World;
  /** Per task: values of its gold that no other task's gold contains. */
  readonly exclusiveValues: ReadonlyMap<string, ReadonlySet<string>>;
  /** Values the agent is handed up front: literal plan arguments and the numbers in the instructions. */
  readonly givenValues: ReadonlySet<string>;
  /** Every instruction, lower-cased and joined (strings are "given" when they occur in it). */
  readonly instructionText: string;
  readonly catalog: ToolCatalog;
}

const cache = new WeakMap<Scenario, { catalog: ToolCatalog; gold: ScenarioGold }>();

/** Gold for a scenario, computed once per scenario object and catalog. */
export function scenarioGold(scenario: Scenario, catalog: ToolCatalog): ScenarioGold {
  const hit = cache.get(scenario);
  if (hit && hit.catalog === catalog) return hit.gold;
  const gold = computeScenarioGold(scenario, catalog);
  cache.set(scenario, { catalog, gold });
  return gold;
}

/** Run each task's plan alone on a clone of the initial world, then all of them together. */
export function computeScenarioGold(scenario: Scenario, catalog: ToolCatalog): ScenarioGold {
  const source = `scenario ${scenario.id}`;
  const initialWorld = buildWorld(catalog, scenarioDomains(scenario, catalog), scenario.initialWorld, source);
  const goldWorld = structuredClone(initialWorld);
  const tasks = scenario.tasks.map((task) => {
    const alone = structuredClone(initialWorld);
    const taskGold = goldForTask(task, alone, catalog, source);
    runPlan(task, goldWorld, catalog, source);
    return { ...taskGold, effectPaths: diffPaths(initialWorld, alone) };
  });
  const steps = tasks.flatMap((task) => task.steps);
  const givenValues = new Set<string>();
  for (const task of scenario.tasks) {
    for (const step of task.plan) {
      addLiteralKeys(step.args, givenValues);
      for (const alternative of step.alternatives ?? []) addLiteralKeys(alternative, givenValues);
    }
    for (const match of task.instruction.replace(/(\d),(?=\d{3}\b)/g, "$1").matchAll(/-?\d+(?:\.\d+)?/g)) {
      const key = scalarKey(Number(match[0]));
      if (key !== null) givenValues.add(key);
    }
  }
  return {
    scenario,
    tasks,
    taskById: new Map(tasks.map((task) => [task.task.id, task])),
    steps,
    stepByKey: new Map(steps.map((step) => [step.key, step])),
    initialWorld,
    goldWorld,
    exclusiveValues: exclusiveValues(tasks),
    givenValues,
    instructionText: scenario.tasks.map((task) => task.instruction.toLowerCase()).join("\n"),
    catalog,
  };
}

function runPlan(task: Task, world: World, catalog: ToolCatalog, source: string) {
  try {
    return executePlan(task, world, catalog);
  } catch (error) {
    throw new BadInputError(
      `${source}: the gold plan of ${task.id} does not run: ${(error as Error).message}`,
    );
  }
}

function goldForTask(
  task: Task,
  world: World,
  catalog: ToolCatalog,
  source: string,
): Omit<TaskGold, "effectPaths"> {
  const run = runPlan(task, world, catalog, source);
  const runById = new Map(run.steps.map((step) => [step.stepId, step]));
  const values = new Set<string>();
  const steps = task.plan.map((step): GoldStepInfo => {
    const executed = runById.get(step.id);
    const registered = catalog.findTool(step.tool);
    if (!executed || !registered) throw new BadInputError(`${source}: ${task.id}.${step.id} did not run`);
    const alternatives = (step.alternatives ?? []).map((alternative) => {
      const resolved = resolveRefs(alternative, run.results);
      const parsed = registered.tool.parameters.safeParse(resolved);
      return (parsed.success ? parsed.data : resolved) as Record<string, unknown>;
    });
    for (const leaf of [...scalarLeaves(executed.args), ...scalarLeaves(executed.result)]) {
      const key = scalarKey(leaf);
      if (key !== null) values.add(key);
    }
    return {
      key: `${task.id}.${step.id}`,
      taskId: task.id,
      stepId: step.id,
      tool: step.tool,
      argumentSets: [executed.args, ...alternatives],
      predecessors: stepPredecessors(step).map((id) => `${task.id}.${id}`),
      mutates: registered.tool.mutates,
      result: executed.result,
    };
  });
  for (const leaf of scalarLeaves(run.answer)) {
    const key = scalarKey(leaf);
    if (key !== null) values.add(key);
  }
  const answerRefs = [...referencedSteps(task.answer ?? null)];
  const usedByOthers = new Set(task.plan.flatMap((step) => stepPredecessors(step)));
  const finalSteps = task.plan.filter((step) => !usedByOthers.has(step.id)).map((step) => step.id);
  return {
    task,
    steps,
    answer: task.answer === null || task.answer === undefined ? null : run.answer,
    neededSteps: (answerRefs.length > 0 ? answerRefs : finalSteps).map((id) => `${task.id}.${id}`),
    values,
  };
}

/** Scalar keys of literal argument values (references are not values the agent was given). */
function addLiteralKeys(value: unknown, into: Set<string>): void {
  if (isRef(value)) return;
  if (Array.isArray(value)) for (const item of value) addLiteralKeys(item, into);
  else if (isPlainObject(value)) for (const member of Object.values(value)) addLiteralKeys(member, into);
  else {
    const key = scalarKey(value);
    if (key !== null) into.add(key);
  }
}

function exclusiveValues(tasks: readonly Omit<TaskGold, "effectPaths">[]): Map<string, Set<string>> {
  const owners = new Map<string, number>();
  for (const task of tasks) for (const key of task.values) owners.set(key, (owners.get(key) ?? 0) + 1);
  return new Map(
    tasks.map((task) => [task.task.id, new Set([...task.values].filter((key) => owners.get(key) === 1))]),
  );
}

import type { ToolCatalog } from "../tools/catalog.ts";
import { invokeTool, ToolError } from "../tools/tool.ts";
import type { World } from "../tools/world.ts";
import { resolveRefs, topologicalOrder } from "./refs.ts";
import type { Step, Task } from "./schema.ts";

export interface GoldStep {
  stepId: string;
  tool: string;
  /** Arguments with references resolved and defaults filled in by the tool's schema. */
  args: Record<string, unknown>;
  result: unknown;
  /** Set when the tool raised a ToolError (a plan that expects an error result). */
  error?: string;
  /** What the call touched (the tool's `resources`, on the state before the call). */
  resources: string[];
}

export interface GoldRun {
  steps: GoldStep[];
  results: Map<string, unknown>;
  answer: unknown;
}

/**
 * Execute a task's plan alone, in dependency order, on `world` (mutated in place; pass a clone).
 * This yields the gold value of every step and the gold answer (DESIGN §6.1).
 */
export function executePlan(task: Task, world: World, catalog: ToolCatalog, time = 0): GoldRun {
  const results = new Map<string, unknown>();
  const steps = topologicalOrder(task.plan).map((step) =>
    executeStep(task, step, results, world, catalog, time),
  );
  return { steps, results, answer: resolveAnswer(task, results) };
}

/**
 * Execute one step of `task` on `world` with its references resolved from `results`, and record
 * its result there. A ToolError becomes an `{error}` result; unknown tools and invalid arguments
 * throw (the plan itself is broken).
 */
export function executeStep(
  task: Task,
  step: Step,
  results: Map<string, unknown>,
  world: World,
  catalog: ToolCatalog,
  time = 0,
): GoldStep {
  const registered = catalog.findTool(step.tool);
  if (!registered) throw new ToolError(`task ${task.id} step ${step.id}: unknown tool ${step.tool}`);
  const parsed = registered.tool.parameters.safeParse(resolveRefs(step.args, results));
  if (!parsed.success) {
    throw new ToolError(
      `task ${task.id} step ${step.id}: invalid arguments for ${step.tool}: ${parsed.error.message}`,
    );
  }
  const args = parsed.data as Record<string, unknown>;
  const state = world[registered.domain.name];
  const resources = registered.tool.resources(args, state);
  const outcome = invokeTool(registered.tool, state, args, { time });
  if (outcome.ok) {
    results.set(step.id, outcome.result);
    return { stepId: step.id, tool: step.tool, args, result: outcome.result, resources };
  }
  results.set(step.id, { error: outcome.error });
  return { stepId: step.id, tool: step.tool, args, result: null, error: outcome.error, resources };
}

/** The task's answer from step results: null for pure actions. */
export function resolveAnswer(task: Task, results: ReadonlyMap<string, unknown>): unknown {
  return task.answer === null || task.answer === undefined ? null : resolveRefs(task.answer, results);
}

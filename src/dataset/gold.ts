import type { ToolCatalog } from "../tools/catalog.ts";
import { ToolError } from "../tools/tool.ts";
import type { World } from "../tools/world.ts";
import { resolveRefs, topologicalOrder } from "./refs.ts";
import type { Task } from "./schema.ts";

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
  const steps: GoldStep[] = [];
  for (const step of topologicalOrder(task.plan)) {
    const registered = catalog.findTool(step.tool);
    if (!registered) throw new ToolError(`task ${task.id} step ${step.id}: unknown tool ${step.tool}`);
    const resolved = resolveRefs(step.args, results);
    const parsed = registered.tool.parameters.safeParse(resolved);
    if (!parsed.success) {
      throw new ToolError(
        `task ${task.id} step ${step.id}: invalid arguments for ${step.tool}: ${parsed.error.message}`,
      );
    }
    const args = parsed.data as Record<string, unknown>;
    const state = world[registered.domain.name];
    const resources = registered.tool.resources(args, state);
    try {
      const raw = registered.tool.run(state, args, { time });
      const result = JSON.parse(JSON.stringify(raw ?? null));
      results.set(step.id, result);
      steps.push({ stepId: step.id, tool: step.tool, args, result, resources });
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      results.set(step.id, { error: error.message });
      steps.push({ stepId: step.id, tool: step.tool, args, result: null, error: error.message, resources });
    }
  }
  const answer = task.answer === null || task.answer === undefined ? null : resolveRefs(task.answer, results);
  return { steps, results, answer };
}

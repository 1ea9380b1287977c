/**
 * What both importers share: a seed from a record id, the gold record of a task (resources it
 * touched, gold answer, state digest) from executing it alone on the scenario's initial world, and
 * the import report's shape.
 */
import type { ToolCatalog } from "../../tools/catalog.ts";
import { buildWorld } from "../../tools/world.ts";
import { digest } from "../digest.ts";
import { executePlan, type GoldRun } from "../gold.ts";
import type { Scenario, Task } from "../schema.ts";

/** A stable non-negative 32-bit seed derived from a record id. */
export function seedFromId(id: string): number {
  return Number.parseInt(digest(id).slice(0, 8), 16);
}

/**
 * Execute `task` alone on a fresh world built from `initialWorld` (as `asynctool validate` does) and
 * record its resources and gold. Returns the run too, so importers can compare it with upstream.
 */
export function withGold(
  task: Task,
  initialWorld: Record<string, unknown>,
  catalog: ToolCatalog,
  source: string,
): { task: Task; run: GoldRun } {
  const world = buildWorld(catalog, [task.domain], initialWorld, source);
  const run = executePlan(task, world, catalog);
  const resources = [...new Set(run.steps.flatMap((step) => step.resources))].sort();
  return {
    task: { ...task, resources, gold: { answer: run.answer, stateDigest: digest(world[task.domain]) } },
    run,
  };
}

/** A record that did not import, with the reason. */
export interface ImportFailure {
  record: string;
  reason: string;
}

export interface ImportResult<Stats> {
  scenarios: Scenario[];
  failures: ImportFailure[];
  stats: Stats;
}

/** The reason text of an unexpected error (bad input, a tool that threw, a dangling reference). */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

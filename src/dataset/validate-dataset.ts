import { existsSync } from "node:fs";
import { join } from "node:path";
import { canonicalJson } from "../core/canonical-json.ts";
import { BadInputError } from "../core/errors.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import { buildWorld } from "../tools/world.ts";
import { digest } from "./digest.ts";
import { orderDependence, resourceClash } from "./evolution/filters.ts";
import { executePlan } from "./gold.ts";
import { listSplits, readScenarioRecords } from "./loader.ts";
import type { Scenario, Task } from "./schema.ts";
import { isErrorResult } from "./single-tasks.ts";

export interface ValidationFailure {
  file: string;
  id: string;
  reason: string;
}

/**
 * Semantic checks beyond the schema: every task executes alone and reproduces its recorded gold,
 * the tasks of a scenario touch disjoint resources, and answers and state do not depend on order.
 */
export function scenarioFailures(scenario: Scenario, catalog: ToolCatalog): string[] {
  const reasons: string[] = [];
  for (const task of scenario.tasks) {
    const world = buildWorld(catalog, [task.domain], scenario.initialWorld, `scenario ${scenario.id}`);
    try {
      const gold = executePlan(task, world, catalog);
      const failed = gold.steps.find((step) => step.error !== undefined || isErrorResult(step.result));
      if (failed) {
        const why = failed.error ?? JSON.stringify(failed.result);
        reasons.push(`${task.id} step ${failed.stepId} (${failed.tool}) cannot execute: ${why}`);
      }
      if (task.gold && canonicalJson(task.gold.answer) !== canonicalJson(gold.answer)) {
        reasons.push(
          `${task.id}: gold answer ${canonicalJson(gold.answer)} differs from the recorded ${canonicalJson(task.gold.answer)}`,
        );
      }
      if (task.gold && task.gold.stateDigest !== digest(world[task.domain])) {
        reasons.push(`${task.id}: gold state differs from the recorded digest`);
      }
      const touched = new Set(gold.steps.flatMap((step) => step.resources));
      const undeclared = [...touched].filter((resource) => !task.resources.includes(resource));
      if (undeclared.length > 0)
        reasons.push(`${task.id} touches undeclared resource(s) ${undeclared.join(", ")}`);
    } catch (error) {
      reasons.push(`${task.id} cannot execute: ${(error as Error).message}`);
    }
  }
  const clash = resourceClash(scenario.tasks as Task[]);
  if (clash) reasons.push(`resources overlap: ${clash}`);
  if (reasons.length === 0 && scenario.tasks.length > 1) {
    const order = orderDependence(scenario, catalog);
    if (order) reasons.push(`order dependence: ${order}`);
  }
  return reasons;
}

/** Validate every split file under `dir` (or one file). Schema errors are failures too, never crashes. */
export function validateDataset(
  target: string,
  catalog: ToolCatalog,
): { checked: number; failures: ValidationFailure[] } {
  const files =
    target.endsWith(".json") || target.endsWith(".jsonl")
      ? [target]
      : listSplits(target).map((split) => {
          const jsonl = join(target, split, "scenarios.jsonl");
          return existsSync(jsonl) ? jsonl : join(target, split, "scenarios.json");
        });
  if (files.length === 0) throw new BadInputError(`${target}: no split folders with scenarios.json(l) found`);
  const failures: ValidationFailure[] = [];
  let checked = 0;
  for (const file of files) {
    const { scenarios, errors } = readScenarioRecords(file, catalog);
    checked += errors.length;
    for (const error of errors) failures.push({ file, id: error.id ?? "-", reason: error.message });
    for (const scenario of scenarios) {
      checked += 1;
      for (const reason of scenarioFailures(scenario, catalog))
        failures.push({ file, id: scenario.id, reason });
    }
  }
  return { checked, failures };
}

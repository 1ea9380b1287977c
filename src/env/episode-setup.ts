import type { EpisodeInfo } from "../agents/agent.ts";
import type { Condition } from "../core/condition.ts";
import { LATENCY_CLASSES, type LatencyClass } from "../core/latency.ts";
import type { ToolSpec } from "../core/messages.ts";
import type { Scenario } from "../dataset/schema.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import { toolJsonSchema } from "../tools/tool.ts";
import { CONTROL_TOOL_SPECS } from "./control-tools.ts";

/** The domains a scenario's tasks use, in the catalog's order. */
export function scenarioDomains(scenario: Scenario, catalog: ToolCatalog): string[] {
  const used = new Set(scenario.tasks.map((task) => task.domain));
  for (const name of used) catalog.getDomain(name);
  return catalog.domains.map((domain) => domain.name).filter((name) => used.has(name));
}

/** Every tool offered in an episode: the tools of the scenario's domains, then the control tools. */
export function offeredToolSpecs(scenario: Scenario, catalog: ToolCatalog): ToolSpec[] {
  const specs: ToolSpec[] = [];
  for (const name of scenarioDomains(scenario, catalog)) {
    for (const tool of catalog.getDomain(name).tools) {
      specs.push({ name: tool.name, description: tool.description, parameters: toolJsonSchema(tool) });
    }
  }
  return [...specs, ...CONTROL_TOOL_SPECS];
}

/** Default turn budget: 4 × gold steps + 10 (DESIGN §4.2). */
export function defaultMaxTurns(scenario: Scenario): number {
  const steps = scenario.tasks.reduce((sum, task) => sum + task.plan.length, 0);
  return 4 * steps + 10;
}

/** The seed an episode draws from: the scenario's own, mixed with a run seed when one is given. */
export function episodeSeed(scenario: Scenario, runSeed: number | undefined): number {
  if (runSeed === undefined) return scenario.seed;
  // Knuth multiplicative mix keeps distinct (runSeed, scenario seed) pairs apart within 32 bits.
  return (Math.imul(runSeed ^ 0x9e3779b9, 2654435761) ^ scenario.seed) >>> 0;
}

export function episodeInfo(
  scenario: Scenario,
  condition: Condition,
  catalog: ToolCatalog,
  options: { trial: number; runSeed?: number | undefined },
): EpisodeInfo {
  return {
    scenarioId: scenario.id,
    tasks: scenario.tasks.map((task) => ({ id: task.id, instruction: task.instruction })),
    tools: offeredToolSpecs(scenario, catalog),
    protocol: condition.protocol,
    conditionName: condition.name,
    seed: episodeSeed(scenario, options.runSeed),
    trial: options.trial,
  };
}

/**
 * Latency-class overrides declared on plan steps (a task's latency profile, set by the re-time
 * operator), by tool name. A tool is one service, so when two tasks re-time the same tool the
 * slower class wins (independent of task order).
 */
export function latencyOverrides(scenario: Scenario): Record<string, LatencyClass> {
  const overrides: Record<string, LatencyClass> = {};
  for (const task of scenario.tasks) {
    for (const step of task.plan) {
      if (!step.latency) continue;
      const current = overrides[step.tool];
      if (current === undefined || LATENCY_CLASSES.indexOf(step.latency) > LATENCY_CLASSES.indexOf(current)) {
        overrides[step.tool] = step.latency;
      }
    }
  }
  return overrides;
}

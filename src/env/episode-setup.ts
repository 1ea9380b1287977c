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

const specCache = new WeakMap<ToolCatalog, Map<string, readonly ToolSpec[]>>();

/**
 * Every tool offered in an episode: the tools of the scenario's domains, then the control tools.
 * Cached per catalog and domain set (specs are frozen: building JSON Schemas is the costliest part
 * of starting an episode).
 */
export function offeredToolSpecs(scenario: Scenario, catalog: ToolCatalog): readonly ToolSpec[] {
  const domains = scenarioDomains(scenario, catalog);
  let byDomains = specCache.get(catalog);
  if (!byDomains) {
    byDomains = new Map();
    specCache.set(catalog, byDomains);
  }
  const key = domains.join("\u0000");
  let specs = byDomains.get(key);
  if (!specs) {
    const built: ToolSpec[] = [];
    for (const name of domains) {
      for (const tool of catalog.getDomain(name).tools) {
        built.push(
          deepFreeze({ name: tool.name, description: tool.description, parameters: toolJsonSchema(tool) }),
        );
      }
    }
    specs = Object.freeze([...built, ...CONTROL_TOOL_SPECS]);
    byDomains.set(key, specs);
  }
  return specs;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
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

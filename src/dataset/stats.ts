import { canonicalJson } from "../core/canonical-json.ts";
import type { Scenario } from "./schema.ts";

export interface SplitStats {
  scenarios: number;
  byTaskCount: Record<string, number>;
  byComposition: Record<string, number>;
  byPattern: Record<string, number>;
  stepsPerTask: { min: number; mean: number; max: number };
  /** Distinct generated single tasks (pool entries, before evolution) the split uses. */
  singleTasksUsed: number;
  /** Quantiles of T_seq / T_opt over scenarios that recorded it. */
  headroom: { count: number; min: number; p25: number; median: number; p75: number; max: number } | null;
}

export interface DatasetStats {
  /** Distinct tasks (domain, plan, answer) across every split. */
  tasks: number;
  domains: Record<string, number>;
  /** Distinct tasks per domain × plan pattern. */
  domainPatterns: Record<string, Record<string, number>>;
  splits: Record<string, SplitStats>;
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Pure counting over loaded splits. */
export function datasetStats(splits: Record<string, readonly Scenario[]>): DatasetStats {
  const distinct = new Map<string, { domain: string; tags: string[] }>();
  const stats: DatasetStats = { tasks: 0, domains: {}, domainPatterns: {}, splits: {} };
  for (const [name, scenarios] of Object.entries(splits)) {
    const split: SplitStats = {
      scenarios: scenarios.length,
      byTaskCount: {},
      byComposition: {},
      byPattern: {},
      stepsPerTask: { min: 0, mean: 0, max: 0 },
      singleTasksUsed: 0,
      headroom: null,
    };
    const ratios: number[] = [];
    const bases = new Set<string>();
    const steps: number[] = [];
    for (const scenario of scenarios) {
      bump(split.byTaskCount, String(scenario.tasks.length));
      bump(split.byComposition, scenario.composition);
      if (scenario.headroom && scenario.headroom.tOpt > 0)
        ratios.push(scenario.headroom.tSeq / scenario.headroom.tOpt);
      for (const task of scenario.tasks) {
        steps.push(task.plan.length);
        // Generated origins look like `domain/template@domain-007+deepen`; the part before `+` names the pool task.
        if (task.origin?.includes("@")) bases.add(task.origin.split("+")[0] as string);
        for (const tag of task.tags) bump(split.byPattern, tag);
        distinct.set(
          canonicalJson([task.domain, task.plan.map(({ latency: _, ...step }) => step), task.answer]),
          {
            domain: task.domain,
            tags: task.tags,
          },
        );
      }
    }
    if (steps.length > 0) {
      split.stepsPerTask = {
        min: Math.min(...steps),
        mean: Math.round((steps.reduce((a, b) => a + b, 0) / steps.length) * 100) / 100,
        max: Math.max(...steps),
      };
    }
    split.singleTasksUsed = bases.size;
    if (ratios.length > 0) {
      ratios.sort((a, b) => a - b);
      const at = (q: number) =>
        Math.round((ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))] as number) * 100) /
        100;
      split.headroom = {
        count: ratios.length,
        min: at(0),
        p25: at(0.25),
        median: at(0.5),
        p75: at(0.75),
        max: at(1),
      };
    }
    stats.splits[name] = split;
  }
  stats.tasks = distinct.size;
  for (const { domain, tags } of distinct.values()) {
    bump(stats.domains, domain);
    stats.domainPatterns[domain] ??= {};
    for (const tag of tags) bump(stats.domainPatterns[domain] as Record<string, number>, tag);
  }
  return stats;
}

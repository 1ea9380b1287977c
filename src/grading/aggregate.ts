import { keyedRng } from "../core/rng.ts";
import type { EpisodeScore } from "./score-schema.ts";

/**
 * Aggregates over episode scores (DESIGN §6.9): means with seeded percentile-bootstrap 95%
 * intervals, pass^k over trials and the async gap between two conditions. Infra-error episodes
 * are left out everywhere (never the model's fault).
 */

export interface Interval {
  mean: number | null;
  low: number | null;
  high: number | null;
  n: number;
}

export const DEFAULT_RESAMPLES = 1000;

/** Mean with a percentile-bootstrap interval; the resampling stream is fixed by `key`, so results are reproducible. */
export function bootstrapMean(
  values: readonly number[],
  key: ReadonlyArray<string | number>,
  options: { resamples?: number; level?: number } = {},
): Interval {
  const n = values.length;
  if (n === 0) return { mean: null, low: null, high: null, n };
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? 0.95;
  const rng = keyedRng("bootstrap", ...key);
  const means: number[] = [];
  for (let round = 0; round < resamples; round++) {
    let sum = 0;
    for (let draw = 0; draw < n; draw++) sum += values[rng.int(0, n - 1)] as number;
    means.push(sum / n);
  }
  means.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const at = (quantile: number) =>
    means[Math.min(resamples - 1, Math.max(0, Math.floor(quantile * resamples)))] as number;
  return { mean, low: at(tail), high: at(1 - tail), n };
}

export type Dimension = "split" | "domain" | "pattern" | "taskCount";

export interface GroupRow {
  agent: string;
  condition: string;
  dimension: Dimension | null;
  group: string | null;
  episodes: number;
  overall: Interval;
  /** For domain and pattern groups: only the sub-tasks of that domain or pattern. */
  subtaskSuccess: Interval;
  stepF1: Interval;
  asyncEfficiency: Interval;
  speedup: Interval;
}

/** Groups an episode belongs to along a dimension (several for mixed-domain or mixed-pattern scenarios). */
export function groupsOf(score: EpisodeScore, dimension: Dimension): string[] {
  switch (dimension) {
    case "split":
      return [score.split];
    case "taskCount":
      return [String(score.taskCount)];
    case "domain":
      return score.domains;
    case "pattern":
      return score.patterns.length > 0 ? score.patterns : ["untagged"];
  }
}

/** Means and intervals per agent × condition, optionally broken down by one dimension. */
export function aggregate(
  scores: readonly EpisodeScore[],
  options: { by?: Dimension; seed?: number; resamples?: number } = {},
): GroupRow[] {
  const seed = options.seed ?? 0;
  const groups = new Map<
    string,
    { agent: string; condition: string; group: string | null; items: EpisodeScore[] }
  >();
  for (const score of graded(scores)) {
    for (const group of options.by ? groupsOf(score, options.by) : [null]) {
      const key = [score.agent, score.condition, group ?? ""].join("\u0000");
      const entry = groups.get(key) ?? { agent: score.agent, condition: score.condition, group, items: [] };
      entry.items.push(score);
      groups.set(key, entry);
    }
  }
  return [...groups.values()].map(({ agent, condition, group, items }) => {
    const interval = (metric: string, values: number[]) =>
      bootstrapMean(values, [seed, agent, condition, options.by ?? "", group ?? "", metric], options);
    return {
      agent,
      condition,
      dimension: options.by ?? null,
      group,
      episodes: items.length,
      overall: interval(
        "overall",
        items.map((score) => (score.success ? 1 : 0)),
      ),
      subtaskSuccess: interval(
        "subtaskSuccess",
        items.map((score) => subtaskShare(score, options.by, group)),
      ),
      stepF1: interval(
        "stepF1",
        items.map((score) => score.steps.f1),
      ),
      asyncEfficiency: interval(
        "asyncEfficiency",
        present(items.map((score) => score.efficiency.asyncEfficiency)),
      ),
      speedup: interval("speedup", present(items.map((score) => score.efficiency.speedup))),
    };
  });
}

function subtaskShare(score: EpisodeScore, dimension: Dimension | undefined, group: string | null): number {
  const subtasks =
    dimension === "domain"
      ? score.subtasks.filter((subtask) => subtask.domain === group)
      : dimension === "pattern" && group !== "untagged"
        ? score.subtasks.filter((subtask) => subtask.patterns.includes(group ?? ""))
        : score.subtasks;
  if (subtasks.length === 0) return score.subtaskSuccess;
  return subtasks.filter((subtask) => subtask.success).length / subtasks.length;
}

export interface PassRow {
  agent: string;
  condition: string;
  k: number;
  /** Mean over scenarios of C(c, k) / C(n, k): the chance that k trials drawn from n all succeed. */
  passHatK: number | null;
  scenarios: number;
}

/** pass^k over trials (τ-bench's estimator); scenarios with fewer than k graded trials are left out. */
export function passHatK(scores: readonly EpisodeScore[], k: number): PassRow[] {
  const byScenario = new Map<string, { agent: string; condition: string; n: number; c: number }>();
  for (const score of graded(scores)) {
    const key = [score.agent, score.condition, score.scenario].join("\u0000");
    const entry = byScenario.get(key) ?? { agent: score.agent, condition: score.condition, n: 0, c: 0 };
    entry.n += 1;
    if (score.success) entry.c += 1;
    byScenario.set(key, entry);
  }
  const rows = new Map<string, { agent: string; condition: string; values: number[] }>();
  for (const entry of byScenario.values()) {
    const key = `${entry.agent}\u0000${entry.condition}`;
    const row = rows.get(key) ?? { agent: entry.agent, condition: entry.condition, values: [] };
    if (entry.n >= k) row.values.push(choose(entry.c, k) / choose(entry.n, k));
    rows.set(key, row);
  }
  return [...rows.values()].map(({ agent, condition, values }) => ({
    agent,
    condition,
    k,
    passHatK: values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length,
    scenarios: values.length,
  }));
}

export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let index = 1; index <= k; index++) result = (result * (n - k + index)) / index;
  return result;
}

export function graded(scores: readonly EpisodeScore[]): EpisodeScore[] {
  return scores.filter((score) => !score.infraError);
}

export function present(values: ReadonlyArray<number | null>): number[] {
  return values.filter((value): value is number => value !== null);
}

import { bootstrapMean, graded } from "./aggregate.ts";
import type { EpisodeScore } from "./score-schema.ts";

export const GAP_METRICS = ["overall", "subtaskSuccess", "stepF1"] as const;
export type GapMetric = (typeof GAP_METRICS)[number];

export interface GapRow {
  agent: string;
  syncCondition: string;
  asyncCondition: string;
  metric: GapMetric;
  sync: number | null;
  async: number | null;
  /** sync − async, with a paired bootstrap interval over the scenarios both conditions ran. */
  gap: number | null;
  low: number | null;
  high: number | null;
  scenarios: number;
}

function metricOf(score: EpisodeScore, metric: GapMetric): number {
  if (metric === "overall") return score.success ? 1 : 0;
  if (metric === "subtaskSuccess") return score.subtaskSuccess;
  return score.steps.f1;
}

/**
 * The async gap (DESIGN §6.9): per agent and metric, the mean under the first condition minus the
 * mean under the second, over the scenarios graded under both (trials averaged per scenario).
 */
export function asyncGap(
  scores: readonly EpisodeScore[],
  options: { sync: string; async: string; seed?: number; resamples?: number },
): GapRow[] {
  const perScenario = new Map<string, Map<string, Map<string, EpisodeScore[]>>>();
  for (const score of graded(scores)) {
    if (score.condition !== options.sync && score.condition !== options.async) continue;
    const byScenario = perScenario.get(score.agent) ?? new Map<string, Map<string, EpisodeScore[]>>();
    const byCondition = byScenario.get(score.scenario) ?? new Map<string, EpisodeScore[]>();
    byCondition.set(score.condition, [...(byCondition.get(score.condition) ?? []), score]);
    byScenario.set(score.scenario, byCondition);
    perScenario.set(score.agent, byScenario);
  }
  const rows: GapRow[] = [];
  for (const [agent, byScenario] of perScenario) {
    const paired = [...byScenario.entries()]
      .filter(([, byCondition]) => byCondition.has(options.sync) && byCondition.has(options.async))
      .sort(([a], [b]) => a.localeCompare(b));
    for (const metric of GAP_METRICS) {
      const mean = (items: EpisodeScore[]) =>
        items.reduce((sum, item) => sum + metricOf(item, metric), 0) / items.length;
      const syncMeans = paired.map(([, byCondition]) => mean(byCondition.get(options.sync) ?? []));
      const asyncMeans = paired.map(([, byCondition]) => mean(byCondition.get(options.async) ?? []));
      const differences = syncMeans.map((value, index) => value - (asyncMeans[index] as number));
      const interval = bootstrapMean(
        differences,
        [options.seed ?? 0, "gap", agent, options.sync, options.async, metric],
        options.resamples === undefined ? {} : { resamples: options.resamples },
      );
      const average = (values: number[]) =>
        values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
      rows.push({
        agent,
        syncCondition: options.sync,
        asyncCondition: options.async,
        metric,
        sync: average(syncMeans),
        async: average(asyncMeans),
        gap: interval.mean,
        low: interval.low,
        high: interval.high,
        scenarios: paired.length,
      });
    }
  }
  return rows;
}

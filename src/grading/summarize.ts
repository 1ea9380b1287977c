import { graded, present } from "./aggregate.ts";
import { FAILURE_KINDS, type FailureKind } from "./failure-types.ts";
import type { EpisodeScore, SummaryRow } from "./score-schema.ts";

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * One summary row per agent × condition, in order of first appearance (issue 5's `summary`
 * shape). Metrics are means over graded episodes (infra-error episodes left out); AE and speed-up
 * over the episodes where they are defined; failures are the share of episodes with at least one
 * occurrence of each kind.
 */
export function summarize(scores: readonly EpisodeScore[]): SummaryRow[] {
  const groups = new Map<string, { agent: string; condition: string; items: EpisodeScore[] }>();
  for (const score of scores) {
    const key = `${score.agent}\u0000${score.condition}`;
    const group = groups.get(key) ?? { agent: score.agent, condition: score.condition, items: [] };
    group.items.push(score);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ agent, condition, items }) => {
    const episodes = graded(items);
    const failures = Object.fromEntries(
      FAILURE_KINDS.map((kind) => [
        kind,
        episodes.length === 0
          ? 0
          : episodes.filter((score) => score.failures[kind] > 0).length / episodes.length,
      ]),
    ) as Record<FailureKind, number>;
    return {
      agent,
      condition,
      episodes: episodes.length,
      overall: mean(episodes.map((score) => (score.success ? 1 : 0))),
      subtaskSuccess: mean(episodes.map((score) => score.subtaskSuccess)),
      stepF1: mean(episodes.map((score) => score.steps.f1)),
      asyncEfficiency: mean(present(episodes.map((score) => score.efficiency.asyncEfficiency))),
      speedup: mean(present(episodes.map((score) => score.efficiency.speedup))),
      failures,
    };
  });
}

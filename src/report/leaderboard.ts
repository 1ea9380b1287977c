import { aggregate, type Dimension, type GroupRow, type Interval } from "../grading/aggregate.ts";
import { asyncGap, type GapRow } from "../grading/async-gap.ts";
import { FAILURE_KINDS, type FailureKind } from "../grading/failure-types.ts";
import type { EpisodeScore } from "../grading/score-schema.ts";
import { summarize } from "../grading/summarize.ts";
import { protocolOf, type ReportEpisode } from "./report-episode.ts";

/**
 * Pure table builders for the leaderboard (issue 7): one row per agent × condition with the
 * grader's means and bootstrap intervals, the async gap against the agent's sync condition, the
 * failure breakdown, tokens and cost; slices by task count, domain and pattern.
 */
export interface LeaderboardRow {
  agent: string;
  condition: string;
  protocol: "sync" | "async";
  /** Graded episodes (infra errors and ungraded episodes are not counted). */
  episodes: number;
  infraErrors: number;
  ungraded: number;
  overall: Interval;
  subtaskSuccess: Interval;
  stepF1: Interval;
  asyncEfficiency: Interval;
  speedup: Interval;
  /** Overall under the agent's sync condition minus Overall here; null for sync rows or without a sync run. */
  asyncGap: { syncCondition: string; gap: number | null; low: number | null; high: number | null } | null;
  /** Share of graded episodes with at least one failure of each kind. */
  failures: Record<FailureKind, number>;
  /** Mean tokens per episode. */
  inputTokens: number;
  outputTokens: number;
  /** Total cost of the row's episodes; null when some episode's price is unknown. */
  costUsd: number | null;
}

export interface Leaderboard {
  rows: LeaderboardRow[];
  /** Every metric's sync − async gap per agent and async condition. */
  gaps: GapRow[];
  slices: Record<SliceDimension, GroupRow[]>;
}

export const SLICE_DIMENSIONS = ["taskCount", "domain", "pattern"] as const satisfies readonly Dimension[];
export type SliceDimension = (typeof SLICE_DIMENSIONS)[number];

export function scoresOf(episodes: readonly ReportEpisode[]): EpisodeScore[] {
  return episodes.flatMap((episode) => (episode.score === null ? [] : [episode.score]));
}

export function buildLeaderboard(
  episodes: readonly ReportEpisode[],
  options: { seed?: number } = {},
): Leaderboard {
  const scores = scoresOf(episodes);
  const gaps = buildGaps(episodes, options);
  return {
    rows: leaderboardRows(episodes, gaps, options),
    gaps,
    slices: {
      taskCount: buildSlice(scores, "taskCount", options),
      domain: buildSlice(scores, "domain", options),
      pattern: buildSlice(scores, "pattern", options),
    },
  };
}

const EMPTY: Interval = { mean: null, low: null, high: null, n: 0 };

export function leaderboardRows(
  episodes: readonly ReportEpisode[],
  gaps: readonly GapRow[],
  options: { seed?: number } = {},
): LeaderboardRow[] {
  const groups = new Map<string, ReportEpisode[]>();
  for (const episode of episodes) {
    const key = JSON.stringify([episode.agent, episode.condition]);
    groups.set(key, [...(groups.get(key) ?? []), episode]);
  }
  const scores = scoresOf(episodes);
  const intervals = new Map(
    aggregate(scores, options).map((row) => [JSON.stringify([row.agent, row.condition]), row]),
  );
  const shares = new Map(summarize(scores).map((row) => [JSON.stringify([row.agent, row.condition]), row]));
  const rows = [...groups.entries()].map(([key, items]): LeaderboardRow => {
    const first = items[0] as ReportEpisode;
    const interval = intervals.get(key);
    const summary = shares.get(key);
    const gap = gaps.find(
      (row) =>
        row.agent === first.agent && row.asyncCondition === first.condition && row.metric === "overall",
    );
    const costs = items.map((episode) => episode.costUsd);
    return {
      agent: first.agent,
      condition: first.condition,
      protocol: protocolOf(first),
      episodes: interval?.episodes ?? 0,
      infraErrors: items.filter((episode) => episode.score?.infraError === true).length,
      ungraded: items.filter((episode) => episode.score === null).length,
      overall: interval?.overall ?? EMPTY,
      subtaskSuccess: interval?.subtaskSuccess ?? EMPTY,
      stepF1: interval?.stepF1 ?? EMPTY,
      asyncEfficiency: interval?.asyncEfficiency ?? EMPTY,
      speedup: interval?.speedup ?? EMPTY,
      asyncGap: gap ? { syncCondition: gap.syncCondition, gap: gap.gap, low: gap.low, high: gap.high } : null,
      failures: summary?.failures ?? zeroFailures(),
      inputTokens: mean(items.map((episode) => episode.inputTokens)),
      outputTokens: mean(items.map((episode) => episode.outputTokens)),
      costUsd: costs.some((cost) => cost === null)
        ? null
        : costs.reduce<number>((sum, cost) => sum + (cost ?? 0), 0),
    };
  });
  return rows.sort(compareRows);
}

/** Best Overall first, then best AE; rows without a score last; ties by name so the order is stable. */
export function compareRows(a: LeaderboardRow, b: LeaderboardRow): number {
  return (
    descending(a.overall.mean, b.overall.mean) ||
    descending(a.asyncEfficiency.mean, b.asyncEfficiency.mean) ||
    a.agent.localeCompare(b.agent) ||
    a.condition.localeCompare(b.condition)
  );
}

function descending(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/**
 * Gaps for every agent between its first sync condition and each of its async conditions (the
 * protocol is read from the traces, so custom condition names work).
 */
export function buildGaps(episodes: readonly ReportEpisode[], options: { seed?: number } = {}): GapRow[] {
  const conditionsByAgent = new Map<string, { sync: string[]; async: string[] }>();
  for (const episode of episodes) {
    if (episode.score === null) continue;
    const entry = conditionsByAgent.get(episode.agent) ?? { sync: [], async: [] };
    const list = entry[protocolOf(episode)];
    if (!list.includes(episode.condition)) list.push(episode.condition);
    conditionsByAgent.set(episode.agent, entry);
  }
  const scores = scoresOf(episodes);
  const rows: GapRow[] = [];
  for (const [agent, { sync, async }] of conditionsByAgent) {
    const syncCondition = sync[0];
    if (syncCondition === undefined) continue;
    const mine = scores.filter((score) => score.agent === agent);
    for (const asyncCondition of async)
      rows.push(...asyncGap(mine, { sync: syncCondition, async: asyncCondition, ...options }));
  }
  return rows;
}

/** One dimension's slice, ordered by group (task counts numerically), then agent and condition. */
export function buildSlice(
  scores: readonly EpisodeScore[],
  dimension: SliceDimension,
  options: { seed?: number } = {},
): GroupRow[] {
  const order = (group: string | null) => (dimension === "taskCount" ? Number(group) : 0);
  return aggregate(scores, { ...options, by: dimension }).sort(
    (a, b) =>
      order(a.group) - order(b.group) ||
      (a.group ?? "").localeCompare(b.group ?? "") ||
      a.agent.localeCompare(b.agent) ||
      a.condition.localeCompare(b.condition),
  );
}

function zeroFailures(): Record<FailureKind, number> {
  return Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, 0])) as Record<FailureKind, number>;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

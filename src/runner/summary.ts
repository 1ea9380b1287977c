import { gradedSummary } from "./grading-bridge.ts";
import type { EpisodeResult } from "./store.ts";

/**
 * One row per agent × condition, in first-seen order. When every episode is graded the row is
 * grading's summary (issue 5's shape: episodes, overall, subtaskSuccess, stepF1, asyncEfficiency,
 * speedup, failures) plus tokens and cost; otherwise the ungraded facts: the share of episodes
 * that completed, mean makespan and turns, tokens and cost.
 */
export type SummaryRow = Record<string, unknown> & { agent: string; condition: string; episodes: number };

export interface UsageRow {
  agent: string;
  condition: string;
  episodes: number;
  completed: number;
  makespan: number;
  turns: number;
  inputTokens: number;
  outputTokens: number;
  /** Null when some episode's price is unknown. */
  costUsd: number | null;
}

export function summaryRows(records: readonly EpisodeResult[]): SummaryRow[] {
  const usage = usageRows(records);
  const graded = gradedSummary(records.map((record) => record.score));
  if (!graded) return usage as unknown as SummaryRow[];
  return graded.map((row) => {
    const facts = usage.find((entry) => entry.agent === row.agent && entry.condition === row.condition);
    return {
      ...row,
      inputTokens: facts?.inputTokens ?? 0,
      outputTokens: facts?.outputTokens ?? 0,
      costUsd: facts?.costUsd ?? null,
    };
  });
}

export function usageRows(records: readonly EpisodeResult[]): UsageRow[] {
  const groups = new Map<string, EpisodeResult[]>();
  for (const record of records) {
    const key = JSON.stringify([record.agent, record.condition]);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as EpisodeResult;
    const costs = group.map((record) => record.costUsd);
    return {
      agent: first.agent,
      condition: first.condition,
      episodes: group.length,
      completed: mean(group.map((record) => (record.reason === "completed" ? 1 : 0))),
      makespan: mean(group.map((record) => record.summary.makespan)),
      turns: mean(group.map((record) => record.summary.turns)),
      inputTokens: sum(group.map((record) => record.inputTokens)),
      outputTokens: sum(group.map((record) => record.outputTokens)),
      costUsd: costs.some((cost) => cost === null) ? null : sum(costs as number[]),
    };
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

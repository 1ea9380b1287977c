import type { EpisodeRecord } from "./store.ts";

/**
 * One row per agent × condition, in first-seen order: episode count, the share that completed,
 * mean makespan and turns, and total tokens and cost. Grading's metrics join these rows when
 * episodes carry scores.
 */
export interface SummaryRow {
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

export function summaryRows(records: readonly EpisodeRecord[]): SummaryRow[] {
  const groups = new Map<string, EpisodeRecord[]>();
  for (const record of records) {
    const key = JSON.stringify([record.agent, record.condition]);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as EpisodeRecord;
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

import type { GroupRow, Interval } from "../grading/aggregate.ts";
import { FAILURE_KINDS, type FailureKind } from "../grading/failure-types.ts";
import type { Leaderboard, LeaderboardRow, SliceDimension } from "./leaderboard.ts";

/**
 * Format-neutral tables (title, headers, cells) built from a leaderboard; the text, Markdown and
 * HTML renderers all print these, so every format shows the same numbers.
 */
export interface Table {
  id: string;
  title: string;
  headers: string[];
  /** Cells are preformatted strings, except counts, which stay numbers (right-aligned in text). */
  rows: Array<Array<string | number>>;
}

export const FAILURE_LABELS: Record<FailureKind, string> = {
  dependencyViolation: "dependency violation",
  taskNeglect: "task neglect",
  prematureAnswer: "premature answer",
  wrongAnswer: "wrong answer",
  toolConfusion: "tool confusion",
  hallucinatedArgument: "hallucinated argument",
  invalidCall: "invalid call",
  duplicateCall: "duplicate call",
  unparseableResponse: "unparseable response",
  budgetExhausted: "budget exhausted",
};

export const SLICE_TITLES: Record<SliceDimension, string> = {
  taskCount: "By task count",
  domain: "By domain",
  pattern: "By plan pattern",
};

export function formatNumber(value: number | null, digits = 2): string {
  return value === null || !Number.isFinite(value) ? "-" : value.toFixed(digits);
}

/** `0.83 [0.60–1.00]`; a single-valued or missing interval prints the mean alone. */
export function formatInterval(interval: Interval, digits = 2): string {
  if (interval.mean === null) return "-";
  const mean = formatNumber(interval.mean, digits);
  if (interval.low === null || interval.high === null || interval.low === interval.high) return mean;
  return `${mean} [${formatNumber(interval.low, digits)}–${formatNumber(interval.high, digits)}]`;
}

export function formatGap(gap: LeaderboardRow["asyncGap"]): string {
  if (gap === null || gap.gap === null) return "-";
  const sign = gap.gap > 0 ? "+" : "";
  const interval =
    gap.low !== null && gap.high !== null && gap.low !== gap.high
      ? ` [${formatNumber(gap.low)}–${formatNumber(gap.high)}]`
      : "";
  return `${sign}${formatNumber(gap.gap)}${interval}`;
}

/** `dependency violation 50%, task neglect 25%`: kinds seen in at least one episode, most frequent first. */
export function formatTopFailures(failures: Record<FailureKind, number>, limit = 3): string {
  const seen = FAILURE_KINDS.filter((kind) => failures[kind] > 0).sort((a, b) => failures[b] - failures[a]);
  if (seen.length === 0) return "none";
  const listed = seen.slice(0, limit).map((kind) => `${FAILURE_LABELS[kind]} ${percent(failures[kind])}`);
  return seen.length > limit ? `${listed.join(", ")}, …` : listed.join(", ");
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function formatTokens(row: LeaderboardRow): string {
  const total = row.inputTokens + row.outputTokens;
  return total === 0 ? "-" : String(Math.round(total));
}

function formatCost(cost: number | null): string {
  return cost === null ? "?" : cost === 0 ? "0" : cost.toFixed(4);
}

export function leaderboardTable(rows: readonly LeaderboardRow[]): Table {
  return {
    id: "leaderboard",
    title: "Leaderboard (means with 95% bootstrap intervals)",
    headers: [
      "#",
      "agent",
      "condition",
      "episodes",
      "Overall",
      "sub-task",
      "step F1",
      "AE",
      "speed-up",
      "async gap",
      "failures",
      "tokens/ep",
      "cost $",
    ],
    rows: rows.map((row, index) => [
      index + 1,
      row.agent,
      row.condition,
      row.episodes,
      formatInterval(row.overall),
      formatInterval(row.subtaskSuccess),
      formatInterval(row.stepF1),
      formatInterval(row.asyncEfficiency),
      formatInterval(row.speedup),
      formatGap(row.asyncGap),
      formatTopFailures(row.failures),
      formatTokens(row),
      formatCost(row.costUsd),
    ]),
  };
}

export function failureTable(rows: readonly LeaderboardRow[]): Table {
  return {
    id: "failures",
    title: "Failure breakdown (share of episodes with at least one)",
    headers: ["agent", "condition", ...FAILURE_KINDS.map((kind) => FAILURE_LABELS[kind])],
    rows: rows.map((row) => [
      row.agent,
      row.condition,
      ...FAILURE_KINDS.map((kind) => percent(row.failures[kind])),
    ]),
  };
}

export function sliceTable(dimension: SliceDimension, rows: readonly GroupRow[]): Table {
  return {
    id: `slice-${dimension}`,
    title: SLICE_TITLES[dimension],
    headers: [
      dimension === "taskCount" ? "tasks" : dimension,
      "agent",
      "condition",
      "episodes",
      "Overall",
      "sub-task",
      "step F1",
      "AE",
    ],
    rows: rows.map((row) => [
      row.group ?? "-",
      row.agent,
      row.condition,
      row.episodes,
      formatInterval(row.overall),
      formatInterval(row.subtaskSuccess),
      formatInterval(row.stepF1),
      formatInterval(row.asyncEfficiency),
    ]),
  };
}

/** Every table of a report, in the order the formats print them. */
export function reportTables(leaderboard: Leaderboard): Table[] {
  return [
    leaderboardTable(leaderboard.rows),
    failureTable(leaderboard.rows),
    sliceTable("taskCount", leaderboard.slices.taskCount),
    sliceTable("domain", leaderboard.slices.domain),
    sliceTable("pattern", leaderboard.slices.pattern),
  ];
}

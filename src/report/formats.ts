import { formatTable } from "../cli/format-table.ts";
import type { GroupRow, Interval } from "../grading/aggregate.ts";
import { FAILURE_KINDS } from "../grading/failure-types.ts";
import { type Leaderboard, SLICE_DIMENSIONS } from "./leaderboard.ts";
import { reportTables, type Table } from "./tables.ts";

/** Text, Markdown and CSV renderings of a leaderboard. Pure: strings in, string out. */

export function renderText(leaderboard: Leaderboard): string {
  return reportTables(leaderboard)
    .filter((table) => table.rows.length > 0)
    .map((table) => `${table.title}\n${formatTable(table.headers, table.rows)}`)
    .join("\n\n");
}

/** A Markdown cell: one line, pipes and HTML-significant characters escaped (Markdown may be rendered as HTML). */
export function markdownCell(value: string | number): string {
  return String(value)
    .replace(/\r?\n|\r/g, " ")
    .replace(/[\\|`*_[\]<>&]/g, (character) =>
      character === "<"
        ? "&lt;"
        : character === ">"
          ? "&gt;"
          : character === "&"
            ? "&amp;"
            : `\\${character}`,
    );
}

export function markdownTable(table: Table): string {
  const numeric = table.headers.map((_, column) =>
    table.rows.every((row) => typeof row[column] === "number"),
  );
  const lines = [
    `| ${table.headers.map(markdownCell).join(" | ")} |`,
    `|${numeric.map((isNumber) => (isNumber && table.rows.length > 0 ? " ---: " : " --- ")).join("|")}|`,
    ...table.rows.map((row) => `| ${row.map(markdownCell).join(" | ")} |`),
  ];
  return lines.join("\n");
}

export function renderMarkdown(leaderboard: Leaderboard, options: { title?: string } = {}): string {
  const sections = reportTables(leaderboard)
    .filter((table) => table.rows.length > 0)
    .map(
      (table, index) =>
        `${index === 0 ? "##" : "###"} ${markdownCell(table.title)}\n\n${markdownTable(table)}`,
    );
  return `# ${markdownCell(options.title ?? "asynctool report")}\n\n${sections.join("\n\n")}\n`;
}

/**
 * RFC 4180 quoting; a text cell that a spreadsheet would run as a formula (=, +, -, @ first) is
 * prefixed with a quote mark, since agent names come from the user.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const INTERVAL_METRICS = ["overall", "subtaskSuccess", "stepF1", "asyncEfficiency", "speedup"] as const;

function intervalColumns(prefix: string): string[] {
  return [prefix, `${prefix}Low`, `${prefix}High`];
}

function intervalCells(interval: Interval): Array<number | null> {
  return [interval.mean, interval.low, interval.high];
}

export const CSV_HEADERS = [
  "table",
  "dimension",
  "group",
  "agent",
  "condition",
  "protocol",
  "episodes",
  ...INTERVAL_METRICS.flatMap(intervalColumns),
  ...intervalColumns("asyncGap"),
  ...FAILURE_KINDS,
  "inputTokensPerEpisode",
  "outputTokensPerEpisode",
  "costUsd",
];

/** One flat CSV: leaderboard rows (table=leaderboard) then every slice row (table=slice). */
export function renderCsv(leaderboard: Leaderboard): string {
  const lines: Array<Array<string | number | null>> = [CSV_HEADERS];
  for (const row of leaderboard.rows) {
    lines.push([
      "leaderboard",
      null,
      null,
      row.agent,
      row.condition,
      row.protocol,
      row.episodes,
      ...INTERVAL_METRICS.flatMap((metric) => intervalCells(row[metric])),
      row.asyncGap?.gap ?? null,
      row.asyncGap?.low ?? null,
      row.asyncGap?.high ?? null,
      ...FAILURE_KINDS.map((kind) => row.failures[kind]),
      row.inputTokens,
      row.outputTokens,
      row.costUsd,
    ]);
  }
  for (const dimension of SLICE_DIMENSIONS) {
    for (const row of leaderboard.slices[dimension]) lines.push(sliceCells(row));
  }
  return `${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

function sliceCells(row: GroupRow): Array<string | number | null> {
  const blanks = (count: number) => Array.from({ length: count }, () => null);
  return [
    "slice",
    row.dimension,
    row.group,
    row.agent,
    row.condition,
    null,
    row.episodes,
    ...INTERVAL_METRICS.flatMap((metric) => intervalCells(row[metric])),
    ...blanks(3 + FAILURE_KINDS.length + 3),
  ];
}

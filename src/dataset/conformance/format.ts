/** Plain-text renderings of the conformance reports: a per-class table and the mismatches per class. */
import { BFCL_CLASSES } from "../importers/bfcl-classes.ts";
import type { BfclMismatch, BfclReport, NestfulReport, Tally } from "./report.ts";
import { firstDifference } from "./values.ts";

/** `matched/total  pct%`, or `-` when there is nothing to count. */
export function formatTally(tally: Tally): string {
  if (tally.total === 0) return "-";
  return `${tally.matched}/${tally.total}  ${percent(tally)}`;
}

export function percent(tally: Tally): string {
  return tally.total === 0 ? "-" : `${((100 * tally.matched) / tally.total).toFixed(1)}%`;
}

/** A value on one line, cut to `width` characters. */
export function brief(value: unknown, width = 160): string {
  const text = value === undefined ? "(absent)" : JSON.stringify(value);
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** Columns padded to their widest cell; the first column left-aligned, the others right-aligned. */
function padTable(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("   ")
      .trimEnd(),
  );
}

function tallyCells(tally: Tally): [string, string] {
  return tally.total === 0 ? ["-", "-"] : [`${tally.matched}/${tally.total}`, percent(tally)];
}

function errorMessage(value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  return record.status === "error" && typeof record.error === "string" ? record.error : undefined;
}

function describeMismatch(mismatch: BfclMismatch): string[] {
  const where = `${mismatch.entry} turn ${mismatch.turn}`;
  if (mismatch.kind === "call") {
    return [
      `  ${where}  ${mismatch.call}`,
      `      expected ${brief(mismatch.expected)}`,
      `      actual   ${brief(mismatch.actual)}`,
    ];
  }
  const difference = firstDifference(mismatch.expected, mismatch.actual);
  return [
    `  ${where}  state differs at ${difference?.path ?? "$"}`,
    `      expected ${brief(difference?.expected ?? mismatch.expected)}`,
    `      actual   ${brief(difference?.actual ?? mismatch.actual)}`,
  ];
}

/**
 * Mismatches grouped per class, at most `limit` each (0 = all). A class whose every mismatch is
 * the same error (e.g. its domain is not registered yet) is summarised in one line.
 */
export function formatBfclMismatches(mismatches: readonly BfclMismatch[], limit: number): string[] {
  const lines: string[] = [];
  const classes = [...new Set(mismatches.map((mismatch) => mismatch.class))];
  for (const className of classes) {
    const own = mismatches.filter((mismatch) => mismatch.class === className);
    const calls = own.filter((mismatch) => mismatch.kind === "call").length;
    lines.push(`${className}: ${own.length} mismatches (${calls} calls, ${own.length - calls} states)`);
    const errors = new Set(own.map((mismatch) => errorMessage(mismatch.actual)));
    const [onlyError] = errors;
    if (errors.size === 1 && onlyError !== undefined) {
      lines.push(`  every one: ${onlyError}`);
      continue;
    }
    const shown = limit === 0 ? own : own.slice(0, limit);
    for (const mismatch of shown) lines.push(...describeMismatch(mismatch));
    if (shown.length < own.length)
      lines.push(`  … and ${own.length - shown.length} more (--limit 0 shows all)`);
  }
  return lines;
}

export function formatBfclReport(report: BfclReport, peerDir: string, limit: number): string {
  const order = BFCL_CLASSES.map((spec) => spec.className).filter((name) => report.byClass[name]);
  const row = (name: string, calls: Tally, states: Tally) => [
    name,
    ...tallyCells(calls),
    ...tallyCells(states),
  ];
  const rows = [
    ["class", "calls", "", "states", ""],
    ...order.map((name) => row(name, report.byClass[name]!.calls, report.byClass[name]!.states)),
    row("total", report.calls, report.states),
  ];
  const lines = [
    `BFCL v3 multi-turn base: our domains vs upstream's recorded results and post-turn states`,
    `peer data: ${peerDir}`,
    "",
    ...padTable(rows),
    "",
  ];
  if (report.mismatches.length === 0) lines.push("no mismatches");
  else lines.push(...formatBfclMismatches(report.mismatches, limit));
  return lines.join("\n");
}

export function formatNestfulReport(report: NestfulReport, peerDir: string, limit: number): string {
  const lines = [
    "NESTFUL v2 toy sample, math records: our basic_ tools vs gold_answer (upstream's rounding rule)",
    `peer data: ${peerDir}`,
    "",
    `records  ${formatTally(report.records)}`,
    "",
  ];
  if (report.mismatches.length === 0) lines.push("no mismatches");
  const shown = limit === 0 ? report.mismatches : report.mismatches.slice(0, limit);
  for (const mismatch of shown) {
    lines.push(`  ${mismatch.record}${mismatch.step === undefined ? "" : ` at ${mismatch.step}`}`);
    lines.push(`      expected ${brief(mismatch.expected)}`, `      actual   ${brief(mismatch.actual)}`);
  }
  if (shown.length < report.mismatches.length) {
    lines.push(`  … and ${report.mismatches.length - shown.length} more (--limit 0 shows all)`);
  }
  return lines.join("\n");
}

import { formatTable } from "../cli/format-table.ts";
import type { SessionResult } from "./session.ts";
import type { EpisodeResult } from "./store.ts";
import { type SummaryRow, summaryRows } from "./summary.ts";

/** What `asynctool run` prints: results (and summary) on stdout, the run's fate on stderr. */
export interface RunReport {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function resultRow(record: EpisodeResult) {
  const { summary } = record;
  return {
    scenario: record.scenario,
    agent: record.agent,
    condition: record.condition,
    trial: record.trial,
    makespan: summary.makespan,
    turns: summary.turns,
    calls: summary.calls,
    idleTicks: summary.idleTicks,
    reason: summary.reason,
    inputTokens: record.inputTokens,
    outputTokens: record.outputTokens,
    costUsd: record.costUsd,
    attempts: record.attempts,
    cacheHits: record.cacheHits,
    ...(record.score === null ? {} : { score: record.score }),
  };
}

export function reportRun(result: SessionResult, options: { json: boolean }): RunReport {
  const summary = summaryRows(result.records);
  const stdout = options.json
    ? `${JSON.stringify({ results: result.records.map(resultRow), summary, run: runFacts(result) }, null, 2)}\n`
    : `${resultsTable(result.records)}\n\n${summaryTable(summary)}\n`;
  const lines: string[] = [];
  const where = result.storeDir ?? "";
  if (result.storeDir)
    lines.push(
      `stored ${result.records.length} episodes in ${where} (run ${result.runId}; ${result.ran} run now, ${result.skipped} already stored)`,
    );
  if (result.rateLimited > 0)
    lines.push(
      `${result.rateLimited} rate-limit responses (429) slowed the run down; none counted against a model`,
    );
  if (result.infraFailures.length > 0) {
    lines.push(
      `${result.infraFailures.length} episodes failed on the provider's side after every attempt; they are not scored:`,
      ...result.infraFailures.map(
        (failure) =>
          `  ${failure.scenario} × ${failure.agent} × ${failure.condition} (t${failure.trial}): ${failure.message}`,
      ),
    );
  }
  for (const provider of result.stoppedProviders)
    lines.push(
      `${provider} looked down (several episodes in a row failed on its side); its other episodes were not started`,
    );
  if (result.missing > 0 && result.storeDir)
    lines.push(`${result.missing} episodes still to run; continue with: asynctool run --resume ${where}`);
  else if (result.missing > 0)
    lines.push(`${result.missing} episodes did not finish (no store: rerun to get them)`);
  const exitCode = result.interrupted ? 130 : result.infraFailures.length > 0 ? 1 : 0;
  return { stdout, stderr: lines.length > 0 ? `${lines.join("\n")}\n` : "", exitCode };
}

export function runFacts(result: SessionResult) {
  return {
    runId: result.runId,
    storeDir: result.storeDir,
    planned: result.records.length + result.missing,
    ran: result.ran,
    skipped: result.skipped,
    missing: result.missing,
    interrupted: result.interrupted,
    rateLimited: result.rateLimited,
    infraFailures: result.infraFailures,
    stoppedProviders: result.stoppedProviders,
  };
}

function resultsTable(records: readonly EpisodeResult[]): string {
  const scored = records.some((record) => record.score !== null);
  const priced = records.some((record) => record.inputTokens + record.outputTokens > 0);
  const headers = ["scenario", "agent", "condition", "trial", "makespan", "turns", "calls", "idle", "end"];
  if (scored) headers.push("success", "AE");
  if (priced) headers.push("tokens", "cost $");
  const rows = records.map((record) => {
    const row: Array<string | number> = [
      record.scenario,
      record.agent,
      record.condition,
      record.trial,
      record.summary.makespan,
      record.summary.turns,
      record.summary.calls,
      record.summary.idleTicks,
      record.summary.reason,
    ];
    if (scored) {
      const score = record.score as { success?: unknown; efficiency?: { asyncEfficiency?: unknown } } | null;
      row.push(score?.success === undefined ? "-" : score.success ? "yes" : "no");
      row.push(numberOrDash(score?.efficiency?.asyncEfficiency));
    }
    if (priced)
      row.push(
        record.inputTokens + record.outputTokens,
        record.costUsd === null ? "?" : record.costUsd.toFixed(4),
      );
    return row;
  });
  return formatTable(headers, rows);
}

/** The summary rows as a table; failure rates are listed compactly, only those above zero. */
export function summaryTable(rows: readonly SummaryRow[]): string {
  const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== "failures");
  const hasFailures = rows.some((row) => row.failures !== undefined);
  const table = rows.map((row) => {
    const cells: Array<string | number> = columns.map((column) =>
      numberOrDash(row[column], String(row[column])),
    );
    if (hasFailures) cells.push(failureList(row.failures));
    return cells;
  });
  return formatTable(hasFailures ? [...columns, "failures (share of episodes)"] : columns, table);
}

function failureList(failures: unknown): string {
  if (failures === null || typeof failures !== "object") return "-";
  const present = Object.entries(failures as Record<string, number>).filter(([, rate]) => rate > 0);
  return present.length === 0
    ? "none"
    : present.map(([kind, rate]) => `${kind} ${rate.toFixed(2)}`).join(", ");
}

function numberOrDash(value: unknown, otherwise = "-"): string | number {
  if (typeof value === "number") return Number(value.toFixed(3));
  return value === null || value === undefined ? "-" : otherwise;
}

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type BuiltReport, reportJson, reportPage } from "./build-report.ts";
import { renderCsv, renderMarkdown, renderText } from "./formats.ts";

/** The outputs `asynctool report` can write; each is optional. */
export interface ReportOutputs {
  html?: string | undefined;
  md?: string | undefined;
  csv?: string | undefined;
}

/** Render the requested files; returns what was written (path and size in bytes). */
export function writeReportFiles(
  built: BuiltReport,
  outputs: ReportOutputs,
): Array<{ path: string; bytes: number }> {
  const files: Array<[string | undefined, () => string]> = [
    [outputs.html, () => reportPage(built, { inline: true }).html],
    [outputs.md, () => renderMarkdown(built.leaderboard, { title: built.title })],
    [outputs.csv, () => renderCsv(built.leaderboard)],
  ];
  const written: Array<{ path: string; bytes: number }> = [];
  for (const [path, render] of files) {
    if (path === undefined) continue;
    const content = render();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    written.push({ path, bytes: Buffer.byteLength(content) });
  }
  return written;
}

/** What `report` prints on stdout: the tables, or the JSON document with --json. */
export function reportStdout(built: BuiltReport, options: { json: boolean }): string {
  return options.json
    ? `${JSON.stringify(reportJson(built), null, 2)}\n`
    : `${renderText(built.leaderboard)}\n`;
}

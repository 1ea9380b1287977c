import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import {
  BFCL_V3_FILES,
  NESTFUL_FILES,
  PEER_DATA_ENV,
  PEER_FILES,
  requirePeerData,
} from "../dataset/conformance/peer-data.ts";
import { type BfclImportStats, importBfclV3 } from "../dataset/importers/bfcl-v3.ts";
import type { ImportFailure, ImportResult } from "../dataset/importers/imported-task.ts";
import { importNestful, type NestfulImportStats } from "../dataset/importers/nestful.ts";

interface ImportOptions {
  out?: string;
  peerData?: string;
}

/** Scenarios as JSONL (one per line) to `--out` or stdout; the summary goes to stderr. */
function emit<Stats>(result: ImportResult<Stats>, options: ImportOptions, summary: string): void {
  const text = result.scenarios.map((scenario) => `${JSON.stringify(scenario)}\n`).join("");
  if (options.out) writeFileSync(options.out, text);
  else process.stdout.write(text);
  process.stderr.write(`${summary}\n${formatFailures(result.failures)}`);
  if (result.failures.length > 0) process.exitCode = 1;
}

function formatFailures(failures: readonly ImportFailure[]): string {
  if (failures.length === 0) return "failures: none\n";
  return `failures: ${failures.length}\n${failures.map((failure) => `  ${failure.record}: ${failure.reason}\n`).join("")}`;
}

export function bfclSummary(stats: BfclImportStats, source: string): string {
  return [
    `imported ${stats.scenarios}/${stats.entries} BFCL v3 multi-turn base entries from ${source}`,
    `  ${stats.tasks} tasks (one per API class with gold calls)`,
    `  refs created: ${stats.refs} in ${stats.entriesWithRefs} entries`,
    `  literals from another task, left literal: ${stats.crossTaskLiterals} in ${stats.entriesWithCrossTaskLiterals} entries`,
    `  ordering edges (after) for state conflicts: ${stats.afterEdges}`,
    `  gold calls with an error result: ${stats.errorResults}`,
    `  user/gold turns not aligned (every task gets every turn): ${stats.unaligned.join(", ") || "none"}`,
  ].join("\n");
}

export function nestfulSummary(stats: NestfulImportStats, source: string): string {
  return [
    `imported ${stats.scenarios} NESTFUL math records from ${source} (${stats.records} records, ${stats.skipped} non-math skipped)`,
    `  refs created: ${stats.refs}`,
    `  repeated calls folded into an earlier step: ${stats.mergedCalls}`,
  ].join("\n");
}

const peerDataHelp = `folder holding bfcl_v3/ and nestful/, for the default input (default: $${PEER_DATA_ENV}, else ../shared/peer-data)`;

export function importCommand(): Command {
  const command = new Command("import").description(
    "Turn public benchmark files into asynctool scenarios (JSONL, one scenario per record; loadable as a split file).",
  );
  command.addCommand(
    new Command("bfcl-v3")
      .description(
        "BFCL v3 multi-turn base: one scenario per entry, one task per API class, literal data flow turned into $refs",
      )
      .argument("[dir]", "the bfcl_v3/ folder (default: <peer-data>/bfcl_v3)")
      .option("--out <file>", "write the scenarios here (default: stdout)")
      .option("--peer-data <dir>", peerDataHelp)
      .action((dir: string | undefined, options: ImportOptions) => {
        const source = dir ?? join(requirePeerData(BFCL_V3_FILES, { explicit: options.peerData }), "bfcl_v3");
        const result = importBfclV3(source);
        emit(result, options, bfclSummary(result.stats, source));
      }),
  );
  command.addCommand(
    new Command("nestful")
      .description("NESTFUL v2 math records: one single-task scenario per record, $var references mapped")
      .argument("[file]", `a NESTFUL v2 JSONL file (default: <peer-data>/${PEER_FILES.nestfulData})`)
      .option("--out <file>", "write the scenarios here (default: stdout)")
      .option("--peer-data <dir>", peerDataHelp)
      .action((file: string | undefined, options: ImportOptions) => {
        const source =
          file ??
          join(requirePeerData(NESTFUL_FILES, { explicit: options.peerData }), PEER_FILES.nestfulData);
        const result = importNestful(source);
        emit(result, options, nestfulSummary(result.stats, source));
      }),
  );
  return command;
}

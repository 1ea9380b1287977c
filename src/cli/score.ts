import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { Condition } from "../core/condition.ts";
import { BadInputError, parseOrThrow } from "../core/errors.ts";
import { eventsOf, Trace } from "../core/trace.ts";
import { Scenario } from "../dataset/schema.ts";
import { isControlTool } from "../env/control-tools.ts";
import { type EpisodeScore, gradeEpisode, summarize } from "../grading/index.ts";
import { summaryTable } from "../runner/report-run.ts";
import type { SummaryRow } from "../runner/summary.ts";
import { formatTable } from "./format-table.ts";

/** One file written by `asynctool run --trace-out DIR`: self-contained, so re-grading needs nothing else. */
export const SavedTrace = z.object({ scenario: Scenario, condition: Condition, trace: Trace });
export type SavedTrace = z.infer<typeof SavedTrace>;

/** The saved traces of a folder (every `*.json` file, in name order); errors name the file and field. */
export function readSavedTraces(dir: string): Array<{ file: string; saved: SavedTrace }> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".json"));
  } catch (error) {
    throw new BadInputError(`${dir}: cannot read the folder (${(error as Error).message})`);
  }
  names = names.filter((name) => statSync(join(dir, name)).isFile()).sort();
  if (names.length === 0)
    throw new BadInputError(`${dir}: no .json trace files (write them with run --trace-out)`);
  return names.map((name) => {
    const file = join(dir, name);
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new BadInputError(`${file}: not valid JSON: ${(error as Error).message}`);
    }
    return { file, saved: parseOrThrow(SavedTrace, value, file) };
  });
}

/** A result row like `asynctool run`'s, rebuilt from the trace alone, with its score. */
export function resultRow(saved: SavedTrace, score: EpisodeScore) {
  const end = eventsOf(saved.trace, "episode-end")[0];
  return {
    scenario: score.scenario,
    agent: score.agent,
    condition: score.condition,
    trial: score.trial,
    makespan: end?.makespan ?? 0,
    turns: end?.turns ?? 0,
    calls: eventsOf(saved.trace, "tool-call").filter((event) => !isControlTool(event.tool)).length,
    idleTicks: eventsOf(saved.trace, "wait").reduce((sum, event) => sum + event.idleTicks, 0),
    reason: score.reason,
    score,
  };
}

/** Re-grade every saved trace of `dir` (DESIGN §3: graders read traces only). */
export async function scoreDirectory(dir: string) {
  const results = [];
  for (const { file, saved } of readSavedTraces(dir)) {
    try {
      const score = await gradeEpisode(saved);
      results.push(resultRow(saved, score));
    } catch (error) {
      if (error instanceof BadInputError) throw new BadInputError(`${file}: ${error.message}`);
      throw error;
    }
  }
  return { results, summary: summarize(results.map((row) => row.score)) };
}

export function scoreCommand(): Command {
  return new Command("score")
    .description("Re-grade saved traces offline (files written by `asynctool run --trace-out DIR`).")
    .argument("<dir>", "folder of <scenario>__<agent>__<condition>__t<trial>.json files")
    .option("--json", "print machine-readable results and summary")
    .addHelpText("after", "\nExamples:\n  asynctool score traces/\n  asynctool score traces/ --json")
    .action(async (dir: string, options: { json?: boolean }) => {
      const { results, summary } = await scoreDirectory(dir);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ results, summary }, null, 2)}\n`);
        return;
      }
      const headers = [
        "scenario",
        "agent",
        "condition",
        "trial",
        "makespan",
        "turns",
        "calls",
        "idle",
        "end",
      ];
      const rows = results.map((row) => [
        row.scenario,
        row.agent,
        row.condition,
        row.trial,
        row.makespan,
        row.turns,
        row.calls,
        row.idleTicks,
        row.reason,
        row.score.success ? "yes" : "no",
        row.score.efficiency.asyncEfficiency === null
          ? "-"
          : Number(row.score.efficiency.asyncEfficiency.toFixed(3)),
      ]);
      const table = formatTable([...headers, "success", "AE"], rows);
      process.stdout.write(`${table}\n\n${summaryTable(summary as unknown as SummaryRow[])}\n`);
    });
}

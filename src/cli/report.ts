import { Command } from "commander";
import { buildReport } from "../report/build-report.ts";
import { loadRuns } from "../report/load-run.ts";
import { reportStdout, writeReportFiles } from "../report/write-report.ts";
import { nonNegativeInteger } from "./options.ts";

interface ReportOptions {
  html?: string;
  md?: string;
  csv?: string;
  json?: boolean;
  split?: string;
  title?: string;
  seed?: number;
}

export function reportCommand(): Command {
  return new Command("report")
    .description(
      "Leaderboard across models × conditions: Overall, sub-task success, step F1,\n" +
        "AE, speed-up, async gap, failure breakdown, tokens and cost, with 95%\n" +
        "bootstrap intervals; slices by task count, domain and pattern. Optionally a\n" +
        "self-contained HTML report with charts and a timeline of every episode.",
    )
    .argument("<runs...>", "run ids (under runs/), run directories, or JSONL exports")
    .option("--html <file>", "write the self-contained HTML report (opens from file://)")
    .option("--md <file>", "write the tables as Markdown")
    .option("--csv <file>", "write the leaderboard and slices as one CSV")
    .option("--json", "print the leaderboard, gaps and slices as JSON instead of tables")
    .option("--split <name|file>", "scenarios for JSONL exports (a store keeps its own)")
    .option("--title <text>", "report title")
    .option("--seed <n>", "seed of the bootstrap intervals", nonNegativeInteger)
    .addHelpText(
      "after",
      `
Episodes stored without a score are graded first. Runs can be combined: the first copy of an
episode (scenario, agent, condition, trial) wins.

Examples:
  asynctool report runs/20250101-120000-ab12cd
  asynctool report runs/gpt runs/claude --html report.html --md report.md
  asynctool report run.jsonl --split examples --csv results.csv --json`,
    )
    .action(async (runs: string[], options: ReportOptions) => {
      const input = await loadRuns(runs, { split: options.split });
      for (const warning of input.warnings) process.stderr.write(`warning: ${warning}\n`);
      const built = await buildReport(input, {
        ...(options.title === undefined ? {} : { title: options.title }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
      });
      process.stdout.write(reportStdout(built, { json: options.json === true }));
      for (const file of writeReportFiles(built, options))
        process.stderr.write(`wrote ${file.path} (${(file.bytes / 1024).toFixed(0)} KB)\n`);
    });
}

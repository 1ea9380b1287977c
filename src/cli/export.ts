import { closeSync, openSync, writeSync } from "node:fs";
import { Command } from "commander";
import { exportRun } from "../runner/export.ts";

export function exportCommand(): Command {
  return new Command("export")
    .description(
      "Write a run's episodes as JSONL: one line per episode with scenario, agent, condition, trial, " +
        "summary, score, tokens, cost and the full trace.",
    )
    .argument("<run>", "run id (under runs/) or run directory")
    .option("--out <file>", "write to this file instead of stdout")
    .addHelpText(
      "after",
      "\nExamples:\n  asynctool export runs/20250101-120000-ab12cd --out run.jsonl\n  asynctool export 20250101-120000-ab12cd | jq .score",
    )
    .action((run: string, options: { out?: string }) => {
      if (!options.out) {
        exportRun(run, (line) => process.stdout.write(line));
        return;
      }
      const fd = openSync(options.out, "w");
      try {
        const count = exportRun(run, (line) => writeSync(fd, line));
        process.stderr.write(`wrote ${count} episodes to ${options.out}\n`);
      } finally {
        closeSync(fd);
      }
    });
}

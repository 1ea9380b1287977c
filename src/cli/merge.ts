import { Command } from "commander";
import { mergeRuns } from "../runner/merge.ts";

export function mergeCommand(): Command {
  return new Command("merge")
    .description(
      "Join runs made on several machines into one store. Episodes are deduplicated on (scenario, agent, " +
        "condition, trial); the same key with a different trace is a conflict: reported, first run kept.",
    )
    .argument("<out>", "directory for the merged store (must not hold a run yet)")
    .argument("<runs...>", "run ids (under runs/) or run directories")
    .option("--json", "print the merge report as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  asynctool merge runs/all runs/20250101-120000-ab12cd /mnt/other-machine/runs/20250101-130000-ef34ab\n  asynctool export runs/all --out all.jsonl",
    )
    .action((out: string, runs: string[], options: { json?: boolean }) => {
      const report = mergeRuns(out, runs);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        const lines = [
          `merged ${report.sources.length} runs into ${report.out}: ${report.inserted} episodes, ` +
            `${report.duplicates} identical duplicates dropped, ${report.conflicts.length} conflicts`,
          ...report.conflicts.map(
            (conflict) =>
              `  conflict: ${conflict.scenario} × ${conflict.agent} × ${conflict.condition} (t${conflict.trial}): ` +
              `kept ${conflict.keptFrom}, dropped ${conflict.droppedFrom}`,
          ),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
      }
      if (report.conflicts.length > 0) process.exitCode = 1;
    });
}

import { Command } from "commander";
import { listSplits, loadSplit } from "../dataset/loader.ts";
import { datasetStats } from "../dataset/stats.ts";
import { formatTable } from "./format-table.ts";

export function datasetCommand(): Command {
  const dataset = new Command("dataset").description("Inspect the shipped dataset.");
  dataset
    .command("stats")
    .description("domains × patterns × counts, tasks per split, composition, steps per task")
    .option("--split <name>", "only these splits (repeatable)", (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .option("--json", "print JSON")
    .action((options: { split?: string[]; json?: boolean }) => {
      const names = options.split ?? listSplits();
      const stats = datasetStats(Object.fromEntries(names.map((name) => [name, loadSplit(name)])));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
        return;
      }
      const patterns = ["single", "chain", "fan-out", "fan-in", "mixed"];
      const domainRows = Object.entries(stats.domains).map(([domain, count]) => [
        domain,
        count,
        ...patterns.map((pattern) => stats.domainPatterns[domain]?.[pattern] ?? 0),
      ]);
      const splitRows = Object.entries(stats.splits).map(([name, split]) => [
        name,
        split.scenarios,
        Object.entries(split.byTaskCount)
          .map(([k, v]) => `${k}:${v}`)
          .join(" "),
        Object.entries(split.byComposition)
          .map(([k, v]) => `${k}:${v}`)
          .join(" "),
        `${split.stepsPerTask.min}/${split.stepsPerTask.mean}/${split.stepsPerTask.max}`,
        split.singleTasksUsed,
        split.headroom ? `${split.headroom.min}/${split.headroom.median}/${split.headroom.max}` : "-",
      ]);
      process.stdout.write(
        `${stats.tasks} distinct tasks\n\n${formatTable(["domain", "tasks", ...patterns], domainRows)}\n\n` +
          `${formatTable(["split", "scenarios", "by task count", "by composition", "steps/task min/mean/max", "pool tasks used", "T_seq/T_opt min/median/max"], splitRows)}\n`,
      );
    });
  return dataset;
}

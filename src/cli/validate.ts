import { Command } from "commander";
import { DATA_DIR } from "../dataset/loader.ts";
import { validateDataset } from "../dataset/validate-dataset.ts";
import { REGISTRY } from "../tools/registry.ts";

export function validateCommand(): Command {
  return new Command("validate")
    .description(
      "Check a dataset: schema, every task executes and reproduces its recorded gold, tasks touch disjoint " +
        "resources, answers and state do not depend on task order. Names file, scenario id and reason per failure.",
    )
    .argument("[target]", "a data folder of splits, or one scenarios .json/.jsonl file", DATA_DIR)
    .option("--json", "print JSON")
    .action((target: string, options: { json?: boolean }) => {
      const { checked, failures } = validateDataset(target, REGISTRY);
      if (options.json) process.stdout.write(`${JSON.stringify({ checked, failures }, null, 2)}\n`);
      else {
        for (const failure of failures)
          process.stdout.write(`${failure.file}: ${failure.id}: ${failure.reason}\n`);
        process.stdout.write(`${checked} scenarios checked, ${failures.length} failure(s)\n`);
      }
      if (failures.length > 0) process.exitCode = 1;
    });
}

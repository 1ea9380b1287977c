import { Command } from "commander";
import { BadInputError } from "../core/errors.ts";
import { DEFAULT_DATASET_SEED, DEFAULT_PLAN, generateDataset } from "../dataset/build-splits.ts";
import { GENERATORS } from "../dataset/generators/index.ts";
import { writeDataset } from "../dataset/write-dataset.ts";
import { REGISTRY } from "../tools/registry.ts";
import { formatTable } from "./format-table.ts";
import { nonNegativeInteger } from "./options.ts";

export function generateCommand(): Command {
  return new Command("generate")
    .description(
      "Generate the single-task pool and the v1, stress and single splits from a seed. The shipped data/ is\n" +
        `this command's output for seed ${DEFAULT_DATASET_SEED}; another seed gives a private, uncontaminated split.`,
    )
    .option("--seed <n>", "dataset seed", nonNegativeInteger, DEFAULT_DATASET_SEED)
    .requiredOption(
      "--out <dir>",
      "output folder (writes <dir>/<split>/scenarios.jsonl and <dir>/manifest.json)",
    )
    .option("--paraphrase-with <model>", "rewrite instructions through a model adapter (keeps the original)")
    .action(async (options: { seed: number; out: string; paraphraseWith?: string }) => {
      if (options.paraphraseWith) {
        throw new BadInputError(
          "--paraphrase-with is not available yet: the model adapter layer is not wired into generation",
        );
      }
      const started = Date.now();
      const dataset = await generateDataset({
        seed: options.seed,
        generators: GENERATORS,
        catalog: REGISTRY,
        plan: DEFAULT_PLAN,
      });
      const files = writeDataset(options.out, dataset);
      const rows: Array<Array<string | number>> = (["v1", "stress"] as const).map((name) => {
        const filter = dataset.filters[name];
        return [
          name,
          dataset.splits[name].length,
          filter.candidates,
          filter.rejected.resources,
          filter.rejected.order,
          filter.rejected.headroom,
          filter.rejected.duplicate,
        ];
      });
      rows.push(["single", dataset.splits.single.length, dataset.pool.length, 0, 0, 0, 0]);
      process.stdout.write(
        `${formatTable(["split", "scenarios", "candidates", "resource clash", "order", "headroom", "duplicate"], rows)}\n` +
          `wrote ${files.join(", ")} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });
}

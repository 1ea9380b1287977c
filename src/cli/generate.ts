import { Command } from "commander";
import { createModelAdapter } from "../agents/llm/create-adapter.ts";
import { DEFAULT_DATASET_SEED, DEFAULT_PLAN, generateDataset } from "../dataset/build-splits.ts";
import { GENERATORS } from "../dataset/generators/index.ts";
import { adapterParaphraser } from "../dataset/paraphrase.ts";
import { writeDataset } from "../dataset/write-dataset.ts";
import { REGISTRY } from "../tools/registry.ts";
import { formatTable } from "./format-table.ts";
import { nonNegativeInteger } from "./options.ts";

export function generateCommand(): Command {
  return new Command("generate")
    .description(
      "Generate the single-task pool and the v1, stress and single splits from a seed. The shipped data/ is " +
        `this command's output for seed ${DEFAULT_DATASET_SEED}; another seed gives a private, uncontaminated split.`,
    )
    .option("--seed <n>", "dataset seed", nonNegativeInteger, DEFAULT_DATASET_SEED)
    .requiredOption(
      "--out <dir>",
      "output folder (writes <dir>/<split>/scenarios.jsonl and <dir>/manifest.json)",
    )
    .option(
      "--paraphrase-with <model>",
      "reword every single task's instruction through a model (e.g. openai:gpt-4.1-mini); the original is kept in\n" +
        "originalInstruction, and a rewrite that drops a number, name or quoted value is refused",
    )
    .option("--base-url <url>", "base URL for an openai-compatible paraphrasing model")
    .action(async (options: { seed: number; out: string; paraphraseWith?: string; baseUrl?: string }) => {
      const paraphrase = options.paraphraseWith
        ? adapterParaphraser(
            createModelAdapter({
              modelId: options.paraphraseWith,
              ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
            }),
          )
        : undefined;
      const started = Date.now();
      const dataset = await generateDataset({
        ...(paraphrase ? { paraphrase } : {}),
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

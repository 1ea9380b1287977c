import { DEFAULT_DATASET_SEED, DEFAULT_PLAN, generateDataset } from "../src/dataset/build-splits.ts";
import { GENERATORS } from "../src/dataset/generators/index.ts";
import { REGISTRY } from "../src/tools/registry.ts";
import { type BenchResult, median } from "./stats.ts";

/** Time to generate the full shipped dataset (pool, v1, stress, single) from its seed, including every filter. */
export async function benchDataset(repeats = 3): Promise<BenchResult[]> {
  const seconds: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const start = performance.now();
    await generateDataset({
      seed: DEFAULT_DATASET_SEED,
      generators: GENERATORS,
      catalog: REGISTRY,
      plan: DEFAULT_PLAN,
    });
    seconds.push((performance.now() - start) / 1000);
  }
  seconds.sort((a, b) => a - b);
  return [
    {
      name: `generate full dataset (v1 ${DEFAULT_PLAN.v1} + stress ${DEFAULT_PLAN.stress} + single, seed ${DEFAULT_DATASET_SEED})`,
      median: median(seconds),
      min: seconds[0] ?? 0,
      max: seconds[seconds.length - 1] ?? 0,
      unit: "s",
    },
  ];
}

import { oracleFactory } from "../src/agents/reference/oracle.ts";
import { CONDITION_PRESETS } from "../src/core/presets.ts";
import { loadSplit } from "../src/dataset/loader.ts";
import type { Scenario } from "../src/dataset/schema.ts";
import { runEpisode } from "../src/env/episode.ts";
import { type BenchResult, median } from "./stats.ts";

/**
 * Harness overhead: oracle episodes per second over every scenario × async condition, on one core
 * (this process), as in real runs (per-event trace validation off; see docs/decisions/0004).
 */
export async function benchEpisodes(
  options: { repeats?: number; minMs?: number } = {},
): Promise<BenchResult[]> {
  const repeats = options.repeats ?? 7;
  const minMs = options.minMs ?? 300;
  const scenarios = loadSplit("examples");
  const asyncConditions = CONDITION_PRESETS.filter((condition) => condition.protocol === "async");
  const groups: Array<[string, Scenario[]]> = [
    ["all scenarios", scenarios],
    ["three-task scenarios", scenarios.filter((scenario) => scenario.tasks.length === 3)],
  ];
  const results: BenchResult[] = [];
  for (const [label, group] of groups) {
    const rates: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      let episodes = 0;
      const start = performance.now();
      while (performance.now() - start < minMs) {
        for (const scenario of group) {
          for (const condition of asyncConditions) {
            await runEpisode({ scenario, condition, agent: oracleFactory });
            episodes += 1;
          }
        }
      }
      rates.push(episodes / ((performance.now() - start) / 1000));
    }
    rates.sort((a, b) => a - b);
    results.push({
      name: `oracle episodes/s (${label}, ${asyncConditions.length} async conditions)`,
      median: median(rates),
      min: rates[0] ?? 0,
      max: rates[rates.length - 1] ?? 0,
      unit: "episodes/s",
      target: label.startsWith("three") ? { atLeast: 1000 } : undefined,
    });
  }
  return results;
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { oracleFactory } from "../src/agents/reference/oracle.ts";
import { CONDITION_PRESETS } from "../src/core/presets.ts";
import { loadSplit } from "../src/dataset/loader.ts";
import { runEpisode } from "../src/env/episode.ts";
import { buildPlan, type RunConfig, scenariosHash } from "../src/runner/plan.ts";
import { silentProgress } from "../src/runner/progress.ts";
import { collectProvenance } from "../src/runner/provenance.ts";
import { Redactor } from "../src/runner/redact.ts";
import { runPlan } from "../src/runner/runner.ts";
import { RunStore } from "../src/runner/store.ts";
import { type BenchResult, median } from "./stats.ts";

/**
 * Runner overhead: oracle episodes per second through `runPlan` with the SQLite store (one
 * transaction per episode, grading off) against bare `runEpisode` calls, on the examples split
 * under every async condition. The ratio is what orchestration and storage cost.
 */
export async function benchRunner(
  options: { repeats?: number; rounds?: number } = {},
): Promise<BenchResult[]> {
  const repeats = options.repeats ?? 5;
  const rounds = options.rounds ?? 5;
  const scenarios = loadSplit("examples");
  const conditions = CONDITION_PRESETS.filter((condition) => condition.protocol === "async");
  const config: RunConfig = {
    configVersion: 1,
    agents: [{ kind: "reference", name: "oracle" }],
    split: "examples",
    scenarioIds: scenarios.map((scenario) => scenario.id),
    scenariosHash: scenariosHash(scenarios),
    conditions,
    trials: rounds,
    concurrency: { local: 1 },
    maxEpisodeAttempts: 1,
    createdAt: new Date(0).toISOString(),
  };
  const plan = buildPlan(config, scenarios);
  const bare: number[] = [];
  const stored: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    let start = performance.now();
    for (const episode of plan) {
      await runEpisode({
        scenario: episode.scenarioData,
        condition: episode.conditionData,
        agent: oracleFactory,
        trial: episode.trial,
      });
    }
    bare.push(plan.length / ((performance.now() - start) / 1000));

    const dir = mkdtempSync(join(tmpdir(), "asynctool-bench-runner-"));
    const store = RunStore.create(join(dir, "run"), {
      runId: "bench",
      config,
      provenance: collectProvenance(),
    });
    start = performance.now();
    await runPlan({
      config,
      plan,
      store,
      progress: silentProgress,
      redactor: Redactor.fromEnvironment(),
      defaultConcurrency: () => 1,
      cache: null,
      grade: null,
      retry: { baseMs: 1, maxMs: 1 },
      makeFactory: () => oracleFactory,
      cacheKey: () => null,
    });
    stored.push(plan.length / ((performance.now() - start) / 1000));
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const spread = (values: number[]) => ({ min: Math.min(...values), max: Math.max(...values) });
  const ratios = stored.map((rate, index) => rate / (bare[index] as number));
  return [
    {
      name: "bare runEpisode episodes/s (oracle, examples × async conditions)",
      median: median(bare),
      ...spread(bare),
      unit: "episodes/s",
    },
    {
      name: "runner + SQLite store episodes/s (same episodes)",
      median: median(stored),
      ...spread(stored),
      unit: "episodes/s",
    },
    {
      name: "runner + store throughput / bare episodes",
      median: median(ratios),
      ...spread(ratios),
      unit: "ratio",
    },
  ];
}

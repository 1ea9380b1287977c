import { eagerFactory } from "../src/agents/reference/eager.ts";
import { forgetfulFactory, oracleFactory } from "../src/agents/reference/oracle.ts";
import { sequentialFactory } from "../src/agents/reference/sequential.ts";
import type { Condition } from "../src/core/condition.ts";
import { CONDITION_PRESETS } from "../src/core/presets.ts";
import type { TraceEvent } from "../src/core/trace.ts";
import { loadSplit } from "../src/dataset/loader.ts";
import type { Scenario } from "../src/dataset/schema.ts";
import { runEpisode } from "../src/env/episode.ts";
import { gradeEpisode } from "../src/grading/grade.ts";
import { type BenchResult, median } from "./stats.ts";

interface Episode {
  scenario: Scenario;
  condition: Condition;
  trace: TraceEvent[];
}

/**
 * Grading time per episode for three-task scenarios (issue 5's target: under 1 ms). Traces of the
 * oracle, sequential, eager and forgetful agents under every condition are recorded first; each
 * is graded once to warm the per-scenario gold and reference-run caches (as in a run, where
 * every agent × trial of a scenario and condition shares them); then `gradeEpisode` is timed.
 */
export async function benchGrading(
  options: { repeats?: number; minMs?: number } = {},
): Promise<BenchResult & { medianMs: number; episodes: number }> {
  const repeats = options.repeats ?? 7;
  const minMs = options.minMs ?? 300;
  const scenarios = loadSplit("examples").filter((scenario) => scenario.tasks.length === 3);
  const agents = [oracleFactory, sequentialFactory, eagerFactory(), forgetfulFactory];
  const episodes: Episode[] = [];
  for (const scenario of scenarios) {
    for (const condition of CONDITION_PRESETS) {
      for (const agent of agents) {
        const { trace } = await runEpisode({ scenario, condition, agent, validateTrace: false });
        episodes.push({ scenario, condition, trace });
      }
    }
  }
  for (const episode of episodes) await gradeEpisode(episode);

  const perEpisode: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    let graded = 0;
    const start = performance.now();
    while (performance.now() - start < minMs) {
      for (const episode of episodes) {
        await gradeEpisode(episode);
        graded += 1;
      }
    }
    perEpisode.push((performance.now() - start) / graded);
  }
  perEpisode.sort((a, b) => a - b);
  const medianMs = median(perEpisode);
  return {
    name: `grading time per episode (three-task scenarios, ${episodes.length} traces, warm caches)`,
    median: medianMs,
    medianMs,
    min: perEpisode[0] ?? 0,
    max: perEpisode[perEpisode.length - 1] ?? 0,
    unit: "ms/episode",
    target: { atMost: 1 },
    episodes: episodes.length,
  };
}

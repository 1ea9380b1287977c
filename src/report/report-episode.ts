import { z } from "zod";
import { Condition } from "../core/condition.ts";
import { TraceEvent } from "../core/trace.ts";
import { Scenario } from "../dataset/schema.ts";
import { EpisodeScore } from "../grading/score-schema.ts";

/**
 * The report's input contract: one episode as the store (or a JSONL export) holds it, with the
 * grader's score when there is one. Everything the report shows is derived from these records,
 * the scenarios (for the gold plan a timeline attributes calls with) and the conditions.
 */
export const ReportEpisode = z.strictObject({
  scenario: z.string(),
  agent: z.string(),
  condition: z.string(),
  trial: z.number().int().nonnegative(),
  /** Null when the episode was stored without grading and could not be graded here. */
  score: EpisodeScore.nullable(),
  trace: z.array(TraceEvent),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  /** Null when the model's price is unknown. */
  costUsd: z.number().nullable(),
});
export type ReportEpisode = z.infer<typeof ReportEpisode>;

/** One or more runs, loaded and joined: what every report builder reads. */
export const ReportInput = z.strictObject({
  /** Run ids or file paths the episodes came from, for the page header. */
  sources: z.array(z.string()),
  episodes: z.array(ReportEpisode),
  scenarios: z.array(Scenario),
  conditions: z.array(Condition),
  /** Problems met while loading (ungraded episodes, duplicates); printed, never fatal. */
  warnings: z.array(z.string()),
});
export type ReportInput = z.infer<typeof ReportInput>;

/** The key that identifies an episode across runs. */
export function episodeKey(
  episode: Pick<ReportEpisode, "scenario" | "agent" | "condition" | "trial">,
): string {
  return JSON.stringify([episode.scenario, episode.agent, episode.condition, episode.trial]);
}

/** The protocol an episode ran under, read from its trace (sync when the trace does not say). */
export function protocolOf(episode: Pick<ReportEpisode, "trace">): "sync" | "async" {
  const start = episode.trace.find((event) => event.type === "episode-start");
  return start?.type === "episode-start" ? start.protocol : "sync";
}

/**
 * Join several loaded runs: the first run's copy of an episode key wins (a later one is reported),
 * scenarios and conditions are deduplicated by id and name.
 */
export function joinInputs(inputs: readonly ReportInput[]): ReportInput {
  const seen = new Set<string>();
  const episodes: ReportEpisode[] = [];
  const warnings: string[] = [];
  for (const input of inputs) {
    warnings.push(...input.warnings);
    for (const episode of input.episodes) {
      const key = episodeKey(episode);
      if (seen.has(key)) {
        warnings.push(
          `${episode.scenario} × ${episode.agent} × ${episode.condition} (t${episode.trial}) appears in more than one run; the first copy is kept`,
        );
        continue;
      }
      seen.add(key);
      episodes.push(episode);
    }
  }
  const scenarios = new Map<string, Scenario>();
  const conditions = new Map<string, Condition>();
  for (const input of inputs) {
    for (const scenario of input.scenarios)
      if (!scenarios.has(scenario.id)) scenarios.set(scenario.id, scenario);
    for (const condition of input.conditions)
      if (!conditions.has(condition.name)) conditions.set(condition.name, condition);
  }
  return {
    sources: inputs.flatMap((input) => input.sources),
    episodes,
    scenarios: [...scenarios.values()],
    conditions: [...conditions.values()],
    warnings,
  };
}

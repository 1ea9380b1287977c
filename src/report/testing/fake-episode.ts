import type { TraceEvent } from "../../core/trace.ts";
import type { EpisodeScore } from "../../grading/score-schema.ts";
import { fakeScore } from "../../grading/testing/fake-score.ts";
import type { ReportEpisode } from "../report-episode.ts";

/**
 * A hand-made report episode for table tests: a fake score (see grading/testing/fake-score.ts)
 * and the smallest trace that says which protocol the episode ran under.
 */
export function fakeEpisode(
  options: {
    agent?: string;
    condition?: string;
    protocol?: "sync" | "async";
    scenario?: string;
    trial?: number;
    score?: (Partial<EpisodeScore> & { f1?: number; ae?: number | null }) | null;
    inputTokens?: number;
    outputTokens?: number;
    costUsd?: number | null;
  } = {},
): ReportEpisode {
  const agent = options.agent ?? "a";
  const condition = options.condition ?? (options.protocol === "sync" ? "sync" : "async-round");
  const scenario = options.scenario ?? "s1";
  const trial = options.trial ?? 0;
  const start: TraceEvent = {
    seq: 0,
    t: 0,
    type: "episode-start",
    scenarioId: scenario,
    agent,
    condition,
    protocol: options.protocol ?? "async",
    trial,
    seed: 1,
    tasks: ["T1"],
    tools: [],
    maxTurns: 10,
    systemPromptVersion: "test",
  };
  const end: TraceEvent = {
    seq: 1,
    t: 4,
    type: "episode-end",
    reason: "completed",
    turns: 3,
    makespan: 4,
    finalWorld: {},
  };
  return {
    scenario,
    agent,
    condition,
    trial,
    score:
      options.score === null
        ? null
        : fakeScore({ scenario, agent, condition, trial, ...(options.score ?? {}) }),
    trace: [start, end],
    inputTokens: options.inputTokens ?? 0,
    outputTokens: options.outputTokens ?? 0,
    costUsd: options.costUsd === undefined ? 0 : options.costUsd,
  };
}

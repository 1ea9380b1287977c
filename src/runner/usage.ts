import { parseModelId } from "../agents/llm/model-id.ts";
import { costUsd, lookupModel } from "../agents/llm/models.ts";
import { eventsOf, type TraceEvent } from "../core/trace.ts";
import type { AgentSpec } from "./plan.ts";

export interface EpisodeUsage {
  inputTokens: number;
  outputTokens: number;
  /** USD; 0 for reference agents (no model), null when the model's price is unknown. */
  costUsd: number | null;
}

/** Tokens and cost of one episode, summed over its model responses (prices from the models table). */
export function episodeUsage(spec: AgentSpec, trace: readonly TraceEvent[]): EpisodeUsage {
  let inputTokens = 0;
  let outputTokens = 0;
  for (const response of eventsOf(trace, "model-response")) {
    inputTokens += response.usage?.inputTokens ?? 0;
    outputTokens += response.usage?.outputTokens ?? 0;
  }
  if (spec.kind === "reference") return { inputTokens, outputTokens, costUsd: 0 };
  const cost = costUsd(lookupModel(parseModelId(spec.modelId)), { inputTokens, outputTokens });
  return { inputTokens, outputTokens, costUsd: cost };
}

/** Seeded exponential backoff for whole-episode retries: `base·2^(attempt-1)`, jittered ×[0.5, 1.5), capped. */
export function episodeRetryDelayMs(
  attempt: number,
  jitter: number,
  options: { baseMs: number; maxMs: number },
): number {
  const raw = options.baseMs * 2 ** Math.max(0, attempt - 1) * (0.5 + jitter);
  return Math.round(Math.min(options.maxMs, raw));
}

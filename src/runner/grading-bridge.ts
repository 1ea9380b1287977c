import { parseModelId } from "../agents/llm/model-id.ts";
import { lookupModel } from "../agents/llm/models.ts";
import { type EpisodeScore, gradeEpisode, summarize, type TokenPrice } from "../grading/index.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import type { Grader } from "./episode-attempts.ts";
import type { AgentSpec } from "./plan.ts";

/** Grades each finished episode with issue 5's grader, pricing tokens from the models table. */
export function createGrader(catalog?: ToolCatalog): Grader {
  return async ({ scenario, condition, trace, agentSpec }) => {
    const price = tokenPrice(agentSpec);
    const score = await gradeEpisode({
      scenario,
      condition,
      trace,
      ...(catalog ? { catalog } : {}),
      ...(price ? { price } : {}),
    });
    return score as unknown as Record<string, unknown>;
  };
}

/** USD per token; reference agents cost nothing; null when the model's price is unknown. */
export function tokenPrice(spec: AgentSpec): TokenPrice | null {
  if (spec.kind === "reference") return { inputPerToken: 0, outputPerToken: 0 };
  const model = lookupModel(parseModelId(spec.modelId));
  if (model.inputUsdPerMillion === null || model.outputUsdPerMillion === null) return null;
  return { inputPerToken: model.inputUsdPerMillion / 1e6, outputPerToken: model.outputUsdPerMillion / 1e6 };
}

/** Grading's summary rows over stored scores (null when some episode was stored ungraded). */
export function gradedSummary(scores: ReadonlyArray<Record<string, unknown> | null>) {
  if (scores.length === 0 || scores.some((score) => score === null)) return null;
  return summarize(scores as unknown as EpisodeScore[]);
}

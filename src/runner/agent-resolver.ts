import type { AgentFactory } from "../agents/agent.ts";
import { ADAPTER_VERSION } from "../agents/llm/adapter.ts";
import { referenceAgent } from "../agents/reference/index.ts";
import { BadInputError } from "../core/errors.ts";
import type { PlannedEpisode } from "./plan.ts";
import { providerOf } from "./plan.ts";
import { type AdaptiveLimiter, limitedFetch } from "./rate-limiter.ts";
import { redactUrl } from "./redact.ts";

export interface AgentResolverOptions {
  limiters: ReadonlyMap<string, AdaptiveLimiter>;
  /** Overrides the stored base URL of every model agent. */
  baseUrl: string | undefined;
  env: NodeJS.ProcessEnv;
  /** The fetch under the limiter (tests may inject one). */
  fetch?: typeof fetch;
}

/** Spec → factory: reference agents by name, models through the LLM adapters behind the provider's limiter. */
export function createAgentResolver(
  options: AgentResolverOptions,
): (episode: PlannedEpisode) => AgentFactory {
  return (episode) => {
    const spec = episode.agentSpec;
    if (spec.kind === "reference") return referenceAgent(spec.name);
    const limiter = options.limiters.get(providerOf(spec));
    const fetchThrough = limiter ? limitedFetch(limiter, options.fetch ?? fetch) : (options.fetch ?? fetch);
    void fetchThrough;
    throw new BadInputError(`model ${spec.modelId}: model adapters are not wired into the runner yet`);
  };
}

/** What identifies a model's answers for the response cache; reference agents are never cached. */
export function cacheIdentity(episode: PlannedEpisode): string | null {
  const spec = episode.agentSpec;
  if (spec.kind === "reference") return null;
  return JSON.stringify({
    adapter: ADAPTER_VERSION,
    model: spec.modelId,
    baseUrl: spec.baseUrl === undefined ? null : redactUrl(spec.baseUrl),
  });
}

import { createHash } from "node:crypto";
import { type AgentFactory, type EpisodeInfo, type Observation, wrapAgentFactory } from "../agents/agent.ts";
import { type LlmAgentOptions, llmAgentFactory } from "../agents/llm/llm-agent.ts";
import { referenceAgent } from "../agents/reference/index.ts";
import { linkedSignal } from "./linked-signal.ts";
import type { AgentSpec, PlannedEpisode } from "./plan.ts";
import { agentLabel, providerOf } from "./plan.ts";
import type { AdaptiveLimiter } from "./rate-limiter.ts";
import { redactUrl } from "./redact.ts";

export interface AgentResolverOptions {
  limiters: ReadonlyMap<string, AdaptiveLimiter>;
  /** Overrides the stored base URL of every model agent (the stored one may have been redacted). */
  baseUrl: string | undefined;
  env: NodeJS.ProcessEnv;
  /** Extra adapter settings (tests shorten the retry policy, inject sleeps). */
  adapter?: Partial<LlmAgentOptions>;
}

export interface AgentResolver {
  /** The factory for one planned episode. */
  makeFactory(episode: PlannedEpisode): AgentFactory;
  /** The response-cache key of one request, or null for agents that are never cached (reference agents). */
  cacheKey(episode: PlannedEpisode): ((observation: Observation, info: EpisodeInfo) => string) | null;
}

/**
 * Spec → factory. Reference agents by name. Models through the LLM adapters, one factory per
 * model (its SDK client and connection pool are shared by every episode), behind the provider's
 * shared limiter: each model turn takes a request slot, and every 429 the adapter's retry policy
 * meets slows the whole provider down, so concurrent episodes back off together.
 */
export function createAgentResolver(options: AgentResolverOptions): AgentResolver {
  const models = new Map<string, ReturnType<typeof llmAgentFactory>>();
  const modelFactory = (spec: Extract<AgentSpec, { kind: "model" }>) => {
    const label = agentLabel(spec);
    let factory = models.get(label);
    if (!factory) {
      const limiter = options.limiters.get(providerOf(spec));
      const baseUrl = options.baseUrl ?? spec.baseUrl;
      factory = llmAgentFactory({
        ...options.adapter,
        modelId: spec.modelId,
        ...(baseUrl === undefined ? {} : { baseUrl }),
        ...(spec.stream ? { stream: true } : {}),
        env: options.env,
        onRetry: (info) => {
          if (info.status === 429) limiter?.onRateLimited(info.delayMs);
          options.adapter?.onRetry?.(info);
        },
      });
      models.set(label, factory);
    }
    return factory;
  };
  return {
    makeFactory(episode) {
      const spec = episode.agentSpec;
      if (spec.kind === "reference") return referenceAgent(spec.name);
      const factory = modelFactory(spec);
      const limiter = options.limiters.get(providerOf(spec));
      return limiter ? throughLimiter(factory, limiter) : factory;
    },
    cacheKey(episode) {
      const spec = episode.agentSpec;
      if (spec.kind === "reference") return null;
      const adapter = modelFactory(spec).adapter;
      // The adapter's own wire-request hash, plus the server: one model name on two servers may differ.
      const url = options.baseUrl ?? spec.baseUrl;
      const server = url === undefined ? "provider-default" : redactUrl(url);
      return (observation, info) =>
        createHash("sha256")
          .update(
            `${server}\u0000${adapter.requestHash({ messages: observation.messages, tools: info.tools })}`,
          )
          .digest("hex");
    },
  };
}

function throughLimiter(factory: AgentFactory, limiter: AdaptiveLimiter): AgentFactory {
  return wrapAgentFactory(factory, (inner) => async (observation, signal) => {
    const request = linkedSignal(signal);
    try {
      const release = await limiter.acquire(request.signal);
      try {
        const response = await inner.act(observation, request.signal);
        limiter.onSuccess();
        return response;
      } finally {
        release();
      }
    } finally {
      request.dispose();
    }
  });
}

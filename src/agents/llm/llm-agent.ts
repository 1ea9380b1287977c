import type { AgentResponse } from "../../core/messages.ts";
import type { Agent, AgentFactory, EpisodeInfo, Observation } from "../agent.ts";
import type { ModelResponse } from "./adapter.ts";
import { type AdapterOptions, type CreatedAdapter, createModelAdapter } from "./create-adapter.ts";

export interface LlmAgentOptions extends AdapterOptions {
  temperature?: number;
  /** Sampling seed for providers that accept one. */
  seed?: number;
  maxOutputTokens?: number;
  /** Every model response with its raw body, latency and attempts (for cost and latency accounting). */
  onResponse?: (response: ModelResponse, context: { episode: EpisodeInfo; turn: number }) => void;
}

/**
 * An agent backed by a model: each turn it sends the whole canonical transcript and the offered
 * tools, and returns the model's canonical response. A transport failure left after retries is
 * an `InfraError`, which the environment records as an infra-error event (never the model's
 * fault); a 401/403/404 is a fatal-config error that escapes the episode and stops the run.
 * The adapter (and its SDK client with its connection pool) is shared by every episode.
 */
export function llmAgentFactory(
  options: LlmAgentOptions,
): AgentFactory & { readonly adapter: CreatedAdapter } {
  const adapter = createModelAdapter(options);
  return {
    name: adapter.modelId,
    adapter,
    create: ({ episode }) => new LlmAgent(adapter, episode, options),
  };
}

class LlmAgent implements Agent {
  readonly name: string;
  readonly #adapter: CreatedAdapter;
  readonly #episode: EpisodeInfo;
  readonly #options: LlmAgentOptions;

  constructor(adapter: CreatedAdapter, episode: EpisodeInfo, options: LlmAgentOptions) {
    this.name = adapter.modelId;
    this.#adapter = adapter;
    this.#episode = episode;
    this.#options = options;
  }

  async act(observation: Observation, signal?: AbortSignal): Promise<AgentResponse> {
    const options = this.#options;
    const response = await this.#adapter.complete(
      {
        messages: observation.messages,
        tools: this.#episode.tools,
        ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.maxOutputTokens === undefined ? {} : { maxOutputTokens: options.maxOutputTokens }),
      },
      signal,
    );
    options.onResponse?.(response, { episode: this.#episode, turn: observation.turn });
    return {
      text: response.text,
      toolCalls: response.toolCalls,
      ...(response.usage === null ? {} : { usage: response.usage }),
      ...(response.unparseableCalls ? { unparseableCalls: response.unparseableCalls } : {}),
    };
  }
}

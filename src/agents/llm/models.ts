import type { Usage } from "../../core/messages.ts";
import type { ModelId, ProviderName } from "./model-id.ts";

/**
 * Capabilities and list prices as data (DESIGN §8): behaviour is looked up here, never derived
 * from the shape of a model name. Prices are USD per million tokens as published by the providers
 * in mid-2025 (`PRICES_AS_OF`); check them before quoting costs. Unknown models get their
 * provider's default capabilities and no price (cost reported as unknown, not zero).
 */
export const PRICES_AS_OF = "2025-06";

export interface ModelCapabilities {
  /** The API has native tool calling; without it the adapter uses prompt mode. */
  readonly nativeTools: boolean;
  /** Several tool calls in one response. */
  readonly parallelToolCalls: boolean;
  /** Constrained decoding against the tool's JSON schema (OpenAI `strict`). */
  readonly strictSchemas: boolean;
  /** Context window in tokens, when known. */
  readonly contextTokens: number | null;
}

export interface ModelEntry extends ModelCapabilities {
  readonly provider: ProviderName;
  readonly model: string;
  readonly inputUsdPerMillion: number | null;
  readonly outputUsdPerMillion: number | null;
}

const PROVIDER_DEFAULTS: Readonly<Record<ProviderName, ModelCapabilities>> = {
  openai: { nativeTools: true, parallelToolCalls: true, strictSchemas: true, contextTokens: null },
  "openai-compatible": {
    nativeTools: true,
    parallelToolCalls: true,
    strictSchemas: false,
    contextTokens: null,
  },
  anthropic: { nativeTools: true, parallelToolCalls: true, strictSchemas: false, contextTokens: 200_000 },
  google: { nativeTools: true, parallelToolCalls: true, strictSchemas: false, contextTokens: null },
};

function entry(
  provider: ProviderName,
  model: string,
  contextTokens: number,
  inputUsdPerMillion: number | null,
  outputUsdPerMillion: number | null,
  overrides: Partial<ModelCapabilities> = {},
): ModelEntry {
  return {
    ...PROVIDER_DEFAULTS[provider],
    contextTokens,
    ...overrides,
    provider,
    model,
    inputUsdPerMillion,
    outputUsdPerMillion,
  };
}

export const MODELS: readonly ModelEntry[] = [
  entry("openai", "gpt-4o", 128_000, 2.5, 10),
  entry("openai", "gpt-4o-mini", 128_000, 0.15, 0.6),
  entry("openai", "gpt-4.1", 1_047_576, 2, 8),
  entry("openai", "gpt-4.1-mini", 1_047_576, 0.4, 1.6),
  entry("openai", "gpt-4.1-nano", 1_047_576, 0.1, 0.4),
  entry("anthropic", "claude-opus-4-20250514", 200_000, 15, 75),
  entry("anthropic", "claude-sonnet-4-20250514", 200_000, 3, 15),
  entry("anthropic", "claude-3-7-sonnet-20250219", 200_000, 3, 15),
  entry("anthropic", "claude-3-5-haiku-20241022", 200_000, 0.8, 4),
  // Gemini 2.5 Pro's price is for prompts up to 200k tokens; longer prompts cost more.
  entry("google", "gemini-2.5-pro", 1_048_576, 1.25, 10),
  entry("google", "gemini-2.5-flash", 1_048_576, 0.3, 2.5),
  entry("google", "gemini-2.0-flash", 1_048_576, 0.1, 0.4),
  // The scripted models of the mock server (asynctool mock-server): free, parallel calls.
  ...["oracle", "sequential", "eager", "forgetful"].map((policy) =>
    entry("openai-compatible", `mock-${policy}`, 1_000_000, 0, 0),
  ),
];

/** The table row for a model, or its provider's defaults with unknown prices. */
export function lookupModel(modelId: Pick<ModelId, "provider" | "model">): ModelEntry {
  const known = MODELS.find((row) => row.provider === modelId.provider && row.model === modelId.model);
  if (known) return known;
  return {
    ...PROVIDER_DEFAULTS[modelId.provider],
    provider: modelId.provider,
    model: modelId.model,
    inputUsdPerMillion: null,
    outputUsdPerMillion: null,
  };
}

/** USD cost of one response's usage, or null when the model has no known price. */
export function costUsd(model: ModelEntry, usage: Usage): number | null {
  if (model.inputUsdPerMillion === null || model.outputUsdPerMillion === null) return null;
  return (
    (usage.inputTokens * model.inputUsdPerMillion + usage.outputTokens * model.outputUsdPerMillion) /
    1_000_000
  );
}

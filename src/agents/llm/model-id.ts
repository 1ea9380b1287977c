import { z } from "zod";
import { AsynctoolError, BadInputError } from "../../core/errors.ts";
import type { ApiFamily } from "./adapter.ts";

/**
 * Providers as data: which wire family they speak, where their key comes from, and whether they
 * need a base URL. Adding a provider is a new row here plus, for a new family, a transport.
 */
export const ProviderName = z.enum(["openai", "openai-compatible", "anthropic", "google"]);
export type ProviderName = z.infer<typeof ProviderName>;

export interface ProviderInfo {
  readonly family: ApiFamily;
  /** Environment variables holding the key, first set one wins. */
  readonly keyEnv: readonly string[];
  readonly keyRequired: boolean;
  readonly baseUrlRequired: boolean;
}

export const PROVIDERS: Readonly<Record<ProviderName, ProviderInfo>> = {
  openai: {
    family: "openai",
    keyEnv: ["OPENAI_API_KEY"],
    keyRequired: true,
    baseUrlRequired: false,
  },
  // Never falls back to OPENAI_API_KEY: that key must not be sent to a third-party server.
  "openai-compatible": {
    family: "openai",
    keyEnv: ["OPENAI_COMPATIBLE_API_KEY"],
    keyRequired: false,
    baseUrlRequired: true,
  },
  anthropic: {
    family: "anthropic",
    keyEnv: ["ANTHROPIC_API_KEY"],
    keyRequired: true,
    baseUrlRequired: false,
  },
  google: {
    family: "google",
    keyEnv: ["GEMINI_API_KEY", "GOOGLE_API_KEY"],
    keyRequired: true,
    baseUrlRequired: false,
  },
};

export const PROMPT_PREFIX = "prompt";

export interface ModelId {
  /** As given by the user. */
  readonly id: string;
  readonly provider: ProviderName;
  /** The provider's model name; may itself contain colons (e.g. Ollama's `llama3:8b`). */
  readonly model: string;
  /** Tools described in the system prompt and calls parsed from text. */
  readonly promptMode: boolean;
}

/** Parse `[prompt:]provider:model`. */
export function parseModelId(id: string): ModelId {
  let rest = id.trim();
  let promptMode = false;
  if (rest.startsWith(`${PROMPT_PREFIX}:`)) {
    promptMode = true;
    rest = rest.slice(PROMPT_PREFIX.length + 1);
  }
  const colon = rest.indexOf(":");
  const providerText = colon < 0 ? rest : rest.slice(0, colon);
  const model = colon < 0 ? "" : rest.slice(colon + 1);
  const provider = ProviderName.safeParse(providerText);
  if (!provider.success || model === "") {
    throw new BadInputError(
      `model id "${id}": expected [prompt:]PROVIDER:MODEL with PROVIDER one of ${ProviderName.options.join(", ")} ` +
        `(e.g. openai:gpt-4.1-mini, openai-compatible:llama3:8b --base-url http://localhost:11434/v1)`,
    );
  }
  return { id, provider: provider.data, model, promptMode };
}

/** The API key for a provider from an explicit value or the environment; missing required keys stop the run. */
export function resolveApiKey(
  modelId: ModelId,
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (explicit !== undefined && explicit !== "") return explicit;
  const info = PROVIDERS[modelId.provider];
  for (const name of info.keyEnv) {
    const value = env[name];
    if (value !== undefined && value !== "") return value;
  }
  if (info.keyRequired) {
    throw new AsynctoolError(
      "fatal-config",
      `model ${modelId.id}: no API key; set ${info.keyEnv.join(" or ")} in the environment`,
    );
  }
  return undefined;
}

export function requireBaseUrl(modelId: ModelId, baseUrl: string | undefined): void {
  if (PROVIDERS[modelId.provider].baseUrlRequired && (baseUrl === undefined || baseUrl === "")) {
    throw new BadInputError(
      `model ${modelId.id}: ${modelId.provider} needs --base-url (e.g. http://localhost:8000/v1)`,
    );
  }
}

import { createHash } from "node:crypto";
import { BadInputError } from "../../core/errors.ts";
import {
  ADAPTER_VERSION,
  type ModelAdapter,
  type ModelRequest,
  type ModelResponse,
  type ParsedResponse,
  type WireCodec,
} from "./adapter.ts";
import { anthropicCodec } from "./anthropic-codec.ts";
import { geminiCodec } from "./gemini-codec.ts";
import { PROVIDERS, type ProviderName, parseModelId, requireBaseUrl, resolveApiKey } from "./model-id.ts";
import { lookupModel, type ModelCapabilities, type ModelEntry } from "./models.ts";
import { openaiCodec } from "./openai-codec.ts";
import { parsePromptModeText, toPromptModeRequest } from "./prompt-mode.ts";
import { DEFAULT_RETRY_POLICY, type RetryInfo, type RetryPolicy, withRetries } from "./retry.ts";
import { STREAMING_FAMILIES, TRANSPORTS } from "./transports.ts";

export interface AdapterOptions {
  /** `[prompt:]provider:model`, e.g. `openai:gpt-4.1-mini`, `openai-compatible:mock-oracle`. */
  modelId: string;
  baseUrl?: string;
  /** Overrides the environment variable. Never logged or stored. */
  apiKey?: string;
  /** Where keys are read from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** OpenAI family only: stream the response and assemble it (same canonical result). */
  stream?: boolean;
  /** Force prompt mode (also chosen by a `prompt:` id or a model without native tools). */
  promptMode?: boolean;
  /** Per attempt. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Extra HTTP headers on every request (e.g. routing headers of a gateway). */
  headers?: Readonly<Record<string, string>>;
  /** For tests: replaces the backoff sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (info: RetryInfo) => void;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** The wire codec per provider, as data. */
const CODECS: Readonly<Record<ProviderName, (capabilities: ModelCapabilities) => WireCodec<unknown>>> = {
  openai: (capabilities) =>
    openaiCodec({ parallelFlag: capabilities.parallelToolCalls, maxTokensField: "max_completion_tokens" }),
  // Compatible servers differ in the fields they accept: send only the widely supported ones.
  "openai-compatible": () => openaiCodec({ parallelFlag: false, maxTokensField: "max_tokens" }),
  anthropic: () => anthropicCodec,
  google: () => geminiCodec,
};

export interface CreatedAdapter extends ModelAdapter {
  readonly model: ModelEntry;
  readonly promptMode: boolean;
  /** Stable hash of the wire request (adapter version, model id, body): the response-cache key. */
  requestHash(request: ModelRequest): string;
}

export function createModelAdapter(options: AdapterOptions): CreatedAdapter {
  const id = parseModelId(options.modelId);
  const provider = PROVIDERS[id.provider];
  requireBaseUrl(id, options.baseUrl);
  const apiKey = resolveApiKey(id, options.apiKey, options.env ?? process.env);
  const model = lookupModel(id);
  const promptMode = id.promptMode || options.promptMode === true || !model.nativeTools;
  const stream = options.stream === true;
  if (stream && !STREAMING_FAMILIES.has(provider.family)) {
    throw new BadInputError(`model ${id.id}: streaming is supported for the OpenAI API family only`);
  }
  const codec = CODECS[id.provider](model);
  const transport = TRANSPORTS[provider.family]({
    apiKey,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    headers: options.headers ?? {},
    stream,
  });
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };

  const wireRequest = (request: ModelRequest): unknown =>
    codec.toWire(promptMode ? toPromptModeRequest(request) : request, id.model);
  const requestHash = (request: ModelRequest): string =>
    createHash("sha256")
      .update(`${ADAPTER_VERSION}\u0000${id.id}\u0000${JSON.stringify(wireRequest(request))}`)
      .digest("hex");

  return {
    version: ADAPTER_VERSION,
    modelId: id.id,
    model,
    promptMode,
    wireRequest,
    requestHash,
    async complete(request: ModelRequest, signal?: AbortSignal): Promise<ModelResponse> {
      const effective = promptMode ? toPromptModeRequest(request) : request;
      const body = codec.toWire(effective, id.model);
      const started = performance.now();
      const { value, attempts } = await withRetries(
        async () => {
          const raw = await transport.send(body, signal);
          // Conversion inside the attempt: a structurally broken response is retried like a 5xx.
          return { raw, parsed: codec.fromWire(raw, effective) };
        },
        {
          policy,
          label: id.id,
          keyHint: provider.keyEnv.join(" or "),
          requestKey: () => requestHash(request),
          secrets: [apiKey],
          signal,
          ...(options.sleep ? { sleep: options.sleep } : {}),
          ...(options.onRetry ? { onRetry: options.onRetry } : {}),
        },
      );
      let parsed: ParsedResponse = value.parsed;
      if (promptMode) parsed = { ...parsePromptModeText(parsed.text, request), usage: parsed.usage };
      return { ...parsed, raw: value.raw, latencyMs: performance.now() - started, attempts };
    },
  };
}

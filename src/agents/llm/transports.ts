import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import OpenAI from "openai";
import type { ApiFamily } from "./adapter.ts";
import type { AnthropicBody } from "./anthropic-codec.ts";
import type { GeminiBody } from "./gemini-codec.ts";
import type { OpenAIBody } from "./openai-codec.ts";
import { ChunkAssembler } from "./openai-stream.ts";

/**
 * Thin transports on the official SDKs. Each sends one wire body and returns the raw response;
 * conversion and retries live elsewhere. Every SDK's own retries are off: ours are seeded and
 * honour `retry-after`, and double retrying would multiply the load on a provider that is
 * already refusing requests.
 */
export interface TransportSettings {
  apiKey: string | undefined;
  baseUrl: string | undefined;
  timeoutMs: number;
  headers: Readonly<Record<string, string>>;
  stream: boolean;
}

export interface Transport {
  send(body: unknown, signal?: AbortSignal): Promise<unknown>;
}

function openaiTransport(settings: TransportSettings): Transport {
  const client = new OpenAI({
    // Compatible servers often need no key, but the SDK insists on one.
    apiKey: settings.apiKey ?? "no-key",
    ...(settings.baseUrl === undefined ? {} : { baseURL: settings.baseUrl }),
    maxRetries: 0,
    timeout: settings.timeoutMs,
    defaultHeaders: { ...settings.headers },
  });
  return {
    async send(body, signal) {
      const params = body as OpenAIBody;
      if (!settings.stream) {
        return await client.chat.completions.create(
          params as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming,
          signal ? { signal } : {},
        );
      }
      const stream = await client.chat.completions.create(
        {
          ...(params as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming),
          stream: true,
          stream_options: { include_usage: true },
        },
        signal ? { signal } : {},
      );
      const assembler = new ChunkAssembler();
      for await (const chunk of stream) assembler.add(chunk);
      return assembler.completion();
    },
  };
}

function anthropicTransport(settings: TransportSettings): Transport {
  const client = new Anthropic({
    apiKey: settings.apiKey ?? null,
    ...(settings.baseUrl === undefined ? {} : { baseURL: settings.baseUrl }),
    maxRetries: 0,
    timeout: settings.timeoutMs,
    defaultHeaders: { ...settings.headers },
  });
  return {
    async send(body, signal) {
      return await client.messages.create(
        body as AnthropicBody as unknown as Anthropic.MessageCreateParamsNonStreaming,
        signal ? { signal } : {},
      );
    },
  };
}

function googleTransport(settings: TransportSettings): Transport {
  const client = new GoogleGenAI({
    ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
    // No `retryOptions`: without them the SDK makes exactly one attempt.
    httpOptions: {
      ...(settings.baseUrl === undefined ? {} : { baseUrl: settings.baseUrl }),
      timeout: settings.timeoutMs,
      headers: { ...settings.headers },
    },
  });
  return {
    async send(body, signal) {
      const params = body as GeminiBody;
      return await client.models.generateContent({
        model: params.model,
        contents: params.contents,
        config: { ...params.config, ...(signal ? { abortSignal: signal } : {}) },
      });
    },
  };
}

export const TRANSPORTS: Readonly<Record<ApiFamily, (settings: TransportSettings) => Transport>> = {
  openai: openaiTransport,
  anthropic: anthropicTransport,
  google: googleTransport,
};

/** Families whose transport can stream (the assembled result equals the non-streamed one). */
export const STREAMING_FAMILIES: ReadonlySet<ApiFamily> = new Set(["openai"]);

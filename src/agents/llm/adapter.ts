import { z } from "zod";
import { type CanonicalMessage, ToolCallRequest, type ToolSpec, Usage } from "../../core/messages.ts";

/**
 * The model adapter contract (DESIGN §8): canonical messages and tool specs in, one canonical
 * response out. Bump the version when the request or response shape changes, so stored runs and
 * response caches made with another contract are not mixed up with new ones.
 */
export const ADAPTER_VERSION = "asynctool-adapter-v1";

export interface ModelRequest {
  readonly messages: readonly CanonicalMessage[];
  readonly tools: readonly ToolSpec[];
  readonly temperature?: number;
  /** Passed to providers that accept a sampling seed (OpenAI, Gemini); ignored by others. */
  readonly seed?: number;
  readonly maxOutputTokens?: number;
}

/** What a pure converter reads out of one wire response. */
export const ParsedResponse = z.strictObject({
  /** Null when the model wrote no text (empty strings are normalised to null). */
  text: z.string().nullable(),
  toolCalls: z.array(ToolCallRequest),
  usage: Usage.nullable(),
  /**
   * Prompt mode only: tool-call blocks in the text that could not be parsed. They are left in the
   * text and produce no call; the grader counts the response as unparseable.
   */
  unparseableCalls: z.number().int().nonnegative().optional(),
});
export type ParsedResponse = z.infer<typeof ParsedResponse>;

export interface ModelResponse extends ParsedResponse {
  /** The provider's response as received (the assembled chunks when streaming); never stored in traces. */
  raw: unknown;
  /** Wall time of the successful attempt plus every retry, in milliseconds. */
  latencyMs: number;
  /** How many attempts the retry policy needed (1 = no retry). */
  attempts: number;
}

/** A pure translation between the canonical conversation and one API family's wire format. */
export interface WireCodec<Body> {
  readonly family: ApiFamily;
  /** The request body without model-independent transport settings (stream flags, abort signals). */
  toWire(request: ModelRequest, model: string): Body;
  fromWire(raw: unknown, request: ModelRequest): ParsedResponse;
}

export const ApiFamily = z.enum(["openai", "anthropic", "google"]);
export type ApiFamily = z.infer<typeof ApiFamily>;

export interface ModelAdapter {
  readonly version: typeof ADAPTER_VERSION;
  /** The model id as given, e.g. `anthropic:claude-sonnet-4-5` or `prompt:openai-compatible:llama3`. */
  readonly modelId: string;
  /** The exact wire body `complete` would send: what a response cache should hash. */
  wireRequest(request: ModelRequest): unknown;
  complete(request: ModelRequest, signal?: AbortSignal): Promise<ModelResponse>;
}

/** Providers number tool calls differently (Gemini and prompt mode not at all); this gives stable ids. */
export function nextCallIndex(messages: readonly CanonicalMessage[]): number {
  let count = 0;
  for (const message of messages) if (message.role === "assistant") count += message.toolCalls.length;
  return count;
}

export function generatedCallId(index: number): string {
  return `call_${index + 1}`;
}

/** Empty text is no text: providers differ on "" versus null and the trace must not. */
export function normaliseText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text.trim() === "" ? null : text;
}

/**
 * Providers that take arguments as an object (Anthropic, Gemini) get the parsed raw text. Text
 * that is not a JSON object is kept verbatim under one key so the model still sees what it wrote.
 */
export function argumentsObject(text: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through: not JSON
  }
  return { invalid_arguments_text: text };
}

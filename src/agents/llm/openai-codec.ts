import { z } from "zod";
import { InfraError } from "../../core/errors.ts";
import type { CanonicalMessage, ToolCallRequest, Usage } from "../../core/messages.ts";
import {
  generatedCallId,
  type ModelRequest,
  nextCallIndex,
  normaliseText,
  type ParsedResponse,
  type WireCodec,
} from "./adapter.ts";

/** OpenAI Chat Completions: the wire format of OpenAI and of every OpenAI-compatible server. */
export interface OpenAIBody {
  model: string;
  messages: OpenAIMessage[];
  tools?: Array<{
    type: "function";
    function: { name: string; description: string; parameters: Record<string, unknown> };
  }>;
  parallel_tool_calls?: boolean;
  temperature?: number;
  seed?: number;
  max_completion_tokens?: number;
  max_tokens?: number;
}

const WireToolCall = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string().nullish() }),
});

export const OpenAIMessage = z.discriminatedUnion("role", [
  z.looseObject({
    role: z.enum(["system", "developer"]),
    content: z.union([z.string(), z.array(z.unknown())]),
  }),
  z.looseObject({ role: z.literal("user"), content: z.union([z.string(), z.array(z.unknown())]) }),
  z.looseObject({
    role: z.literal("assistant"),
    content: z.union([z.string(), z.array(z.unknown())]).nullish(),
    tool_calls: z.array(WireToolCall).nullish(),
  }),
  z.looseObject({
    role: z.literal("tool"),
    tool_call_id: z.string(),
    content: z.union([z.string(), z.array(z.unknown())]),
    name: z.string().optional(),
  }),
]);
export type OpenAIMessage = z.infer<typeof OpenAIMessage>;

const WireUsage = z.looseObject({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
  prompt_tokens_details: z.looseObject({ cached_tokens: z.number().int().nonnegative().nullish() }).nullish(),
});

export const OpenAICompletion = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        message: z.looseObject({
          content: z.string().nullish(),
          tool_calls: z.array(WireToolCall).nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: WireUsage.nullish(),
});
export type OpenAICompletion = z.infer<typeof OpenAICompletion>;

export interface OpenAICodecOptions {
  /** Send `parallel_tool_calls: true` (only to servers that accept the field). */
  parallelFlag: boolean;
  /** OpenAI wants `max_completion_tokens`; most compatible servers only know `max_tokens`. */
  maxTokensField: "max_completion_tokens" | "max_tokens";
}

export function openaiCodec(options: OpenAICodecOptions): WireCodec<OpenAIBody> {
  return {
    family: "openai",
    toWire: (request, model) => toOpenAIBody(request, model, options),
    fromWire: (raw, request) => fromOpenAICompletion(raw, request),
  };
}

export function toOpenAIMessages(messages: readonly CanonicalMessage[]): OpenAIMessage[] {
  return messages.map(toOpenAIMessage);
}

function toOpenAIMessage(message: CanonicalMessage): OpenAIMessage {
  switch (message.role) {
    case "system":
    case "user":
      return { role: message.role, content: message.content };
    case "assistant": {
      if (message.toolCalls.length === 0) return { role: "assistant", content: message.content ?? "" };
      return {
        role: "assistant",
        content: message.content,
        tool_calls: message.toolCalls.map((call) => ({
          id: call.id,
          type: "function",
          function: { name: call.name, arguments: call.arguments },
        })),
      };
    }
    case "tool":
      return { role: "tool", tool_call_id: message.toolCallId, content: message.content };
  }
}

function toOpenAIBody(request: ModelRequest, model: string, options: OpenAICodecOptions): OpenAIBody {
  const body: OpenAIBody = { model, messages: toOpenAIMessages(request.messages) };
  if (request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      type: "function",
      function: { name: tool.name, description: tool.description, parameters: { ...tool.parameters } },
    }));
    if (options.parallelFlag) body.parallel_tool_calls = true;
  }
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.seed !== undefined) body.seed = request.seed;
  if (request.maxOutputTokens !== undefined) body[options.maxTokensField] = request.maxOutputTokens;
  return body;
}

export function fromOpenAICompletion(raw: unknown, request: ModelRequest): ParsedResponse {
  const parsed = OpenAICompletion.safeParse(raw);
  if (!parsed.success) {
    throw new InfraError(`malformed chat completion from the provider: ${parsed.error.issues[0]?.message}`, {
      retryable: true,
    });
  }
  const choice = parsed.data.choices[0] as OpenAICompletion["choices"][number];
  const base = nextCallIndex(request.messages);
  const toolCalls: ToolCallRequest[] = (choice.message.tool_calls ?? []).map((call, index) => ({
    // Some compatible servers omit ids; generated ones stay stable across runs.
    id: call.id && call.id !== "" ? call.id : generatedCallId(base + index),
    name: call.function.name,
    arguments: call.function.arguments ?? "",
  }));
  return {
    text: normaliseText(choice.message.content),
    toolCalls,
    usage: parsed.data.usage ? openaiUsage(parsed.data.usage) : null,
  };
}

function openaiUsage(usage: z.infer<typeof WireUsage>): Usage {
  const cached = usage.prompt_tokens_details?.cached_tokens;
  return {
    inputTokens: usage.prompt_tokens,
    outputTokens: usage.completion_tokens,
    ...(cached ? { cachedInputTokens: cached } : {}),
  };
}

/**
 * The reverse direction, for the mock server: wire messages back to canonical ones. Array
 * contents (multi-part messages) are joined text parts.
 */
export function fromOpenAIMessages(messages: readonly OpenAIMessage[]): CanonicalMessage[] {
  // Tool messages carry no tool name on the wire: take it from the call they answer.
  const callNames = new Map<string, string>();
  const out: CanonicalMessage[] = [];
  for (const message of messages) {
    if (message.role === "system" || message.role === "developer") {
      out.push({ role: "system", content: contentText(message.content) });
    } else if (message.role === "user") {
      out.push({ role: "user", content: contentText(message.content) });
    } else if (message.role === "assistant") {
      const toolCalls = (message.tool_calls ?? []).map((call, index) => ({
        id: call.id ?? generatedCallId(index),
        name: call.function.name,
        arguments: call.function.arguments ?? "",
      }));
      for (const call of toolCalls) callNames.set(call.id, call.name);
      const content = message.content ?? null;
      out.push({
        role: "assistant",
        content: normaliseText(content === null ? null : contentText(content)),
        toolCalls,
      });
    } else if (message.role === "tool") {
      out.push({
        role: "tool",
        toolCallId: message.tool_call_id,
        name: message.name ?? callNames.get(message.tool_call_id) ?? "",
        content: contentText(message.content),
      });
    }
  }
  return out;
}

function contentText(content: string | unknown[]): string {
  if (typeof content === "string") return content;
  return content
    .map((part) => (part && typeof part === "object" && "text" in part ? String(part.text) : ""))
    .join("");
}

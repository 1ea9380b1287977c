import { z } from "zod";
import { InfraError } from "../../core/errors.ts";
import type { CanonicalMessage, ToolCallRequest } from "../../core/messages.ts";
import {
  argumentsObject,
  type ModelRequest,
  normaliseText,
  type ParsedResponse,
  type WireCodec,
} from "./adapter.ts";

/**
 * Anthropic Messages: the system prompt is a separate field; tool calls are `tool_use` blocks of
 * the assistant; tool answers are `tool_result` blocks of a user message. Consecutive messages of
 * one role are merged, so the tool results of a turn and the notification that follows them form
 * one user message (results first, as the API requires).
 */
export type AnthropicBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> }
  | { type: "tool_result"; tool_use_id: string; content: string };

export interface AnthropicMessage {
  role: "user" | "assistant";
  content: AnthropicBlock[];
}

export interface AnthropicBody {
  model: string;
  max_tokens: number;
  system?: string;
  messages: AnthropicMessage[];
  tools?: Array<{ name: string; description: string; input_schema: Record<string, unknown> }>;
  temperature?: number;
}

/** The API requires max_tokens; this is the default when the request sets none. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

const AnthropicResponse = z.looseObject({
  content: z.array(
    z.discriminatedUnion("type", [
      z.looseObject({ type: z.literal("text"), text: z.string() }),
      z.looseObject({
        type: z.literal("tool_use"),
        id: z.string(),
        name: z.string(),
        input: z.unknown(),
      }),
      z.looseObject({ type: z.enum(["thinking", "redacted_thinking", "server_tool_use"]) }),
    ]),
  ),
  usage: z
    .looseObject({
      input_tokens: z.number().int().nonnegative(),
      output_tokens: z.number().int().nonnegative(),
      cache_read_input_tokens: z.number().int().nonnegative().nullish(),
      cache_creation_input_tokens: z.number().int().nonnegative().nullish(),
    })
    .nullish(),
});

export const anthropicCodec: WireCodec<AnthropicBody> = {
  family: "anthropic",
  toWire: toAnthropicBody,
  fromWire: fromAnthropicResponse,
};

export function toAnthropicBody(request: ModelRequest, model: string): AnthropicBody {
  const system = request.messages
    .filter((message) => message.role === "system")
    .map((message) => message.content)
    .join("\n\n");
  const body: AnthropicBody = {
    model,
    max_tokens: request.maxOutputTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    messages: toAnthropicMessages(request.messages),
  };
  if (system !== "") body.system = system;
  if (request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      name: tool.name,
      description: tool.description,
      input_schema: { ...tool.parameters },
    }));
  }
  if (request.temperature !== undefined) body.temperature = request.temperature;
  return body;
}

export function toAnthropicMessages(messages: readonly CanonicalMessage[]): AnthropicMessage[] {
  const out: AnthropicMessage[] = [];
  const push = (role: AnthropicMessage["role"], blocks: AnthropicBlock[]): void => {
    if (blocks.length === 0) return;
    const last = out[out.length - 1];
    if (last && last.role === role) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  };
  for (const message of messages) {
    switch (message.role) {
      case "system":
        break;
      case "user":
        push("user", [{ type: "text", text: message.content }]);
        break;
      case "assistant": {
        // An empty assistant turn (no text, no calls) is dropped: the API rejects empty content.
        const blocks: AnthropicBlock[] = [];
        if (message.content !== null && message.content !== "")
          blocks.push({ type: "text", text: message.content });
        for (const call of message.toolCalls) {
          blocks.push({
            type: "tool_use",
            id: call.id,
            name: call.name,
            input: argumentsObject(call.arguments),
          });
        }
        push("assistant", blocks);
        break;
      }
      case "tool":
        push("user", [{ type: "tool_result", tool_use_id: message.toolCallId, content: message.content }]);
        break;
    }
  }
  return out;
}

export function fromAnthropicResponse(raw: unknown, _request: ModelRequest): ParsedResponse {
  const parsed = AnthropicResponse.safeParse(raw);
  if (!parsed.success) {
    throw new InfraError(`malformed message from Anthropic: ${parsed.error.issues[0]?.message}`, {
      retryable: true,
    });
  }
  let text = "";
  const toolCalls: ToolCallRequest[] = [];
  for (const block of parsed.data.content) {
    if (block.type === "text") text += block.text;
    else if (block.type === "tool_use") {
      toolCalls.push({ id: block.id, name: block.name, arguments: JSON.stringify(block.input ?? {}) });
    }
  }
  const usage = parsed.data.usage;
  const cached = usage?.cache_read_input_tokens ?? 0;
  return {
    text: normaliseText(text),
    toolCalls,
    usage: usage
      ? {
          // Anthropic counts cache reads and writes apart from input_tokens; ours is the total.
          inputTokens: usage.input_tokens + cached + (usage.cache_creation_input_tokens ?? 0),
          outputTokens: usage.output_tokens,
          ...(cached > 0 ? { cachedInputTokens: cached } : {}),
        }
      : null,
  };
}

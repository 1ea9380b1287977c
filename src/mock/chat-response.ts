import type { AgentResponse, Usage } from "../core/messages.ts";

/**
 * OpenAI chat-completion bodies for a response, whole or as SSE chunks. Everything is derived from
 * the request and the response, so a replayed request gets byte-identical bodies: `created` is 0,
 * the id is the request's hash, and usage is a size estimate (4 characters per token).
 */
export interface CompletionContext {
  id: string;
  model: string;
  usage: Usage;
}

export function estimateUsage(requestMessages: unknown, response: AgentResponse): Usage {
  const input = JSON.stringify(requestMessages).length;
  const output = (response.text ?? "").length + JSON.stringify(response.toolCalls).length;
  return {
    inputTokens: Math.ceil(input / 4),
    outputTokens: response.toolCalls.length === 0 && !response.text ? 0 : Math.ceil(output / 4),
  };
}

function wireUsage(usage: Usage) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

export function completionBody(response: AgentResponse, context: CompletionContext): Record<string, unknown> {
  const message: Record<string, unknown> = { role: "assistant", content: response.text, refusal: null };
  if (response.toolCalls.length > 0) {
    message.tool_calls = response.toolCalls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  return {
    id: context.id,
    object: "chat.completion",
    created: 0,
    model: context.model,
    choices: [
      {
        index: 0,
        message,
        logprobs: null,
        finish_reason: response.toolCalls.length > 0 ? "tool_calls" : "stop",
      },
    ],
    usage: wireUsage(context.usage),
  };
}

/** Split text into pieces of `size` characters (at least one piece, possibly empty). */
function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out.length === 0 ? [""] : out;
}

/**
 * The chunks a streaming server sends: role, text deltas, for each call a header delta (id, name)
 * and argument deltas in small pieces, the finish reason, then usage when asked for.
 */
export function completionChunks(
  response: AgentResponse,
  context: CompletionContext,
  includeUsage: boolean,
): Array<Record<string, unknown>> {
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id: context.id,
    object: "chat.completion.chunk",
    created: 0,
    model: context.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const out: Array<Record<string, unknown>> = [chunk({ role: "assistant", content: "" })];
  if (response.text) for (const piece of pieces(response.text, 16)) out.push(chunk({ content: piece }));
  response.toolCalls.forEach((call, index) => {
    out.push(
      chunk({
        tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }],
      }),
    );
    for (const piece of pieces(call.arguments, 7)) {
      if (piece !== "") out.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  out.push(chunk({}, response.toolCalls.length > 0 ? "tool_calls" : "stop"));
  if (includeUsage) {
    out.push({
      id: context.id,
      object: "chat.completion.chunk",
      created: 0,
      model: context.model,
      choices: [],
      usage: wireUsage(context.usage),
    });
  }
  return out;
}

export function errorBody(
  message: string,
  type: string,
  code: string | null = null,
): Record<string, unknown> {
  return { error: { message, type, param: null, code } };
}

import { z } from "zod";
import { InfraError } from "../../core/errors.ts";
import type { CanonicalMessage, ToolCallRequest } from "../../core/messages.ts";
import {
  argumentsObject,
  generatedCallId,
  type ModelRequest,
  nextCallIndex,
  normaliseText,
  type ParsedResponse,
  type WireCodec,
} from "./adapter.ts";

/**
 * Google Gemini (generateContent): roles `user` and `model`; calls are `functionCall` parts and
 * answers `functionResponse` parts of a user turn. We send no call ids: answers follow their calls
 * in order and carry the tool name, which is how Gemini pairs them. Ids of calls Gemini returns are
 * generated from the call count of the conversation (`call_N`), so they are stable across runs.
 */
export type GeminiPart =
  | { text: string }
  | { functionCall: { name: string; args: Record<string, unknown> } }
  | { functionResponse: { name: string; response: Record<string, unknown> } };

export interface GeminiContent {
  role: "user" | "model";
  parts: GeminiPart[];
}

export interface GeminiBody {
  model: string;
  contents: GeminiContent[];
  config: {
    systemInstruction?: { parts: Array<{ text: string }> };
    tools?: Array<{
      functionDeclarations: Array<{ name: string; description: string; parametersJsonSchema: unknown }>;
    }>;
    temperature?: number;
    seed?: number;
    maxOutputTokens?: number;
  };
}

const GeminiResponse = z.looseObject({
  candidates: z
    .array(
      z.looseObject({
        content: z
          .looseObject({
            parts: z
              .array(
                z.looseObject({
                  text: z.string().nullish(),
                  thought: z.boolean().nullish(),
                  functionCall: z
                    .looseObject({ name: z.string(), args: z.record(z.string(), z.unknown()).nullish() })
                    .nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
      }),
    )
    .nullish(),
  usageMetadata: z
    .looseObject({
      promptTokenCount: z.number().int().nonnegative().nullish(),
      candidatesTokenCount: z.number().int().nonnegative().nullish(),
      thoughtsTokenCount: z.number().int().nonnegative().nullish(),
      cachedContentTokenCount: z.number().int().nonnegative().nullish(),
    })
    .nullish(),
});

export const geminiCodec: WireCodec<GeminiBody> = {
  family: "google",
  toWire: toGeminiBody,
  fromWire: fromGeminiResponse,
};

export function toGeminiBody(request: ModelRequest, model: string): GeminiBody {
  const system = request.messages
    .filter((message) => message.role === "system")
    .map((message) => message.content)
    .join("\n\n");
  const body: GeminiBody = { model, contents: toGeminiContents(request.messages), config: {} };
  if (system !== "") body.config.systemInstruction = { parts: [{ text: system }] };
  if (request.tools.length > 0) {
    body.config.tools = [
      {
        functionDeclarations: request.tools.map((tool) => ({
          name: tool.name,
          description: tool.description,
          parametersJsonSchema: { ...tool.parameters },
        })),
      },
    ];
  }
  if (request.temperature !== undefined) body.config.temperature = request.temperature;
  if (request.seed !== undefined) body.config.seed = request.seed;
  if (request.maxOutputTokens !== undefined) body.config.maxOutputTokens = request.maxOutputTokens;
  return body;
}

export function toGeminiContents(messages: readonly CanonicalMessage[]): GeminiContent[] {
  const out: GeminiContent[] = [];
  const push = (role: GeminiContent["role"], parts: GeminiPart[]): void => {
    if (parts.length === 0) return;
    const last = out[out.length - 1];
    if (last && last.role === role) last.parts.push(...parts);
    else out.push({ role, parts });
  };
  for (const message of messages) {
    switch (message.role) {
      case "system":
        break;
      case "user":
        push("user", [{ text: message.content }]);
        break;
      case "assistant": {
        // An empty model turn is dropped: the API rejects contents without parts.
        const parts: GeminiPart[] = [];
        if (message.content !== null && message.content !== "") parts.push({ text: message.content });
        for (const call of message.toolCalls) {
          parts.push({ functionCall: { name: call.name, args: argumentsObject(call.arguments) } });
        }
        push("model", parts);
        break;
      }
      case "tool":
        push("user", [
          { functionResponse: { name: message.name, response: responseObject(message.content) } },
        ]);
        break;
    }
  }
  return out;
}

/** functionResponse.response must be an object: JSON objects pass as they are, anything else is wrapped. */
function responseObject(content: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(content);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // plain text
  }
  return { output: content };
}

export function fromGeminiResponse(raw: unknown, request: ModelRequest): ParsedResponse {
  const parsed = GeminiResponse.safeParse(raw);
  if (!parsed.success) {
    throw new InfraError(`malformed response from Gemini: ${parsed.error.issues[0]?.message}`, {
      retryable: true,
    });
  }
  const parts = parsed.data.candidates?.[0]?.content?.parts ?? [];
  let text = "";
  const toolCalls: ToolCallRequest[] = [];
  const base = nextCallIndex(request.messages);
  for (const part of parts) {
    if (part.thought) continue;
    if (typeof part.text === "string") text += part.text;
    if (part.functionCall) {
      toolCalls.push({
        id: generatedCallId(base + toolCalls.length),
        name: part.functionCall.name,
        arguments: JSON.stringify(part.functionCall.args ?? {}),
      });
    }
  }
  const usage = parsed.data.usageMetadata;
  const cached = usage?.cachedContentTokenCount ?? 0;
  return {
    text: normaliseText(text),
    toolCalls,
    usage: usage
      ? {
          inputTokens: usage.promptTokenCount ?? 0,
          // Thinking tokens are billed as output.
          outputTokens: (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0),
          ...(cached > 0 ? { cachedInputTokens: cached } : {}),
        }
      : null,
  };
}

import { describe, expect, it } from "vitest";
import type { CanonicalMessage } from "../../core/messages.ts";
import { argumentsObject } from "./adapter.ts";
import { type AnthropicBody, anthropicCodec } from "./anthropic-codec.ts";
import { FIXTURE_MESSAGES, FIXTURE_REQUEST } from "./conversation-fixture.ts";
import { type GeminiBody, geminiCodec } from "./gemini-codec.ts";
import { fromOpenAIMessages, type OpenAIBody, openaiCodec } from "./openai-codec.ts";

/**
 * Every codec must carry the same conversation: read each wire body back into one neutral,
 * flat sequence (texts, calls, results; results tied to calls by position in the conversation)
 * and compare with the canonical one. Then snapshot each wire body.
 */
type Item =
  | { kind: "system" | "user" | "assistant-text"; text: string }
  | { kind: "call"; ref: number; name: string; args: Record<string, unknown> }
  | { kind: "result"; ref: number; name: string; content: unknown };

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return { output: text };
  }
};

function canonicalItems(messages: readonly CanonicalMessage[]): Item[] {
  const refs = new Map<string, number>();
  const items: Item[] = [];
  for (const message of messages) {
    if (message.role === "system" || message.role === "user")
      items.push({ kind: message.role, text: message.content });
    else if (message.role === "assistant") {
      if (message.content) items.push({ kind: "assistant-text", text: message.content });
      for (const call of message.toolCalls) {
        refs.set(call.id, refs.size);
        items.push({
          kind: "call",
          ref: refs.size - 1,
          name: call.name,
          args: argumentsObject(call.arguments),
        });
      }
    } else {
      const ref = refs.get(message.toolCallId) ?? -1;
      items.push({ kind: "result", ref, name: message.name, content: parse(message.content) });
    }
  }
  return items;
}

function openaiItems(body: OpenAIBody): Item[] {
  return canonicalItems(fromOpenAIMessages(body.messages));
}

function anthropicItems(body: AnthropicBody): Item[] {
  const refs = new Map<string, { ref: number; name: string }>();
  const items: Item[] = body.system === undefined ? [] : [{ kind: "system", text: body.system }];
  for (const message of body.messages) {
    for (const block of message.content) {
      if (block.type === "text")
        items.push({ kind: message.role === "user" ? "user" : "assistant-text", text: block.text });
      else if (block.type === "tool_use") {
        refs.set(block.id, { ref: refs.size, name: block.name });
        items.push({ kind: "call", ref: refs.size - 1, name: block.name, args: block.input });
      } else {
        const call = refs.get(block.tool_use_id);
        items.push({
          kind: "result",
          ref: call?.ref ?? -1,
          name: call?.name ?? "",
          content: parse(block.content),
        });
      }
    }
  }
  return items;
}

function geminiItems(body: GeminiBody): Item[] {
  const items: Item[] = body.config.systemInstruction
    ? [{ kind: "system", text: body.config.systemInstruction.parts.map((part) => part.text).join("") }]
    : [];
  let calls = 0;
  let results = 0;
  for (const content of body.contents) {
    for (const part of content.parts) {
      if ("text" in part)
        items.push({ kind: content.role === "user" ? "user" : "assistant-text", text: part.text });
      else if ("functionCall" in part) {
        items.push({
          kind: "call",
          ref: calls++,
          name: part.functionCall.name,
          args: part.functionCall.args,
        });
      } else {
        // No ids: the n-th answer belongs to the n-th call.
        items.push({
          kind: "result",
          ref: results++,
          name: part.functionResponse.name,
          content: part.functionResponse.response,
        });
      }
    }
  }
  return items;
}

const openaiBody = openaiCodec({ parallelFlag: true, maxTokensField: "max_completion_tokens" }).toWire(
  FIXTURE_REQUEST,
  "gpt-test",
);
const anthropicBody = anthropicCodec.toWire(FIXTURE_REQUEST, "claude-test");
const geminiBody = geminiCodec.toWire(FIXTURE_REQUEST, "gemini-test");

describe("every codec renders the canonical conversation identically", () => {
  const expected = canonicalItems(FIXTURE_MESSAGES);

  it("the fixture has parallel calls, an invalid call, acks, notifications, a reminder", () => {
    expect(expected.filter((item) => item.kind === "call")).toHaveLength(6);
    expect(expected.filter((item) => item.kind === "result")).toHaveLength(6);
    expect(expected.some((item) => item.kind === "call" && "invalid_arguments_text" in item.args)).toBe(true);
  });

  it.each([
    ["openai", () => openaiItems(openaiBody)],
    ["anthropic", () => anthropicItems(anthropicBody)],
    ["gemini", () => geminiItems(geminiBody)],
  ])("%s", (_name, read) => {
    expect(read()).toEqual(expected);
  });
});

describe("wire format rules", () => {
  it("openai: one wire message per canonical message, empty turns become empty text, tools and settings", () => {
    expect(openaiBody.messages).toHaveLength(FIXTURE_MESSAGES.length);
    expect(openaiBody.messages[10]).toEqual({ role: "assistant", content: "" });
    expect(openaiBody.messages[2]).toMatchObject({ tool_calls: [{ id: "r1" }, { id: "r2" }, { id: "r3" }] });
    expect(openaiBody).toMatchObject({
      parallel_tool_calls: true,
      temperature: 0,
      seed: 11,
      max_completion_tokens: 1024,
    });
    expect(openaiBody.tools?.map((tool) => tool.function.name)).toEqual([
      "counter_get",
      "slow_double",
      "wait",
      "submit_answer",
    ]);
  });

  it("openai-compatible: no parallel flag, max_tokens", () => {
    const body = openaiCodec({ parallelFlag: false, maxTokensField: "max_tokens" }).toWire(
      FIXTURE_REQUEST,
      "m",
    );
    expect(body.parallel_tool_calls).toBeUndefined();
    expect(body.max_tokens).toBe(1024);
  });

  it("anthropic: system apart, roles alternate, tool results first and merged with the notification", () => {
    expect(anthropicBody.system).toBe(FIXTURE_MESSAGES[0]?.content);
    const roles = anthropicBody.messages.map((message) => message.role);
    expect(roles).toEqual(["user", "assistant", "user", "assistant", "user", "assistant", "user"]);
    const afterFirstTurn = anthropicBody.messages[2]?.content.map((block) => block.type);
    expect(afterFirstTurn).toEqual(["tool_result", "tool_result", "tool_result", "text"]);
    expect(anthropicBody.max_tokens).toBe(1024);
  });

  it("gemini: roles alternate user/model, no ids anywhere, system instruction apart", () => {
    expect(geminiBody.contents.map((content) => content.role)).toEqual([
      "user",
      "model",
      "user",
      "model",
      "user",
      "model",
      "user",
    ]);
    expect(JSON.stringify(geminiBody.contents)).not.toMatch(/"id"/);
    expect(geminiBody.config).toMatchObject({ temperature: 0, seed: 11, maxOutputTokens: 1024 });
  });

  it("wire bodies match their snapshots", () => {
    expect({ openai: openaiBody, anthropic: anthropicBody, gemini: geminiBody }).toMatchSnapshot();
  });
});

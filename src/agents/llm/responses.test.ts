import { describe, expect, it } from "vitest";
import { InfraError } from "../../core/errors.ts";
import type { ModelRequest } from "./adapter.ts";
import { fromAnthropicResponse } from "./anthropic-codec.ts";
import { fromGeminiResponse } from "./gemini-codec.ts";
import { fromOpenAICompletion } from "./openai-codec.ts";
import { ChunkAssembler } from "./openai-stream.ts";

/** The same response in each family's wire format must read back as the same canonical response. */
const request: ModelRequest = {
  messages: [{ role: "assistant", content: null, toolCalls: [{ id: "x", name: "wait", arguments: "{}" }] }],
  tools: [],
};

const openaiRaw = {
  choices: [
    {
      message: {
        role: "assistant",
        content: "Both at once.",
        tool_calls: [
          { id: "call_1", type: "function", function: { name: "counter_get", arguments: '{"name":"a"}' } },
          { id: "call_2", type: "function", function: { name: "slow_double", arguments: '{"x":3}' } },
        ],
      },
      finish_reason: "tool_calls",
    },
  ],
  usage: { prompt_tokens: 120, completion_tokens: 30, prompt_tokens_details: { cached_tokens: 100 } },
};

const anthropicRaw = {
  content: [
    { type: "text", text: "Both at once." },
    { type: "tool_use", id: "call_1", name: "counter_get", input: { name: "a" } },
    { type: "tool_use", id: "call_2", name: "slow_double", input: { x: 3 } },
  ],
  usage: { input_tokens: 20, output_tokens: 30, cache_read_input_tokens: 100 },
};

const geminiRaw = {
  candidates: [
    {
      content: {
        role: "model",
        parts: [
          { text: "Pondering.", thought: true },
          { text: "Both at once." },
          { functionCall: { name: "counter_get", args: { name: "a" } } },
          { functionCall: { name: "slow_double", args: { x: 3 } } },
        ],
      },
    },
  ],
  usageMetadata: {
    promptTokenCount: 120,
    candidatesTokenCount: 20,
    thoughtsTokenCount: 10,
    cachedContentTokenCount: 100,
  },
};

const expected = {
  text: "Both at once.",
  usage: { inputTokens: 120, outputTokens: 30, cachedInputTokens: 100 },
};

describe("response converters agree", () => {
  it("openai", () => {
    const parsed = fromOpenAICompletion(openaiRaw, request);
    expect(parsed).toMatchObject(expected);
    expect(parsed.toolCalls).toEqual([
      { id: "call_1", name: "counter_get", arguments: '{"name":"a"}' },
      { id: "call_2", name: "slow_double", arguments: '{"x":3}' },
    ]);
  });

  it("anthropic", () => {
    expect(fromAnthropicResponse(anthropicRaw, request)).toMatchObject({
      ...expected,
      toolCalls: [
        { id: "call_1", name: "counter_get", arguments: '{"name":"a"}' },
        { id: "call_2", name: "slow_double", arguments: '{"x":3}' },
      ],
    });
  });

  it("gemini: thoughts skipped, ids numbered after the conversation's calls", () => {
    expect(fromGeminiResponse(geminiRaw, request)).toMatchObject({
      ...expected,
      toolCalls: [
        { id: "call_2", name: "counter_get", arguments: '{"name":"a"}' },
        { id: "call_3", name: "slow_double", arguments: '{"x":3}' },
      ],
    });
  });

  it("openai: missing ids are generated, empty text is null, bad argument text passes through raw", () => {
    const parsed = fromOpenAICompletion(
      {
        choices: [
          { message: { content: "", tool_calls: [{ function: { name: "x", arguments: '{"a":' } }] } },
        ],
      },
      request,
    );
    expect(parsed).toEqual({
      text: null,
      toolCalls: [{ id: "call_2", name: "x", arguments: '{"a":' }],
      usage: null,
    });
  });

  it.each([
    ["openai", () => fromOpenAICompletion({ choices: [] }, request)],
    ["anthropic", () => fromAnthropicResponse({ content: "nope" }, request)],
    ["gemini", () => fromGeminiResponse({ candidates: "nope" }, request)],
  ])("%s: a structurally broken response is a retryable infra error", (_name, convert) => {
    expect(convert).toThrow(InfraError);
    try {
      convert();
    } catch (error) {
      expect((error as InfraError).retryable).toBe(true);
    }
  });
});

describe("ChunkAssembler", () => {
  /** Split the OpenAI response above into deltas the way servers do: ids first, arguments in pieces. */
  function chunks(): unknown[] {
    const out: unknown[] = [{ choices: [{ index: 0, delta: { role: "assistant", content: "" } }] }];
    for (const piece of ["Both ", "at once."])
      out.push({ choices: [{ index: 0, delta: { content: piece } }] });
    openaiRaw.choices[0]?.message.tool_calls.forEach((call, index) => {
      out.push({
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index,
                  id: call.id,
                  type: "function",
                  function: { name: call.function.name, arguments: "" },
                },
              ],
            },
          },
        ],
      });
      const text = call.function.arguments;
      for (let at = 0; at < text.length; at += 4) {
        out.push({
          choices: [
            { index: 0, delta: { tool_calls: [{ index, function: { arguments: text.slice(at, at + 4) } }] } },
          ],
        });
      }
    });
    out.push({ choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }] });
    out.push({ choices: [], usage: openaiRaw.usage });
    return out;
  }

  it("assembles deltas into the same canonical response as the non-streamed completion", () => {
    const assembler = new ChunkAssembler();
    for (const chunk of chunks()) assembler.add(chunk);
    expect(fromOpenAICompletion(assembler.completion(), request)).toEqual(
      fromOpenAICompletion(openaiRaw, request),
    );
  });

  it("interleaved deltas of parallel calls are kept apart by index", () => {
    const assembler = new ChunkAssembler();
    const all = chunks();
    // Move the second call's header before the first call's argument pieces.
    const header = all.findIndex((chunk) => JSON.stringify(chunk).includes('"id":"call_2"'));
    const [moved] = all.splice(header, 1);
    all.splice(4, 0, moved);
    for (const chunk of all) assembler.add(chunk);
    expect(fromOpenAICompletion(assembler.completion(), request).toolCalls).toEqual(
      fromOpenAICompletion(openaiRaw, request).toolCalls,
    );
  });

  it("rejects a malformed chunk as a retryable infra error", () => {
    expect(() => new ChunkAssembler().add({ choices: "x" })).toThrow(InfraError);
  });
});

describe("ChunkAssembler on cut streams", () => {
  it.each([
    ["no chunks", []],
    ["chunks without a finish reason", [{ choices: [{ index: 0, delta: { content: "Hal" } }] }]],
    ["only an empty choices chunk", [{ choices: [] }]],
  ])("%s: a retryable infra error, not an empty answer", (_label, chunks) => {
    const assembler = new ChunkAssembler();
    for (const chunk of chunks) assembler.add(chunk);
    expect(() => assembler.completion()).toThrow(/without a finish reason/);
  });
});

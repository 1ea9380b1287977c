import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AsynctoolError } from "../../core/errors.ts";
import { toAnthropicBody } from "./anthropic-codec.ts";
import { FIXTURE_REQUEST } from "./conversation-fixture.ts";
import { createModelAdapter } from "./create-adapter.ts";
import { toGeminiContents } from "./gemini-codec.ts";

/**
 * The real SDK transports against a local fake provider: one HTTP request per attempt (SDK
 * retries off), our retries on 429/5xx, the body our codec built, keys in the right header.
 */
interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function fakeProvider(replies: Reply[]): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => {
      const text = Buffer.concat(parts).toString("utf8");
      seen.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>),
      });
      const reply = replies.shift() ?? { status: 500, body: { error: { message: "script exhausted" } } };
      response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const fast = { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 4 };
const KEY = "sk-test-KEYVALUE-123456";

describe("anthropic transport", () => {
  const message = {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "claude-test",
    content: [
      { type: "text", text: "On it." },
      { type: "tool_use", id: "toolu_1", name: "counter_get", input: { name: "a" } },
    ],
    stop_reason: "tool_use",
    usage: { input_tokens: 10, output_tokens: 5 },
  };

  it("retries 429 and 529 itself, one request per attempt, and sends the codec's body", async () => {
    const fake = await fakeProvider([
      {
        status: 429,
        body: { type: "error", error: { type: "rate_limit_error", message: "slow" } },
        headers: { "retry-after": "0" },
      },
      { status: 529, body: { type: "error", error: { type: "overloaded_error", message: "busy" } } },
      { status: 200, body: message },
    ]);
    const adapter = createModelAdapter({
      modelId: "anthropic:claude-test",
      baseUrl: fake.url,
      apiKey: KEY,
      retry: fast,
    });
    const response = await adapter.complete(FIXTURE_REQUEST);
    expect(response).toMatchObject({
      text: "On it.",
      toolCalls: [{ id: "toolu_1", name: "counter_get", arguments: '{"name":"a"}' }],
      usage: { inputTokens: 10, outputTokens: 5 },
      attempts: 3,
    });
    expect(fake.seen).toHaveLength(3);
    expect(fake.seen[0]?.path).toBe("/v1/messages");
    expect(fake.seen[0]?.headers["x-api-key"]).toBe(KEY);
    expect(fake.seen[0]?.body).toEqual(
      JSON.parse(JSON.stringify(toAnthropicBody(FIXTURE_REQUEST, "claude-test"))),
    );
  });

  it("401 is fatal at once and names ANTHROPIC_API_KEY, never the key", async () => {
    const fake = await fakeProvider([
      {
        status: 401,
        body: { type: "error", error: { type: "authentication_error", message: `invalid x-api-key ${KEY}` } },
      },
    ]);
    const adapter = createModelAdapter({
      modelId: "anthropic:claude-test",
      baseUrl: fake.url,
      apiKey: KEY,
      retry: fast,
    });
    const error = await adapter.complete(FIXTURE_REQUEST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AsynctoolError);
    expect(error).toMatchObject({ kind: "fatal-config" });
    expect((error as Error).message).toMatch(/ANTHROPIC_API_KEY/);
    expect((error as Error).message).not.toContain("KEYVALUE");
    expect(fake.seen).toHaveLength(1);
  });
});

describe("google transport", () => {
  const reply = {
    candidates: [
      {
        content: { role: "model", parts: [{ functionCall: { name: "slow_double", args: { x: 3 } } }] },
        finishReason: "STOP",
      },
    ],
    usageMetadata: { promptTokenCount: 40, candidatesTokenCount: 6 },
  };

  it("retries a 500, sends contents and tools in Gemini form with the key header", async () => {
    const fake = await fakeProvider([
      { status: 500, body: { error: { code: 500, message: "internal", status: "INTERNAL" } } },
      { status: 200, body: reply },
    ]);
    const adapter = createModelAdapter({
      modelId: "google:gemini-test",
      baseUrl: fake.url,
      apiKey: KEY,
      retry: fast,
    });
    const response = await adapter.complete(FIXTURE_REQUEST);
    expect(response).toMatchObject({
      toolCalls: [{ id: "call_7", name: "slow_double", arguments: '{"x":3}' }],
      usage: { inputTokens: 40, outputTokens: 6 },
      attempts: 2,
    });
    expect(fake.seen).toHaveLength(2);
    const sent = fake.seen[1];
    expect(sent?.path).toMatch(/models\/gemini-test:generateContent$/);
    expect(sent?.headers["x-goog-api-key"]).toBe(KEY);
    expect(sent?.body.contents).toEqual(
      JSON.parse(JSON.stringify(toGeminiContents(FIXTURE_REQUEST.messages))),
    );
    expect(JSON.stringify(sent?.body.tools)).toContain('"name":"submit_answer"');
    expect(sent?.body.systemInstruction).toBeDefined();
  });
});

describe("openai transport", () => {
  const completion = {
    id: "c",
    object: "chat.completion",
    created: 0,
    model: "gpt-test",
    choices: [{ index: 0, message: { role: "assistant", content: "Done." }, finish_reason: "stop" }],
    usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
  };

  it("openai: parallel flag and max_completion_tokens; one request per 429 attempt", async () => {
    const fake = await fakeProvider([
      { status: 429, body: { error: { message: "rate" } }, headers: { "retry-after-ms": "1" } },
      { status: 200, body: completion },
    ]);
    const adapter = createModelAdapter({
      modelId: "openai:gpt-4.1-mini",
      baseUrl: fake.url,
      apiKey: KEY,
      retry: fast,
    });
    expect(await adapter.complete(FIXTURE_REQUEST)).toMatchObject({ text: "Done.", attempts: 2 });
    expect(fake.seen).toHaveLength(2);
    expect(fake.seen[1]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(fake.seen[1]?.body).toMatchObject({
      parallel_tool_calls: true,
      max_completion_tokens: 1024,
      seed: 11,
    });
  });

  it("prompt mode: no native tools sent, calls parsed from the text", async () => {
    const text = 'Reading.\n<tool_call>{"name": "counter_get", "arguments": {"name": "a"}}</tool_call>';
    const fake = await fakeProvider([
      {
        status: 200,
        body: {
          ...completion,
          choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
        },
      },
    ]);
    const adapter = createModelAdapter({ modelId: "prompt:openai-compatible:small", baseUrl: fake.url });
    const response = await adapter.complete(FIXTURE_REQUEST);
    expect(response).toMatchObject({
      text: "Reading.",
      toolCalls: [{ id: "call_7", name: "counter_get", arguments: '{"name":"a"}' }],
    });
    expect(fake.seen[0]?.body.tools).toBeUndefined();
    expect(JSON.stringify(fake.seen[0]?.body.messages)).toContain("# Calling tools");
    // openai-compatible without a key sends a placeholder, never OPENAI_API_KEY.
    expect(fake.seen[0]?.headers.authorization).toBe("Bearer no-key");
  });

  it("the request hash is stable and changes with the conversation", () => {
    const adapter = createModelAdapter({ modelId: "openai-compatible:m", baseUrl: "http://127.0.0.1:1" });
    const hash = adapter.requestHash(FIXTURE_REQUEST);
    expect(adapter.requestHash({ ...FIXTURE_REQUEST })).toBe(hash);
    expect(
      adapter.requestHash({ ...FIXTURE_REQUEST, messages: FIXTURE_REQUEST.messages.slice(0, 2) }),
    ).not.toBe(hash);
  });

  it("a dead server is a network error: retried, then a retryable InfraError", async () => {
    const adapter = createModelAdapter({
      modelId: "openai-compatible:m",
      baseUrl: "http://127.0.0.1:9/v1",
      retry: { ...fast, maxAttempts: 2 },
    });
    await expect(adapter.complete(FIXTURE_REQUEST)).rejects.toMatchObject({ kind: "infra", retryable: true });
  });
});

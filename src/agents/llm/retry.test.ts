import Anthropic from "@anthropic-ai/sdk";
import { ApiError } from "@google/genai";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { AsynctoolError, InfraError } from "../../core/errors.ts";
import {
  backoffDelay,
  classifyFailure,
  DEFAULT_RETRY_POLICY,
  type RetryContext,
  redact,
  retryAfter,
  withRetries,
} from "./retry.ts";

function httpError(
  status: number,
  headers: Record<string, string> = {},
  message = `status ${status}`,
): Error {
  return Object.assign(new Error(message), { name: "APIError", status, headers: new Headers(headers) });
}

describe("classifyFailure", () => {
  it.each<[string, unknown, string]>([
    ["429", httpError(429), "retry"],
    ["500", httpError(500), "retry"],
    ["503", httpError(503), "retry"],
    ["408", httpError(408), "retry"],
    ["400", httpError(400), "fail"],
    ["422", httpError(422), "fail"],
    ["401", httpError(401), "fatal"],
    ["403", httpError(403), "fatal"],
    ["404", httpError(404), "fatal"],
    ["connection", Object.assign(new Error("x"), { name: "APIConnectionError" }), "retry"],
    ["sdk timeout", Object.assign(new Error("x"), { name: "APIConnectionTimeoutError" }), "retry"],
    ["fetch failed", new TypeError("fetch failed"), "retry"],
    ["socket reset", Object.assign(new Error("x"), { code: "ECONNRESET" }), "retry"],
    [
      "reset as cause",
      new Error("x", { cause: Object.assign(new Error("y"), { code: "UND_ERR_SOCKET" }) }),
      "retry",
    ],
    ["retryable infra", new InfraError("bad body", { retryable: true }), "retry"],
    ["harness bug", new RangeError("oops"), "fail"],
    // The SDKs' own error objects.
    ["openai connection", new OpenAI.APIConnectionError({ message: "x" }), "retry"],
    ["openai timeout", new OpenAI.APIConnectionTimeoutError(), "retry"],
    ["openai 429", OpenAI.APIError.generate(429, { message: "slow" }, undefined, new Headers()), "retry"],
    ["openai 401", OpenAI.APIError.generate(401, { message: "key" }, undefined, new Headers()), "fatal"],
    ["anthropic connection", new Anthropic.APIConnectionError({ message: "x" }), "retry"],
    [
      "anthropic 529",
      Anthropic.APIError.generate(529, { message: "busy" }, undefined, new Headers()),
      "retry",
    ],
    ["anthropic 400", Anthropic.APIError.generate(400, { message: "bad" }, undefined, new Headers()), "fail"],
    ["gemini 503", new ApiError({ message: "unavailable", status: 503 }), "retry"],
    ["gemini 403", new ApiError({ message: "denied", status: 403 }), "fatal"],
  ])("%s → %s", (_label, error, action) => {
    expect(classifyFailure(error).action).toBe(action);
  });

  it("an aborted signal wins over everything", () => {
    const controller = new AbortController();
    controller.abort();
    expect(classifyFailure(httpError(500), controller.signal).action).toBe("abort");
  });
});

describe("retryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it.each<[string, unknown, number | undefined]>([
    ["seconds", httpError(429, { "retry-after": "3" }), 3000],
    ["fractional seconds", httpError(429, { "retry-after": "0.25" }), 250],
    ["milliseconds header wins", httpError(429, { "retry-after": "3", "retry-after-ms": "120" }), 120],
    ["HTTP date", httpError(429, { "retry-after": "Wed, 01 Jan 2025 00:00:05 GMT" }), 5000],
    ["plain headers object", Object.assign(new Error("x"), { headers: { "retry-after": "2" } }), 2000],
    ["Gemini retryDelay in the body", new Error('{"error":{"details":[{"retryDelay":"7s"}]}}'), 7000],
    ["none", httpError(429), undefined],
  ])("%s", (_label, error, expected) => {
    expect(retryAfter(error, now)).toBe(expected);
  });
});

describe("backoffDelay", () => {
  it("is seeded, grows exponentially within equal-jitter bounds, and honours retry-after", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000, seed: 3 };
    for (let attempt = 1; attempt <= 6; attempt++) {
      const ceiling = Math.min(1000, 100 * 2 ** (attempt - 1));
      const delay = backoffDelay(policy, {}, attempt, "k");
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
      expect(backoffDelay(policy, {}, attempt, "k")).toBe(delay);
    }
    const others = [1, 2, 3, 4].map((seed) => backoffDelay({ ...policy, seed }, {}, 3, "k"));
    expect(new Set(others).size).toBeGreaterThan(1);
    expect(backoffDelay(policy, { retryAfterMs: 4321 }, 1, "k")).toBe(4321);
  });
});

describe("redact", () => {
  it("removes the key and anything shaped like a provider key", () => {
    const text =
      "Incorrect API key provided: my-secret-key-123. Also sk-proj-abcdef123456 and AIzaSyA1234567890abc.";
    const out = redact(text, ["my-secret-key-123", undefined]);
    expect(out).not.toContain("my-secret-key-123");
    expect(out).not.toContain("sk-proj-abcdef123456");
    expect(out).not.toContain("AIzaSyA1234567890abc");
  });
});

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a rejection");
}

describe("withRetries", () => {
  const SECRET = "sk-test-SECRET-0123456789";
  function context(sleeps: number[], overrides: Partial<RetryContext> = {}): RetryContext {
    return {
      policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 4, seed: 1 },
      label: "openai:gpt-test",
      keyHint: "OPENAI_API_KEY",
      requestKey: () => "req",
      secrets: [SECRET],
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...overrides,
    };
  }

  it("retries 429 and 500 until success, honouring retry-after", async () => {
    const sleeps: number[] = [];
    const failures = [httpError(429, { "retry-after": "2" }), httpError(500)];
    const result = await withRetries(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return "ok";
    }, context(sleeps));
    expect(result).toEqual({ value: "ok", attempts: 3 });
    expect(sleeps[0]).toBe(2000);
    expect(sleeps).toHaveLength(2);
  });

  it("tells the retry listener the HTTP status, so a rate limiter can react to 429 alone", async () => {
    const infos: Array<{ status?: number; delayMs: number }> = [];
    const failures = [httpError(429, { "retry-after": "1" }), httpError(500), new TypeError("fetch failed")];
    await withRetries(
      async () => {
        const failure = failures.shift();
        if (failure) throw failure;
        return "ok";
      },
      context([], { onRetry: (info) => infos.push(info) }),
    );
    expect(infos.map((info) => info.status)).toEqual([429, 500, undefined]);
    expect(infos[0]?.delayMs).toBe(1000);
  });

  it("gives up after maxAttempts with a retryable InfraError", async () => {
    const sleeps: number[] = [];
    const run = withRetries(async () => {
      throw httpError(503);
    }, context(sleeps));
    await expect(run).rejects.toThrow(InfraError);
    await expect(run).rejects.toMatchObject({ retryable: true, status: 503 });
    expect(sleeps).toHaveLength(3);
  });

  it("does not retry a 400, and strips the key from the message", async () => {
    let calls = 0;
    const run = withRetries(async () => {
      calls += 1;
      throw httpError(400, {}, `bad request for key ${SECRET}`);
    }, context([]));
    await expect(run).rejects.toMatchObject({ kind: "infra", retryable: false, status: 400 });
    expect(await messageOf(run)).not.toContain(SECRET);
    expect(calls).toBe(1);
  });

  it.each([401, 403])("%i is a fatal-config error naming the key variable, never the key", async (status) => {
    let calls = 0;
    const run = withRetries(async () => {
      calls += 1;
      throw httpError(status, {}, `Incorrect API key provided: ${SECRET}`);
    }, context([]));
    await expect(run).rejects.toBeInstanceOf(AsynctoolError);
    await expect(run).rejects.toMatchObject({ kind: "fatal-config", retryable: false });
    await expect(run).rejects.toThrow(/OPENAI_API_KEY/);
    expect(await messageOf(run)).not.toContain("SECRET");
    expect(calls).toBe(1);
  });

  it("a retry-after longer than the policy allows fails at once", async () => {
    const sleeps: number[] = [];
    const run = withRetries(async () => {
      throw httpError(429, { "retry-after": "3600" });
    }, context(sleeps));
    await expect(run).rejects.toMatchObject({ retryable: true, retryAfterMs: 3_600_000 });
    expect(sleeps).toHaveLength(0);
  });

  it("an abort during the backoff ends with a retryable InfraError", async () => {
    const controller = new AbortController();
    const run = withRetries(
      async () => {
        throw httpError(500);
      },
      context([], {
        signal: controller.signal,
        sleep: async () => {
          controller.abort();
        },
      }),
    );
    await expect(run).rejects.toThrow(/aborted/);
  });
});

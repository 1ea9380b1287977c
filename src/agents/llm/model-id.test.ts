import { describe, expect, it } from "vitest";
import { AsynctoolError, BadInputError } from "../../core/errors.ts";
import { parseModelId, requireBaseUrl, resolveApiKey } from "./model-id.ts";
import { costUsd, lookupModel, MODELS } from "./models.ts";

describe("parseModelId", () => {
  it.each([
    ["openai:gpt-4.1-mini", "openai", "gpt-4.1-mini", false],
    ["anthropic:claude-sonnet-4-20250514", "anthropic", "claude-sonnet-4-20250514", false],
    ["google:gemini-2.5-flash", "google", "gemini-2.5-flash", false],
    ["openai-compatible:llama3:8b", "openai-compatible", "llama3:8b", false],
    ["prompt:openai-compatible:qwen2.5:7b", "openai-compatible", "qwen2.5:7b", true],
    ["prompt:anthropic:claude-3-5-haiku-20241022", "anthropic", "claude-3-5-haiku-20241022", true],
  ])("%s", (id, provider, model, promptMode) => {
    expect(parseModelId(id)).toEqual({ id, provider, model, promptMode });
  });

  it.each(["gpt-4o", "azure:gpt-4o", "openai:", "prompt:gpt-4o", ""])(
    "rejects %j with a clear message",
    (id) => {
      expect(() => parseModelId(id)).toThrow(BadInputError);
      expect(() => parseModelId(id)).toThrow(/PROVIDER:MODEL/);
    },
  );
});

describe("resolveApiKey", () => {
  it("explicit key first, then the provider's variables in order", () => {
    const google = parseModelId("google:gemini-2.5-pro");
    expect(resolveApiKey(google, "k0", { GEMINI_API_KEY: "k1" })).toBe("k0");
    expect(resolveApiKey(google, undefined, { GEMINI_API_KEY: "k1", GOOGLE_API_KEY: "k2" })).toBe("k1");
    expect(resolveApiKey(google, undefined, { GOOGLE_API_KEY: "k2" })).toBe("k2");
  });

  it("a missing required key is fatal and names the variable", () => {
    const id = parseModelId("anthropic:claude-opus-4-20250514");
    expect(() => resolveApiKey(id, undefined, {})).toThrow(AsynctoolError);
    expect(() => resolveApiKey(id, undefined, {})).toThrow(/ANTHROPIC_API_KEY/);
  });

  it("openai-compatible needs no key and never borrows OPENAI_API_KEY", () => {
    const id = parseModelId("openai-compatible:mock-oracle");
    expect(resolveApiKey(id, undefined, { OPENAI_API_KEY: "sk-real" })).toBeUndefined();
    expect(resolveApiKey(id, undefined, { OPENAI_COMPATIBLE_API_KEY: "local" })).toBe("local");
  });

  it("openai-compatible needs a base URL", () => {
    expect(() => requireBaseUrl(parseModelId("openai-compatible:x"), undefined)).toThrow(/--base-url/);
    expect(() => requireBaseUrl(parseModelId("openai:x"), undefined)).not.toThrow();
  });
});

describe("capability and price table", () => {
  it("has one row per provider and model", () => {
    const keys = MODELS.map((row) => `${row.provider}:${row.model}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("known models carry prices; unknown ones get provider defaults and no price", () => {
    const known = lookupModel({ provider: "openai", model: "gpt-4o-mini" });
    expect(costUsd(known, { inputTokens: 1_000_000, outputTokens: 2_000_000 })).toBeCloseTo(0.15 + 1.2);
    const unknown = lookupModel({ provider: "anthropic", model: "claude-future" });
    expect(unknown).toMatchObject({ nativeTools: true, parallelToolCalls: true, inputUsdPerMillion: null });
    expect(costUsd(unknown, { inputTokens: 10, outputTokens: 10 })).toBeNull();
  });

  it("the mock's scripted models are free", () => {
    const mock = lookupModel({ provider: "openai-compatible", model: "mock-oracle" });
    expect(costUsd(mock, { inputTokens: 5000, outputTokens: 100 })).toBe(0);
  });
});

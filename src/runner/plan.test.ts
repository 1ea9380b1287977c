import { describe, expect, it } from "vitest";
import { findPreset } from "../core/presets.ts";
import { counterScenario } from "../env/testing/counter-scenarios.ts";
import {
  agentLabel,
  buildPlan,
  concurrencyFor,
  episodeFileStem,
  episodeKeyString,
  modelSpec,
  providerOf,
  type RunConfig,
  scenariosHash,
} from "./plan.ts";

const scenarios = [counterScenario(), counterScenario({ id: "counter-b" })];
const config: RunConfig = {
  configVersion: 1,
  agents: [
    { kind: "reference", name: "oracle" },
    { kind: "model", modelId: "openai-compatible:mock-eager", baseUrl: "http://127.0.0.1:1/v1" },
  ],
  split: "test",
  scenarioIds: ["counter-b", "counter-three"],
  scenariosHash: scenariosHash(scenarios),
  conditions: [findPreset("sync")!, findPreset("async-round")!],
  trials: 2,
  concurrency: { openai: 3, "*": 5 },
  maxEpisodeAttempts: 3,
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("buildPlan", () => {
  it("orders scenario → condition → trial → agent and numbers the episodes", () => {
    const plan = buildPlan(config, scenarios);
    expect(plan).toHaveLength(2 * 2 * 2 * 2);
    expect(
      plan.slice(0, 5).map((episode) => [episode.scenario, episode.condition, episode.trial, episode.agent]),
    ).toEqual([
      ["counter-b", "sync", 0, "oracle"],
      ["counter-b", "sync", 0, "openai-compatible:mock-eager"],
      ["counter-b", "sync", 1, "oracle"],
      ["counter-b", "sync", 1, "openai-compatible:mock-eager"],
      ["counter-b", "async-round", 0, "oracle"],
    ]);
    expect(plan.map((episode) => episode.index)).toEqual([...plan.keys()]);
    expect(new Set(plan.map(episodeKeyString)).size).toBe(plan.length);
  });

  it.each([
    [{ scenarioIds: ["nope"] }, /scenario "nope" is not in split test/],
    [{ conditions: [findPreset("sync")!, findPreset("sync")!] }, /condition "sync" is given twice/],
    [
      {
        agents: [
          { kind: "reference" as const, name: "oracle" },
          { kind: "reference" as const, name: "oracle" },
        ],
      },
      /agent "oracle" is given twice/,
    ],
  ])("rejects %j", (overrides, message) => {
    expect(() => buildPlan({ ...config, ...overrides }, scenarios)).toThrow(message);
  });
});

describe("names and providers", () => {
  it.each([
    [{ kind: "reference" as const, name: "eager" }, "eager", "local"],
    [{ kind: "model" as const, modelId: "openai:gpt-4.1-mini" }, "openai:gpt-4.1-mini", "openai"],
    [
      { kind: "model" as const, modelId: "prompt:openai-compatible:llama3:8b" },
      "prompt:openai-compatible:llama3:8b",
      "openai-compatible",
    ],
    [
      { kind: "model" as const, modelId: "anthropic:claude-sonnet-4-20250514" },
      "anthropic:claude-sonnet-4-20250514",
      "anthropic",
    ],
  ])("%j → label %s, provider %s", (spec, label, provider) => {
    expect(agentLabel(spec)).toBe(label);
    expect(providerOf(spec)).toBe(provider);
  });

  it.each([
    ["openai", 3],
    ["anthropic", 5],
  ])("concurrency for %s is %i", (provider, expected) => {
    expect(concurrencyFor(config, provider, 9)).toBe(expected);
    expect(concurrencyFor({ ...config, concurrency: {} }, provider, 9)).toBe(9);
  });

  it("makes file stems safe for model ids with slashes", () => {
    expect(
      episodeFileStem({ scenario: "s1", agent: "openai-compatible:meta/llama", condition: "sync", trial: 2 }),
    ).toBe("s1__openai-compatible:meta_llama__sync__t2");
  });
});

describe("modelSpec", () => {
  it("names the key variable, never the key, and strips credentials from the base URL", () => {
    const env = { OPENAI_COMPATIBLE_API_KEY: "sk-test-SECRET123" };
    const spec = modelSpec("openai-compatible:m", "http://user:pw@host:1/v1?token=x", false, env);
    expect(spec).toEqual({
      kind: "model",
      modelId: "openai-compatible:m",
      baseUrl: "http://host:1/v1#redacted",
      apiKeyEnv: "OPENAI_COMPATIBLE_API_KEY",
    });
    expect(JSON.stringify(spec)).not.toContain("SECRET");
    expect(modelSpec("google:gemini-2.5-flash", undefined, true, { GOOGLE_API_KEY: "x" })).toMatchObject({
      apiKeyEnv: "GOOGLE_API_KEY",
      stream: true,
    });
  });

  it.each([
    ["gpt-4o", /expected \[prompt:\]PROVIDER:MODEL/],
    ["openai-compatible:llama3", /needs --base-url/],
  ])("rejects %s before anything runs", (id, message) => {
    expect(() => modelSpec(id, undefined, false, {})).toThrow(message);
  });
});

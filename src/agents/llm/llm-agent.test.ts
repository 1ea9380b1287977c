import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AsynctoolError, BadInputError } from "../../core/errors.ts";
import { findPreset } from "../../core/presets.ts";
import { eventsOf } from "../../core/trace.ts";
import { runEpisode } from "../../env/episode.ts";
import { counterCatalog } from "../../env/testing/counter-domain.ts";
import { counterScenario } from "../../env/testing/counter-scenarios.ts";
import { type MockServer, startMockServer } from "../../mock/server.ts";
import type { ModelResponse } from "./adapter.ts";
import { llmAgentFactory } from "./llm-agent.ts";

const scenario = counterScenario();
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ scenarios: [scenario], catalog: counterCatalog });
});
afterAll(async () => {
  await server.close();
});

describe("llmAgentFactory", () => {
  it("sends the episode's tools, reports every response, and records usage in the trace", async () => {
    const seen: Array<{ turn: number; response: ModelResponse }> = [];
    const factory = llmAgentFactory({
      modelId: "openai-compatible:mock-sequential",
      baseUrl: server.url,
      env: {},
      onResponse: (response, context) => seen.push({ turn: context.turn, response }),
    });
    expect(factory.name).toBe("openai-compatible:mock-sequential");
    const condition = findPreset("async-round");
    if (!condition) throw new Error("no preset");
    const result = await runEpisode({ scenario, condition, agent: factory, catalog: counterCatalog });
    expect(result.summary.reason).toBe("completed");
    expect(seen.map((entry) => entry.turn)).toEqual(seen.map((_, index) => index));
    expect(seen).toHaveLength(result.summary.turns);
    expect(seen.every((entry) => entry.response.attempts === 1 && entry.response.latencyMs >= 0)).toBe(true);
    const usage = eventsOf(result.trace, "model-response").map((event) => event.usage);
    expect(usage).toEqual(seen.map((entry) => entry.response.usage));
    // The raw body is the provider's, kept out of the trace.
    expect(JSON.stringify(result.trace)).not.toContain("chatcmpl-mock");
  });

  it("fails at creation on a missing key or base URL, before any episode starts", () => {
    expect(() => llmAgentFactory({ modelId: "openai:gpt-4o", env: {} })).toThrow(AsynctoolError);
    expect(() => llmAgentFactory({ modelId: "openai-compatible:m", env: {} })).toThrow(BadInputError);
    expect(() =>
      llmAgentFactory({
        modelId: "anthropic:claude-sonnet-4-20250514",
        env: { ANTHROPIC_API_KEY: "k" },
        stream: true,
      }),
    ).toThrow(/streaming is supported for the OpenAI API family only/);
  });
});

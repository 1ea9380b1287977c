import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../core/trace.ts";
import { episodeRetryDelayMs, episodeUsage } from "./usage.ts";

const response = (inputTokens: number, outputTokens: number) =>
  ({
    seq: 0,
    t: 0,
    type: "model-response",
    turn: 0,
    text: null,
    toolCalls: [],
    usage: { inputTokens, outputTokens },
  }) as TraceEvent;

describe("episodeUsage", () => {
  const trace = [
    response(1000, 100),
    response(3000, 300),
    { ...response(0, 0), usage: undefined } as TraceEvent,
  ];

  it.each([
    [{ kind: "reference" as const, name: "oracle" }, 0],
    // gpt-4.1-mini: $0.4 / $1.6 per million tokens.
    [{ kind: "model" as const, modelId: "openai:gpt-4.1-mini" }, (4000 * 0.4 + 400 * 1.6) / 1e6],
    [{ kind: "model" as const, modelId: "openai-compatible:mock-oracle" }, 0],
    [{ kind: "model" as const, modelId: "openai-compatible:unknown-model" }, null],
  ])("%j costs %s", (spec, cost) => {
    const usage = episodeUsage(spec, trace);
    expect(usage.inputTokens).toBe(4000);
    expect(usage.outputTokens).toBe(400);
    if (cost === null) expect(usage.costUsd).toBeNull();
    else expect(usage.costUsd).toBeCloseTo(cost, 12);
  });
});

describe("episodeRetryDelayMs", () => {
  it.each([
    [1, 0, 500],
    [1, 0.5, 1000],
    [2, 0.5, 2000],
    [3, 0.99, 5960],
    [6, 0.5, 10_000],
  ])("attempt %i, jitter %f → %i ms", (attempt, jitter, expected) => {
    expect(episodeRetryDelayMs(attempt, jitter, { baseMs: 1000, maxMs: 10_000 })).toBe(expected);
  });
});

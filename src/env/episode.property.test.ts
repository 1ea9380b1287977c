import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AgentFactory } from "../agents/agent.ts";
import type { ToolCallRequest } from "../core/messages.ts";
import { CONDITION_PRESETS } from "../core/presets.ts";
import { eventsOf, type TraceEvent } from "../core/trace.ts";
import { runEpisode } from "./episode.ts";
import { counterCatalog } from "./testing/counter-domain.ts";
import { counterScenario } from "./testing/counter-scenarios.ts";

/** Calls a random agent may make: valid, invalid in every way, control calls. */
const callArbitrary: fc.Arbitrary<Omit<ToolCallRequest, "id">> = fc.oneof(
  fc.record({
    name: fc.constant("counter_get"),
    arguments: fc.constantFrom('{"name":"a"}', '{"name":"zz"}', '{"name":1}'),
  }),
  fc.record({
    name: fc.constant("counter_add"),
    arguments: fc.integer({ min: -3, max: 3 }).map((amount) => JSON.stringify({ name: "a", amount })),
  }),
  fc.record({
    name: fc.constant("slow_double"),
    arguments: fc.integer({ min: 0, max: 4 }).map((x) => `{"x":${x}}`),
  }),
  fc.record({ name: fc.constant("single_lane"), arguments: fc.constant('{"value":1}') }),
  fc.record({ name: fc.constant("no_such_tool"), arguments: fc.constant("{}") }),
  fc.record({ name: fc.constant("counter_get"), arguments: fc.constant("{oops") }),
  fc.record({ name: fc.constant("wait"), arguments: fc.constant("{}") }),
  fc.record({
    name: fc.constant("submit_answer"),
    arguments: fc
      .constantFrom("T1", "T2", "T3", "T4")
      .map((id) => JSON.stringify({ task_id: id, answer: 1 })),
  }),
);
const scriptArbitrary = fc.array(fc.array(callArbitrary, { maxLength: 4 }), { maxLength: 25 });

function scriptedAgent(script: ReadonlyArray<ReadonlyArray<Omit<ToolCallRequest, "id">>>): AgentFactory {
  return {
    name: "random",
    create: () => {
      let turn = 0;
      return {
        name: "random",
        act: () => {
          const calls = script[turn] ?? [];
          turn += 1;
          return {
            text: null,
            toolCalls: calls.map((call, index) => ({ ...call, id: `p${turn}-${index}` })),
          };
        },
      };
    },
  };
}

const conditions = fc.constantFrom(
  ...CONDITION_PRESETS,
  ...CONDITION_PRESETS.filter((preset) => preset.name === "async-contention").map((preset) => ({
    ...preset,
    name: "async-reject",
    contention: { mode: "reject" as const, capacity: {}, defaultCapacity: 1 },
  })),
);

function checkInvariants(trace: TraceEvent[]): void {
  // The clock never goes back, and sequence numbers are dense.
  trace.forEach((event, index) => {
    expect(event.seq).toBe(index);
    if (index > 0) expect(event.t).toBeGreaterThanOrEqual((trace[index - 1] as TraceEvent).t);
  });
  const end = eventsOf(trace, "episode-end");
  expect(end).toHaveLength(1);
  const endIndex = trace.indexOf(end[0] as TraceEvent);
  const accepted = eventsOf(trace, "tool-call").filter((call) => call.status === "accepted" && call.callId);
  const acks = eventsOf(trace, "tool-ack");
  // Every valid domain call is acked exactly once; invalid and rejected calls issue nothing.
  expect(acks.map((ack) => ack.callId).sort()).toEqual(accepted.map((call) => call.callId).sort());
  expect(new Set(acks.map((ack) => ack.callId)).size).toBe(acks.length);
  const completes = eventsOf(trace, "tool-complete");
  expect(new Set(completes.map((event) => event.callId)).size).toBe(completes.length);
  const completedAt = new Map(completes.map((event) => [event.callId, event]));
  for (const ack of acks) expect(completedAt.get(ack.callId)?.t).toBe(ack.completesAt);
  // Nothing is delivered before it completes, twice, or after the episode ends.
  const delivered = new Set<string>();
  for (const notification of eventsOf(trace, "notification")) {
    expect(trace.indexOf(notification)).toBeLessThan(endIndex);
    for (const callId of notification.callIds) {
      const complete = completedAt.get(callId);
      expect(complete).toBeDefined();
      expect(trace.indexOf(complete as TraceEvent)).toBeLessThan(trace.indexOf(notification));
      expect(delivered.has(callId)).toBe(false);
      delivered.add(callId);
    }
  }
}

describe("environment invariants under random agents", () => {
  it("hold for every condition and script", async () => {
    await fc.assert(
      fc.asyncProperty(scriptArbitrary, conditions, async (script, condition) => {
        const { trace } = await runEpisode({
          scenario: counterScenario(),
          condition,
          agent: scriptedAgent(script),
          catalog: counterCatalog,
          validateTrace: true,
        });
        checkInvariants(trace);
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });

  it("same seed and actions give a byte-identical trace", async () => {
    await fc.assert(
      fc.asyncProperty(scriptArbitrary, conditions, async (script, condition) => {
        const run = () =>
          runEpisode({
            scenario: counterScenario(),
            condition,
            agent: scriptedAgent(script),
            catalog: counterCatalog,
          });
        const [first, second] = await Promise.all([run(), run()]);
        expect(JSON.stringify(second.trace)).toBe(JSON.stringify(first.trace));
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

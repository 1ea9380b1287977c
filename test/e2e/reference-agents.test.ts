import { describe, expect, it } from "vitest";
import type { AgentFactory } from "../../src/agents/agent.ts";
import { oracleFactory } from "../../src/agents/reference/oracle.ts";
import { sequentialFactory } from "../../src/agents/reference/sequential.ts";
import { canonicalJson } from "../../src/core/canonical-json.ts";
import type { Condition } from "../../src/core/condition.ts";
import { CONDITION_PRESETS, findPreset } from "../../src/core/presets.ts";
import { eventsOf, type TraceEvent } from "../../src/core/trace.ts";
import { loadSplit } from "../../src/dataset/loader.ts";
import { Scenario } from "../../src/dataset/schema.ts";
import { runEpisode } from "../../src/env/episode.ts";

const scenarios = loadSplit("examples");

describe("reference agents on the examples split", () => {
  const cases = scenarios.flatMap((scenario) =>
    CONDITION_PRESETS.map((condition) => [scenario.id, condition.name] as const),
  );
  it.each(cases)(
    "%s under %s: oracle finishes strictly before sequential",
    async (scenarioId, conditionName) => {
      const scenario = scenarios.find((candidate) => candidate.id === scenarioId) as Scenario;
      const condition = findPreset(conditionName) as Condition;
      const oracle = await runEpisode({ scenario, condition, agent: oracleFactory });
      const sequential = await runEpisode({ scenario, condition, agent: sequentialFactory });
      expect(oracle.summary.reason).toBe("completed");
      expect(sequential.summary.reason).toBe("completed");
      // Every example has at least two tasks, so they can overlap.
      expect(oracle.summary.makespan).toBeLessThan(sequential.summary.makespan);
    },
  );
});

/** (tool, canonical arguments, occurrence) → latency, from the acks of one trace. */
function latencies(trace: TraceEvent[]): Map<string, number> {
  const calls = new Map(eventsOf(trace, "tool-call").map((call) => [call.callId, call]));
  const seen = new Map<string, number>();
  const out = new Map<string, number>();
  for (const ack of eventsOf(trace, "tool-ack")) {
    const call = calls.get(ack.callId);
    const key = `${ack.tool}${canonicalJson(call?.arguments)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    out.set(`${key}#${occurrence}`, ack.completesAt - ack.t);
  }
  return out;
}

describe("latency fairness", () => {
  it.each(["async-realistic", "async-faults", "sync"])(
    "the same call meets the same latency whichever agent issues it, in whatever order (%s)",
    async (conditionName) => {
      const condition = findPreset(conditionName) as Condition;
      let compared = 0;
      for (const scenario of scenarios) {
        const a = latencies((await runEpisode({ scenario, condition, agent: oracleFactory })).trace);
        const b = latencies((await runEpisode({ scenario, condition, agent: sequentialFactory })).trace);
        for (const [key, latency] of a) {
          if (!b.has(key)) continue;
          expect(b.get(key), key).toBe(latency);
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(30);
    },
  );
});

/** Plays fixed responses: each entry is one turn's calls. */
function script(turns: Array<Array<[string, Record<string, unknown>]>>): AgentFactory {
  return {
    name: "script",
    create: () => {
      let turn = 0;
      return {
        name: "script",
        act: () => {
          const calls = turns[turn] ?? [];
          turn += 1;
          return {
            text: null,
            toolCalls: calls.map(([name, args], i) => ({
              id: `r${turn}-${i}`,
              name,
              arguments: JSON.stringify(args),
            })),
          };
        },
      };
    },
  };
}

describe("race semantics on trading state", () => {
  const scenario = Scenario.parse({
    id: "race",
    seed: 1,
    split: "test",
    composition: "single",
    initialWorld: { trading: { authenticated: true } },
    tasks: [
      {
        id: "T1",
        domain: "trading",
        instruction: "Fund the account, then read it.",
        plan: [{ id: "s1", tool: "fund_account", args: { amount: 100 } }],
        answer: null,
      },
    ],
  });
  const base = findPreset("async-realistic") as Condition;
  const withLatency = (fund: number, info: number): Condition => ({
    ...base,
    // fund_account is slow and get_account_info fast in the trading domain.
    latency: { ...base.latency, slow: { kind: "fixed", ticks: fund }, fast: { kind: "fixed", ticks: info } },
  });
  const balanceSeen = async (
    condition: Condition,
    turns: Array<Array<[string, Record<string, unknown>]>>,
  ) => {
    const { trace } = await runEpisode({ scenario, condition, agent: script(turns) });
    const info = eventsOf(trace, "tool-complete").find((event) => event.tool === "get_account_info");
    return (info?.result as { balance: number } | undefined)?.balance;
  };

  it("a read that completes after a write sees the write, even if issued later", async () => {
    // fund issued at t=0 completes at 1+2=3; the read issued at t=1 completes at 2+3=5.
    const balance = await balanceSeen(withLatency(2, 3), [
      [["fund_account", { amount: 100 }]],
      [["get_account_info", {}]],
    ]);
    expect(balance).toBe(10_100);
  });

  it("a read that completes before a write does not see it, even if issued later", async () => {
    // fund issued at t=0 completes at 1+9=10; the read issued at t=1 completes at 2+0=2.
    const balance = await balanceSeen(withLatency(9, 0), [
      [["fund_account", { amount: 100 }]],
      [["get_account_info", {}]],
    ]);
    expect(balance).toBe(10_000);
  });

  it("calls completing at the same tick apply in issue order", async () => {
    const both: Array<[string, Record<string, unknown>]> = [
      ["fund_account", { amount: 100 }],
      ["get_account_info", {}],
    ];
    expect(await balanceSeen(withLatency(1, 1), [both])).toBe(10_100);
    expect(
      await balanceSeen(withLatency(1, 1), [
        [both[1] as [string, Record<string, unknown>], both[0] as [string, Record<string, unknown>]],
      ]),
    ).toBe(10_000);
  });
});

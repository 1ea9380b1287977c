import { describe, expect, it } from "vitest";
import type { Agent, AgentFactory, Observation } from "../agents/agent.ts";
import { oracleFactory } from "../agents/reference/oracle.ts";
import { sequentialFactory } from "../agents/reference/sequential.ts";
import type { AgentResponse, ToolCallRequest } from "../core/messages.ts";
import { CONDITION_PRESETS, findPreset } from "../core/presets.ts";
import { eventsOf } from "../core/trace.ts";
import { runEpisode } from "./episode.ts";
import { counterCatalog } from "./testing/counter-domain.ts";
import { counterScenario } from "./testing/counter-scenarios.ts";

const condition = (name: string) => {
  const found = findPreset(name);
  if (!found) throw new Error(name);
  return found;
};

/** An agent that plays a fixed script of responses, then stays silent. */
function scripted(turns: Array<Array<Partial<ToolCallRequest> & { name: string }>>): AgentFactory {
  return {
    name: "scripted",
    create: (): Agent => {
      let index = 0;
      return {
        name: "scripted",
        act: (): AgentResponse => {
          const calls = turns[index++] ?? [];
          return {
            text: null,
            toolCalls: calls.map((call, i) => ({
              id: call.id ?? `q${index}-${i}`,
              name: call.name,
              arguments: call.arguments ?? "{}",
            })),
          };
        },
      };
    },
  };
}

describe("runEpisode with reference agents", () => {
  it.each(CONDITION_PRESETS.map((preset) => preset.name))(
    "oracle finishes, beats sequential under %s",
    async (name) => {
      const scenario = counterScenario();
      const oracle = await runEpisode({
        scenario,
        condition: condition(name),
        agent: oracleFactory,
        catalog: counterCatalog,
      });
      const sequential = await runEpisode({
        scenario,
        condition: condition(name),
        agent: sequentialFactory,
        catalog: counterCatalog,
      });
      expect(oracle.summary.reason).toBe("completed");
      expect(sequential.summary.reason).toBe("completed");
      expect(oracle.summary.makespan).toBeLessThan(sequential.summary.makespan);
    },
  );

  it("applies the oracle's effects and records the final world", async () => {
    const result = await runEpisode({
      scenario: counterScenario(),
      condition: condition("async-round"),
      agent: oracleFactory,
      catalog: counterCatalog,
    });
    const end = eventsOf(result.trace, "episode-end")[0];
    expect(end?.finalWorld).toEqual({ counter: { counters: { a: 3, b: 13, c: 5 } } });
    const answers = eventsOf(result.trace, "answer-submit").map((event) => [event.taskId, event.answer]);
    expect(Object.fromEntries(answers)).toEqual({ T1: 3, T2: 13, T3: "" });
  });

  it("under async-round every call completes two ticks after issue (turn cost + one round)", async () => {
    const result = await runEpisode({
      scenario: counterScenario(),
      condition: condition("async-round"),
      agent: oracleFactory,
      catalog: counterCatalog,
    });
    for (const ack of eventsOf(result.trace, "tool-ack")) expect(ack.completesAt - ack.t).toBe(2);
  });

  it("sync blocks the turn until the slowest call and puts results in tool messages", async () => {
    const result = await runEpisode({
      scenario: counterScenario(),
      condition: condition("sync"),
      agent: oracleFactory,
      catalog: counterCatalog,
    });
    const requests = eventsOf(result.trace, "model-request");
    const second = requests[1];
    expect(second?.messages.every((message) => message.role === "tool")).toBe(true);
    expect(second?.messages[0]?.role === "tool" && JSON.parse(second.messages[0].content).status).toBe("ok");
    const acks = eventsOf(result.trace, "tool-ack").filter((ack) => ack.t === 0);
    expect(second?.t).toBe(Math.max(...acks.map((ack) => ack.completesAt)));
    expect(eventsOf(result.trace, "wait")).toHaveLength(0);
  });
});

describe("bad input inside an episode is data", () => {
  const cases: Array<[string, { name: string; arguments?: string }, RegExp]> = [
    ["unknown tool", { name: "launch_rocket" }, /unknown tool "launch_rocket"/],
    ["unparseable arguments", { name: "counter_get", arguments: "{name:" }, /not valid JSON/],
    ["wrong type", { name: "counter_add", arguments: '{"name":"a","amount":"x"}' }, /amount: .*number/],
    ["missing argument", { name: "counter_add", arguments: '{"name":"a"}' }, /amount/],
    [
      "unknown argument",
      { name: "counter_get", arguments: '{"name":"a","extra":1}' },
      /unknown argument\(s\) extra/,
    ],
    [
      "unknown task id",
      { name: "submit_answer", arguments: '{"task_id":"T9","answer":1}' },
      /unknown task_id "T9"/,
    ],
    ["wait with nothing pending", { name: "wait" }, /nothing is pending/],
  ];
  it.each(cases)(
    "%s: error message to the agent, recorded, episode continues",
    async (_label, call, pattern) => {
      const result = await runEpisode({
        scenario: counterScenario(),
        condition: condition("async-realistic"),
        agent: scripted([[{ ...call, id: "bad" }], [{ name: "counter_get", arguments: '{"name":"a"}' }]]),
        catalog: counterCatalog,
      });
      const bad = eventsOf(result.trace, "tool-call").find((event) => event.requestId === "bad");
      expect(bad?.status).toBe("invalid");
      expect(bad?.error).toMatch(pattern);
      expect(eventsOf(result.trace, "tool-ack").filter((ack) => ack.requestId === "bad")).toHaveLength(0);
      const toolMessage = eventsOf(result.trace, "model-request")[1]?.messages.find(
        (message) => message.role === "tool" && message.toolCallId === "bad",
      );
      expect(toolMessage && toolMessage.role === "tool" && JSON.parse(toolMessage.content)).toMatchObject({
        status: "error",
        error: expect.stringMatching(pattern),
      });
      expect(eventsOf(result.trace, "tool-ack")).toHaveLength(1);
    },
  );

  it("a second submission for the same task is rejected", async () => {
    const submit = { name: "submit_answer", arguments: '{"task_id":"T1","answer":"x"}' };
    const result = await runEpisode({
      scenario: counterScenario(),
      condition: condition("async-zero"),
      agent: scripted([[submit], [{ ...submit, id: "again" }]]),
      catalog: counterCatalog,
    });
    expect(eventsOf(result.trace, "answer-submit")).toHaveLength(1);
    expect(eventsOf(result.trace, "tool-call").find((event) => event.requestId === "again")?.error).toMatch(
      /already submitted/,
    );
  });

  it("silence with nothing pending gets reminders, then the episode ends", async () => {
    const result = await runEpisode({
      scenario: counterScenario(),
      condition: condition("async-realistic"),
      agent: scripted([]),
      catalog: counterCatalog,
    });
    expect(eventsOf(result.trace, "reminder").map((event) => event.count)).toEqual([1, 2]);
    expect(eventsOf(result.trace, "reminder")[0]?.openTasks).toEqual(["T1", "T2", "T3"]);
    expect(result.summary.reason).toBe("unresponsive");
    expect(result.summary.turns).toBe(3);
  });

  it("silence while calls are pending counts as a wait", async () => {
    const result = await runEpisode({
      scenario: counterScenario(),
      condition: condition("async-realistic"),
      agent: scripted([[{ name: "slow_double", arguments: '{"x":1}' }], []]),
      catalog: counterCatalog,
    });
    const wait = eventsOf(result.trace, "wait")[0];
    expect(wait?.implicit).toBe(true);
    const complete = eventsOf(result.trace, "tool-complete")[0];
    expect(wait?.until).toBe(complete?.t);
    expect(eventsOf(result.trace, "notification")[0]?.t).toBe(complete?.t);
  });

  it("stops at the turn budget", async () => {
    const looping: AgentFactory = {
      name: "looper",
      create: () => ({
        name: "looper",
        act: (observation: Observation) => ({
          text: null,
          toolCalls: [{ id: `x${observation.turn}`, name: "counter_get", arguments: '{"name":"a"}' }],
        }),
      }),
    };
    const result = await runEpisode({
      scenario: counterScenario(),
      condition: { ...condition("async-zero"), budgets: { maxTurns: 5, maxReminders: 2 } },
      agent: looping,
      catalog: counterCatalog,
    });
    expect(result.summary.reason).toBe("max-turns");
    expect(result.summary.turns).toBe(5);
  });
});

import { describe, expect, it } from "vitest";
import type { Agent, AgentFactory, Observation } from "../agents/agent.ts";
import { referenceAgent } from "../agents/reference/index.ts";
import type { AgentResponse } from "../core/messages.ts";
import { CONDITION_PRESETS } from "../core/presets.ts";
import { runEpisode } from "../env/episode.ts";
import { counterCatalog } from "../env/testing/counter-domain.ts";
import { counterScenario } from "../env/testing/counter-scenarios.ts";
import { FAULT_ID_PREFIX, POLICIES, replayPolicy, ScenarioIndex } from "./policy-replay.ts";
import { readTranscript, TranscriptError } from "./transcript.ts";

/** Wraps a reference agent and records what it saw and answered, turn by turn. */
function recording(name: string) {
  const log: Array<{ observation: Observation; response: AgentResponse }> = [];
  const inner = referenceAgent(name, counterCatalog);
  const factory: AgentFactory = {
    name,
    create: (context) => {
      const agent = inner.create(context);
      return {
        name,
        act: async (observation): Promise<AgentResponse> => {
          const response = await agent.act(observation);
          log.push({ observation, response });
          return response;
        },
      } satisfies Agent;
    },
  };
  return { factory, log };
}

const scenario = counterScenario();
const index = new ScenarioIndex([scenario]);
const cases = POLICIES.flatMap((policy) =>
  CONDITION_PRESETS.map((condition) => [policy, condition] as const),
);

describe("replaying a reference agent from the transcript alone", () => {
  it.each(cases)(
    "%s under %s: feedback and every response are reconstructed exactly",
    async (policy, condition) => {
      const { factory, log } = recording(policy);
      await runEpisode({ scenario, condition, agent: factory, catalog: counterCatalog });
      expect(log.length).toBeGreaterThan(1);
      for (const [turn, { observation, response }] of log.entries()) {
        const transcript = readTranscript(observation.messages);
        expect(transcript.turns).toHaveLength(turn + 1);
        expect(transcript.turns[turn]?.feedback).toEqual(observation.feedback);
        const replayed = await replayPolicy({
          policy,
          scenarios: index,
          catalog: counterCatalog,
          messages: observation.messages,
          tools: [],
        });
        expect(replayed.turn).toBe(turn);
        expect(replayed.response).toEqual(response);
      }
    },
  );
});

describe("replay errors and fault turns", () => {
  const condition = CONDITION_PRESETS.find((preset) => preset.name === "async-round");
  if (!condition) throw new Error("preset async-round missing");

  async function transcriptAfter(turns: number) {
    const { factory, log } = recording("oracle");
    await runEpisode({ scenario, condition: condition as never, agent: factory, catalog: counterCatalog });
    const entry = log[turns];
    if (!entry) throw new Error(`no turn ${turns}`);
    return entry.observation.messages;
  }

  it("a conversation another policy made is rejected with the turn named", async () => {
    const messages = await transcriptAfter(2);
    const run = replayPolicy({
      policy: "sequential",
      scenarios: index,
      catalog: counterCatalog,
      messages,
      tools: [],
    });
    await expect(run).rejects.toThrow(TranscriptError);
    await expect(run).rejects.toThrow(/turn 0: the conversation is not the sequential policy's/);
  });

  it("an unknown task list and an unknown scenario id are errors", async () => {
    const messages = await transcriptAfter(0);
    const other = new ScenarioIndex([counterScenario({ id: "x", tasks: [scenario.tasks[2] as never] })]);
    await expect(
      replayPolicy({ policy: "oracle", scenarios: other, catalog: counterCatalog, messages, tools: [] }),
    ).rejects.toThrow(/matches no loaded scenario/);
    await expect(
      replayPolicy({
        policy: "oracle",
        scenarios: index,
        catalog: counterCatalog,
        messages,
        tools: [],
        scenarioId: "nope",
      }),
    ).rejects.toThrow(/unknown scenario id/);
  });

  it("scenarios with the same task list but different worlds need the scenario header", async () => {
    const messages = await transcriptAfter(0);
    const twin = counterScenario({ id: "twin", initialWorld: { counter: { counters: { a: 2, b: 10 } } } });
    const both = new ScenarioIndex([scenario, twin]);
    await expect(
      replayPolicy({ policy: "oracle", scenarios: both, catalog: counterCatalog, messages, tools: [] }),
    ).rejects.toThrow(/several scenarios \(counter-three, twin\)/);
    const picked = await replayPolicy({
      policy: "oracle",
      scenarios: both,
      catalog: counterCatalog,
      messages,
      tools: [],
      scenarioId: "twin",
    });
    expect(picked.scenario.id).toBe("twin");
  });

  it("a turn answered by an injected fault is skipped; what followed it reaches the agent later", async () => {
    const messages = await transcriptAfter(1);
    const clean = await replayPolicy({
      policy: "oracle",
      scenarios: index,
      catalog: counterCatalog,
      messages,
      tools: [],
    });
    const fault = `${FAULT_ID_PREFIX}1_1`;
    const withFault = [
      ...messages,
      {
        role: "assistant" as const,
        content: null,
        toolCalls: [{ id: fault, name: "no_such_tool", arguments: "{}" }],
      },
      {
        role: "tool" as const,
        toolCallId: fault,
        name: "no_such_tool",
        content: '{"status":"error","error":"unknown tool"}',
      },
    ];
    const retried = await replayPolicy({
      policy: "oracle",
      scenarios: index,
      catalog: counterCatalog,
      messages: withFault,
      tools: [],
    });
    expect(retried.turn).toBe(clean.turn + 1);
    expect(retried.response).toEqual(clean.response);
  });
});

import type { AgentFactory } from "../../agents/agent.ts";
import type { Condition } from "../../core/condition.ts";
import { findPreset } from "../../core/presets.ts";
import type { TraceEvent } from "../../core/trace.ts";
import { Scenario } from "../../dataset/schema.ts";
import { runEpisode } from "../../env/episode.ts";
import { counterCatalog } from "../../env/testing/counter-domain.ts";
import type { ToolCatalog } from "../../tools/catalog.ts";
import { gradeEpisode } from "../grade.ts";
import type { EpisodeScore } from "../score-schema.ts";

/** One call of a hand-written script: a tool and its arguments, or raw argument text. */
export interface ScriptedCall {
  name: string;
  args?: Record<string, unknown>;
  raw?: string;
}

/** An agent that plays a fixed list of turns (hand-made traces for the failure rules), then stays silent. */
export function scriptedFactory(
  turns: ReadonlyArray<readonly ScriptedCall[]>,
  name = "scripted",
): AgentFactory {
  return {
    name,
    create: () => {
      let turn = 0;
      return {
        name,
        act: () => {
          const calls = turns[turn] ?? [];
          turn += 1;
          return {
            text: null,
            toolCalls: calls.map((call, index) => ({
              id: `q${turn}-${index}`,
              name: call.name,
              arguments: call.raw ?? JSON.stringify(call.args ?? {}),
            })),
          };
        },
      };
    },
  };
}

export function preset(name: string): Condition {
  const condition = findPreset(name);
  if (!condition) throw new Error(`no preset ${name}`);
  return condition;
}

/** Run a script on a scenario and grade the trace. */
export async function runScript(
  scenario: Scenario,
  condition: Condition,
  turns: ReadonlyArray<readonly ScriptedCall[]>,
  catalog: ToolCatalog = counterCatalog,
): Promise<{ trace: TraceEvent[]; score: EpisodeScore }> {
  const { trace } = await runEpisode({ scenario, condition, agent: scriptedFactory(turns), catalog });
  return { trace, score: await gradeEpisode({ scenario, condition, trace, catalog }) };
}

/** Two one-step counter tasks with values no other task shares (for tool-confusion tests). */
export function twoAddsScenario(): Scenario {
  return Scenario.parse({
    id: "counter-two-adds",
    seed: 11,
    composition: "same-domain",
    split: "test",
    initialWorld: { counter: { counters: { x: 100, y: 200 } } },
    tasks: [
      {
        id: "T1",
        domain: "counter",
        instruction: "Add 7 to counter x.",
        plan: [{ id: "s1", tool: "counter_add", args: { name: "x", amount: 7 } }],
        answer: { $ref: "s1.result.value" },
        answerMatch: "number",
        resources: ["counter:x"],
        tags: ["single"],
      },
      {
        id: "T2",
        domain: "counter",
        instruction: "Add 11 to counter y.",
        plan: [{ id: "s1", tool: "counter_add", args: { name: "y", amount: 11 } }],
        answer: { $ref: "s1.result.value" },
        answerMatch: "number",
        resources: ["counter:y"],
        tags: ["single"],
      },
    ],
  });
}

export const add = (name: string, amount: number): ScriptedCall => ({
  name: "counter_add",
  args: { name, amount },
});
export const get = (name: string): ScriptedCall => ({ name: "counter_get", args: { name } });
export const double = (x: number): ScriptedCall => ({ name: "slow_double", args: { x } });
export const submit = (taskId: string, answer: unknown): ScriptedCall => ({
  name: "submit_answer",
  args: { task_id: taskId, answer },
});
export const wait: ScriptedCall = { name: "wait" };

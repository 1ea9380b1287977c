import type { AgentFactory } from "../../agents/agent.ts";
import { referenceAgent } from "../../agents/reference/index.ts";
import { OracleAgent } from "../../agents/reference/oracle.ts";
import type { Condition } from "../../core/condition.ts";
import { findPreset } from "../../core/presets.ts";
import { loadSplit } from "../../dataset/loader.ts";
import type { Scenario } from "../../dataset/schema.ts";
import { runEpisode } from "../../env/episode.ts";
import { gradeEpisode } from "../../grading/grade.ts";
import { createGrader } from "../../runner/grading-bridge.ts";
import { RunConfig, scenariosHash } from "../../runner/plan.ts";
import { createProgress } from "../../runner/progress.ts";
import { runSession } from "../../runner/session.ts";
import type { ReportEpisode, ReportInput } from "../report-episode.ts";

/**
 * Test fixtures: real episodes of the reference agents on the examples split, run and graded
 * through the same code as `asynctool run` (runEpisode + gradeEpisode, or the runner and its
 * store), plus a hostile agent whose text, tool arguments, tool name and answer carry markup.
 */
export function condition(name: string): Condition {
  const preset = findPreset(name);
  if (!preset) throw new Error(`no condition preset ${name}`);
  return preset;
}

export async function episodeOf(
  scenario: Scenario,
  conditionName: string,
  agent: AgentFactory,
  trial = 0,
): Promise<ReportEpisode> {
  const conditionData = condition(conditionName);
  const { trace } = await runEpisode({ scenario, condition: conditionData, agent, trial });
  const score = await gradeEpisode({ scenario, condition: conditionData, trace });
  return {
    scenario: scenario.id,
    agent: agent.name,
    condition: conditionName,
    trial,
    score,
    trace,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
  };
}

/** Every listed agent × condition × scenario of the examples split, graded. */
export async function referenceInput(
  options: {
    agents?: readonly string[];
    conditions?: readonly string[];
    scenarios?: readonly Scenario[];
  } = {},
): Promise<ReportInput> {
  const scenarios = [...(options.scenarios ?? loadSplit("examples"))];
  const conditionNames = options.conditions ?? ["sync", "async-realistic"];
  const episodes: ReportEpisode[] = [];
  for (const name of options.agents ?? ["oracle", "sequential", "eager", "forgetful"])
    for (const conditionName of conditionNames)
      for (const scenario of scenarios)
        episodes.push(await episodeOf(scenario, conditionName, referenceAgent(name)));
  return {
    sources: ["fixture"],
    episodes,
    scenarios,
    conditions: conditionNames.map(condition),
    warnings: [],
  };
}

/** A stored run of reference agents made by the runner (graded unless `graded: false`). */
export async function storedRun(
  dir: string,
  options: {
    agents?: readonly string[];
    conditions?: readonly string[];
    limit?: number;
    graded?: boolean;
  } = {},
): Promise<string> {
  const scenarios = loadSplit("examples").slice(0, options.limit);
  const config = RunConfig.parse({
    configVersion: 1,
    agents: (options.agents ?? ["oracle", "sequential", "eager", "forgetful"]).map((name) => ({
      kind: "reference",
      name,
    })),
    split: "examples",
    scenarioIds: scenarios.map((scenario) => scenario.id),
    scenariosHash: scenariosHash(scenarios),
    conditions: (options.conditions ?? ["sync", "async-realistic"]).map(condition),
    trials: 1,
    createdAt: "2025-01-01T00:00:00.000Z",
  });
  const result = await runSession({
    config,
    scenarios,
    out: dir,
    grade: options.graded === false ? null : createGrader(),
    progress: createProgress(process.stderr, { quiet: true }),
  });
  if (result.storeDir === null) throw new Error("the fixture run stored nothing");
  return result.storeDir;
}

/** Markup that must show up as text in the report and never run. */
export const HOSTILE = {
  agent: `evil<img src=x onerror="window.__pwned='agent'">`,
  text: `</script><script>window.__pwned='text'</script>`,
  argument: `<script>window.__pwned='argument'</script><img src=x onerror="window.__pwned='argument-img'">`,
  tool: `<img src=x onerror="window.__pwned='tool'">`,
  answer: `<img src=x onerror="window.__pwned='answer'"><script>window.__pwned='answer-script'</script>`,
};

/**
 * The oracle, except that its first turn also says hostile text, calls the first task's first
 * tool with a hostile string argument and calls a tool whose name is markup, and that it
 * answers the first task with markup (a wrong answer).
 */
export function hostileAgent(): AgentFactory {
  return {
    name: HOSTILE.agent,
    create: ({ scenario }) => {
      const oracle = new OracleAgent(scenario.tasks, { name: HOSTILE.agent });
      const firstTask = scenario.tasks[0];
      return {
        name: HOSTILE.agent,
        act(observation) {
          const response = oracle.act(observation);
          const calls = response.toolCalls.map((call) => {
            if (call.name !== "submit_answer" || !firstTask) return call;
            const args = JSON.parse(call.arguments) as { task_id: string };
            return args.task_id === firstTask.id
              ? { ...call, arguments: JSON.stringify({ task_id: firstTask.id, answer: HOSTILE.answer }) }
              : call;
          });
          if (observation.turn !== 0) return { ...response, toolCalls: calls };
          const tool = firstTask?.plan[0]?.tool ?? "wait";
          return {
            text: HOSTILE.text,
            toolCalls: [
              ...calls,
              { id: "x1", name: tool, arguments: JSON.stringify({ payload: HOSTILE.argument }) },
              { id: "x2", name: HOSTILE.tool, arguments: JSON.stringify({ value: HOSTILE.argument }) },
            ],
          };
        },
      };
    },
  };
}

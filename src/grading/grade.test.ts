import { describe, expect, it } from "vitest";
import type { AgentFactory } from "../agents/agent.ts";
import { eagerFactory } from "../agents/reference/eager.ts";
import { forgetfulFactory, oracleFactory } from "../agents/reference/oracle.ts";
import { sequentialFactory } from "../agents/reference/sequential.ts";
import { BadInputError, InfraError } from "../core/errors.ts";
import { CONDITION_PRESETS } from "../core/presets.ts";
import { Trace } from "../core/trace.ts";
import { stepPredecessors } from "../dataset/refs.ts";
import { Scenario } from "../dataset/schema.ts";
import { runEpisode } from "../env/episode.ts";
import { counterCatalog } from "../env/testing/counter-domain.ts";
import { counterScenario } from "../env/testing/counter-scenarios.ts";
import { FAILURE_KINDS } from "./failure-types.ts";
import { gradeEpisode, gradeTrace } from "./grade.ts";
import { EpisodeScore } from "./score-schema.ts";
import { summarize } from "./summarize.ts";
import { get, preset, scriptedFactory } from "./testing/scripted.ts";
import { gradingSuites } from "./testing/suites.ts";

// At least the counter scenario and four examples: a suite that shrank to nothing would prove nothing.
const suites = gradingSuites();
const cases = suites.flatMap(({ scenario, catalog }) =>
  CONDITION_PRESETS.map((condition) => ({
    id: `${scenario.id} × ${condition.name}`,
    scenario,
    catalog,
    condition,
  })),
);
const noFailures = Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, 0]));

async function graded(testCase: (typeof cases)[number], agent: AgentFactory): Promise<EpisodeScore> {
  const { scenario, condition, catalog } = testCase;
  const { trace } = await runEpisode({ scenario, condition, agent, catalog });
  return EpisodeScore.parse(await gradeEpisode({ scenario, condition, trace, catalog }));
}

describe("reference agents on every scenario under every condition", () => {
  it("run on the counter scenario and at least four shipped examples", () => {
    expect(suites.length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases)("oracle: Overall 1, AE 1, no failure ($id)", async (testCase) => {
    const score = await graded(testCase, oracleFactory);
    expect(score).toMatchObject({
      success: true,
      subtaskSuccess: 1,
      collateralDamage: false,
      failures: noFailures,
    });
    expect(score.steps).toMatchObject({ precision: 1, recall: 1, f1: 1, nameF1: 1, argumentAccuracy: 1 });
    const { tAgent, tOpt, tSeq, asyncEfficiency, speedup } = score.efficiency;
    expect(tAgent).toBe(tOpt);
    expect(tSeq).toBeGreaterThan(tOpt as number);
    expect(asyncEfficiency).toBe(1);
    expect(speedup).toBe((tSeq as number) / tAgent);
  });

  it.each(cases)("sequential: Overall 1, AE 0 ($id)", async (testCase) => {
    const score = await graded(testCase, sequentialFactory);
    expect(score).toMatchObject({ success: true, subtaskSuccess: 1, failures: noFailures });
    expect(score.efficiency.asyncEfficiency).toBe(0);
    expect(score.efficiency.speedup).toBe(1);
    expect(score.efficiency.overlap).toBe(0);
    expect(score.efficiency.switches).toBe(testCase.scenario.tasks.length - 1);
  });

  it.each(cases)(
    "eager: a dependency violation wherever a step has a predecessor ($id)",
    async (testCase) => {
      const score = await graded(testCase, eagerFactory(testCase.catalog));
      const dependent = testCase.scenario.tasks.flatMap((task) =>
        task.plan.filter((step) => stepPredecessors(step).length > 0),
      ).length;
      // A faulted call is re-issued later, possibly after its inputs arrived: the retry is what matches.
      if (testCase.condition.faults)
        expect(score.failures.dependencyViolation).toBeLessThanOrEqual(dependent);
      else expect(score.failures.dependencyViolation).toBe(dependent);
      if (dependent > 0) {
        expect(score.failures.dependencyViolation).toBeGreaterThan(0);
        expect(score.success).toBe(false);
        expect(score.efficiency.asyncEfficiency).toBeNull();
      }
    },
  );

  it.each(cases)("forgetful: task neglect ($id)", async (testCase) => {
    const score = await graded(testCase, forgetfulFactory);
    const last = testCase.scenario.tasks[testCase.scenario.tasks.length - 1];
    expect(score.failures.taskNeglect).toBe(1);
    expect(score.failureDetails).toContainEqual(
      expect.objectContaining({ kind: "taskNeglect", taskId: last?.id }),
    );
    expect(score.subtasks.find((subtask) => subtask.taskId === last?.id)).toMatchObject({
      started: false,
      submitted: false,
      success: false,
    });
    expect(score.success).toBe(false);
  });
});

describe("re-grading", () => {
  it("a saved trace (JSON round trip, fresh scenario object) scores exactly as it did live", async () => {
    for (const { scenario, catalog } of suites) {
      for (const condition of [preset("async-realistic"), preset("sync")]) {
        for (const agent of [oracleFactory, eagerFactory(catalog), forgetfulFactory]) {
          const { trace } = await runEpisode({ scenario, condition, agent, catalog, trial: 1, runSeed: 5 });
          const live = await gradeEpisode({ scenario, condition, trace, catalog });
          const saved = JSON.parse(JSON.stringify({ scenario, condition, trace }));
          const again = await gradeEpisode({
            scenario: Scenario.parse(saved.scenario),
            condition: saved.condition,
            trace: Trace.parse(saved.trace),
            catalog,
          });
          expect(again).toEqual(live);
          expect(JSON.stringify(gradeTrace({ scenario, condition, trace, catalog, references: null }))).toBe(
            JSON.stringify(gradeTrace({ scenario, condition, trace, catalog, references: null })),
          );
        }
      }
    }
  });

  it("reference runs reproduce the graded episode's seed and trial", async () => {
    const scenario = counterScenario();
    const condition = preset("async-faults");
    const seeds = new Set<string>();
    for (const runSeed of [1, 2, 3]) {
      const { trace } = await runEpisode({
        scenario,
        condition,
        agent: oracleFactory,
        catalog: counterCatalog,
        runSeed,
      });
      const score = await gradeEpisode({ scenario, condition, trace, catalog: counterCatalog });
      expect(score.efficiency.tAgent).toBe(score.efficiency.tOpt);
      seeds.add(`${score.efficiency.tOpt}/${score.efficiency.tSeq}`);
    }
    expect(seeds.size).toBeGreaterThan(1);
  });

  it("refuses a trace paired with the wrong scenario or condition", async () => {
    const scenario = counterScenario();
    const { trace } = await runEpisode({
      scenario,
      condition: preset("sync"),
      agent: oracleFactory,
      catalog: counterCatalog,
    });
    const grade = (condition = preset("sync"), other = scenario) =>
      gradeEpisode({ scenario: other, condition, trace, catalog: counterCatalog });
    await expect(grade(preset("async-zero"))).rejects.toThrow(BadInputError);
    await expect(grade(preset("sync"), counterScenario({ id: "other" }))).rejects.toThrow(
      /scenario counter-three/,
    );
  });

  it("costs tokens only when a price is given", async () => {
    const scenario = counterScenario();
    const condition = preset("async-zero");
    const { trace } = await runEpisode({
      scenario,
      condition,
      agent: oracleFactory,
      catalog: counterCatalog,
    });
    const withUsage = trace.map((event) =>
      event.type === "model-response" ? { ...event, usage: { inputTokens: 100, outputTokens: 10 } } : event,
    );
    const turns = withUsage.filter((event) => event.type === "model-response").length;
    const price = { inputPerToken: 0.001, outputPerToken: 0.01 };
    const priced = gradeTrace({
      scenario,
      condition,
      trace: withUsage,
      catalog: counterCatalog,
      references: null,
      price,
    });
    expect(priced.efficiency).toMatchObject({ inputTokens: 100 * turns, outputTokens: 10 * turns });
    expect(priced.efficiency.cost).toBeCloseTo(turns * (0.1 + 0.1));
    const unpriced = gradeTrace({
      scenario,
      condition,
      trace: withUsage,
      catalog: counterCatalog,
      references: null,
    });
    expect(unpriced.efficiency.cost).toBeNull();
    const silent = gradeTrace({
      scenario,
      condition,
      trace,
      catalog: counterCatalog,
      references: null,
      price,
    });
    expect(silent.efficiency).toMatchObject({ inputTokens: null, cost: null });
  });

  it("keeps an infra-error episode apart: not a success, left out of the summary", async () => {
    const scenario = counterScenario();
    const condition = preset("async-round");
    const script = scriptedFactory([[get("a")]]);
    const failing = {
      name: "flaky",
      create: (context: Parameters<typeof script.create>[0]) => {
        const inner = script.create(context);
        let turn = 0;
        return {
          name: "flaky",
          act: (observation: Parameters<typeof inner.act>[0]) => {
            turn += 1;
            if (turn > 1) throw new InfraError("provider down");
            return inner.act(observation);
          },
        };
      },
    };
    const { trace } = await runEpisode({ scenario, condition, agent: failing, catalog: counterCatalog });
    const score = await gradeEpisode({ scenario, condition, trace, catalog: counterCatalog });
    expect(score).toMatchObject({ infraError: true, success: false, reason: "infra-error" });
    expect(summarize([score])).toEqual([
      expect.objectContaining({ agent: "flaky", episodes: 0, overall: null }),
    ]);
  });
});

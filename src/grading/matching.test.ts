import { describe, expect, it } from "vitest";
import { oracleFactory } from "../agents/reference/oracle.ts";
import { Scenario } from "../dataset/schema.ts";
import { runEpisode } from "../env/episode.ts";
import { counterCatalog } from "../env/testing/counter-domain.ts";
import { counterScenario } from "../env/testing/counter-scenarios.ts";
import { attributeCalls } from "./attribution.ts";
import { matchCalls } from "./matching.ts";
import { scenarioGold } from "./scenario-gold.ts";
import { stepMetrics } from "./step-metrics.ts";
import {
  add,
  double,
  get,
  preset,
  type ScriptedCall,
  scriptedFactory,
  submit,
  twoAddsScenario,
  wait,
} from "./testing/scripted.ts";
import { readTrace } from "./trace-view.ts";

async function matched(scenario: Scenario, turns: ScriptedCall[][], conditionName = "async-round") {
  const { trace } = await runEpisode({
    scenario,
    condition: preset(conditionName),
    agent: scriptedFactory(turns),
    catalog: counterCatalog,
  });
  const gold = scenarioGold(scenario, counterCatalog);
  const view = readTrace(trace);
  const matching = matchCalls(gold, view);
  return { gold, view, matching, attribution: attributeCalls(gold, view, matching) };
}

/** Two tasks that share an identical first step. */
const sharedStep = Scenario.parse({
  id: "counter-shared",
  seed: 3,
  composition: "same-domain",
  split: "test",
  initialWorld: {},
  tasks: ["p", "q"].map((name, index) => ({
    id: `T${index + 1}`,
    domain: "counter",
    instruction: `Double 3 and add the result to counter ${name}.`,
    plan: [
      { id: "s1", tool: "slow_double", args: { x: 3 } },
      { id: "s2", tool: "counter_add", args: { name, amount: { $ref: "s1.result.value" } } },
    ],
    answer: null,
    resources: [`counter:${name}`],
  })),
});

describe("matchCalls", () => {
  it("accepts any order of independent calls, within and across turns", async () => {
    const { matching } = await matched(counterScenario(), [
      [add("c", 5), double(4), double(3), get("a")],
      [wait],
      [add("b", 3), double(1)],
      [wait],
      [add("a", 2)],
    ]);
    expect([...matching.steps.values()].every((match) => match.call && !match.violation)).toBe(true);
  });

  it("gives identical steps of two tasks one call each, in scenario order", async () => {
    const once = await matched(sharedStep, [[double(3)], [wait], [add("p", 6), add("q", 6)]]);
    expect(once.matching.steps.get("T1.s1")?.call).toBeDefined();
    expect(once.matching.steps.get("T2.s1")?.call).toBeUndefined();
    // T2's add still saw a delivered double(3): its input was delivered, so no violation.
    expect(once.matching.steps.get("T2.s2")?.violation).toBe(false);
    const twice = await matched(sharedStep, [[double(3), double(3)], [wait], [add("p", 6), add("q", 6)]]);
    expect([...twice.matching.steps.values()].every((match) => match.call)).toBe(true);
  });

  it("judges dependencies on delivery: a result that completed but was not yet delivered does not count", async () => {
    // async-round: get(a) at t=0 completes and is delivered at t=2; double(1) at t=1 is too early.
    const early = await matched(counterScenario(), [[get("a")], [double(1)]]);
    expect(early.matching.steps.get("T1.s2")).toMatchObject({ violation: true, missingInputs: ["T1.s1"] });
    const onTime = await matched(counterScenario(), [[get("a")], [wait], [double(1)]]);
    expect(onTime.matching.steps.get("T1.s2")).toMatchObject({ violation: false, missingInputs: [] });
    // Under sync the result comes back with the turn, so the next turn may use it.
    const sync = await matched(counterScenario(), [[get("a")], [double(1)]], "sync");
    expect(sync.matching.steps.get("T1.s2")?.violation).toBe(false);
  });

  it("accepts declared alternative arguments", async () => {
    const scenario = counterScenario();
    const task = scenario.tasks[2];
    if (task?.plan[0])
      task.plan[0].alternatives = [
        { name: "c", amount: 2.5 * 2 },
        { name: "C", amount: 5 },
      ];
    const { matching } = await matched(scenario, [[add("C", 5)]]);
    expect(matching.steps.get("T3.s1")?.call?.args).toEqual({ name: "C", amount: 5 });
  });

  it("never matches a call that ended in a fault; the retry takes the step", async () => {
    const scenario = counterScenario();
    for (let runSeed = 0; runSeed < 40; runSeed++) {
      const { trace } = await runEpisode({
        scenario,
        condition: preset("async-faults"),
        agent: oracleFactory,
        catalog: counterCatalog,
        runSeed,
      });
      const gold = scenarioGold(scenario, counterCatalog);
      const view = readTrace(trace);
      const faulted = view.calls.filter((call) => call.completion?.fault);
      if (faulted.length === 0) continue;
      const matching = matchCalls(gold, view);
      for (const call of faulted) expect(matching.stepOfCall.has(call.index)).toBe(false);
      expect(matching.stepOfCall.size).toBe(gold.steps.length);
      expect(stepMetrics(gold, view, matching)).toMatchObject({ precision: 1, recall: 1 });
      return;
    }
    throw new Error("no faulted call in 40 seeds: the test cannot check anything");
  });
});

describe("attribution and step metrics", () => {
  it("attributes swapped calls by argument agreement, then by the resources they touch", async () => {
    const { attribution, view } = await matched(twoAddsScenario(), [[add("x", 11), add("y", 7)]]);
    expect(view.calls.map((call) => attribution.taskOfCall.get(call.index))).toEqual(["T1", "T2"]);
    expect(attribution.nearest.get(0)).toMatchObject({ differingKeys: ["amount"] });
  });

  it("counts precision, recall, name F1 and argument accuracy", async () => {
    const { gold, view, matching } = await matched(counterScenario(), [
      [get("a"), double(3), double(4), add("c", 6), { name: "counter_add", args: { name: "a" } }],
      [wait],
      [double(1), add("b", 3), submit("T3", "")],
      [wait],
      [add("a", 2)],
    ]);
    // 8 calls (one invalid), 6 match; names: the invalid add has no gold partner left.
    expect(stepMetrics(gold, view, matching)).toEqual({
      goldSteps: 7,
      agentCalls: 8,
      matched: 6,
      precision: 6 / 8,
      recall: 6 / 7,
      f1: (2 * (6 / 8) * (6 / 7)) / (6 / 8 + 6 / 7),
      nameMatched: 7,
      nameF1: (2 * (7 / 8) * 1) / (7 / 8 + 1),
      // Matched pairs: 8 argument values right; add(c, 6) vs add(c, 5): 1 of 2.
      argumentAccuracy: 9 / 10,
    });
  });
});

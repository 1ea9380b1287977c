import { describe, expect, it } from "vitest";
import type { AgentFactory } from "../agents/agent.ts";
import { Condition } from "../core/condition.ts";
import { runEpisode } from "../env/episode.ts";
import { counterCatalog } from "../env/testing/counter-domain.ts";
import { counterScenario } from "../env/testing/counter-scenarios.ts";
import { FAILURE_KINDS, type FailureKind } from "./failure-types.ts";
import { gradeEpisode } from "./grade.ts";
import {
  add,
  double,
  get,
  preset,
  runScript,
  type ScriptedCall,
  submit,
  twoAddsScenario,
  wait,
} from "./testing/scripted.ts";

/*
 * Hand-made traces on the counter scenario under async-round (every call completes two ticks after
 * issue and is delivered at the start of that turn). Gold: T1 get(a)=1 → double(1)=2 → add(a,2)=3;
 * T2 double(3), double(4) → add(b,3)=13; T3 add(c,5), no answer.
 */
const valid: ScriptedCall[][] = [
  [get("a"), double(3), double(4), add("c", 5)],
  [wait],
  [double(1), add("b", 3), submit("T3", "")],
  [wait],
  [add("a", 2), submit("T2", 13)],
  [wait],
  [submit("T1", 3)],
];

const replace = (turn: number, calls: ScriptedCall[]) =>
  valid.map((old, index) => (index === turn ? calls : old));

interface Case {
  name: string;
  script: ScriptedCall[][];
  failures: Partial<Record<FailureKind, number>>;
  success: boolean;
  collateral?: boolean;
  scenario?: ReturnType<typeof counterScenario>;
  condition?: Condition;
}

const cases: Case[] = [
  { name: "a valid interleaving", script: valid, failures: {}, success: true },
  {
    name: "a submission before the needed result arrives",
    script: [...replace(4, [add("a", 2), submit("T2", 13), submit("T1", 3)]).slice(0, 5)],
    failures: { prematureAnswer: 1 },
    success: false,
  },
  {
    name: "a dependent call issued before its input was delivered",
    script: [
      [get("a"), double(3), double(4), add("c", 5)],
      [double(1)],
      [add("b", 3), submit("T3", "")],
      ...valid.slice(3),
    ],
    failures: { dependencyViolation: 1 },
    success: false,
  },
  {
    name: "a repeated side-effecting call",
    script: replace(2, [double(1), add("b", 3), add("c", 5), submit("T3", "")]),
    failures: { duplicateCall: 1 },
    success: false,
    collateral: true,
  },
  {
    name: "two tasks' arguments swapped",
    scenario: twoAddsScenario(),
    script: [[add("x", 11), add("y", 7)], [wait], [submit("T1", 111), submit("T2", 207)]],
    failures: { toolConfusion: 2, wrongAnswer: 2 },
    success: false,
    collateral: true,
  },
  {
    name: "an argument never given to the agent",
    script: replace(2, [double(1), double(42), add("b", 3), submit("T3", "")]),
    failures: { hallucinatedArgument: 1 },
    // An extra read harms nothing: it costs step precision, not success.
    success: true,
  },
  {
    name: "invalid and unparseable calls",
    script: [
      [wait],
      [
        { name: "counter_add", args: { name: "a" } },
        { name: "no_such_tool" },
        { name: "counter_get", raw: "{oops" },
      ],
      ...valid,
    ],
    failures: { invalidCall: 3, unparseableResponse: 1 },
    success: true,
  },
  {
    name: "a wrong answer",
    script: replace(4, [add("a", 2), submit("T2", 14)]),
    failures: { wrongAnswer: 1 },
    success: false,
  },
  {
    name: "a task never started",
    script: [
      [get("a"), double(3), double(4)],
      [wait],
      [double(1), add("b", 3)],
      [wait],
      [add("a", 2), submit("T2", 13)],
      [wait],
      [submit("T1", 3)],
    ],
    failures: { taskNeglect: 1 },
    success: false,
  },
  {
    name: "a turn budget that runs out",
    condition: Condition.parse({ ...preset("async-round"), budgets: { maxTurns: 3 } }),
    script: valid,
    failures: { budgetExhausted: 1, taskNeglect: 2 },
    success: false,
  },
];

describe("failure taxonomy on hand-made traces", () => {
  it.each(cases)("$name", async (testCase) => {
    const scenario = testCase.scenario ?? counterScenario();
    const condition = testCase.condition ?? preset("async-round");
    const { score } = await runScript(scenario, condition, testCase.script);
    const expected = Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, testCase.failures[kind] ?? 0]));
    expect(score.failures).toEqual(expected);
    expect(score.success).toBe(testCase.success);
    expect(score.collateralDamage).toBe(testCase.collateral ?? false);
    expect(score.failureDetails).toHaveLength(Object.values(expected).reduce((sum, count) => sum + count, 0));
  });

  it("points each failure at its task and call", async () => {
    const { score } = await runScript(counterScenario(), preset("async-round"), cases[3]?.script ?? []);
    expect(score.failureDetails).toEqual([
      expect.objectContaining({ kind: "duplicateCall", taskId: "T3", requestId: "q3-2" }),
    ]);
    const t3 = score.subtasks.find((subtask) => subtask.taskId === "T3");
    expect(t3).toMatchObject({ stateCorrect: false, stepsMatched: 1, success: false });
    expect(score.stateDifferences).toEqual(["/counter/counters/c"]);
  });

  it("a premature answer fails its sub-task even when the guess is right", async () => {
    const { score } = await runScript(counterScenario(), preset("async-round"), cases[1]?.script ?? []);
    const t1 = score.subtasks.find((subtask) => subtask.taskId === "T1");
    expect(t1).toMatchObject({ premature: true, answerCorrect: true, stepsMatched: 3, success: false });
    expect(score.subtaskSuccess).toBeCloseTo(2 / 3);
  });
});

describe("unparseable prompt-mode responses", () => {
  it("counts a model response whose tool-call blocks could not be parsed", async () => {
    const scenario = counterScenario();
    const condition = preset("async-round");
    const agent: AgentFactory = {
      name: "prompt-model",
      create: () => {
        let turn = 0;
        return {
          name: "prompt-model",
          act: () => {
            turn += 1;
            if (turn === 1)
              return { text: "<tool_call>{oops</tool_call>", toolCalls: [], unparseableCalls: 1 };
            return { text: null, toolCalls: [] };
          },
        };
      },
    };
    const { trace } = await runEpisode({ scenario, condition, agent, catalog: counterCatalog });
    expect(trace.find((event) => event.type === "model-response")).toMatchObject({ unparseableCalls: 1 });
    const score = await gradeEpisode({ scenario, condition, trace, catalog: counterCatalog });
    expect(score.failures.unparseableResponse).toBe(1);
  });
});

import { Scenario, type ScenarioInput } from "../../dataset/schema.ts";

/** Scenarios over the counter test domain: a chain, a fan-out/fan-in, and an independent single step. */
export function counterScenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  return Scenario.parse({
    id: "counter-three",
    seed: 7,
    composition: "same-domain",
    split: "test",
    initialWorld: { counter: { counters: { a: 1, b: 10 } } },
    tasks: [
      {
        id: "T1",
        domain: "counter",
        instruction: "Read counter a, double it slowly, then add the doubled value to a.",
        plan: [
          { id: "s1", tool: "counter_get", args: { name: "a" } },
          { id: "s2", tool: "slow_double", args: { x: { $ref: "s1.result.value" } } },
          { id: "s3", tool: "counter_add", args: { name: "a", amount: { $ref: "s2.result.value" } } },
        ],
        answer: { $ref: "s3.result.value" },
        answerMatch: "number",
        resources: ["counter:a"],
        tags: ["chain"],
      },
      {
        id: "T2",
        domain: "counter",
        instruction: "Double 3 and 4 slowly, then add 3 to counter b.",
        plan: [
          { id: "s1", tool: "slow_double", args: { x: 3 } },
          { id: "s2", tool: "slow_double", args: { x: 4 } },
          { id: "s3", tool: "counter_add", args: { name: "b", amount: 3 }, after: ["s1", "s2"] },
        ],
        answer: { $ref: "s3.result.value" },
        answerMatch: "number",
        resources: ["counter:b"],
        tags: ["fan-in"],
      },
      {
        id: "T3",
        domain: "counter",
        instruction: "Add 5 to counter c.",
        plan: [{ id: "s1", tool: "counter_add", args: { name: "c", amount: 5 } }],
        answer: null,
        resources: ["counter:c"],
        tags: ["single"],
      },
    ],
    ...overrides,
  });
}

import { describe, expect, it } from "vitest";
import { counterScenario } from "../env/testing/counter-scenarios.ts";
import { essentialValues, paraphrasePool, paraphraseProblem } from "./paraphrase.ts";
import type { PoolTask } from "./single-tasks.ts";

describe("paraphrase guard", () => {
  it.each([
    [
      'Send "hello there" to Alice_mes4 and add 12.5 to t_ab3',
      ["hello there", "12.5", "Alice_mes4", "3", "t_ab3"],
    ],
    ["Convert 26.2 miles to km", ["26.2"]],
    ["List the TSLA price", []],
  ])("essential values of %s", (instruction, expected) => {
    for (const value of expected) expect(essentialValues(instruction)).toContain(value);
  });

  it("refuses paraphrases that drop a value or are empty", () => {
    expect(paraphraseProblem("Add 3 and 4", "Sum three and 4")).toBe("dropped 3");
    expect(paraphraseProblem("Add 3 and 4", "  ")).toBe("empty paraphrase");
    expect(paraphraseProblem("Add 3 and 4", "What do you get when 3 and 4 are added?")).toBeUndefined();
  });
});

describe("paraphrasePool", () => {
  const pool: PoolTask[] = counterScenario().tasks.map((task, index) => ({ key: `k${index}`, task }));
  it("rewords tasks, keeps the original, and falls back when the rewrite loses a value", async () => {
    const rewritten = await paraphrasePool(pool, async (instruction) =>
      instruction.includes("Double 3") ? "Please double some numbers" : `Please: ${instruction}`,
    );
    expect(rewritten[0]?.task.instruction).toBe(`Please: ${pool[0]?.task.instruction}`);
    expect(rewritten[0]?.task.originalInstruction).toBe(pool[0]?.task.instruction);
    expect(rewritten[1]?.task).toBe(pool[1]?.task);
    expect(rewritten.map((entry) => entry.task.plan)).toEqual(pool.map((entry) => entry.task.plan));
  });
});

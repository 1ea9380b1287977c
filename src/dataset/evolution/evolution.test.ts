import { describe, expect, it } from "vitest";
import { keyedRng } from "../../core/rng.ts";
import { counterCatalog } from "../../env/testing/counter-domain.ts";
import { counterScenario } from "../../env/testing/counter-scenarios.ts";
import type { Task } from "../schema.ts";
import { scenarioProblems } from "../validate-scenario.ts";
import { canonicalForm, headroom, orderDependence, resourceClash, resourcesOverlap } from "./filters.ts";
import { compose, deepen, retime, widen } from "./operators.ts";

const base = counterScenario();
const [t1, t2, t3] = base.tasks as [Task, Task, Task];
const probe = { tool: "counter_get", args: { name: "zz" }, phrase: "read counter zz" };

describe("evolution operators", () => {
  it("compose relabels tasks and names the composition", () => {
    const scenario = compose([t3, t1], { id: "x", seed: 1, split: "test" });
    expect(scenario.tasks.map((task) => task.id)).toEqual(["T1", "T2"]);
    expect(scenario.tasks[0]?.instruction).toBe(t3.instruction);
    expect(scenario.composition).toBe("same-domain");
    expect(compose([t1], { id: "y", seed: 1, split: "test" }).composition).toBe("single");
  });

  it("deepen adds a step ordered after the last one; widen adds an independent one", () => {
    const deeper = deepen(t1, probe);
    expect(deeper.plan).toHaveLength(4);
    expect(deeper.plan[3]).toMatchObject({ id: "s4", tool: "counter_get", after: ["s3"] });
    expect(deeper.instruction).toContain("read counter zz");
    const wider = widen(t3, probe);
    expect(wider.plan[1]).toEqual({ id: "s2", tool: "counter_get", args: { name: "zz" } });
    expect(wider.tags).toEqual(["fan-out"]);
    for (const task of [deeper, wider]) {
      expect(scenarioProblems({ ...base, tasks: [{ ...task, id: "T1" }] }, counterCatalog)).toEqual([]);
    }
  });

  it("retime changes exactly one step's latency class, deterministically", () => {
    const a = retime(t1, keyedRng(3));
    const b = retime(t1, keyedRng(3));
    expect(a).toEqual(b);
    expect(a.plan.filter((step) => step.latency !== undefined)).toHaveLength(1);
  });
});

describe("filters", () => {
  it.each([
    ["fs:/a", "fs:/a", true],
    ["fs:/a", "fs:/a/b", true],
    ["fs:/a/b", "fs:/a", true],
    ["fs:/a", "fs:/ab", false],
    ["counter:a", "counter:b", false],
    ["fs:/", "fs:/x", true],
    ["social:tweet", "social:tweet:3", true],
    ["social:tweet:3", "social:tweet:31", false],
    ["trading:stock:AAPL", "trading:stock:AAP", false],
  ])("overlap(%s, %s) = %s", (a, b, expected) => {
    expect(resourcesOverlap(a, b)).toBe(expected);
  });

  it("finds resource clashes", () => {
    expect(resourceClash(base.tasks)).toBeUndefined();
    const clash = { ...t3, id: "T4", resources: ["counter:a"] };
    expect(resourceClash([...base.tasks, clash])).toMatch(/T1 and T4 both touch counter:a/);
  });

  it("accepts order-independent scenarios and rejects order-dependent ones", () => {
    expect(orderDependence(base, counterCatalog)).toBeUndefined();
    // T3 adds to counter a, which T1 reads: the answer depends on the order.
    const dependent = {
      ...base,
      tasks: [t1, { ...t3, plan: [{ id: "s1", tool: "counter_add", args: { name: "a", amount: 5 } }] }],
    };
    expect(orderDependence(dependent, counterCatalog)).toMatch(/change under/);
  });

  it("measures async head-room with the reference agents", async () => {
    const room = await headroom(base, counterCatalog);
    expect(room.tSeq).toBeGreaterThan(room.tOpt);
    expect(room.ratio).toBeCloseTo(room.tSeq / room.tOpt);
  });

  it("canonical form ignores task order and phrasing", () => {
    const a = compose([t1, t2], { id: "a", seed: 1, split: "x" });
    const b = compose([{ ...t2, instruction: "reworded" }, t1], { id: "b", seed: 2, split: "x" });
    expect(canonicalForm(a)).toBe(canonicalForm(b));
    expect(canonicalForm(a)).not.toBe(canonicalForm(compose([t1, t3], { id: "c", seed: 1, split: "x" })));
  });
});

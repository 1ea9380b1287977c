import { describe, expect, it } from "vitest";
import type { Step } from "../schema.ts";
import { conflictPredecessors, planPattern, transitiveReduction, withConflictOrder } from "./plan-order.ts";

const ref = (path: string) => ({ $ref: path });

describe("conflictPredecessors", () => {
  it.each([
    ["reads only", "rrr", [[], [], []]],
    ["writes only", "www", [[], ["s1"], ["s2"]]],
    ["reads then a write", "rrw", [[], [], ["s1", "s2"]]],
    ["write, reads, write, read", "wrrwr", [[], ["s1"], ["s1"], ["s2", "s3"], ["s4"]]],
  ])("%s", (_name, pattern, expected) => {
    const steps = [...pattern].map((kind, index) => ({ id: `s${index + 1}`, writes: kind === "w" }));
    expect([...conflictPredecessors(steps).values()]).toEqual(expected);
  });
});

describe("transitiveReduction", () => {
  it("drops edges a longer path implies", () => {
    const reduced = transitiveReduction(
      new Map([
        ["a", []],
        ["b", ["a"]],
        ["c", ["a", "b"]],
        ["d", ["a", "c", "c"]],
      ]),
    );
    expect(Object.fromEntries(reduced)).toEqual({ a: [], b: ["a"], c: ["b"], d: ["c"] });
  });
});

describe("withConflictOrder", () => {
  const plan: Step[] = [
    { id: "s1", tool: "ls", args: {} },
    { id: "s2", tool: "cat", args: { file_name: ref("s1.result.current_directory_content.0") } },
    { id: "s3", tool: "wc", args: { file_name: "a" } },
    { id: "s4", tool: "mkdir", args: { dir_name: "x" } },
    { id: "s5", tool: "ls", args: {} },
  ];
  it("adds only the ordering edges references do not imply", () => {
    const ordered = withConflictOrder(plan, new Set(["s4"]));
    expect(ordered.map((step) => step.after)).toEqual([
      undefined,
      undefined,
      undefined,
      ["s2", "s3"],
      ["s4"],
    ]);
  });
  it("leaves a read-only plan to its references", () => {
    expect(withConflictOrder(plan, new Set()).every((step) => step.after === undefined)).toBe(true);
  });
  it("keeps a sequence of writes a chain", () => {
    const ordered = withConflictOrder(plan, new Set(["s1", "s2", "s3", "s4", "s5"]));
    expect(ordered.map((step) => step.after)).toEqual([undefined, undefined, ["s2"], ["s3"], ["s4"]]);
  });
});

describe("planPattern", () => {
  const step = (id: string, refs: string[] = [], after?: string[]): Step => ({
    id,
    tool: "t",
    args: Object.fromEntries(refs.map((source, index) => [`a${index}`, ref(`${source}.result`)])),
    ...(after ? { after } : {}),
  });
  it.each([
    ["single", [step("s1")]],
    ["chain", [step("s1"), step("s2", ["s1"]), step("s3", [], ["s2"])]],
    ["chain", [step("s1"), step("s2", ["s1"]), step("s3", ["s1", "s2"])]], // s1→s3 is implied
    ["fan-out", [step("s1"), step("s2")]],
    ["fan-out", [step("s1"), step("s2", ["s1"]), step("s3", ["s1"])]],
    ["fan-in", [step("s1"), step("s2"), step("s3", ["s1", "s2"])]],
    ["mixed", [step("s1"), step("s2", ["s1"]), step("s3", ["s1"]), step("s4", ["s2", "s3"])]],
  ])("%s", (expected, plan) => {
    expect(planPattern(plan)).toBe(expected);
  });
});

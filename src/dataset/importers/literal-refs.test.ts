import { describe, expect, it } from "vitest";
import {
  applyFlows,
  findProducer,
  isTraceableLeaf,
  literalFlows,
  pathOfValue,
  suppliedByText,
} from "./literal-refs.ts";

describe("isTraceableLeaf", () => {
  it.each([
    ["abc", true],
    [12, true],
    [0, true],
    ["", false],
    ["   ", false],
    [true, false],
    [null, false],
    [Number.NaN, false],
    [[1], false],
  ])("%j → %s", (value, expected) => {
    expect(isTraceableLeaf(value)).toBe(expected);
  });
});

describe("suppliedByText", () => {
  const text = "Book the flight to LAX for $1500 on 2024-12-15, then check ticket 2.5 and rate 980.";
  it.each([
    ["lax", true],
    ["LAX", true],
    ["3426812", false],
    [1500, true],
    [980, true],
    [98, false],
    [2024, true],
    [2, false], // only inside "2.5" and "2024"
    [2.5, true],
    [15, true],
    [5, false], // "2.5" ends in 5 but that is a fraction digit
  ])("%j → %s", (value, expected) => {
    expect(suppliedByText(value, text)).toBe(expected);
  });
  it("accepts a whole number written as a float", () => {
    expect(suppliedByText(980, "distance 980.0 km")).toBe(true);
    expect(suppliedByText(980, "distance 980.5 km")).toBe(false);
  });
});

describe("pathOfValue", () => {
  const result = {
    items: ["a.txt", "b.txt"],
    order: { id: 12446, price: 227.16 },
    "file.name": "hidden",
    count: 3,
  };
  it.each([
    ["b.txt", ["items", "1"]],
    [12446, ["order", "id"]],
    [227.16, ["order", "price"]],
    [3, ["count"]],
    ["3", undefined], // types must agree
    ["hidden", undefined], // a key with a dot cannot be spelled in a reference
    [99, undefined],
  ])("%j → %j", (value, expected) => {
    expect(pathOfValue(value, result)).toEqual(expected);
  });
  it("finds the whole result", () => {
    expect(pathOfValue("plain", "plain")).toEqual([]);
  });
});

describe("findProducer", () => {
  const earlier = [
    { stepId: "s1", result: { order_id: 12446 } },
    { stepId: "s2", result: { id: 12446, status: "Open" } },
    { stepId: "s3", result: { other: 1 } },
  ];
  it.each([
    [12446, "s2.result.id"], // the nearest earlier producer wins
    ["Open", "s2.result.status"],
    [1, "s3.result.other"],
    [7, undefined],
  ])("%j → %s", (value, expected) => {
    expect(findProducer(value, earlier)).toBe(expected);
  });
});

describe("literalFlows and applyFlows", () => {
  const earlier = [
    { stepId: "s1", result: { count: 16 } },
    { stepId: "s2", result: { current_directory_content: ["report.txt", "notes.md"] } },
  ];
  it("replaces produced leaves at any depth, keeps text-given and unproduced values", () => {
    const args = {
      numbers: [3, 16, 60],
      file_name: "report.txt",
      title: "notes.md",
      flag: true,
      existing: { $ref: "s1.result.count" },
    };
    const flows = literalFlows(args, earlier, "Please rename notes.md and average the counts with 3.");
    expect(flows).toEqual([
      { argPath: ["numbers", "1"], value: 16, ref: "s1.result.count" },
      { argPath: ["file_name"], value: "report.txt", ref: "s2.result.current_directory_content.0" },
    ]);
    expect(applyFlows(args, flows)).toEqual({
      numbers: [3, { $ref: "s1.result.count" }, 60],
      file_name: { $ref: "s2.result.current_directory_content.0" },
      title: "notes.md",
      flag: true,
      existing: { $ref: "s1.result.count" },
    });
    expect(args.numbers).toEqual([3, 16, 60]); // the input is not mutated
  });
  it("finds nothing without earlier results", () => {
    expect(literalFlows({ a: 16 }, [], "")).toEqual([]);
  });
});

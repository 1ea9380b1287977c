import { describe, expect, it } from "vitest";
import { numbersClose, scalarKey, scalarLeaves, valuesMatch } from "./values.ts";

describe("numbersClose", () => {
  it.each([
    [1, 1, true],
    [1, 1 + 1e-7, true],
    [1, 1 + 2e-6, false],
    [1e9, 1e9 + 999, true],
    [1e9, 1e9 + 1001, false],
    [0, 1e-13, true],
    [0, 1e-6, false],
    [-2, 2, false],
    [Number.NaN, Number.NaN, false],
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, true],
  ])("%d ≈ %d → %s", (a, b, expected) => {
    expect(numbersClose(a, b)).toBe(expected);
  });
});

describe("valuesMatch", () => {
  it.each([
    ["trimmed strings", " AAPL ", "AAPL", true],
    ["case matters", "aapl", "AAPL", false],
    ["numbers within tolerance", { x: 0.1 + 0.2 }, { x: 0.3 }, true],
    ["nested arrays", [[1, 2], ["a"]], [[1, 2], ["a "]], true],
    ["array order matters", [1, 2], [2, 1], false],
    ["array length", [1], [1, 1], false],
    ["missing key", { a: 1 }, { a: 1, b: 2 }, false],
    ["undefined member is absent", { a: 1, b: undefined }, { a: 1 }, true],
    ["number vs string", 1, "1", false],
    ["null vs absent", null, undefined, false],
    ["booleans", true, true, true],
  ])("%s", (_, a, b, expected) => {
    expect(valuesMatch(a, b)).toBe(expected);
    expect(valuesMatch(b, a)).toBe(expected);
  });
});

describe("scalar keys and leaves", () => {
  it.each([
    [3, "n:3"],
    [0.1 + 0.2, "n:0.3"],
    [" Hello ", "s:hello"],
    ["", null],
    [true, null],
    [null, null],
    [Number.NaN, null],
  ])("scalarKey(%j) = %j", (value, expected) => {
    expect(scalarKey(value)).toBe(expected);
  });

  it("collects numbers and strings at any depth, not object keys", () => {
    expect(scalarLeaves({ a: [1, { b: "x" }], c: true, d: null })).toEqual([1, "x"]);
  });
});

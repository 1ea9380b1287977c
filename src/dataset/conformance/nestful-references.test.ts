import { describe, expect, it } from "vitest";
import {
  labelKey,
  matchesGold,
  parseReference,
  pythonEquals,
  pythonFloatRepr,
  resolveArgument,
} from "./nestful-references.ts";

describe("parseReference: every dialect the README lists", () => {
  it.each([
    ["$var_1.result$", { label: "var_1", field: "result" }],
    ["$var1.output_0$", { label: "var1", field: "output_0" }],
    ["$var2.skyId$", { label: "var2", field: "skyId" }],
    ["$var3$", { label: "var3", field: undefined }],
    ["$var1.output_0", { label: "var1", field: "output_0" }],
    ["$var1.data.items$", { label: "var1", field: "data.items" }],
    ["plain", undefined],
    ["$5 off", undefined],
    ["$", undefined],
    [42, undefined],
  ])("%j", (value, expected) => {
    expect(parseReference(value)).toEqual(expected);
  });

  it("strips $ from labels", () => {
    expect(labelKey("$var_1")).toBe("var_1");
    expect(labelKey("var1")).toBe("var1");
  });
});

describe("resolveArgument", () => {
  const outputs = new Map<string, Record<string, unknown>>([
    ["var_1", { result: 0.2 }],
    ["var3", { a: 1, b: 2 }],
  ]);
  it.each([
    ["$var_1.result$", 0.2],
    ["$var3$", { a: 1, b: 2 }],
    ["$var3.b$", 2],
    [7, 7],
    ["text", "text"],
  ])("%j", (value, expected) => {
    expect(resolveArgument(value, outputs)).toEqual(expected);
  });

  it("names dangling references", () => {
    expect(() => resolveArgument("$var_9.result$", outputs)).toThrow(/no earlier call labelled var_9/);
    expect(() => resolveArgument("$var_1.value$", outputs)).toThrow(/var_1 has no output value/);
  });
});

describe("pythonFloatRepr matches CPython's str(float)", () => {
  it.each([
    [6400, "6400.0"],
    [0.2, "0.2"],
    [-39, "-39.0"],
    [0.6666666666666666, "0.6666666666666666"],
    [-1.7609125905568126, "-1.7609125905568126"],
    [1e-5, "1e-05"],
    [1.5e-7, "1.5e-07"],
    [0.0001, "0.0001"],
    [1e16, "1e+16"],
    [1234567890123456.0, "1234567890123456.0"],
    [123.456, "123.456"],
    [0, "0.0"],
  ])("%d → %s", (value, text) => {
    expect(pythonFloatRepr(value)).toBe(text);
  });
});

describe("matchesGold: NESTFUL's win-rate rule", () => {
  it.each([
    ["float gold: rounded to its decimals", 6400.000000001, { value: 6400, floatText: "6400.0" }, true],
    ["float gold: still wrong after rounding", 6400.4, { value: 6400, floatText: "6400.0" }, false],
    // 17 decimals keep the last-bit noise, so upstream counts this as a miss too.
    [
      "float gold with 17 decimals: 1-ulp noise",
      0.16666666666666669,
      { value: 0.16666666666666666, floatText: "0.16666666666666666" },
      false,
    ],
    ["float gold with few decimals absorbs noise", 4.800000000000001, { value: 4.8, floatText: "4.8" }, true],
    ["int gold: no rounding", 3.0000001, { value: 3, floatText: undefined }, false],
    ["int gold equals a whole float", 3, { value: 3, floatText: undefined }, true],
    ["tuple equals list", [-1, 0, 0], { value: [-1, 0, 0], floatText: undefined }, true],
    ["strings exact", "abc", { value: "abc", floatText: undefined }, true],
    ["dicts by value", { color: "red" }, { value: { color: "red" }, floatText: undefined }, true],
    ["gold float in exponent form is compared exactly", 1e-5, { value: 1e-5, floatText: "1e-05" }, true],
  ])("%s", (_title, predicted, gold, expected) => {
    expect(matchesGold(predicted, gold)).toBe(expected);
  });

  it("compares numbers by value across int/bigint, like Python ==", () => {
    expect(pythonEquals(6n, 6)).toBe(true);
    expect(pythonEquals([1, [2]], [1, [2]])).toBe(true);
    expect(pythonEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

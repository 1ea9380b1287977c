import { describe, expect, it } from "vitest";
import { type AnyTool, ToolError } from "../../tool.ts";
import { mathDomain } from "./index.ts";
import { mathApiTools as typedTools } from "./math-api-tools.ts";

const mathApiTools: readonly AnyTool[] = typedTools;

/** Validate the arguments as the environment does (defaults filled, unknown keys rejected), then run. */
function call(name: string, args: Record<string, unknown>): unknown {
  const tool = mathDomain.tools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`no tool ${name}`);
  return tool.run({}, tool.parameters.parse(args), { time: 0 });
}

// Expected values are CPython's for the same MathAPI call.
describe("MathAPI tools: results", () => {
  it.each([
    ["add", { a: 0.1, b: 0.2 }, 0.30000000000000004],
    ["subtract", { a: 10, b: 2.5 }, 7.5],
    ["multiply", { a: 6, b: -7 }, -42],
    ["divide", { a: 1, b: 3 }, 0.3333333333333333],
    ["power", { base: 2, exponent: 10 }, 1024],
    ["power", { base: 9, exponent: 0.5 }, 3],
    ["absolute_value", { number: -4.5 }, 4.5],
    ["round_number", { number: 2.5 }, 2],
    ["round_number", { number: 12.34567, decimal_places: 2 }, 12.35],
    ["round_number", { number: 1250, decimal_places: -2 }, 1200],
    ["percentage", { part: 1, whole: 8 }, 12.5],
    ["square_root", { number: 3, precision: 5 }, 1.7321],
    ["square_root", { number: 16, precision: 10 }, 4],
    ["logarithm", { value: 20, base: 10, precision: 2 }, 1.3027],
    ["logarithm", { value: 8, base: 2, precision: 10 }, 3],
    ["si_unit_conversion", { value: 5, unit_in: "km", unit_out: "m" }, 5000],
    ["si_unit_conversion", { value: 250, unit_in: "cm", unit_out: "m" }, 2.5],
    ["imperial_si_conversion", { value: 10, unit_in: "in", unit_out: "cm" }, 25.4],
    ["imperial_si_conversion", { value: 100, unit_in: "celsius", unit_out: "fahrenheit" }, 212],
    ["imperial_si_conversion", { value: 212, unit_in: "fahrenheit", unit_out: "celsius" }, 100],
    ["imperial_si_conversion", { value: 7, unit_in: "kg", unit_out: "kg" }, 7],
    ["sum_values", { numbers: [1, 2, 3.5] }, 6.5],
    ["mean", { numbers: [3, 16, 60] }, 26.333333333333332],
    ["standard_deviation", { numbers: [100, 95, 85, 90, 88, 92] }, 4.85340659285368],
    ["min_value", { numbers: [4, -1, 7] }, -1],
    ["max_value", { numbers: [4, -1, 7] }, 7],
  ])("%s(%o) = %d", (name, args, expected) => {
    expect(call(name, args)).toEqual({ result: expected });
  });
});

describe("MathAPI tools: error dictionaries, as upstream returns them", () => {
  it.each([
    ["divide", { a: 1, b: 0 }, "Cannot divide by zero"],
    ["percentage", { part: 1, whole: 0 }, "Whole value cannot be zero"],
    ["square_root", { number: -4, precision: 5 }, "Cannot calculate square root of a negative number"],
    [
      "si_unit_conversion",
      { value: 1, unit_in: "km", unit_out: "ft" },
      "Conversion from 'km' to 'ft' is not supported",
    ],
    [
      "imperial_si_conversion",
      { value: 1, unit_in: "kg", unit_out: "in" },
      "Conversion from 'kg' to 'in' is not supported",
    ],
    [
      "si_unit_conversion",
      { value: 1e308, unit_in: "km", unit_out: "nm" },
      "Conversion resulted in a value too large to represent",
    ],
    ["sum_values", { numbers: [] }, "Cannot calculate sum of an empty list"],
    ["mean", { numbers: [] }, "Cannot calculate mean of an empty list"],
    ["standard_deviation", { numbers: [] }, "Cannot calculate standard deviation of an empty list"],
    ["min_value", { numbers: [] }, "Cannot find minimum of an empty list"],
    ["max_value", { numbers: [] }, "Cannot find maximum of an empty list"],
  ])("%s(%o) → %s", (name, args, message) => {
    expect(call(name, args)).toEqual({ error: message });
  });

  it("logarithm of a non-positive value or in base 1 is an error dictionary", () => {
    for (const args of [
      { value: 0, base: 10, precision: 5 },
      { value: -3, base: 10, precision: 5 },
      { value: 3, base: 1, precision: 5 },
    ]) {
      expect(call("logarithm", args)).toHaveProperty("error");
    }
  });
});

describe("MathAPI tools: failures Python raises", () => {
  it.each([
    ["power", { base: 0, exponent: -1 }],
    ["power", { base: -8, exponent: 0.5 }],
    ["power", { base: 10, exponent: 400 }],
    ["add", { a: 1e308, b: 1e308 }],
    ["multiply", { a: 1e308, b: 10 }],
    ["square_root", { number: 4, precision: 0 }],
  ])("%s(%o) throws a ToolError", (name, args) => {
    expect(() => call(name, args)).toThrow(ToolError);
  });

  it("rejects wrong argument types and unknown arguments", () => {
    expect(() => call("add", { a: "1", b: 2 })).toThrow();
    expect(() => call("add", { a: 1, b: 2, c: 3 })).toThrow();
    expect(() => call("round_number", { number: 1.5, decimal_places: 0.5 })).toThrow();
  });
});

describe("MathAPI tools: contract", () => {
  it("has the 17 upstream names, none mutating, none touching resources", () => {
    expect(mathApiTools.map((tool) => tool.name).sort()).toEqual([
      "absolute_value",
      "add",
      "divide",
      "imperial_si_conversion",
      "logarithm",
      "max_value",
      "mean",
      "min_value",
      "multiply",
      "percentage",
      "power",
      "round_number",
      "si_unit_conversion",
      "square_root",
      "standard_deviation",
      "subtract",
      "sum_values",
    ]);
    for (const tool of mathApiTools) {
      expect(tool.mutates).toBe(false);
      expect(tool.resources({} as never, {})).toEqual([]);
    }
  });

  it("is deterministic and leaves the state untouched", () => {
    const state = {};
    for (const tool of mathApiTools) {
      const args = sampleArgs(tool.name);
      const first = tool.run(state, tool.parameters.parse(args), { time: 0 });
      const second = tool.run(state, tool.parameters.parse(args), { time: 5 });
      expect(second).toEqual(first);
    }
    expect(state).toEqual({});
  });

  it("accepts an empty config and rejects unknown config fields", () => {
    expect(mathDomain.config.parse({})).toEqual({});
    expect(() => mathDomain.config.parse({ precision: 3 })).toThrow();
  });
});

function sampleArgs(name: string): Record<string, unknown> {
  const table: Record<string, Record<string, unknown>> = {
    add: { a: 1, b: 2 },
    subtract: { a: 1, b: 2 },
    multiply: { a: 1, b: 2 },
    divide: { a: 1, b: 2 },
    power: { base: 1.5, exponent: 3 },
    absolute_value: { number: -1 },
    round_number: { number: 1.25, decimal_places: 1 },
    percentage: { part: 1, whole: 3 },
    square_root: { number: 3, precision: 12 },
    logarithm: { value: 3, base: 7, precision: 6 },
    si_unit_conversion: { value: 3, unit_in: "mm", unit_out: "um" },
    imperial_si_conversion: { value: 3, unit_in: "miles", unit_out: "km" },
  };
  return table[name] ?? { numbers: [1, 2, 4] };
}

import { describe, expect, it } from "vitest";
import { type AnyTool, ToolError } from "../../tool.ts";
import { NESTFUL_MATH_TOOLS, basicTools as typedTools } from "./basic-tools.ts";

const basicTools: readonly AnyTool[] = typedTools;

function call(nestfulName: string, ...args: unknown[]): unknown {
  const name = NESTFUL_MATH_TOOLS[nestfulName];
  const tool = basicTools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`no tool for ${nestfulName}`);
  const named = Object.fromEntries(args.map((value, index) => [`arg_${index}`, value]));
  return tool.run({}, tool.parameters.parse(named), { time: 0 });
}

const PI = Math.PI;

// Expected values are what NESTFUL's Python functions return for the same arguments.
describe("NESTFUL basic tools: results", () => {
  it.each([
    ["add", [2, 3], 5],
    ["subtract", [2, 3.5], -1.5],
    ["multiply", [0.1, 3], 0.30000000000000004],
    ["divide", [7, 2], 3.5],
    ["power", [2, 10], 1024],
    ["power", [4, -0.5], 0.5],
    ["sqrt", [26], 5],
    ["sqrt", [10 ** 16], 10 ** 8],
    ["negate", [4], -4],
    ["inverse", [4], 0.25],
    ["remainder", [-7, 3], 2],
    ["reminder", [7, -3], -2],
    ["floor", [-2.5], -3],
    ["log", [1000, 10], 2], // math.log(1000, 10) is 2.9999999999999996 in CPython
    ["log", [8, 2], 3],
    ["log", [20], 2],
    ["gcd", [12.7, 18], 6],
    ["lcm", [4, 6], 12],
    ["lcm", [-4, 6], 12],
    ["lcm", [0, 5], 0],
    ["choose", [9, 2], 36],
    ["choose", [3, 5], 0],
    ["choose", [60, 30], Number(118264581564861424n)],
    ["permutation", [5, 2], 20],
    ["permutation", [5, -1], 0],
    ["factorial", [0], 1],
    ["factorial", [25], Number(15511210043330985984000000n)],
    ["max_number", [[3, 9.5, -1]], 9.5],
    ["min_number", [[3, 9.5, -1]], -1],
    ["speed", [100, 8], 12.5],
    ["negate_prob", [0.3], 0.7],
    ["circle_area", [2], PI * 4],
    ["circumface", [2], 2 * PI * 2],
    ["surface_sphere", [3], 4 * PI * 9],
    ["volume_sphere", [3], (4 / 3) * PI * 27],
    ["volume_cylinder", [2, 5], PI * 4 * 5],
    ["surface_cylinder", [2, 5], 2 * PI * 2 * 7],
    ["volume_cone", [3, 4], (1 / 3) * PI * 9 * 4],
    ["rectangle_area", [3, 4.5], 13.5],
    ["rectangle_perimeter", [3, 4.5], 15],
    ["square_area", [1.5], 2.25],
    ["square_perimeter", [1.5], 6],
    ["square_edge_by_area", [2.25], 1.5],
    ["square_edge_by_perimeter", [10], 2.5],
    ["cube_edge_by_volume", [64], 3.9999999999999996], // math.pow(64, 1/3)
    ["volume_cube", [1.5], 3.375],
    ["surface_cube", [2], 24],
    ["triangle_area", [3, 5], 7.5],
    ["rhombus_area", [3, 5], 7.5],
    ["diagonal", [3, 4], 5],
  ])("%s(%o) = %d", (name, args, expected) => {
    expect(call(name, ...args)).toEqual({ result: expected });
  });
});

describe("NESTFUL basic tools: failures Python raises", () => {
  it.each([
    ["divide", [1, 0]],
    ["inverse", [0]],
    ["speed", [1, 0]],
    ["remainder", [1, 0]],
    ["sqrt", [-4]],
    ["sqrt", [2.5]],
    ["log", [0, 10]],
    ["log", [10, -2]],
    ["log", [10, 1]],
    ["lcm", [0, 0]],
    ["lcm", [1.5, 3]],
    ["choose", [-1, 2]],
    ["choose", [4.5, 2]],
    ["permutation", [3, 5]],
    ["factorial", [-1]],
    ["factorial", [171]],
    ["max_number", [[]]],
    ["min_number", [[]]],
    ["square_edge_by_area", [-1]],
    ["cube_edge_by_volume", [-8]],
    ["power", [0, -2]],
    ["power", [-8, 1 / 3]],
  ])("%s(%o) throws a ToolError", (name, args) => {
    expect(() => call(name, ...args)).toThrow(ToolError);
  });
});

describe("NESTFUL basic tools: contract", () => {
  it("covers all 40 NESTFUL math functions with basic_-prefixed names", () => {
    const names = [
      "add",
      "subtract",
      "multiply",
      "divide",
      "power",
      "sqrt",
      "negate",
      "inverse",
      "remainder",
      "reminder",
      "floor",
      "log",
      "gcd",
      "lcm",
      "choose",
      "permutation",
      "factorial",
      "max_number",
      "min_number",
      "speed",
      "negate_prob",
      "circle_area",
      "circumface",
      "surface_sphere",
      "volume_sphere",
      "volume_cylinder",
      "surface_cylinder",
      "volume_cone",
      "rectangle_area",
      "rectangle_perimeter",
      "square_area",
      "square_perimeter",
      "square_edge_by_area",
      "square_edge_by_perimeter",
      "cube_edge_by_volume",
      "volume_cube",
      "surface_cube",
      "triangle_area",
      "rhombus_area",
      "diagonal",
    ];
    expect(Object.keys(NESTFUL_MATH_TOOLS).sort()).toEqual([...names].sort());
    for (const name of names) expect(NESTFUL_MATH_TOOLS[name]).toBe(`basic_${name}`);
    expect(basicTools).toHaveLength(40);
  });

  it("uses NESTFUL's positional argument names and never mutates", () => {
    for (const tool of basicTools) {
      const keys = Object.keys(tool.parameters.shape);
      expect(keys[0]).toBe("arg_0");
      expect(keys.every((key, index) => key === `arg_${index}`)).toBe(true);
      expect(tool.mutates).toBe(false);
    }
  });

  it("is deterministic", () => {
    for (const tool of basicTools) {
      const args = tool.name.endsWith("_number") ? { arg_0: [2, 3] } : { arg_0: 6, arg_1: 2 };
      const parsed = tool.parameters.parse(
        Object.keys(tool.parameters.shape).length === 1 ? { arg_0: args.arg_0 } : args,
      );
      expect(tool.run({}, parsed, { time: 1 })).toEqual(tool.run({}, parsed, { time: 9 }));
    }
  });
});

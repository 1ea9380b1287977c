/**
 * NESTFUL's 40 basic math functions under a `basic_` prefix (NESTFUL's `add(arg_0, arg_1)` must not
 * clash with MathAPI's `add(a, b)`). Arguments keep NESTFUL's positional names `arg_0`, `arg_1`;
 * results are `{"result": value}`, NESTFUL's single output field.
 *
 * Python semantics kept on purpose: `sqrt` is an integer square root, `log` truncates toward zero,
 * `remainder`/`reminder` take the divisor's sign, `lcm`/`permutation` divide by floor division, and
 * `choose`/`factorial`/`permutation` work on exact integers (returned as the nearest double).
 * Where Python raises (division by zero, math domain errors, a float where an int is required),
 * the tool raises a ToolError. JSON cannot tell 16 from 16.0, so integer-only functions accept any
 * whole number and reject fractional ones.
 */
import { basicArithmeticTools } from "./basic-arithmetic-tools.ts";
import { basicGeometryTools } from "./basic-geometry-tools.ts";

export const basicTools = [...basicArithmeticTools, ...basicGeometryTools];

/** NESTFUL function name → our tool name, for replaying NESTFUL records. */
export const NESTFUL_MATH_TOOLS: Readonly<Record<string, string>> = Object.fromEntries(
  basicTools.map((tool) => [tool.name.slice("basic_".length), tool.name]),
);

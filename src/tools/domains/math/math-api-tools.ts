/**
 * The 17 functions of BFCL v3's MathAPI: same names, parameters, defaults and results
 * (`{"result": …}`, or `{"error": …}` dictionaries where upstream returns them).
 * Deviations, all at inputs Python would turn into values JSON cannot carry: a non-finite result
 * (overflow) or a complex one (negative base, fractional exponent) is a ToolError, and
 * `logarithm` of a non-positive value or base 1 returns an error dictionary instead of
 * `-inf`/complex/ZeroDivisionError.
 */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { decimalSqrt, mpmathLogRatio, pythonPower, pythonRound } from "./python-numbers.ts";

export type MathState = Record<string, never>;

type MathResult = { result: number } | { error: string };

const numberList = z.array(z.number()).describe("The numbers.");

/** A finite result, or a ToolError naming the operation (JSON has no Infinity or NaN). */
function finite(operation: string, value: number): { result: number } {
  if (!Number.isFinite(value)) throw new ToolError(`${operation}: the result is not a finite real number`);
  return { result: value };
}

const SI_TO_METRES: Record<string, number> = { km: 1000, m: 1, cm: 0.01, mm: 0.001, um: 1e-6, nm: 1e-9 };

const IMPERIAL_FACTORS: Record<string, number> = {
  cm_to_in: 0.393701,
  in_to_cm: 2.54,
  m_to_ft: 3.28084,
  ft_to_m: 0.3048,
  m_to_yd: 1.09361,
  yd_to_m: 0.9144,
  km_to_miles: 0.621371,
  miles_to_km: 1.60934,
  kg_to_lb: 2.20462,
  lb_to_kg: 0.453592,
  celsius_to_fahrenheit: 1.8,
  fahrenheit_to_celsius: 5 / 9,
};

const unsupported = (unitIn: string, unitOut: string): MathResult => ({
  error: `Conversion from '${unitIn}' to '${unitOut}' is not supported`,
});

const tooLarge: MathResult = { error: "Conversion resulted in a value too large to represent" };

const twoNumbers = {
  a: z.number().describe("The first operand."),
  b: z.number().describe("The second operand."),
};

export const mathApiTools = [
  defineTool<MathState, typeof twoNumbers>({
    name: "add",
    description: "Return the sum a + b of two numbers.",
    parameters: twoNumbers,
    latency: "fast",
    mutates: false,
    run: (_state, { a, b }): MathResult => finite("add", a + b),
  }),
  defineTool<MathState, typeof twoNumbers>({
    name: "subtract",
    description: "Return the difference a − b.",
    parameters: twoNumbers,
    latency: "fast",
    mutates: false,
    run: (_state, { a, b }): MathResult => finite("subtract", a - b),
  }),
  defineTool<MathState, typeof twoNumbers>({
    name: "multiply",
    description: "Return the product a × b of two numbers.",
    parameters: twoNumbers,
    latency: "fast",
    mutates: false,
    run: (_state, { a, b }): MathResult => finite("multiply", a * b),
  }),
  defineTool<MathState, typeof twoNumbers>({
    name: "divide",
    description: "Return the quotient a ÷ b; dividing by zero gives an error.",
    parameters: { a: z.number().describe("The dividend."), b: z.number().describe("The divisor.") },
    latency: "fast",
    mutates: false,
    run: (_state, { a, b }): MathResult =>
      b === 0 ? { error: "Cannot divide by zero" } : finite("divide", a / b),
  }),
  defineTool({
    name: "power",
    description: "Return base raised to the given exponent.",
    parameters: { base: z.number().describe("The base."), exponent: z.number().describe("The exponent.") },
    latency: "fast",
    mutates: false,
    run: (_state: MathState, { base, exponent }): MathResult => {
      return finite("power", pythonPower(base, exponent));
    },
  }),
  defineTool({
    name: "absolute_value",
    description: "Return the absolute value (magnitude) of a number.",
    parameters: { number: z.number().describe("The input number.") },
    latency: "instant",
    mutates: false,
    run: (_state: MathState, { number }): MathResult => ({ result: Math.abs(number) }),
  }),
  defineTool({
    name: "round_number",
    description:
      "Round a number to the given count of decimal places (0 when omitted; negative rounds to tens, " +
      "hundreds, …). Exact halves go to the even neighbour.",
    parameters: {
      number: z.number().describe("The number to round."),
      decimal_places: z.number().int().default(0).describe("Decimal places to keep (default 0)."),
    },
    latency: "instant",
    mutates: false,
    run: (_state: MathState, { number, decimal_places }): MathResult => ({
      result: pythonRound(number, decimal_places),
    }),
  }),
  defineTool({
    name: "percentage",
    description: "Return what percentage `part` is of `whole`, i.e. part / whole × 100.",
    parameters: {
      part: z.number().describe("The part."),
      whole: z.number().describe("The whole; not zero."),
    },
    latency: "fast",
    mutates: false,
    run: (_state: MathState, { part, whole }): MathResult =>
      whole === 0 ? { error: "Whole value cannot be zero" } : finite("percentage", (part / whole) * 100),
  }),
  defineTool({
    name: "square_root",
    description:
      "Return the square root of a non-negative number, computed in decimal to `precision` significant digits.",
    parameters: {
      number: z.number().describe("A non-negative number."),
      precision: z.number().int().describe("Significant digits of the decimal computation (at least 1)."),
    },
    latency: "medium",
    mutates: false,
    run: (_state: MathState, { number, precision }): MathResult => {
      if (number < 0) return { error: "Cannot calculate square root of a negative number" };
      if (precision < 1) throw new ToolError("precision must be at least 1");
      // Beyond ~100 digits the nearest double no longer changes; cap the big-integer work.
      return { result: decimalSqrt(number, Math.min(precision, 100)) };
    },
  }),
  defineTool({
    name: "logarithm",
    description:
      "Return the logarithm of `value` in the given `base`, computed with `precision` decimal digits of working precision.",
    parameters: {
      value: z.number().describe("A positive number."),
      base: z.number().describe("A positive base other than 1."),
      precision: z.number().int().describe("Decimal digits of working precision."),
    },
    latency: "medium",
    mutates: false,
    run: (_state: MathState, { value, base, precision }): MathResult => {
      if (value <= 0 || base <= 0 || base === 1) {
        return { error: "logarithm needs a positive value and a positive base other than 1" };
      }
      return finite("logarithm", mpmathLogRatio(value, base, precision));
    },
  }),
  defineTool({
    name: "si_unit_conversion",
    description: "Convert a length between metric units: km, m, cm, mm, um, nm.",
    parameters: {
      value: z.number().describe("The value to convert."),
      unit_in: z.string().describe("Unit of the value (km, m, cm, mm, um or nm)."),
      unit_out: z.string().describe("Unit to convert to (km, m, cm, mm, um or nm)."),
    },
    latency: "fast",
    mutates: false,
    run: (_state: MathState, { value, unit_in, unit_out }): MathResult => {
      const factorIn = SI_TO_METRES[unit_in];
      const factorOut = SI_TO_METRES[unit_out];
      if (factorIn === undefined || factorOut === undefined) return unsupported(unit_in, unit_out);
      const result = value * factorIn * (1 / factorOut);
      return Number.isFinite(result) ? { result } : tooLarge;
    },
  }),
  defineTool({
    name: "imperial_si_conversion",
    description:
      "Convert between imperial and SI units: cm↔in, m↔ft, m↔yd, km↔miles, kg↔lb, celsius↔fahrenheit.",
    parameters: {
      value: z.number().describe("The value to convert."),
      unit_in: z.string().describe("Unit of the value, e.g. 'cm', 'miles', 'celsius'."),
      unit_out: z.string().describe("Unit to convert to, e.g. 'in', 'km', 'fahrenheit'."),
    },
    latency: "fast",
    mutates: false,
    run: (_state: MathState, { value, unit_in, unit_out }): MathResult => {
      if (unit_in === unit_out) return { result: value };
      const key = `${unit_in}_to_${unit_out}`;
      const factor = IMPERIAL_FACTORS[key];
      if (factor === undefined) return unsupported(unit_in, unit_out);
      let result: number;
      if (key === "celsius_to_fahrenheit") result = value * factor + 32;
      else if (key === "fahrenheit_to_celsius") result = (value - 32) * factor;
      else result = value * factor;
      return Number.isFinite(result) ? { result } : tooLarge;
    },
  }),
  ...listTools(),
];

/** The list statistics; each returns an error dictionary for an empty list, as upstream does. */
function listTools() {
  const list = (
    name: string,
    description: string,
    emptyError: string,
    compute: (numbers: number[]) => number,
  ) =>
    defineTool({
      name,
      description,
      parameters: { numbers: numberList },
      latency: "medium",
      mutates: false,
      run: (_state: MathState, { numbers }): MathResult =>
        numbers.length === 0 ? { error: emptyError } : finite(name, compute(numbers)),
    });
  // Left-to-right sums, as Python's sum() (3.11) adds floats.
  const sum = (numbers: number[]) => numbers.reduce((total, x) => total + x, 0);
  return [
    list("sum_values", "Return the sum of a list of numbers.", "Cannot calculate sum of an empty list", sum),
    list(
      "mean",
      "Return the arithmetic mean of a list of numbers.",
      "Cannot calculate mean of an empty list",
      (numbers) => sum(numbers) / numbers.length,
    ),
    list(
      "standard_deviation",
      "Return the population standard deviation of a list of numbers.",
      "Cannot calculate standard deviation of an empty list",
      (numbers) => {
        const average = sum(numbers) / numbers.length;
        const squares = numbers.reduce((total, x) => total + (x - average) * (x - average), 0);
        return Math.sqrt(squares / numbers.length);
      },
    ),
    list(
      "min_value",
      "Return the smallest number in a list.",
      "Cannot find minimum of an empty list",
      (numbers) => numbers.reduce((low, x) => Math.min(low, x)),
    ),
    list(
      "max_value",
      "Return the largest number in a list.",
      "Cannot find maximum of an empty list",
      (numbers) => numbers.reduce((high, x) => Math.max(high, x)),
    ),
  ];
}

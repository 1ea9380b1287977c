/** NESTFUL basic arithmetic and number theory (see basic-tools.ts for the semantics kept). */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import {
  type BasicResult,
  binary,
  domainCheck,
  extreme,
  finite,
  floorDivide,
  gcd,
  MAX_FACTORS,
  nonZero,
  product,
  unary,
  whole,
} from "./basic-tool-builders.ts";
import type { MathState } from "./math-api-tools.ts";
import { bigintSqrt, pythonModulo, pythonPower } from "./python-numbers.ts";

export const basicArithmeticTools = [
  binary("add", "Return arg_0 + arg_1.", ["First addend.", "Second addend."], "fast", (a, b) => a + b),
  binary("subtract", "Return arg_0 − arg_1.", ["Minuend.", "Subtrahend."], "fast", (a, b) => a - b),
  binary("multiply", "Return arg_0 × arg_1.", ["First factor.", "Second factor."], "fast", (a, b) => a * b),
  binary(
    "divide",
    "Return arg_0 ÷ arg_1 as a float.",
    ["Dividend.", "Divisor (not zero)."],
    "fast",
    (a, b, n) => a / nonZero(n, b),
  ),
  binary("power", "Return arg_0 raised to the power arg_1.", ["Base.", "Exponent."], "fast", (a, b) =>
    pythonPower(a, b),
  ),
  unary(
    "sqrt",
    "Return the integer square root (floor of the exact root) of a non-negative whole number.",
    "A non-negative whole number.",
    "fast",
    (x, n) => {
      const value = whole(n, x);
      domainCheck(n, value >= 0n);
      return Number(bigintSqrt(value));
    },
  ),
  unary("negate", "Return −arg_0.", "The number to negate.", "instant", (x) => -x),
  unary(
    "inverse",
    "Return the reciprocal 1 ÷ arg_0.",
    "A non-zero number.",
    "instant",
    (x, n) => 1 / nonZero(n, x),
  ),
  binary(
    "remainder",
    "Return arg_0 modulo arg_1; the result has the sign of arg_1.",
    ["Dividend.", "Divisor (not zero)."],
    "fast",
    (a, b) => pythonModulo(a, b),
  ),
  binary(
    "reminder",
    "Same as basic_remainder: arg_0 modulo arg_1 with the sign of arg_1.",
    ["Dividend.", "Divisor (not zero)."],
    "fast",
    (a, b) => pythonModulo(a, b),
  ),
  unary(
    "floor",
    "Return the largest integer not greater than arg_0.",
    "The number to floor.",
    "instant",
    Math.floor,
  ),
  defineTool({
    name: "basic_log",
    description:
      "Return the logarithm of arg_0 in base arg_1 (natural log when omitted), truncated toward zero to an integer.",
    parameters: {
      arg_0: z.number().describe("A positive number."),
      arg_1: z.number().optional().describe("A positive base other than 1 (default e)."),
    },
    latency: "fast",
    mutates: false,
    run: (_state: MathState, { arg_0, arg_1 }): BasicResult => {
      const base = arg_1 ?? Math.E;
      domainCheck("log", arg_0 > 0 && base > 0);
      return finite("log", Math.trunc(Math.log(arg_0) / nonZero("log", Math.log(base))));
    },
  }),
  binary(
    "gcd",
    "Return the greatest common divisor of the integer parts of arg_0 and arg_1.",
    ["First number.", "Second number."],
    "fast",
    (a, b) => Number(gcd(BigInt(Math.trunc(a)), BigInt(Math.trunc(b)))),
  ),
  binary(
    "lcm",
    "Return the least common multiple of two whole numbers.",
    ["First whole number.", "Second whole number."],
    "fast",
    (a, b, n) => {
      const [x, y] = [whole(n, a), whole(n, b)];
      const divisor = gcd(x, y);
      if (divisor === 0n) throw new ToolError(`${n}: division by zero`);
      const productValue = x * y;
      return Number(floorDivide(productValue < 0n ? -productValue : productValue, divisor));
    },
  ),
  binary(
    "choose",
    "Return the number of ways to choose arg_1 items from arg_0 items, order ignored.",
    ["Total items (whole, ≥ 0).", "Items chosen (whole, ≥ 0)."],
    "medium",
    (a, b, n) => {
      const [total, chosen] = [whole(n, a), whole(n, b)];
      domainCheck(n, total >= 0n && chosen >= 0n);
      if (chosen > total) return 0;
      let smaller = total - chosen;
      if (chosen < smaller) smaller = chosen;
      if (smaller > BigInt(MAX_FACTORS)) return Infinity;
      return Number(product(total - smaller + 1n, total) / product(1n, smaller));
    },
  ),
  binary(
    "permutation",
    "Return the number of ordered arrangements of arg_1 items taken from arg_0 items.",
    ["Total items (whole, ≥ 0).", "Items arranged (whole, ≤ arg_0)."],
    "medium",
    (a, b, n) => {
      const [total, arranged] = [whole(n, a), whole(n, b)];
      domainCheck(n, total >= 0n && total - arranged >= 0n);
      if (arranged < 0n) return 0; // n! // (n - r)! with n - r > n floors to 0
      // factorial(n) // factorial(n - r) is exactly the product n − r + 1 … n.
      if (arranged > BigInt(MAX_FACTORS)) return Infinity;
      return Number(product(total - arranged + 1n, total));
    },
  ),
  unary(
    "factorial",
    "Return arg_0! for a non-negative whole number.",
    "A non-negative whole number.",
    "medium",
    (x, n) => {
      const value = whole(n, x);
      if (value < 0n) throw new ToolError(`${n}: input number must be a non-negative integer`);
      if (value > BigInt(MAX_FACTORS)) return Infinity;
      return Number(product(1n, value));
    },
  ),
  extreme("max_number", "Return the largest number in the list arg_0.", (x, best) => x > best),
  extreme("min_number", "Return the smallest number in the list arg_0.", (x, best) => x < best),
  binary(
    "speed",
    "Return speed = distance ÷ time.",
    ["Distance travelled.", "Time taken (not zero)."],
    "fast",
    (d, t, n) => d / nonZero(n, t),
  ),
  unary(
    "negate_prob",
    "Return 1 − p, the probability that an event of probability p does not happen.",
    "Probability of the event.",
    "instant",
    (p) => 1 - p,
  ),
];

/** Shared pieces of the NESTFUL basic math tools: Python-style failures and tool shapes. */
import { z } from "zod";
import type { LatencyClass } from "../../../core/latency.ts";
import { defineTool, ToolError } from "../../tool.ts";
import type { MathState } from "./math-api-tools.ts";

export type BasicResult = { result: number };

export function finite(name: string, value: number): BasicResult {
  if (!Number.isFinite(value)) throw new ToolError(`${name}: the result is not a finite real number`);
  return { result: value };
}

export function whole(name: string, value: number): bigint {
  if (!Number.isInteger(value)) throw new ToolError(`${name}: ${value} is not an integer`);
  return BigInt(value);
}

export function nonZero(name: string, divisor: number): number {
  if (divisor === 0) throw new ToolError(`${name}: division by zero`);
  return divisor;
}

export function domainCheck(name: string, ok: boolean): void {
  if (!ok) throw new ToolError(`${name}: math domain error`);
}

/** Products of consecutive integers past this many factors overflow a double anyway. */
export const MAX_FACTORS = 1100;

export function product(from: bigint, to: bigint): bigint {
  let result = 1n;
  for (let factor = from; factor <= to; factor++) result *= factor;
  return result;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Python's `a // b` on integers (rounds toward negative infinity). */
export function floorDivide(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? quotient - 1n : quotient;
}

const number = (description: string) => z.number().describe(description);

export function unary(
  name: string,
  description: string,
  argument: string,
  latency: LatencyClass,
  compute: (x: number, name: string) => number,
) {
  return defineTool({
    name: `basic_${name}`,
    description,
    parameters: { arg_0: number(argument) },
    latency,
    mutates: false,
    run: (_state: MathState, { arg_0 }): BasicResult => finite(name, compute(arg_0, name)),
  });
}

export function binary(
  name: string,
  description: string,
  [first, second]: [string, string],
  latency: LatencyClass,
  compute: (x: number, y: number, name: string) => number,
) {
  return defineTool({
    name: `basic_${name}`,
    description,
    parameters: { arg_0: number(first), arg_1: number(second) },
    latency,
    mutates: false,
    run: (_state: MathState, { arg_0, arg_1 }): BasicResult => finite(name, compute(arg_0, arg_1, name)),
  });
}

export function extreme(name: string, description: string, pick: (a: number, b: number) => boolean) {
  return defineTool({
    name: `basic_${name}`,
    description,
    parameters: { arg_0: z.array(z.number()).describe("The numbers (at least one).") },
    latency: "medium",
    mutates: false,
    run: (_state: MathState, { arg_0 }): BasicResult => {
      if (arg_0.length === 0) throw new ToolError(`${name}: empty list`);
      return { result: arg_0.reduce((best, x) => (pick(x, best) ? x : best)) };
    },
  });
}

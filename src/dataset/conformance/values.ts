/**
 * Comparing our tools' values with upstream's recorded ones by value: upstream result strings
 * turned back into values, numbers within a relative tolerance, public state without internal
 * fields, Python sets compared without order.
 */
import { canonicalJson } from "../../core/canonical-json.ts";
import { parsePythonLiteral } from "../importers/python-call.ts";

/** Relative tolerance for numbers: float noise between CPython and V8 stays below it. */
export const RELATIVE_TOLERANCE = 1e-9;

/** Names a Python repr may contain besides True/False/None (`float('nan')` prints as `nan`). */
const REPR_NAMES: Readonly<Record<string, unknown>> = {
  True: true,
  False: false,
  None: null,
  nan: Number.NaN,
  inf: Number.POSITIVE_INFINITY,
};
/** Calls a repr may contain: mpmath's numbers print as `mpf('2.0')`. */
const REPR_CALLS: Readonly<Record<string, (args: unknown[]) => unknown>> = {
  mpf: (args) => Number(args[0]),
};

/**
 * The value behind an upstream result string. Upstream writes dicts with `json.dumps` (valid
 * JSON), falls back to `str()` for everything else (`None`, Python reprs of lists and of dicts
 * holding mpmath numbers), and leaves plain strings as they are.
 */
export function upstreamResultValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // not JSON: try a Python repr next
  }
  try {
    return parsePythonLiteral(text, { names: REPR_NAMES, calls: REPR_CALLS });
  } catch {
    return text; // a plain string result
  }
}

/** Our tool's return value as JSON would carry it: `undefined` is `None`'s counterpart. */
export function ourResultValue(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (_key, member) => (typeof member === "bigint" ? Number(member) : member)),
  );
}

/** Top-level fields whose names do not start with `_` (upstream's public attributes). */
export function publicFields(state: unknown): Record<string, unknown> {
  if (state === null || typeof state !== "object" || Array.isArray(state)) return {};
  return Object.fromEntries(Object.entries(state).filter(([key]) => !key.startsWith("_")));
}

/** Replace the named fields' arrays by sorted copies, so a Python set compares without order. */
export function sortSetFields(
  state: Record<string, unknown>,
  setFields: readonly string[],
): Record<string, unknown> {
  const copy = { ...state };
  for (const field of setFields) {
    const value = copy[field];
    if (Array.isArray(value)) copy[field] = [...value].sort(compareCanonical);
  }
  return copy;
}

function compareCanonical(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const left = canonicalJson(a);
  const right = canonicalJson(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function numbersEqual(a: number, b: number): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  return undefined;
}

/** Where two values first differ: a path (`$` is the root, `.key`, `[index]`) and the values there. */
export interface Difference {
  path: string;
  expected: unknown;
  actual: unknown;
}

/**
 * The first difference between two values by value, or undefined when they are equal. Objects
 * need the same keys (a missing key shows as `undefined`); arrays the same length and order.
 */
export function firstDifference(expected: unknown, actual: unknown, path = "$"): Difference | undefined {
  const here = { path, expected, actual };
  const expectedNumber = asNumber(expected);
  const actualNumber = asNumber(actual);
  if (expectedNumber !== undefined || actualNumber !== undefined) {
    if (expectedNumber === undefined || actualNumber === undefined) return here;
    return numbersEqual(expectedNumber, actualNumber) ? undefined : here;
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return here;
    for (let index = 0; index < Math.max(expected.length, actual.length); index++) {
      if (index >= expected.length || index >= actual.length)
        return { ...here, path: `${path}.length`, expected: expected.length, actual: actual.length };
      const difference = firstDifference(expected[index], actual[index], `${path}[${index}]`);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  if (isRecord(expected) || isRecord(actual)) {
    if (!isRecord(expected) || !isRecord(actual)) return here;
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of [...keys].sort()) {
      const child = /^[A-Za-z_]\w*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
      if (!Object.hasOwn(expected, key) || !Object.hasOwn(actual, key)) {
        return { path: child, expected: expected[key], actual: actual[key] };
      }
      const difference = firstDifference(expected[key], actual[key], child);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  return Object.is(expected, actual) || (expected == null && actual == null) ? undefined : here;
}

export function valuesEqual(expected: unknown, actual: unknown): boolean {
  return firstDifference(expected, actual) === undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The fields of two records that differ, each side restricted to those fields (for readable reports). */
export function differingFields(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
): { expected: Record<string, unknown>; actual: Record<string, unknown> } {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  const differing = keys.filter(
    (key) => !valuesEqual(expected[key], actual[key]) || !bothHave(expected, actual, key),
  );
  const pick = (record: Record<string, unknown>) =>
    Object.fromEntries(
      differing.filter((key) => Object.hasOwn(record, key)).map((key) => [key, record[key]]),
    );
  return { expected: pick(expected), actual: pick(actual) };
}

function bothHave(a: Record<string, unknown>, b: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(a, key) === Object.hasOwn(b, key);
}

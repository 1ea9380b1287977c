/**
 * Turning implicit data flow into `$ref`s. Upstream gold plans (BFCL) carry the *values* an earlier
 * call returned (`cancel_booking(booking_id='3426812')` after `book_flight` produced that id). A
 * literal argument leaf becomes a reference when it equals a leaf of an earlier step's result and
 * the user's text does not already supply it. Pure functions: the importers decide what "earlier"
 * and "text" are.
 */
import { isRef, REF_PATTERN } from "../schema.ts";

/** An earlier step's result, as the plan's gold execution produced it. */
export interface ProducedResult {
  stepId: string;
  result: unknown;
}

/** One literal leaf of a step's arguments that an earlier result produced. */
export interface LiteralFlow {
  /** Path of the leaf inside the arguments (`["numbers", "1"]`). */
  argPath: string[];
  value: string | number;
  /** Reference text, `s3.result.order_id`. */
  ref: string;
}

/** A leaf worth tracing: a non-empty string or a finite number (booleans and null carry no identity). */
export function isTraceableLeaf(value: unknown): value is string | number {
  return (
    (typeof value === "string" && value.trim() !== "") ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether the user's text already supplies `value`: strings as a case-insensitive substring,
 * numbers as a whole number token (`980` also matches `980.0`, never `1980` or `980.5`).
 */
export function suppliedByText(value: string | number, text: string): boolean {
  if (typeof value === "string") return text.toLowerCase().includes(value.toLowerCase());
  return new RegExp(`(?<![\\d.])${escapeRegExp(String(value))}(?:\\.0+)?(?![\\d]|\\.\\d)`).test(text);
}

/** A path segment a reference can spell (REF_PATTERN: no dots, no whitespace, not empty). */
function expressible(segment: string): boolean {
  return /^[^.\s]+$/.test(segment);
}

/** The first path (depth-first, document order) at which `result` holds exactly `value`, if a reference can spell it. */
export function pathOfValue(
  value: string | number,
  result: unknown,
  path: string[] = [],
): string[] | undefined {
  if (typeof result === typeof value && result === value) return path;
  if (Array.isArray(result)) {
    for (let index = 0; index < result.length; index++) {
      const found = pathOfValue(value, result[index], [...path, String(index)]);
      if (found) return found;
    }
  } else if (result !== null && typeof result === "object") {
    for (const [key, member] of Object.entries(result)) {
      if (!expressible(key)) continue;
      const found = pathOfValue(value, member, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The reference to the latest earlier result holding `value` (the nearest producer: an id that
 * `get_order_details` echoes after `place_order` made it comes from the echo), or undefined.
 */
export function findProducer(value: string | number, earlier: readonly ProducedResult[]): string | undefined {
  for (let index = earlier.length - 1; index >= 0; index--) {
    const { stepId, result } = earlier[index]!;
    const path = pathOfValue(value, result);
    if (path) {
      const ref = [`${stepId}.result`, ...path].join(".");
      if (REF_PATTERN.test(ref)) return ref;
    }
  }
  return undefined;
}

/** Literal leaves of `args` (at any depth, existing references skipped) that earlier results produced and the text does not supply. */
export function literalFlows(
  args: Record<string, unknown>,
  earlier: readonly ProducedResult[],
  text: string,
): LiteralFlow[] {
  const flows: LiteralFlow[] = [];
  const visit = (value: unknown, path: string[]) => {
    if (isRef(value)) return;
    if (isTraceableLeaf(value)) {
      if (suppliedByText(value, text)) return;
      const ref = findProducer(value, earlier);
      if (ref) flows.push({ argPath: path, value, ref });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        visit(item, [...path, String(index)]);
      });
    } else if (value !== null && typeof value === "object")
      for (const [key, member] of Object.entries(value)) visit(member, [...path, key]);
  };
  for (const [key, value] of Object.entries(args)) visit(value, [key]);
  return flows;
}

/** A copy of `args` with each flow's leaf replaced by `{"$ref": flow.ref}`. */
export function applyFlows(
  args: Record<string, unknown>,
  flows: readonly LiteralFlow[],
): Record<string, unknown> {
  const copy = structuredClone(args);
  for (const flow of flows) {
    let container: Record<string, unknown> | unknown[] = copy;
    for (const segment of flow.argPath.slice(0, -1)) {
      container = (container as Record<string, unknown>)[segment] as Record<string, unknown> | unknown[];
    }
    (container as Record<string, unknown>)[flow.argPath.at(-1)!] = { $ref: flow.ref };
  }
  return copy;
}

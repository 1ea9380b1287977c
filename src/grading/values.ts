/**
 * Value normalisation shared by matching, answers and the failure rules (DESIGN §6.2): numbers
 * equal within 1e-6 relative, strings equal after trimming, arrays and objects compared member by
 * member. Pure functions.
 */

export const RELATIVE_TOLERANCE = 1e-6;

/** Equal, or within 1e-6 of the larger magnitude (so 0 only equals values that are tiny). */
export function numbersClose(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  // Below 1e-12 both are zero for any practical answer; a pure relative test would never accept 0 vs 1e-300.
  return scale < 1e-12 || Math.abs(a - b) <= RELATIVE_TOLERANCE * scale;
}

/** Deep equality after normalisation. `undefined` members count as absent, as in JSON. */
export function valuesMatch(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return numbersClose(a, b);
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => valuesMatch(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = definedKeys(a);
    const keysB = definedKeys(b);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => key in b && valuesMatch(a[key], b[key]));
  }
  return a === b;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

/**
 * A set key for a scalar: numbers rounded to 9 significant digits (so values within the tolerance
 * almost always share a key), strings trimmed and lower-cased. Booleans, null and empty strings
 * carry no identity and give no key.
 */
export function scalarKey(value: unknown): string | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return `n:${Number(value.toPrecision(9))}`;
  }
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    return text === "" ? null : `s:${text}`;
  }
  return null;
}

/** Every scalar leaf of a JSON value (numbers and strings; object keys are not values). */
export function scalarLeaves(value: unknown, into: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) scalarLeaves(item, into);
  else if (isPlainObject(value)) for (const member of Object.values(value)) scalarLeaves(member, into);
  else if (typeof value === "number" || typeof value === "string") into.push(value);
  return into;
}

/** The keys of every scalar leaf of `value`, added to `into`. */
export function addScalarKeys(value: unknown, into: Set<string>): Set<string> {
  for (const leaf of scalarLeaves(value)) {
    const key = scalarKey(leaf);
    if (key !== null) into.add(key);
  }
  return into;
}

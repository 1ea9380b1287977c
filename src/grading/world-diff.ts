import { isPlainObject, valuesMatch } from "./values.ts";

/**
 * Paths where two world states differ, for the state checks of DESIGN §6.4–6.5. A path is a JSON
 * pointer ("/counter/counters/c"); arrays are compared index by index. Fields whose names start
 * with `_` are internal (an RNG state, a cache) and never compared, at any depth.
 */
export function diffPaths(a: unknown, b: unknown, path = "", into: string[] = []): string[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of [...keys].sort()) {
      if (key.startsWith("_")) continue;
      diffPaths(a[key], b[key], `${path}/${escapeSegment(key)}`, into);
    }
    return into;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const length = Math.max(a.length, b.length);
    for (let index = 0; index < length; index++) diffPaths(a[index], b[index], `${path}/${index}`, into);
    return into;
  }
  if (!valuesMatch(a, b)) into.push(path === "" ? "/" : path);
  return into;
}

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The value at a JSON pointer, or undefined when any part of the path is missing. */
export function valueAtPath(value: unknown, path: string): unknown {
  if (path === "/" || path === "") return value;
  let current = value;
  for (const raw of path.slice(1).split("/")) {
    const segment = unescapeSegment(raw);
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isPlainObject(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

/** Two paths overlap when one is the other or lies inside it. */
export function pathsOverlap(a: string, b: string): boolean {
  if (a === b || a === "/" || b === "/") return true;
  return a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

export function overlapsAny(path: string, paths: readonly string[]): boolean {
  return paths.some((other) => pathsOverlap(path, other));
}

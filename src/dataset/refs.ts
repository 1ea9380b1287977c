import { isRef, REF_PATTERN, type Step } from "./schema.ts";

/** A reference that cannot be resolved (missing step result or path). */
export class RefError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefError";
  }
}

/** Split `s1.result.a.0.b` into the step id and the path below the result. */
export function parseRef(ref: string): { stepId: string; path: string[] } {
  const match = REF_PATTERN.exec(ref);
  if (!match) throw new RefError(`not a reference: ${ref}`);
  const rest = match[2] ?? "";
  return { stepId: match[1] as string, path: rest === "" ? [] : rest.slice(1).split(".") };
}

/** Follow `path` into `value`; numeric segments index arrays. */
export function followPath(value: unknown, path: readonly string[], label: string): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (current !== null && typeof current === "object" && segment in current) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      throw new RefError(`${label}: no field "${segment}" in ${JSON.stringify(current)?.slice(0, 120)}`);
    }
    if (current === undefined) throw new RefError(`${label}: index "${segment}" is out of range`);
  }
  return current;
}

/** Replace every `{"$ref": …}` inside `value` (at any depth) with the referenced step result. */
export function resolveRefs(value: unknown, results: ReadonlyMap<string, unknown>): unknown {
  if (isRef(value)) {
    const { stepId, path } = parseRef(value.$ref);
    if (!results.has(stepId)) throw new RefError(`${value.$ref}: step ${stepId} has no result yet`);
    return followPath(results.get(stepId), path, value.$ref);
  }
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, results));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) out[key] = resolveRefs(member, results);
    return out;
  }
  return value;
}

/** Step ids referenced anywhere inside `value`. */
export function referencedSteps(value: unknown, into = new Set<string>()): Set<string> {
  if (isRef(value)) into.add(parseRef(value.$ref).stepId);
  else if (Array.isArray(value)) for (const item of value) referencedSteps(item, into);
  else if (value !== null && typeof value === "object")
    for (const member of Object.values(value)) referencedSteps(member, into);
  return into;
}

/** A step's predecessors: the steps its arguments reference plus its `after` list. */
export function stepPredecessors(step: Step): string[] {
  const predecessors = referencedSteps(step.args);
  for (const id of step.after ?? []) predecessors.add(id);
  return [...predecessors];
}

/** Steps in an order that respects every dependency (stable: plan order among ready steps). Throws on cycles. */
export function topologicalOrder(plan: readonly Step[]): Step[] {
  const done = new Set<string>();
  const ordered: Step[] = [];
  const remaining = [...plan];
  while (remaining.length > 0) {
    const index = remaining.findIndex((step) => stepPredecessors(step).every((id) => done.has(id)));
    if (index < 0) {
      throw new RefError(
        `plan has a cycle or a reference to a missing step among ${remaining.map((s) => s.id).join(", ")}`,
      );
    }
    const [step] = remaining.splice(index, 1) as [Step];
    done.add(step.id);
    ordered.push(step);
  }
  return ordered;
}

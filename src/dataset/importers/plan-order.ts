/**
 * Ordering and shape of an imported plan. Upstream gold is a sequence; our plans are DAGs. Steps of
 * one task share one domain state, so the sequence is kept exactly where it matters: a step that
 * writes the state waits for every earlier step since the previous write, and a step that only
 * reads waits for the previous write (reads between two writes commute). References add their own
 * edges; `after` holds only the ordering edges a reference does not already imply.
 */
import { stepPredecessors } from "../refs.ts";
import type { PlanPattern, Step } from "../schema.ts";

/** One step in upstream order: whether it writes its domain's state. */
export interface SequencedStep {
  id: string;
  writes: boolean;
}

/** State-conflict predecessors of each step (reader after the last writer; writer after the reads since it, else after it). */
export function conflictPredecessors(steps: readonly SequencedStep[]): Map<string, string[]> {
  const predecessors = new Map<string, string[]>();
  let lastWriter: string | undefined;
  let readsSinceWrite: string[] = [];
  for (const step of steps) {
    if (step.writes) {
      predecessors.set(
        step.id,
        readsSinceWrite.length > 0 ? readsSinceWrite : lastWriter === undefined ? [] : [lastWriter],
      );
      lastWriter = step.id;
      readsSinceWrite = [];
    } else {
      predecessors.set(step.id, lastWriter === undefined ? [] : [lastWriter]);
      readsSinceWrite.push(step.id);
    }
  }
  return predecessors;
}

/**
 * Drop every edge implied by a longer path. `predecessors` maps each id to its direct
 * predecessors; ids appear in a topological order (upstream order), which the walk relies on.
 */
export function transitiveReduction(
  predecessors: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const ancestors = new Map<string, Set<string>>();
  const reduced = new Map<string, string[]>();
  for (const [id, direct] of predecessors) {
    const unique = [...new Set(direct)];
    const reachable = new Set<string>();
    for (const parent of unique) for (const ancestor of ancestors.get(parent) ?? []) reachable.add(ancestor);
    reduced.set(
      id,
      unique.filter((parent) => !reachable.has(parent)),
    );
    ancestors.set(id, new Set([...reachable, ...unique]));
  }
  return reduced;
}

/**
 * Add `after` edges to steps (given in upstream order) so the plan keeps every state conflict,
 * without repeating what references imply and without edges a longer path already covers.
 */
export function withConflictOrder(steps: readonly Step[], writes: ReadonlySet<string>): Step[] {
  const conflicts = conflictPredecessors(steps.map((step) => ({ id: step.id, writes: writes.has(step.id) })));
  const combined = new Map(
    steps.map((step) => [step.id, [...stepPredecessors(step), ...(conflicts.get(step.id) ?? [])]]),
  );
  const reduced = transitiveReduction(combined);
  return steps.map((step) => {
    const referenced = new Set(stepPredecessors({ ...step, after: [] }));
    const after = (reduced.get(step.id) ?? []).filter((id) => !referenced.has(id));
    const { after: _previous, ...rest } = step;
    return after.length > 0 ? { ...rest, after } : rest;
  });
}

/**
 * The plan's shape on its reduced dependency graph: one step is `single`; a path is `chain`;
 * steps with several predecessors and none with several successors is `fan-in`; the reverse (or
 * independent branches) is `fan-out`; both is `mixed`.
 */
export function planPattern(plan: readonly Step[]): PlanPattern {
  if (plan.length === 1) return "single";
  const reduced = transitiveReduction(new Map(plan.map((step) => [step.id, stepPredecessors(step)])));
  const successors = new Map<string, number>();
  let edges = 0;
  let maxIn = 0;
  for (const parents of reduced.values()) {
    edges += parents.length;
    maxIn = Math.max(maxIn, parents.length);
    for (const parent of parents) successors.set(parent, (successors.get(parent) ?? 0) + 1);
  }
  const maxOut = Math.max(0, ...successors.values());
  if (maxIn <= 1 && maxOut <= 1) return edges === plan.length - 1 ? "chain" : "fan-out";
  if (maxOut <= 1) return "fan-in";
  if (maxIn <= 1) return "fan-out";
  return "mixed";
}

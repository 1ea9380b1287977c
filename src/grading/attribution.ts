import type { Matching } from "./matching.ts";
import type { GoldStepInfo, ScenarioGold } from "./scenario-gold.ts";
import type { CallRecord, TraceView } from "./trace-view.ts";
import { scalarKey, scalarLeaves, valuesMatch } from "./values.ts";

/** The gold step an unmatched call most resembles, and where it departs from it. */
export interface NearestStep {
  readonly step: GoldStepInfo | null;
  /** Argument names whose values differ from the step's (every argument when there is no step). */
  readonly differingKeys: readonly string[];
}

export interface Attribution {
  /** The task each domain call worked on, by call index; null when no task uses the tool's domain. */
  readonly taskOfCall: ReadonlyMap<number, string | null>;
  /** For every unmatched call with parsed arguments. */
  readonly nearest: ReadonlyMap<number, NearestStep>;
}

/**
 * Attribute calls to tasks (DESIGN §6.2). A matched call belongs to its step's task. An unmatched
 * call belongs to the task that has a step with the same tool (else the task of the tool's
 * domain) whose arguments agree with it most, then whose declared resources it touches, then
 * whose own values it carries most, then the first such task in scenario order.
 */
export function attributeCalls(gold: ScenarioGold, view: TraceView, matching: Matching): Attribution {
  const taskOfCall = new Map<number, string | null>();
  const nearest = new Map<number, NearestStep>();
  for (const call of view.calls) {
    const stepKey = matching.stepOfCall.get(call.index);
    if (stepKey !== undefined) {
      taskOfCall.set(call.index, gold.stepByKey.get(stepKey)?.taskId ?? null);
      continue;
    }
    const guess = attributeUnmatched(gold, call);
    taskOfCall.set(call.index, guess.taskId);
    if (call.args !== null) nearest.set(call.index, guess.nearest);
  }
  return { taskOfCall, nearest };
}

function attributeUnmatched(
  gold: ScenarioGold,
  call: CallRecord,
): { taskId: string | null; nearest: NearestStep } {
  const withTool = gold.tasks.filter((task) => task.steps.some((step) => step.tool === call.tool));
  const domain = gold.catalog.findTool(call.tool)?.domain.name;
  const candidates =
    withTool.length > 0 ? withTool : gold.tasks.filter((task) => task.task.domain === domain);
  const args = call.args ?? {};
  const callKeys = scalarLeaves(args).map(scalarKey);
  const touched = touchedResources(gold, call);
  let best: { taskId: string; rank: number[]; nearest: NearestStep } | null = null;
  for (const task of candidates) {
    let nearestStep: NearestStep = { step: null, differingKeys: Object.keys(args) };
    let agreement = -1;
    for (const step of task.steps) {
      if (step.tool !== call.tool) continue;
      for (const argumentSet of step.argumentSets) {
        const differing = differingKeys(args, argumentSet);
        const agreeing = Object.keys(argumentSet).length - differing.length;
        if (agreeing > agreement) {
          agreement = agreeing;
          nearestStep = { step, differingKeys: differing };
        }
      }
    }
    const own = gold.exclusiveValues.get(task.task.id);
    const carried = callKeys.filter((key) => key !== null && own?.has(key)).length;
    const owns = touched.some((resource) =>
      task.task.resources.some((own) => resourcesOverlap(resource, own)),
    );
    const rank = [agreement, owns ? 1 : 0, carried];
    if (!best || isBetter(rank, best.rank)) best = { taskId: task.task.id, rank, nearest: nearestStep };
  }
  if (!best) return { taskId: null, nearest: { step: null, differingKeys: Object.keys(args) } };
  return { taskId: best.taskId, nearest: best.nearest };
}

function isBetter(rank: readonly number[], than: readonly number[]): boolean {
  for (let index = 0; index < rank.length; index++) {
    const difference = (rank[index] as number) - (than[index] as number);
    if (difference !== 0) return difference > 0;
  }
  return false;
}

/** Resources the call would touch, judged on the initial world (the state at call time is not in the trace). */
function touchedResources(gold: ScenarioGold, call: CallRecord): string[] {
  const registered = gold.catalog.findTool(call.tool);
  if (!registered || call.args === null) return [];
  try {
    return registered.tool.resources(call.args, gold.initialWorld[registered.domain.name]);
  } catch {
    return [];
  }
}

/** Equal, or one nested in the other (`fs:/a` and `fs:/a/b`, `trading:order` and `trading:order:12`). */
export function resourcesOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return longer.startsWith(shorter) && /[:/]/.test(longer.charAt(shorter.length));
}

/** Argument names present in either object whose values differ. */
export function differingKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !valuesMatch(a[key], b[key]));
}

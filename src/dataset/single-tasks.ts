import { LATENCY_CLASSES, type LatencyClass } from "../core/latency.ts";
import { keyedRng, type Rng } from "../core/rng.ts";
import { SubmitParameters } from "../env/control-tools.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import { buildWorld } from "../tools/world.ts";
import { digest } from "./digest.ts";
import type { DomainGenerator, TaskDraft, TaskTemplate } from "./generators/contract.ts";
import { executePlan, type GoldRun } from "./gold.ts";
import { stepPredecessors } from "./refs.ts";
import type { Step, Task } from "./schema.ts";

/** A verified single task in the pool, with a stable key (`math-007`). */
export interface PoolTask {
  key: string;
  task: Task;
}

export interface SingleTaskReport {
  domain: string;
  tasks: number;
  attempts: number;
  rejected: Array<{ template: string; reason: string }>;
}

/**
 * Generate `perDomain` distinct verified tasks for each domain. Each task is built by a seeded
 * template, executed alone on the domain's default world (it must run without errors), and gets
 * its resources, gold answer, state digest and a latency profile.
 */
export function generateSingleTasks(options: {
  seed: number;
  perDomain: number;
  generators: readonly DomainGenerator[];
  catalog: ToolCatalog;
}): { pool: PoolTask[]; reports: SingleTaskReport[] } {
  const pool: PoolTask[] = [];
  const reports: SingleTaskReport[] = [];
  for (const generator of options.generators) {
    const report: SingleTaskReport = { domain: generator.domain, tasks: 0, attempts: 0, rejected: [] };
    const seen = new Set<string>();
    const maxAttempts = options.perDomain * 20;
    while (report.tasks < options.perDomain && report.attempts < maxAttempts) {
      const attempt = report.attempts++;
      const template = generator.templates[attempt % generator.templates.length] as TaskTemplate;
      const rng = keyedRng(options.seed, "single-task", generator.domain, attempt);
      const unique = `${generator.domain.replace(/[^a-z]/g, "").slice(0, 3)}${attempt.toString(36)}`;
      const outcome = verifyDraft(
        generator.domain,
        template,
        template.build(rng, unique),
        options.catalog,
        rng,
      );
      if (!outcome.ok) {
        report.rejected.push({ template: template.id, reason: outcome.reason });
        continue;
      }
      // Identity ignores the latency profile: the same plan re-timed is not a new task.
      const identity = digest([
        outcome.task.plan.map(({ latency: _latency, ...step }) => step),
        outcome.task.answer,
      ]);
      if (seen.has(identity)) continue;
      seen.add(identity);
      report.tasks += 1;
      const key = `${generator.domain}-${String(report.tasks).padStart(3, "0")}`;
      pool.push({ key, task: { ...outcome.task, origin: `${template.id}@${key}` } });
    }
    reports.push(report);
  }
  return { pool, reports };
}

function verifyDraft(
  domain: string,
  template: TaskTemplate,
  draft: TaskDraft,
  catalog: ToolCatalog,
  rng: Rng,
): { ok: true; task: Task } | { ok: false; reason: string } {
  const solo = soloGold(baseTask(domain, template, draft, [], undefined), catalog, template.id);
  if (!solo.ok) return solo;
  const plan = withLatencyProfile(draft.plan, catalog, rng);
  return { ok: true, task: baseTask(domain, template, { ...draft, plan }, solo.resources, solo.gold) };
}

/**
 * Run a task alone on its domain's default world: every step must succeed and the answer must be
 * submittable. Yields the resources it touched and its gold (answer and state digest).
 */
function soloGold(
  task: Task,
  catalog: ToolCatalog,
  source: string,
): { ok: true; resources: string[]; gold: NonNullable<Task["gold"]> } | { ok: false; reason: string } {
  const world = buildWorld(catalog, [task.domain], {}, source);
  let gold: GoldRun;
  try {
    gold = executePlan(task, world, catalog);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const failed = gold.steps.find((step) => step.error !== undefined || isErrorResult(step.result));
  if (failed) {
    return {
      ok: false,
      reason: `step ${failed.stepId} failed: ${failed.error ?? JSON.stringify(failed.result)}`,
    };
  }
  if (gold.answer !== null && !SubmitParameters.shape.answer.safeParse(gold.answer).success) {
    const shown = JSON.stringify(gold.answer).slice(0, 80);
    return { ok: false, reason: `gold answer ${shown} cannot be submitted with submit_answer` };
  }
  const resources = [...new Set(gold.steps.flatMap((step) => step.resources))].sort();
  return { ok: true, resources, gold: { answer: gold.answer, stateDigest: digest(world[task.domain]) } };
}

function baseTask(
  domain: string,
  template: TaskTemplate,
  draft: TaskDraft,
  resources: string[],
  gold: Task["gold"],
): Task {
  return {
    id: "T1",
    domain,
    instruction: draft.instruction,
    plan: draft.plan,
    answer: draft.answer,
    answerMatch: draft.answerMatch,
    resources,
    tags: [template.pattern],
    origin: template.id,
    ...(gold ? { gold } : {}),
  };
}

/** BFCL-style tools report failures as `{"error": …}` values. */
export function isErrorResult(result: unknown): boolean {
  return result !== null && typeof result === "object" && !Array.isArray(result) && "error" in result;
}

/**
 * Make waiting real: the deepest step of the plan (the end of its critical path) becomes at least
 * `slow`, and with even odds one more step on that path too.
 */
export function withLatencyProfile(plan: readonly Step[], catalog: ToolCatalog, rng: Rng): Step[] {
  const depth = new Map<string, number>();
  const parent = new Map<string, string | undefined>();
  for (const step of plan) {
    let best: string | undefined;
    for (const id of stepPredecessors(step))
      if (best === undefined || (depth.get(id) ?? 0) > (depth.get(best) ?? 0)) best = id;
    depth.set(step.id, best === undefined ? 1 : (depth.get(best) ?? 0) + 1);
    parent.set(step.id, best);
  }
  let deepest = plan[0] as Step;
  for (const step of plan) if ((depth.get(step.id) ?? 0) > (depth.get(deepest.id) ?? 0)) deepest = step;
  const path: string[] = [];
  for (let id: string | undefined = deepest.id; id !== undefined; id = parent.get(id)) path.push(id);
  const slowed = new Set([deepest.id]);
  if (path.length > 1 && rng.next() < 0.5) slowed.add(rng.pick(path.slice(1)));
  return plan.map((step) => {
    if (!slowed.has(step.id)) return step;
    const own = catalog.findTool(step.tool)?.tool.latency ?? "medium";
    return slower(own, "slow") === own ? step : { ...step, latency: "slow" };
  });
}

function slower(a: LatencyClass, b: LatencyClass): LatencyClass {
  return LATENCY_CLASSES.indexOf(a) >= LATENCY_CLASSES.indexOf(b) ? a : b;
}

/**
 * Re-execute an (evolved) task alone on its domain's default world and record its resources and
 * gold again; undefined when it no longer runs cleanly.
 */
export function refreshGold(task: Task, catalog: ToolCatalog): Task | undefined {
  const solo = soloGold(task, catalog, task.origin ?? task.id);
  return solo.ok ? { ...task, resources: solo.resources, gold: solo.gold } : undefined;
}

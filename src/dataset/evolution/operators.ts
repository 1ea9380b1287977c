import { LATENCY_CLASSES } from "../../core/latency.ts";
import type { Rng } from "../../core/rng.ts";
import type { Probe } from "../generators/contract.ts";
import type { Scenario, Step, Task } from "../schema.ts";

/**
 * Rule-based evolution operators (DESIGN §7). Each is a pure function of its inputs and an rng;
 * the filters decide afterwards whether the result is kept.
 */

/** Compose k tasks into one scenario; tasks are relabelled T1..Tk in the given order. */
export function compose(
  tasks: readonly Task[],
  options: { id: string; seed: number; split: string },
): Scenario {
  const domains = new Set(tasks.map((task) => task.domain));
  return {
    id: options.id,
    seed: options.seed,
    split: options.split,
    composition: tasks.length === 1 ? "single" : domains.size === 1 ? "same-domain" : "cross-domain",
    initialWorld: {},
    tasks: tasks.map((task, index) => ({ ...task, id: `T${index + 1}` })),
  };
}

function nextStepId(task: Task): string {
  let index = task.plan.length + 1;
  while (task.plan.some((step) => step.id === `s${index}`)) index += 1;
  return `s${index}`;
}

/** Deepen: add a step that must come after the last step of the plan (a read-only probe of the domain). */
export function deepen(task: Task, probe: Probe): Task {
  const last = task.plan[task.plan.length - 1] as Step;
  const step: Step = { id: nextStepId(task), tool: probe.tool, args: probe.args, after: [last.id] };
  return {
    ...task,
    instruction: `${task.instruction} When that is done, ${probe.phrase}.`,
    plan: [...task.plan, step],
    tags: mergeTags(task, "mixed"),
    origin: `${task.origin ?? "task"}+deepen`,
  };
}

/** Widen: add an independent step (a read-only probe) the task must also perform. */
export function widen(task: Task, probe: Probe): Task {
  const step: Step = { id: nextStepId(task), tool: probe.tool, args: probe.args };
  return {
    ...task,
    instruction: `${task.instruction} Also, ${probe.phrase}.`,
    plan: [...task.plan, step],
    tags: mergeTags(task, "fan-out"),
    origin: `${task.origin ?? "task"}+widen`,
  };
}

/** Re-time: move one step to another latency class. */
export function retime(task: Task, rng: Rng): Task {
  const index = rng.int(0, task.plan.length - 1);
  const latency = rng.pick(LATENCY_CLASSES.filter((latencyClass) => latencyClass !== "instant"));
  return {
    ...task,
    plan: task.plan.map((step, i) => (i === index ? { ...step, latency } : step)),
    origin: `${task.origin ?? "task"}+retime`,
  };
}

function mergeTags(task: Task, tag: Task["tags"][number]): Task["tags"] {
  const tags: Task["tags"] = task.tags.filter((existing) => existing !== "single");
  return tags.includes(tag) ? tags : [...tags, tag];
}

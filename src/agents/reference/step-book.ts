import type { Feedback } from "../../agents/agent.ts";
import type { ToolCallRequest } from "../../core/messages.ts";
import { RefError, resolveRefs, stepPredecessors } from "../../dataset/refs.ts";
import type { Step, Task } from "../../dataset/schema.ts";
import { SUBMIT_TOOL, WAIT_TOOL } from "../../env/control-tools.ts";

type StepStatus = "todo" | "requested" | "pending" | "done";

interface StepEntry {
  readonly taskId: string;
  readonly step: Step;
  status: StepStatus;
}

/**
 * What a reference agent knows: the gold plans (what to do) and the results it has been given
 * through the protocol (acks, notifications, sync tool results). It never reads the environment.
 */
export class StepBook {
  readonly tasks: readonly Task[];
  readonly #entries = new Map<string, StepEntry>();
  readonly #byRequest = new Map<string, StepEntry>();
  readonly #byCall = new Map<string, StepEntry>();
  readonly #results = new Map<string, Map<string, unknown>>();
  readonly #submitted = new Set<string>();
  #requestCounter = 0;

  constructor(tasks: readonly Task[]) {
    this.tasks = tasks;
    for (const task of tasks) {
      this.#results.set(task.id, new Map());
      for (const step of task.plan)
        this.#entries.set(key(task.id, step.id), { taskId: task.id, step, status: "todo" });
    }
  }

  /** Take in what the environment said since the last turn. */
  absorb(feedback: Feedback): void {
    for (const { requestId, tool, response } of feedback.toolResponses) {
      if (tool === SUBMIT_TOOL || tool === WAIT_TOOL) continue;
      const entry = this.#byRequest.get(requestId);
      if (!entry) continue;
      if (response.status === "pending") {
        entry.status = "pending";
        this.#byCall.set(response.call_id, entry);
      } else if (response.status === "ok") {
        this.#finish(entry, response.result);
      } else if (response.retryable) {
        entry.status = "todo";
      } else {
        this.#finish(entry, { error: response.error });
      }
    }
    for (const delivery of feedback.deliveries) {
      const entry = this.#byCall.get(delivery.call_id);
      if (!entry) continue;
      if (delivery.status === "ok") this.#finish(entry, delivery.result);
      else if (delivery.retryable) entry.status = "todo";
      else this.#finish(entry, { error: delivery.error });
    }
  }

  /** Steps of a task whose inputs have all been delivered and that were not yet requested, in plan order. */
  readySteps(taskId: string): Step[] {
    const task = this.#task(taskId);
    const results = this.#results.get(taskId) as Map<string, unknown>;
    return task.plan.filter(
      (step) =>
        this.#entry(taskId, step.id).status === "todo" &&
        stepPredecessors(step).every((id) => results.has(id)),
    );
  }

  /** Steps of a task not yet requested, in plan order, whatever their inputs. */
  unrequestedSteps(taskId: string): Step[] {
    return this.#task(taskId).plan.filter((step) => this.#entry(taskId, step.id).status === "todo");
  }

  inFlight(taskId?: string): number {
    let count = 0;
    for (const entry of this.#entries.values()) {
      if (
        (taskId === undefined || entry.taskId === taskId) &&
        (entry.status === "pending" || entry.status === "requested")
      ) {
        count += 1;
      }
    }
    return count;
  }

  isComplete(taskId: string): boolean {
    return this.#task(taskId).plan.every((step) => this.#entry(taskId, step.id).status === "done");
  }

  isSubmitted(taskId: string): boolean {
    return this.#submitted.has(taskId);
  }

  /**
   * A call for `step` with arguments resolved from delivered results (or from `known` values, for
   * agents that guess). When an input cannot be resolved (an earlier step returned an error), the
   * step is given up as failed and no call is made: the grader will see the task fail.
   */
  call(taskId: string, step: Step, known?: ReadonlyMap<string, unknown>): ToolCallRequest | undefined {
    const entry = this.#entry(taskId, step.id);
    let args: unknown;
    try {
      args = resolveRefs(step.args, known ?? (this.#results.get(taskId) as Map<string, unknown>));
    } catch (error) {
      if (!(error instanceof RefError)) throw error;
      this.#finish(entry, { error: error.message });
      return undefined;
    }
    const request = this.#request(step.tool, args);
    entry.status = "requested";
    this.#byRequest.set(request.id, entry);
    return request;
  }

  submit(taskId: string): ToolCallRequest {
    const task = this.#task(taskId);
    let answer: unknown = "";
    if (task.answer !== null && task.answer !== undefined) {
      try {
        answer = resolveRefs(task.answer, this.#results.get(taskId) as Map<string, unknown>);
      } catch {
        answer = "";
      }
    }
    this.#submitted.add(taskId);
    return this.#request(SUBMIT_TOOL, { task_id: taskId, answer: answer ?? null });
  }

  wait(): ToolCallRequest {
    return this.#request(WAIT_TOOL, {});
  }

  #request(name: string, args: unknown): ToolCallRequest {
    this.#requestCounter += 1;
    return { id: `r${this.#requestCounter}`, name, arguments: JSON.stringify(args) };
  }

  #finish(entry: StepEntry, result: unknown): void {
    entry.status = "done";
    (this.#results.get(entry.taskId) as Map<string, unknown>).set(entry.step.id, result);
  }

  #task(taskId: string): Task {
    const task = this.tasks.find((candidate) => candidate.id === taskId);
    if (!task) throw new Error(`harness: unknown task ${taskId}`);
    return task;
  }

  #entry(taskId: string, stepId: string): StepEntry {
    const entry = this.#entries.get(key(taskId, stepId));
    if (!entry) throw new Error(`harness: unknown step ${taskId}.${stepId}`);
    return entry;
  }
}

function key(taskId: string, stepId: string): string {
  return `${taskId}\u0000${stepId}`;
}

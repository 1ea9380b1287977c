import type { FailureContext, FailureInstance } from "./failure-types.ts";

/**
 * Task-level failure rules (DESIGN §6.8). Each is a pure function of the failure context and is
 * documented with an example trace in docs/metrics.md.
 */

/**
 * Dependency violation: a call assigned to a gold step was issued before the result of every
 * predecessor of that step had been *delivered* to the agent (notification or sync tool result).
 * One occurrence per violating step. A call that guesses an unseen value right still violates.
 */
export function dependencyViolations(context: FailureContext): FailureInstance[] {
  const found: FailureInstance[] = [];
  for (const match of context.matching.steps.values()) {
    if (!match.violation || !match.call) continue;
    found.push({
      kind: "dependencyViolation",
      taskId: match.step.taskId,
      requestId: match.call.requestId,
      detail: `${match.step.key} (${match.step.tool}) issued at t=${match.call.t} before the result of ${match.missingInputs.join(", ")} was delivered`,
    });
  }
  return found;
}

/**
 * Task neglect: a task never started (no call attributed to it) or never submitted. A task
 * answered without a single tool call counts as never started. One occurrence per task.
 */
export function taskNeglect(context: FailureContext): FailureInstance[] {
  const found: FailureInstance[] = [];
  for (const subtask of context.subtasks) {
    if (subtask.started && subtask.submitted) continue;
    const problems = [subtask.started ? "" : "never started", subtask.submitted ? "" : "never submitted"];
    found.push({
      kind: "taskNeglect",
      taskId: subtask.taskId,
      detail: `${subtask.taskId} was ${problems.filter((problem) => problem !== "").join(" and ")}`,
    });
  }
  return found;
}

/**
 * Premature answer: a task was submitted while a result its answer needs (the steps the gold
 * answer references, else the plan's final steps) was still on its way: a call for that step had
 * been issued (matching it, or attributed to the task with the same tool) but its result reached
 * the agent only after the submission, or never. One occurrence per task.
 */
export function prematureAnswers(context: FailureContext): FailureInstance[] {
  const found: FailureInstance[] = [];
  for (const [taskId, late] of latePrerequisites(context)) {
    const submission = context.view.submissions.get(taskId);
    found.push({
      kind: "prematureAnswer",
      taskId,
      detail: `${taskId} submitted at t=${submission?.t} before the result of ${late.join(", ")} had arrived`,
    });
  }
  return found;
}

/** Per prematurely submitted task, the needed steps whose results arrived after the submission. */
export function latePrerequisites(
  context: Pick<FailureContext, "gold" | "view" | "matching" | "attribution">,
): Map<string, string[]> {
  const { gold, view, matching, attribution } = context;
  const premature = new Map<string, string[]>();
  for (const task of gold.tasks) {
    const submission = view.submissions.get(task.task.id);
    if (!submission) continue;
    const late = task.neededSteps.filter((key) => {
      const match = matching.steps.get(key);
      if (match?.call) return match.deliveredAt === null || match.deliveredAt > submission.t;
      return view.calls.some((call) => {
        const near = attribution.nearest.get(call.index);
        return (
          near?.step?.key === key &&
          call.status === "accepted" &&
          call.t <= submission.t &&
          (call.deliveredAt === null || call.deliveredAt > submission.t)
        );
      });
    });
    if (late.length > 0) premature.set(task.task.id, late);
  }
  return premature;
}

/** Wrong answer: a submitted answer that does not equal the gold answer under the task's answerMatch mode. */
export function wrongAnswers(context: FailureContext): FailureInstance[] {
  const found: FailureInstance[] = [];
  for (const subtask of context.subtasks) {
    if (!subtask.submitted || subtask.answerCorrect !== false) continue;
    const task = context.gold.taskById.get(subtask.taskId);
    const submitted = context.view.submissions.get(subtask.taskId)?.answer;
    found.push({
      kind: "wrongAnswer",
      taskId: subtask.taskId,
      detail: `${subtask.taskId} answered ${clip(submitted)}, gold ${clip(task?.answer)} (${task?.task.answerMatch})`,
    });
  }
  return found;
}

/** Budget exhausted: the episode ended on its turn or tick budget. At most one occurrence. */
export function budgetExhausted(context: FailureContext): FailureInstance[] {
  const { reason, turns } = context.view.end;
  if (reason !== "max-turns" && reason !== "max-ticks") return [];
  return [{ kind: "budgetExhausted", detail: `episode ended on ${reason} after ${turns} turns` }];
}

export function clip(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

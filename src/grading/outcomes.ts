import { answerMatches } from "./answers.ts";
import type { Attribution } from "./attribution.ts";
import type { Matching } from "./matching.ts";
import type { ScenarioGold, TaskGold } from "./scenario-gold.ts";
import type { TraceView } from "./trace-view.ts";
import { valuesMatch } from "./values.ts";
import { diffPaths, overlapsAny, valueAtPath } from "./world-diff.ts";

export interface StateCheck {
  /** Paths where the final world differs from the gold world (every task's plan applied). */
  readonly differences: readonly string[];
  /** Differences where the agent changed a value to one no task asked for (neither initial nor gold). */
  readonly collateral: readonly string[];
}

/** Compare the episode's final world with the gold world (DESIGN §6.4–6.5). */
export function checkState(gold: ScenarioGold, finalWorld: Record<string, unknown>): StateCheck {
  const differences = diffPaths(gold.goldWorld, finalWorld);
  const collateral = differences.filter(
    (path) => !valuesMatch(valueAtPath(finalWorld, path), valueAtPath(gold.initialWorld, path)),
  );
  return { differences, collateral };
}

export interface SubtaskOutcome {
  taskId: string;
  domain: string;
  patterns: string[];
  /** Some call was attributed to the task. */
  started: boolean;
  submitted: boolean;
  steps: number;
  stepsMatched: number;
  dependencyViolations: number;
  /** Submitted before a result the answer needs had arrived (a guess, even when right). */
  premature: boolean;
  /** null when the task has no gold answer (a pure action). */
  answerCorrect: boolean | null;
  /** No world path the task's plan changes differs from the gold world. */
  stateCorrect: boolean;
  success: boolean;
}

/**
 * Sub-task success (DESIGN §6.4): every gold step matched, no dependency violation in the task,
 * the answer correct when there is one, the task's part of the world in the gold state, submitted
 * — and, beyond the design's list, not submitted prematurely: an answer given before the result
 * it rests on arrived is a guess, like a dependency violation, even when it happens to be right.
 */
export function subtaskOutcome(
  task: TaskGold,
  view: TraceView,
  matching: Matching,
  attribution: Attribution,
  state: StateCheck,
  premature: ReadonlySet<string>,
): SubtaskOutcome {
  const id = task.task.id;
  const matches = task.steps.map((step) => matching.steps.get(step.key));
  const stepsMatched = matches.filter((match) => match?.call !== undefined).length;
  const dependencyViolations = matches.filter((match) => match?.violation).length;
  const submission = view.submissions.get(id);
  const answerCorrect =
    task.answer === null
      ? null
      : submission
        ? answerMatches(submission.answer, task.answer, task.task.answerMatch)
        : false;
  const stateCorrect = !state.differences.some((path) => overlapsAny(path, task.effectPaths));
  const started = [...attribution.taskOfCall.values()].includes(id);
  return {
    taskId: id,
    domain: task.task.domain,
    patterns: [...task.task.tags],
    started,
    submitted: submission !== undefined,
    steps: task.steps.length,
    stepsMatched,
    dependencyViolations,
    premature: premature.has(id),
    answerCorrect,
    stateCorrect,
    success:
      stepsMatched === task.steps.length &&
      dependencyViolations === 0 &&
      !premature.has(id) &&
      answerCorrect !== false &&
      stateCorrect &&
      submission !== undefined,
  };
}

/** Task (scenario) success (DESIGN §6.5): every sub-task succeeds and nothing else was changed. */
export function scenarioSuccess(subtasks: readonly SubtaskOutcome[], state: StateCheck): boolean {
  return subtasks.every((subtask) => subtask.success) && state.collateral.length === 0;
}

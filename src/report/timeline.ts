import type { TraceEvent } from "../core/trace.ts";
import { isRef, type Scenario } from "../dataset/schema.ts";
import { isControlTool } from "../env/control-tools.ts";
import { attributeCalls } from "../grading/attribution.ts";
import type { FailureKind } from "../grading/failure-types.ts";
import { matchCalls } from "../grading/matching.ts";
import { scenarioGold } from "../grading/scenario-gold.ts";
import { readTrace } from "../grading/trace-view.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import { REGISTRY } from "../tools/registry.ts";
import type { CallStatus, EpisodeDetail, TimelineCall, TimelineTask } from "./page-data.ts";
import type { ReportEpisode } from "./report-episode.ts";
import { rebuildTranscript } from "./transcript.ts";

/**
 * An episode's timeline: one row per task, every domain call a bar from issue to completion (and
 * on to delivery), idle spans, answers, and the grader's flags. Calls are put on task rows with
 * the grader's own attribution (matching against the gold DAG) when the scenario is known and its
 * gold computes; otherwise by the tools of each task's gold plan; otherwise on a shared row.
 */
export interface TimelineOptions {
  turnCost?: number;
  catalog?: ToolCatalog;
}

interface Assignment {
  taskId: string | null;
  step?: string;
  violation?: boolean;
}

export function episodeTimeline(
  episode: ReportEpisode,
  scenario: Scenario | undefined,
  options: TimelineOptions = {},
): EpisodeDetail {
  const { trace, score } = episode;
  const start = trace.find((event) => event.type === "episode-start");
  const taskIds =
    scenario?.tasks.map((task) => task.id) ?? (start?.type === "episode-start" ? start.tasks : []);
  const subtasks = new Map((score?.subtasks ?? []).map((subtask) => [subtask.taskId, subtask]));
  const tasks: TimelineTask[] = taskIds.map((id) => {
    const task = scenario?.tasks.find((candidate) => candidate.id === id);
    const subtask = subtasks.get(id);
    return {
      id,
      domain: task?.domain ?? subtask?.domain ?? "",
      instruction: task?.instruction ?? "",
      success: subtask?.success ?? null,
      submitted:
        subtask?.submitted ?? trace.some((event) => event.type === "answer-submit" && event.taskId === id),
      answerCorrect: subtask?.answerCorrect ?? null,
    };
  });
  const rowOf = (taskId: string | null | undefined) => {
    const index = taskId ? taskIds.indexOf(taskId) : -1;
    return index >= 0 ? index : taskIds.length;
  };
  const { assignments, attribution } = assign(trace, scenario, options.catalog ?? REGISTRY);
  const flagsByRequest = new Map<string, Set<FailureKind>>();
  for (const failure of score?.failureDetails ?? []) {
    if (failure.requestId === undefined) continue;
    const flags = flagsByRequest.get(failure.requestId) ?? new Set<FailureKind>();
    flags.add(failure.kind);
    flagsByRequest.set(failure.requestId, flags);
  }
  return {
    tasks,
    attribution,
    calls: domainCalls(trace).map((call) => {
      const assigned = assignments.get(call.seq);
      const flags = new Set(flagsByRequest.get(call.requestId) ?? []);
      if (assigned?.violation) flags.add("dependencyViolation");
      const timelineCall: TimelineCall = {
        row: rowOf(assigned?.taskId),
        tool: call.tool,
        requestId: call.requestId,
        issuedAt: call.issuedAt,
        completedAt: call.completedAt,
        deliveredAt: call.deliveredAt,
        status: call.status,
        flags: [...flags],
      };
      if (call.callId !== undefined) timelineCall.callId = call.callId;
      if (assigned?.step !== undefined) timelineCall.step = assigned.step;
      return timelineCall;
    }),
    idle: idleSpans(trace, options.turnCost ?? 1),
    answers: trace.flatMap((event) =>
      event.type === "answer-submit"
        ? [
            {
              row: rowOf(event.taskId),
              t: event.t,
              requestId: event.requestId,
              answer: JSON.stringify(event.answer) ?? "null",
              correct: subtasks.get(event.taskId)?.answerCorrect ?? null,
            },
          ]
        : [],
    ),
    turns: trace.flatMap((event) => (event.type === "model-request" ? [event.t] : [])),
    reminders: trace.flatMap((event) => (event.type === "reminder" ? [event.t] : [])),
    infraErrors: trace.flatMap((event) =>
      event.type === "infra-error" ? [{ t: event.t, message: event.message }] : [],
    ),
    end: endOf(trace),
    failures: (score?.failureDetails ?? []).map((failure) => ({ ...failure })),
    transcript: rebuildTranscript(trace),
  };
}

interface CallTiming {
  seq: number;
  requestId: string;
  tool: string;
  callId: string | undefined;
  issuedAt: number;
  completedAt: number | null;
  deliveredAt: number | null;
  status: CallStatus;
  args: Record<string, unknown> | null;
}

/** Domain calls with their completion and delivery times, in issue order (control tools left out). */
export function domainCalls(trace: readonly TraceEvent[]): CallTiming[] {
  const calls: CallTiming[] = [];
  const byCallId = new Map<string, CallTiming>();
  for (const event of trace) {
    if (event.type === "tool-call" && !isControlTool(event.tool)) {
      const call: CallTiming = {
        seq: event.seq,
        requestId: event.requestId,
        tool: event.tool,
        callId: event.callId,
        issuedAt: event.t,
        completedAt: null,
        deliveredAt: null,
        status: event.status === "accepted" ? "pending" : event.status,
        args: typeof event.arguments === "string" ? null : event.arguments,
      };
      calls.push(call);
      if (event.callId !== undefined) byCallId.set(event.callId, call);
    } else if (event.type === "tool-complete") {
      const call = byCallId.get(event.callId);
      if (call) {
        call.completedAt = event.t;
        call.status = event.fault ? "fault" : event.status;
      }
    } else if (event.type === "notification") {
      for (const callId of event.callIds) {
        const call = byCallId.get(callId);
        if (call && call.deliveredAt === null) call.deliveredAt = event.t;
      }
    }
  }
  return calls;
}

function assign(
  trace: readonly TraceEvent[],
  scenario: Scenario | undefined,
  catalog: ToolCatalog,
): { assignments: Map<number, Assignment>; attribution: EpisodeDetail["attribution"] } {
  const assignments = new Map<number, Assignment>();
  if (!scenario) return { assignments, attribution: "none" };
  try {
    const view = readTrace(trace);
    const gold = scenarioGold(scenario, catalog);
    const matching = matchCalls(gold, view);
    const { taskOfCall } = attributeCalls(gold, view, matching);
    const violating = new Set(
      [...matching.steps.values()].flatMap((match) =>
        match.violation && match.call ? [match.call.seq] : [],
      ),
    );
    for (const call of view.calls) {
      const step = matching.stepOfCall.get(call.index);
      assignments.set(call.seq, {
        taskId: taskOfCall.get(call.index) ?? null,
        ...(step === undefined ? {} : { step }),
        violation: violating.has(call.seq),
      });
    }
    return { assignments, attribution: "grader" };
  } catch {
    // Gold does not compute (e.g. a tool changed since the run): fall back to the plans' tools.
    for (const call of domainCalls(trace)) assignments.set(call.seq, { taskId: taskByPlan(scenario, call) });
    return { assignments, attribution: "gold-plan" };
  }
}

/** The task whose plan has a step with the call's tool, preferring the one whose literal arguments agree most. */
export function taskByPlan(scenario: Scenario, call: Pick<CallTiming, "tool" | "args">): string | null {
  let best: { taskId: string; agreement: number } | null = null;
  for (const task of scenario.tasks) {
    for (const step of task.plan) {
      if (step.tool !== call.tool) continue;
      const agreement = Object.entries(step.args).filter(
        ([key, value]) => !isRef(value) && JSON.stringify(call.args?.[key]) === JSON.stringify(value),
      ).length;
      if (!best || agreement > best.agreement) best = { taskId: task.id, agreement };
    }
  }
  return best?.taskId ?? null;
}

/** Explicit and implicit waits (async), and turns that blocked longer than a turn (sync). */
export function idleSpans(trace: readonly TraceEvent[], turnCost: number): EpisodeDetail["idle"] {
  const spans: EpisodeDetail["idle"] = [];
  const start = trace.find((event) => event.type === "episode-start");
  if (start?.type === "episode-start" && start.protocol === "sync") {
    const turns = trace.flatMap((event) => (event.type === "model-request" ? [event.t] : []));
    for (let index = 0; index + 1 < turns.length; index++) {
      const from = (turns[index] as number) + turnCost;
      const to = turns[index + 1] as number;
      if (to > from) spans.push({ from, to, kind: "blocked" });
    }
    return spans;
  }
  for (const event of trace)
    if (event.type === "wait" && event.until > event.t)
      spans.push({ from: event.t, to: event.until, kind: "wait" });
  return spans;
}

function endOf(trace: readonly TraceEvent[]): EpisodeDetail["end"] {
  for (let index = trace.length - 1; index >= 0; index--) {
    const event = trace[index];
    if (event?.type === "episode-end") return { t: event.t, makespan: event.makespan, reason: event.reason };
  }
  return null;
}

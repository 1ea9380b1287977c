import { BadInputError } from "../core/errors.ts";
import type { TraceEvent, TraceEventOf } from "../core/trace.ts";
import { isControlTool } from "../env/control-tools.ts";

/** One tool call as the grader sees it: the call, its ack, its completion and when the agent saw the result. */
export interface CallRecord {
  /** Position among the episode's calls of the same kind (domain or control), in issue order. */
  readonly index: number;
  readonly seq: number;
  /** Issue time (the turn's start). */
  readonly t: number;
  readonly turn: number;
  readonly requestId: string;
  readonly tool: string;
  /** Parsed arguments, or null when the text was not a JSON object. */
  readonly args: Record<string, unknown> | null;
  readonly status: "accepted" | "invalid" | "rejected";
  readonly callId: string | undefined;
  /** Set once the call completed (accepted calls always complete, in flight ones after the last turn). */
  completion: { t: number; status: "ok" | "error"; result: unknown; fault: boolean } | undefined;
  /** First time the result was handed to the agent; null when it never was. */
  deliveredAt: number | null;
}

export interface Submission {
  readonly t: number;
  readonly seq: number;
  readonly taskId: string;
  readonly answer: unknown;
}

/** The parts of a trace every grader reads, indexed once. */
export interface TraceView {
  readonly start: TraceEventOf<"episode-start">;
  readonly end: TraceEventOf<"episode-end">;
  /** Domain tool calls (valid or not), in issue order. */
  readonly calls: readonly CallRecord[];
  /** wait() and submit_answer calls, in issue order. */
  readonly controlCalls: readonly CallRecord[];
  readonly submissions: ReadonlyMap<string, Submission>;
  /** Start time of every turn the agent took, in order. */
  readonly turnTimes: readonly number[];
  readonly usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number; reported: boolean };
  readonly infraError: boolean;
  /** Turns whose text held tool-call blocks that could not be parsed (prompt mode), with their count. */
  readonly unparseableTurns: ReadonlyArray<{ turn: number; t: number; count: number }>;
}

/** Index a trace. Throws when the trace lacks its start or end event (an unfinished or cut file). */
export function readTrace(trace: readonly TraceEvent[]): TraceView {
  let start: TraceEventOf<"episode-start"> | undefined;
  let end: TraceEventOf<"episode-end"> | undefined;
  const calls: CallRecord[] = [];
  const controlCalls: CallRecord[] = [];
  const byCallId = new Map<string, CallRecord>();
  const submissions = new Map<string, Submission>();
  const turnTimes: number[] = [];
  const usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, reported: false };
  let infraError = false;
  const unparseableTurns: Array<{ turn: number; t: number; count: number }> = [];
  for (const event of trace) {
    switch (event.type) {
      case "episode-start":
        start = event;
        break;
      case "episode-end":
        end = event;
        break;
      case "model-request":
        turnTimes.push(event.t);
        break;
      case "model-response":
        if (event.unparseableCalls)
          unparseableTurns.push({ turn: event.turn, t: event.t, count: event.unparseableCalls });
        if (event.usage) {
          usage.reported = true;
          usage.inputTokens += event.usage.inputTokens;
          usage.outputTokens += event.usage.outputTokens;
          usage.cachedInputTokens += event.usage.cachedInputTokens ?? 0;
        }
        break;
      case "tool-call": {
        const list = isControlTool(event.tool) ? controlCalls : calls;
        const record: CallRecord = {
          index: list.length,
          seq: event.seq,
          t: event.t,
          turn: event.turn,
          requestId: event.requestId,
          tool: event.tool,
          args: typeof event.arguments === "string" ? null : event.arguments,
          status: event.status,
          callId: event.callId,
          completion: undefined,
          deliveredAt: null,
        };
        list.push(record);
        if (event.callId !== undefined) byCallId.set(event.callId, record);
        break;
      }
      case "tool-complete": {
        const record = byCallId.get(event.callId);
        if (record) {
          record.completion = {
            t: event.t,
            status: event.status,
            result: event.status === "ok" ? event.result : { error: event.error },
            fault: event.fault,
          };
        }
        break;
      }
      case "notification":
        for (const callId of event.callIds) {
          const record = byCallId.get(callId);
          if (record && record.deliveredAt === null) record.deliveredAt = event.t;
        }
        break;
      case "answer-submit":
        if (!submissions.has(event.taskId)) {
          submissions.set(event.taskId, {
            t: event.t,
            seq: event.seq,
            taskId: event.taskId,
            answer: event.answer,
          });
        }
        break;
      case "infra-error":
        infraError = true;
        break;
      default:
        break;
    }
  }
  if (!start) throw new BadInputError("trace has no episode-start event");
  if (!end) throw new BadInputError("trace has no episode-end event (the episode did not finish)");
  return { start, end, calls, controlCalls, submissions, turnTimes, usage, infraError, unparseableTurns };
}

/** An accepted call that completed without an injected fault: the only calls that can match a gold step. */
export function isEffective(call: CallRecord): boolean {
  return call.status === "accepted" && call.args !== null && call.completion?.fault !== true;
}

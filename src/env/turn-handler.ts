import type { EpisodeInfo, ToolResponse } from "../agents/agent.ts";
import type { Clock } from "../core/clock.ts";
import type { AgentResponse, ToolCallRequest } from "../core/messages.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import { isControlTool, SUBMIT_TOOL, SubmitParameters, WAIT_TOOL, WaitParameters } from "./control-tools.ts";
import type { Completion, Executor, IssuedCall } from "./executor.ts";
import { parseArgumentText, validateArguments } from "./parse-call.ts";
import type { TraceRecorder } from "./trace-recorder.ts";

interface PendingResponse {
  requestId: string;
  tool: string;
  /** Known at once (ack, error, control result), or filled from the completion under sync. */
  response?: ToolResponse;
  call?: IssuedCall;
}

export interface TurnOutcome {
  issued: IssuedCall[];
  waitRequested: boolean;
  responses: PendingResponse[];
}

/**
 * Handles the tool calls of one agent response: validation, issuing, control tools, submissions.
 * Every call gets exactly one tool-call event and one tool message.
 */
export class TurnHandler {
  readonly #info: EpisodeInfo;
  readonly #catalog: ToolCatalog;
  readonly #executor: Executor;
  readonly #recorder: TraceRecorder;
  readonly #clock: Clock;
  readonly #offered: Set<string>;
  readonly #submitted = new Map<string, unknown>();
  #lastSubmitTime = 0;
  #domainCalls = 0;

  constructor(options: {
    info: EpisodeInfo;
    catalog: ToolCatalog;
    executor: Executor;
    recorder: TraceRecorder;
    clock: Clock;
  }) {
    this.#info = options.info;
    this.#catalog = options.catalog;
    this.#executor = options.executor;
    this.#recorder = options.recorder;
    this.#clock = options.clock;
    this.#offered = new Set(options.info.tools.map((tool) => tool.name));
  }

  get allSubmitted(): boolean {
    return this.#submitted.size === this.#info.tasks.length;
  }

  get lastSubmitTime(): number {
    return this.#lastSubmitTime;
  }

  get domainCalls(): number {
    return this.#domainCalls;
  }

  openTasks(): string[] {
    return this.#info.tasks.map((task) => task.id).filter((id) => !this.#submitted.has(id));
  }

  handle(turn: number, response: AgentResponse): TurnOutcome {
    const outcome: TurnOutcome = { issued: [], waitRequested: false, responses: [] };
    const waitCalls: PendingResponse[] = [];
    for (const call of response.toolCalls) {
      if (!isControlTool(call.name)) this.#domainCalls += 1;
      const entry = this.#handleCall(turn, call, outcome);
      if (call.name === WAIT_TOOL && entry.response === undefined) waitCalls.push(entry);
      outcome.responses.push(entry);
    }
    // wait() is judged after the whole turn: calls issued beside it count as pending.
    for (const waitCall of waitCalls) {
      if (this.#info.protocol === "async" && this.#executor.pendingCount > 0) {
        outcome.waitRequested = true;
        waitCall.response = { status: "ok", result: "waited for the next result" };
        this.#callEvent(turn, waitCall.requestId, WAIT_TOOL, {}, "accepted");
      } else {
        const error =
          this.#info.protocol === "sync"
            ? "wait() has no effect: tools are synchronous and nothing is pending"
            : "wait() has no effect: nothing is pending";
        waitCall.response = { status: "error", error };
        this.#callEvent(turn, waitCall.requestId, WAIT_TOOL, {}, "invalid", { error });
      }
    }
    return outcome;
  }

  /** The tool message of every call of the turn, in call order; sync results come from the completions. */
  finishResponses(
    outcome: TurnOutcome,
    completions: readonly Completion[],
  ): Array<{ requestId: string; tool: string; response: ToolResponse }> {
    const byCall = new Map(completions.map((completion) => [completion.call.callId, completion]));
    return outcome.responses.map((entry) => {
      if (entry.response) return { requestId: entry.requestId, tool: entry.tool, response: entry.response };
      const completion = entry.call ? byCall.get(entry.call.callId) : undefined;
      if (!completion) throw new Error(`harness: no result for ${entry.tool} call ${entry.requestId}`);
      const response: ToolResponse =
        completion.status === "ok"
          ? { status: "ok", result: completion.result }
          : {
              status: "error",
              error: completion.error as string,
              ...(completion.retryable ? { retryable: true } : {}),
            };
      return { requestId: entry.requestId, tool: entry.tool, response };
    });
  }

  #handleCall(turn: number, call: ToolCallRequest, outcome: TurnOutcome): PendingResponse {
    const entry: PendingResponse = { requestId: call.id, tool: call.name };
    const parsed = parseArgumentText(call);
    if (!parsed.ok) return this.#invalid(turn, entry, call.arguments, parsed.error);

    if (call.name === WAIT_TOOL) {
      const valid = validateArguments(WAIT_TOOL, WaitParameters, parsed.args);
      if (!valid.ok) return this.#invalid(turn, entry, parsed.args, valid.error);
      return entry;
    }
    if (call.name === SUBMIT_TOOL) return this.#submit(turn, entry, parsed.args);

    const registered = this.#offered.has(call.name) ? this.#catalog.findTool(call.name) : undefined;
    if (!registered) {
      return this.#invalid(
        turn,
        entry,
        parsed.args,
        `unknown tool "${call.name}": it is not one of the tools offered`,
      );
    }
    const valid = validateArguments(call.name, registered.tool.parameters, parsed.args);
    if (!valid.ok) return this.#invalid(turn, entry, parsed.args, valid.error);

    const now = this.#clock.now();
    const issued = this.#executor.issue(registered, valid.args, now);
    if (!issued.ok) {
      entry.response = { status: "error", error: issued.error, retryable: true };
      this.#callEvent(turn, call.id, call.name, valid.args, "rejected", { error: issued.error });
      return entry;
    }
    const { callId, startsAt, completesAt } = issued.call;
    this.#callEvent(turn, call.id, call.name, valid.args, "accepted", { callId });
    this.#recorder.emit({
      type: "tool-ack",
      t: now,
      callId,
      requestId: call.id,
      tool: call.name,
      startsAt,
      completesAt,
    });
    outcome.issued.push(issued.call);
    entry.call = issued.call;
    if (this.#info.protocol === "async") entry.response = { status: "pending", call_id: callId };
    return entry;
  }

  #submit(turn: number, entry: PendingResponse, args: Record<string, unknown>): PendingResponse {
    const valid = validateArguments(SUBMIT_TOOL, SubmitParameters, args);
    if (!valid.ok) return this.#invalid(turn, entry, args, valid.error);
    const { task_id: taskId, answer } = valid.args as { task_id: string; answer: unknown };
    const known = this.#info.tasks.some((task) => task.id === taskId);
    if (!known) {
      const ids = this.#info.tasks.map((task) => task.id).join(", ");
      return this.#invalid(turn, entry, valid.args, `unknown task_id "${taskId}": the tasks are ${ids}`);
    }
    if (this.#submitted.has(taskId)) {
      return this.#invalid(
        turn,
        entry,
        valid.args,
        `task ${taskId} was already submitted; each task takes one submission`,
      );
    }
    const now = this.#clock.now();
    this.#submitted.set(taskId, answer);
    this.#lastSubmitTime = now;
    this.#callEvent(turn, entry.requestId, SUBMIT_TOOL, valid.args, "accepted");
    this.#recorder.emit({ type: "answer-submit", t: now, turn, requestId: entry.requestId, taskId, answer });
    entry.response = { status: "ok", result: `answer recorded for ${taskId}` };
    return entry;
  }

  #invalid(
    turn: number,
    entry: PendingResponse,
    args: Record<string, unknown> | string,
    error: string,
  ): PendingResponse {
    this.#callEvent(turn, entry.requestId, entry.tool, args, "invalid", { error });
    entry.response = { status: "error", error };
    return entry;
  }

  #callEvent(
    turn: number,
    requestId: string,
    tool: string,
    args: Record<string, unknown> | string,
    status: "accepted" | "invalid" | "rejected",
    extra: { callId?: string; error?: string } = {},
  ): void {
    this.#recorder.emit({
      type: "tool-call",
      t: this.#clock.now(),
      turn,
      requestId,
      tool,
      arguments: args,
      status,
      ...extra,
    });
  }
}

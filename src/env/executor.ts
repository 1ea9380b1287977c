import { canonicalJson } from "../core/canonical-json.ts";
import type { Condition } from "../core/condition.ts";
import type { LatencyClass } from "../core/latency.ts";
import { sampleLatency } from "../core/latency.ts";
import { keyedRng } from "../core/rng.ts";
import type { RegisteredTool } from "../tools/catalog.ts";
import { invokeTool } from "../tools/tool.ts";
import type { World } from "../tools/world.ts";

/** A call the executor accepted. Times are virtual ticks. */
export interface IssuedCall {
  readonly callId: string;
  /** Global issue order; breaks ties between calls completing at the same tick. */
  readonly issueIndex: number;
  readonly registered: RegisteredTool;
  readonly args: Record<string, unknown>;
  readonly issuedAt: number;
  /** Later than `issuedAt` only when the call queued for a busy tool. */
  readonly startsAt: number;
  readonly completesAt: number;
  readonly fault: boolean;
}

export interface Completion {
  readonly call: IssuedCall;
  readonly status: "ok" | "error";
  readonly result?: unknown;
  readonly error?: string;
  readonly retryable?: boolean;
}

export type IssueOutcome = { ok: true; call: IssuedCall } | { ok: false; error: string; retryable: true };

export interface ExecutorOptions {
  condition: Condition;
  /** Key for every latency and fault draw (with the call's tool, canonical arguments and occurrence). */
  seedKey: ReadonlyArray<string | number>;
  world: World;
  /** Per-tool latency classes that override the tools' own (the re-time operator). */
  latencyOverrides?: Readonly<Record<string, LatencyClass>>;
}

export const FAULT_MESSAGE =
  "transient failure: the service failed before doing anything; the call is retryable";

/**
 * Issues tool calls and applies their effects on the world when they complete, in (completion
 * time, issue order). Latencies and faults are drawn from streams keyed by the call itself, so the
 * same call meets the same latency whoever issues it and in whatever order (DESIGN §4.4).
 */
export class Executor {
  readonly #options: ExecutorOptions;
  readonly #occurrences = new Map<string, number>();
  readonly #slots = new Map<string, number[]>();
  /** Pending calls sorted by (completesAt, issueIndex). */
  readonly #pending: IssuedCall[] = [];
  #issued = 0;

  constructor(options: ExecutorOptions) {
    this.#options = options;
  }

  get pendingCount(): number {
    return this.#pending.length;
  }

  /** Completion time of the earliest pending call. */
  nextCompletion(): number | undefined {
    return this.#pending[0]?.completesAt;
  }

  issue(registered: RegisteredTool, args: Record<string, unknown>, now: number): IssueOutcome {
    const { condition } = this.#options;
    const { tool } = registered;
    const capacity = this.#capacity(registered);
    if (capacity !== undefined && condition.contention?.mode === "reject") {
      const inFlight = this.#pending.filter((call) => call.registered.tool.name === tool.name).length;
      if (inFlight >= capacity) {
        return {
          ok: false,
          error: `busy: ${tool.name} is already serving ${inFlight} call(s) (capacity ${capacity}); retry later`,
          retryable: true,
        };
      }
    }

    const canonicalArgs = canonicalJson(args);
    const occurrenceKey = `${tool.name}\u0000${canonicalArgs}`;
    const occurrence = this.#occurrences.get(occurrenceKey) ?? 0;
    this.#occurrences.set(occurrenceKey, occurrence + 1);
    const latencyClass = this.#options.latencyOverrides?.[tool.name] ?? tool.latency;
    const latency = sampleLatency(
      condition.latency[latencyClass],
      keyedRng(...this.#options.seedKey, "latency", tool.name, canonicalArgs, occurrence),
    );
    const faults = condition.faults;
    const fault =
      faults !== undefined &&
      faults.probability > 0 &&
      (faults.tools === undefined || faults.tools.includes(tool.name)) &&
      keyedRng(...this.#options.seedKey, "fault", tool.name, canonicalArgs, occurrence).next() <
        faults.probability;

    const serviceTime = condition.turnCost + latency;
    let startsAt = now;
    if (capacity !== undefined && condition.contention?.mode === "queue") {
      const slots = this.#slotsFor(tool.name, capacity);
      let slot = 0;
      for (let i = 1; i < slots.length; i++) if ((slots[i] as number) < (slots[slot] as number)) slot = i;
      startsAt = Math.max(now, slots[slot] as number);
      slots[slot] = startsAt + serviceTime;
    }
    this.#issued += 1;
    const call: IssuedCall = {
      callId: `c${this.#issued}`,
      issueIndex: this.#issued,
      registered,
      args,
      issuedAt: now,
      startsAt,
      completesAt: startsAt + serviceTime,
      fault,
    };
    this.#insertPending(call);
    return { ok: true, call };
  }

  /** Apply every pending call that completes at or before `time`, in (completion time, issue order). */
  completeUntil(time: number): Completion[] {
    const done: Completion[] = [];
    while (this.#pending.length > 0 && (this.#pending[0] as IssuedCall).completesAt <= time) {
      done.push(this.#apply(this.#pending.shift() as IssuedCall));
    }
    return done;
  }

  /** Apply everything still pending (the episode ended; issued calls still take effect). */
  drain(): Completion[] {
    return this.completeUntil(Number.POSITIVE_INFINITY);
  }

  #apply(call: IssuedCall): Completion {
    if (call.fault) return { call, status: "error", error: FAULT_MESSAGE, retryable: true };
    const { tool, domain } = call.registered;
    const outcome = invokeTool(tool, this.#options.world[domain.name], call.args, { time: call.completesAt });
    return outcome.ok
      ? { call, status: "ok", result: outcome.result }
      : { call, status: "error", error: outcome.error };
  }

  #capacity(registered: RegisteredTool): number | undefined {
    const contention = this.#options.condition.contention;
    if (!contention) return undefined;
    const name = registered.tool.name;
    return contention.capacity[name] ?? registered.tool.capacity ?? contention.defaultCapacity;
  }

  #slotsFor(toolName: string, capacity: number): number[] {
    let slots = this.#slots.get(toolName);
    if (!slots) {
      slots = new Array<number>(capacity).fill(0);
      this.#slots.set(toolName, slots);
    }
    return slots;
  }

  #insertPending(call: IssuedCall): void {
    let index = this.#pending.length;
    while (index > 0) {
      const before = this.#pending[index - 1] as IssuedCall;
      if (
        before.completesAt < call.completesAt ||
        (before.completesAt === call.completesAt && before.issueIndex < call.issueIndex)
      )
        break;
      index -= 1;
    }
    this.#pending.splice(index, 0, call);
  }
}

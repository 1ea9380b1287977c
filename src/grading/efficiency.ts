import { z } from "zod";
import type { Attribution } from "./attribution.ts";
import type { TraceView } from "./trace-view.ts";

/** Makespans of the two reference agents on the same scenario, condition, trial and seed. */
export interface ReferenceTimes {
  /** Oracle: every ready step at once, submits as soon as possible. */
  readonly tOpt: number;
  /** Sequential: one task at a time, one call per turn, waits for each result. */
  readonly tSeq: number;
}

/** Price per token, in any currency unit; cached input tokens are charged apart when a price is given. */
export const TokenPrice = z.strictObject({
  inputPerToken: z.number().nonnegative(),
  outputPerToken: z.number().nonnegative(),
  cachedInputPerToken: z.number().nonnegative().optional(),
});
export type TokenPrice = z.infer<typeof TokenPrice>;

export const Efficiency = z.strictObject({
  /** Time of the last submission (the episode's end time when some task was never submitted). */
  tAgent: z.number(),
  tOpt: z.number().nullable(),
  tSeq: z.number().nullable(),
  /** (T_seq − T_agent) / (T_seq − T_opt) on a successful scenario with T_seq > T_opt; else null. */
  asyncEfficiency: z.number().nullable(),
  /** T_seq / T_agent on a successful scenario; else null. */
  speedup: z.number().nullable(),
  /** Ticks the agent spent blocked beyond the turn cost (waiting, or a blocking sync turn) before T_agent. */
  idleTicks: z.number(),
  idleRatio: z.number(),
  /** Share of [0, T_agent) during which at least two tasks had a call in flight. */
  overlap: z.number(),
  /** Mean length of runs of consecutive calls on one task; null without attributed calls. */
  sameTaskStreak: z.number().nullable(),
  switches: z.number().int(),
  turns: z.number().int(),
  inputTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
  cost: z.number().nullable(),
});
export type Efficiency = z.infer<typeof Efficiency>;

/** Efficiency of one episode (DESIGN §6.7). `references` is null when the reference runs are unavailable. */
export function efficiency(options: {
  view: TraceView;
  attribution: Attribution;
  references: ReferenceTimes | null;
  success: boolean;
  turnCost: number;
  price?: TokenPrice | undefined;
}): Efficiency {
  const { view, attribution, references, success } = options;
  const tAgent = view.end.makespan;
  const tOpt = references?.tOpt ?? null;
  const tSeq = references?.tSeq ?? null;
  const comparable = success && tOpt !== null && tSeq !== null;
  const idleTicks = idleBefore(view.turnTimes, tAgent, options.turnCost);
  const streak = streaks(view, attribution);
  const { usage } = view;
  return {
    tAgent,
    tOpt,
    tSeq,
    asyncEfficiency: comparable && tSeq > tOpt ? (tSeq - tAgent) / (tSeq - tOpt) : null,
    speedup: comparable && tAgent > 0 ? tSeq / tAgent : null,
    idleTicks,
    idleRatio: tAgent > 0 ? idleTicks / tAgent : 0,
    overlap: overlap(view, attribution, tAgent),
    sameTaskStreak: streak.mean,
    switches: streak.switches,
    turns: view.end.turns,
    inputTokens: usage.reported ? usage.inputTokens : null,
    outputTokens: usage.reported ? usage.outputTokens : null,
    cost: usage.reported && options.price ? tokenCost(usage, options.price) : null,
  };
}

/** Ticks between consecutive turns beyond the turn cost, for turns that start before `until`. */
export function idleBefore(turnTimes: readonly number[], until: number, turnCost: number): number {
  let idle = 0;
  for (let index = 0; index + 1 < turnTimes.length; index++) {
    const next = turnTimes[index + 1] as number;
    if (next > until) break;
    idle += Math.max(0, next - (turnTimes[index] as number) - turnCost);
  }
  return idle;
}

/** Each task's in-flight time is the union of [issue, delivery) of its accepted calls, clipped to [0, T_agent). */
export function overlap(view: TraceView, attribution: Attribution, tAgent: number): number {
  if (tAgent <= 0) return 0;
  const edges: Array<[number, number]> = [];
  const byTask = new Map<string, Array<[number, number]>>();
  for (const call of view.calls) {
    const taskId = attribution.taskOfCall.get(call.index);
    if (call.status !== "accepted" || !taskId) continue;
    const end = Math.min(call.deliveredAt ?? call.completion?.t ?? tAgent, tAgent);
    if (end <= call.t) continue;
    const list = byTask.get(taskId) ?? [];
    list.push([call.t, end]);
    byTask.set(taskId, list);
  }
  for (const intervals of byTask.values()) {
    for (const [start, end] of mergeIntervals(intervals)) edges.push([start, 1], [end, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let active = 0;
  let previous = 0;
  let shared = 0;
  for (const [time, delta] of edges) {
    if (active >= 2) shared += time - previous;
    active += delta;
    previous = time;
  }
  return shared / tAgent;
}

export function mergeIntervals(intervals: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Runs of consecutive domain calls (accepted or busy-rejected) attributed to the same task. */
export function streaks(
  view: TraceView,
  attribution: Attribution,
): { mean: number | null; switches: number } {
  const sequence: string[] = [];
  for (const call of view.calls) {
    const taskId = attribution.taskOfCall.get(call.index);
    if (call.status !== "invalid" && taskId) sequence.push(taskId);
  }
  if (sequence.length === 0) return { mean: null, switches: 0 };
  let runs = 1;
  for (let index = 1; index < sequence.length; index++)
    if (sequence[index] !== sequence[index - 1]) runs += 1;
  return { mean: sequence.length / runs, switches: runs - 1 };
}

function tokenCost(usage: TraceView["usage"], price: TokenPrice): number {
  const cached = price.cachedInputPerToken === undefined ? 0 : usage.cachedInputTokens;
  return (
    (usage.inputTokens - cached) * price.inputPerToken +
    cached * (price.cachedInputPerToken ?? 0) +
    usage.outputTokens * price.outputPerToken
  );
}

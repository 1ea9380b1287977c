import { z } from "zod";
import { CanonicalMessage, ToolCallRequest, Usage } from "./messages.ts";

/**
 * The append-only event log of an episode (DESIGN §5). Everything is graded from it, so it holds
 * what the agent saw and did plus what the environment did out of sight (completions, the final
 * world). One schema validates every event.
 */
const base = { seq: z.number().int().nonnegative(), t: z.number().int().nonnegative() };

export const EpisodeEndReason = z.enum([
  "completed",
  "max-turns",
  "max-ticks",
  "unresponsive",
  "infra-error",
  "aborted",
]);
export type EpisodeEndReason = z.infer<typeof EpisodeEndReason>;

export const TraceEvent = z.discriminatedUnion("type", [
  z.strictObject({
    ...base,
    type: z.literal("episode-start"),
    scenarioId: z.string(),
    agent: z.string(),
    condition: z.string(),
    protocol: z.enum(["sync", "async"]),
    trial: z.number().int().nonnegative(),
    seed: z.number().int(),
    tasks: z.array(z.string()),
    tools: z.array(z.string()),
    maxTurns: z.number().int().positive(),
    systemPromptVersion: z.string(),
  }),
  /** The messages added since the previous request (the transcript is their concatenation). */
  z.strictObject({
    ...base,
    type: z.literal("model-request"),
    turn: z.number().int(),
    messages: z.array(CanonicalMessage),
  }),
  z.strictObject({
    ...base,
    type: z.literal("model-response"),
    turn: z.number().int(),
    text: z.string().nullable(),
    toolCalls: z.array(ToolCallRequest),
    usage: Usage.optional(),
    /** Prompt mode: tool-call blocks in the text that could not be parsed. */
    unparseableCalls: z.number().int().positive().optional(),
  }),
  /** Every tool call the agent made, valid or not; control tools included. */
  z.strictObject({
    ...base,
    type: z.literal("tool-call"),
    turn: z.number().int(),
    requestId: z.string(),
    tool: z.string(),
    /** Parsed arguments (after defaults) when they parsed; the raw text otherwise. */
    arguments: z.union([z.record(z.string(), z.unknown()), z.string()]),
    status: z.enum(["accepted", "invalid", "rejected"]),
    callId: z.string().optional(),
    error: z.string().optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal("tool-ack"),
    callId: z.string(),
    requestId: z.string(),
    tool: z.string(),
    /** Hidden from the agent; recorded for analysis. */
    startsAt: z.number().int(),
    completesAt: z.number().int(),
  }),
  z.strictObject({
    ...base,
    type: z.literal("tool-complete"),
    callId: z.string(),
    tool: z.string(),
    status: z.enum(["ok", "error"]),
    result: z.unknown().optional(),
    error: z.string().optional(),
    /** An injected fault: no effect on the world. */
    fault: z.boolean(),
    issuedAt: z.number().int(),
  }),
  /** Results handed to the agent at the start of a turn (a notification message, or tool messages under sync). */
  z.strictObject({
    ...base,
    type: z.literal("notification"),
    callIds: z.array(z.string()).min(1),
    via: z.enum(["notification", "tool-result"]),
  }),
  z.strictObject({
    ...base,
    type: z.literal("wait"),
    until: z.number().int(),
    idleTicks: z.number().int().nonnegative(),
    implicit: z.boolean(),
  }),
  z.strictObject({
    ...base,
    type: z.literal("answer-submit"),
    turn: z.number().int(),
    requestId: z.string(),
    taskId: z.string(),
    answer: z.unknown(),
  }),
  z.strictObject({
    ...base,
    type: z.literal("reminder"),
    openTasks: z.array(z.string()),
    count: z.number().int().positive(),
  }),
  z.strictObject({
    ...base,
    type: z.literal("infra-error"),
    turn: z.number().int(),
    message: z.string(),
    retryable: z.boolean(),
  }),
  z.strictObject({
    ...base,
    type: z.literal("episode-end"),
    reason: EpisodeEndReason,
    turns: z.number().int().nonnegative(),
    /** Time of the last answer submission, or the end time when some task was never submitted. */
    makespan: z.number().int().nonnegative(),
    /** Every domain's state after all issued calls took effect (graded against the gold state). */
    finalWorld: z.record(z.string(), z.unknown()),
  }),
]);
export type TraceEvent = z.infer<typeof TraceEvent>;
export type TraceEventType = TraceEvent["type"];
export type TraceEventOf<K extends TraceEventType> = Extract<TraceEvent, { type: K }>;

/** Distributes Omit over the union so each event keeps its own fields. */
export type TraceEventInput = TraceEvent extends infer E
  ? E extends TraceEvent
    ? Omit<E, "seq">
    : never
  : never;

export const Trace = z.array(TraceEvent);
export type Trace = TraceEvent[];

export function eventsOf<K extends TraceEventType>(trace: readonly TraceEvent[], type: K): TraceEventOf<K>[] {
  return trace.filter((event): event is TraceEventOf<K> => event.type === type);
}

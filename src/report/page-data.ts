import { z } from "zod";
import { FailureKind } from "../grading/failure-types.ts";

/**
 * What the page's script reads: a JSON block inlined in report.html (or served by `asynctool
 * view`). Compact on purpose — a 1,000-episode report must stay small — so repeated long texts
 * (system prompts, task lists, repeated arguments) are interned in `strings` and referenced by
 * index. Every text here may come from a model: the script renders it with textContent only.
 */

/** A text, or the index of a text in PageData.strings. */
export const Text = z.union([z.string(), z.number().int().nonnegative()]);
export type Text = z.infer<typeof Text>;

export const TranscriptMessage = z.strictObject({
  role: z.enum(["system", "user", "assistant", "tool"]),
  turn: z.number().int(),
  /** Virtual time of the turn the message belongs to. */
  t: z.number().int(),
  content: Text.nullable(),
  toolCalls: z.array(z.strictObject({ id: z.string(), name: z.string(), arguments: Text })).optional(),
  /** Tool messages: the provider id of the call they answer, and its tool. */
  toolCallId: z.string().optional(),
  name: z.string().optional(),
});
export type TranscriptMessage = z.infer<typeof TranscriptMessage>;

export const CallStatus = z.enum(["ok", "error", "fault", "invalid", "rejected", "pending"]);
export type CallStatus = z.infer<typeof CallStatus>;

export const TimelineCall = z.strictObject({
  /** Row: index into tasks, or tasks.length for calls no task claims. */
  row: z.number().int().nonnegative(),
  tool: z.string(),
  requestId: z.string(),
  callId: z.string().optional(),
  /** The gold step the call matched (`T1.s2`), when it matched one. */
  step: z.string().optional(),
  issuedAt: z.number().int(),
  /** When the call finished (null: invalid, rejected, or still running at the end). */
  completedAt: z.number().int().nullable(),
  /** When the agent was handed the result (null: never). */
  deliveredAt: z.number().int().nullable(),
  status: CallStatus,
  /** Failure kinds the grader pinned on this call (dependency violation, tool confusion, …). */
  flags: z.array(FailureKind),
});
export type TimelineCall = z.infer<typeof TimelineCall>;

export const TimelineTask = z.strictObject({
  id: z.string(),
  domain: z.string(),
  instruction: Text,
  /** Sub-task success from the score (null: ungraded). */
  success: z.boolean().nullable(),
  submitted: z.boolean(),
  answerCorrect: z.boolean().nullable(),
});
export type TimelineTask = z.infer<typeof TimelineTask>;

export const EpisodeDetail = z.strictObject({
  tasks: z.array(TimelineTask),
  /** How calls were put on task rows: the grader's attribution, the gold plan's tools, or none. */
  attribution: z.enum(["grader", "gold-plan", "none"]),
  calls: z.array(TimelineCall),
  /** Spans the agent spent idle: explicit or implicit wait() (async) or a blocking turn (sync). */
  idle: z.array(
    z.strictObject({ from: z.number().int(), to: z.number().int(), kind: z.enum(["wait", "blocked"]) }),
  ),
  answers: z.array(
    z.strictObject({
      row: z.number().int().nonnegative(),
      t: z.number().int(),
      requestId: z.string(),
      answer: z.string(),
      correct: z.boolean().nullable(),
    }),
  ),
  /** Start time of every turn. */
  turns: z.array(z.number().int()),
  reminders: z.array(z.number().int()),
  infraErrors: z.array(z.strictObject({ t: z.number().int(), message: z.string() })),
  end: z.strictObject({ t: z.number().int(), makespan: z.number().int(), reason: z.string() }).nullable(),
  failures: z.array(
    z.strictObject({
      kind: FailureKind,
      taskId: z.string().optional(),
      requestId: z.string().optional(),
      detail: z.string(),
    }),
  ),
  transcript: z.array(TranscriptMessage),
});
export type EpisodeDetail = z.infer<typeof EpisodeDetail>;

/** One line of the episode list (and what the filters read). */
export const EpisodeItem = z.strictObject({
  scenario: z.string(),
  agent: z.string(),
  condition: z.string(),
  trial: z.number().int(),
  protocol: z.enum(["sync", "async"]),
  /** Scenario success; null when the episode has no score. */
  success: z.boolean().nullable(),
  subtaskSuccess: z.number().nullable(),
  asyncEfficiency: z.number().nullable(),
  makespan: z.number().nullable(),
  turns: z.number().int().nullable(),
  failureKinds: z.array(FailureKind),
  domains: z.array(z.string()),
  taskCount: z.number().int(),
  reason: z.string(),
  tokens: z.number().int(),
});
export type EpisodeItem = z.infer<typeof EpisodeItem>;

export const PageData = z.strictObject({
  version: z.literal(1),
  title: z.string(),
  sources: z.array(z.string()),
  episodes: z.array(EpisodeItem),
  /** Inlined details (report.html), or null when the viewer fetches `${detailsUrl}${index}.json`. */
  details: z.array(EpisodeDetail).nullable(),
  detailsUrl: z.string().nullable(),
  strings: z.array(z.string()),
  failureLabels: z.record(z.string(), z.string()),
});
export type PageData = z.infer<typeof PageData>;

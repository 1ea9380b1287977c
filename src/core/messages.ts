import { z } from "zod";

/**
 * Canonical messages: the one conversation every adapter renders into its wire format. The
 * environment produces them; adapters only translate (DESIGN §4.5).
 */
export const ToolCallRequest = z.strictObject({
  /** The provider's own id for the call (answered at once by a tool message). */
  id: z.string(),
  name: z.string(),
  /** Raw JSON text as the model wrote it; parsing is the environment's job so bad JSON is an invalid call. */
  arguments: z.string(),
});
export type ToolCallRequest = z.infer<typeof ToolCallRequest>;

export const CanonicalMessage = z.discriminatedUnion("role", [
  z.strictObject({ role: z.literal("system"), content: z.string() }),
  z.strictObject({ role: z.literal("user"), content: z.string() }),
  z.strictObject({
    role: z.literal("assistant"),
    content: z.string().nullable(),
    toolCalls: z.array(ToolCallRequest),
  }),
  z.strictObject({
    role: z.literal("tool"),
    toolCallId: z.string(),
    name: z.string(),
    content: z.string(),
  }),
]);
export type CanonicalMessage = z.infer<typeof CanonicalMessage>;

export const Usage = z.strictObject({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cachedInputTokens: z.number().int().nonnegative().optional(),
});
export type Usage = z.infer<typeof Usage>;

/** One agent turn: optional text and zero or more tool calls. */
export const AgentResponse = z.strictObject({
  text: z.string().nullable(),
  toolCalls: z.array(ToolCallRequest),
  usage: Usage.optional(),
  /** Prompt mode: tool-call blocks in the text that could not be parsed (they produced no call). */
  unparseableCalls: z.number().int().positive().optional(),
});
export type AgentResponse = z.infer<typeof AgentResponse>;

/** A tool offered to the agent, in provider-neutral form. */
export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  /** JSON Schema (draft 2020-12) of the parameters object. */
  readonly parameters: Record<string, unknown>;
}

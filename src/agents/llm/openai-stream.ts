import { z } from "zod";
import { InfraError } from "../../core/errors.ts";

/**
 * Assembles a streamed chat completion into the non-streamed shape, so both modes go through the
 * same converter and give the same canonical response. Tool calls arrive as deltas keyed by
 * `index`: the first delta of a call carries its id and name, later ones append argument text.
 */
const ChunkToolCall = z.looseObject({
  index: z.number().int().nonnegative(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

export const OpenAIChunk = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        index: z.number().int().nonnegative().optional(),
        delta: z
          .looseObject({
            role: z.string().nullish(),
            content: z.string().nullish(),
            tool_calls: z.array(ChunkToolCall).nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .optional(),
  usage: z.unknown().optional(),
});
export type OpenAIChunk = z.infer<typeof OpenAIChunk>;

interface PartialCall {
  id: string | undefined;
  name: string;
  arguments: string;
}

export class ChunkAssembler {
  #content: string | null = null;
  readonly #calls = new Map<number, PartialCall>();
  #finishReason: string | null = null;
  #usage: unknown = null;
  #chunks = 0;

  add(chunk: unknown): void {
    const parsed = OpenAIChunk.safeParse(chunk);
    if (!parsed.success) {
      throw new InfraError(`malformed stream chunk from the provider: ${parsed.error.issues[0]?.message}`, {
        retryable: true,
      });
    }
    this.#chunks += 1;
    if (parsed.data.usage !== undefined && parsed.data.usage !== null) this.#usage = parsed.data.usage;
    // Only the first choice is used (we never ask for n > 1).
    const choice = parsed.data.choices?.find((candidate) => (candidate.index ?? 0) === 0);
    if (!choice) return;
    if (choice.finish_reason) this.#finishReason = choice.finish_reason;
    const delta = choice.delta;
    if (!delta) return;
    if (typeof delta.content === "string") this.#content = (this.#content ?? "") + delta.content;
    for (const part of delta.tool_calls ?? []) {
      let call = this.#calls.get(part.index);
      if (!call) {
        call = { id: undefined, name: "", arguments: "" };
        this.#calls.set(part.index, call);
      }
      if (part.id) call.id = part.id;
      if (part.function?.name) call.name += part.function.name;
      if (part.function?.arguments) call.arguments += part.function.arguments;
    }
  }

  get chunkCount(): number {
    return this.#chunks;
  }

  /** The equivalent non-streamed completion; a stream that never finished is a retryable infra error. */
  completion(): Record<string, unknown> {
    // Every server ends a complete stream with a finish reason; without one the stream was cut or
    // was not a chat-completion stream at all, and an empty answer must not pass as the model's.
    if (this.#finishReason === null) {
      throw new InfraError(`stream ended without a finish reason after ${this.#chunks} chunk(s)`, {
        retryable: true,
      });
    }
    const calls = [...this.#calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
    const message: Record<string, unknown> = { role: "assistant", content: this.#content };
    if (calls.length > 0) {
      message.tool_calls = calls.map((call) => ({
        ...(call.id === undefined ? {} : { id: call.id }),
        type: "function",
        function: { name: call.name, arguments: call.arguments },
      }));
    }
    return {
      object: "chat.completion",
      choices: [{ index: 0, message, finish_reason: this.#finishReason }],
      ...(this.#usage === null ? {} : { usage: this.#usage }),
    };
  }
}

import type { TraceEvent } from "../core/trace.ts";
import type { TranscriptMessage } from "./page-data.ts";

/**
 * The conversation as the model saw it, rebuilt from the trace: each `model-request` carries the
 * messages added since the previous request, and each `model-response` is the assistant's turn.
 * Texts stay raw here (interning happens when the page data is built).
 */
export function rebuildTranscript(trace: readonly TraceEvent[]): TranscriptMessage[] {
  const messages: TranscriptMessage[] = [];
  for (const event of trace) {
    if (event.type === "model-request") {
      for (const message of event.messages) {
        const common = { turn: event.turn, t: event.t };
        if (message.role === "assistant")
          messages.push({
            role: "assistant",
            ...common,
            content: message.content,
            toolCalls: message.toolCalls,
          });
        else if (message.role === "tool")
          messages.push({
            role: "tool",
            ...common,
            content: message.content,
            toolCallId: message.toolCallId,
            name: message.name,
          });
        else messages.push({ role: message.role, ...common, content: message.content });
      }
    } else if (event.type === "model-response") {
      messages.push({
        role: "assistant",
        turn: event.turn,
        t: event.t,
        content: event.text,
        toolCalls: event.toolCalls.map((call) => ({
          id: call.id,
          name: call.name,
          arguments: call.arguments,
        })),
      });
    }
  }
  return messages;
}

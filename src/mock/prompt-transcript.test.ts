import { describe, expect, it } from "vitest";
import { FIXTURE_MESSAGES, FIXTURE_REQUEST } from "../agents/llm/conversation-fixture.ts";
import { toPromptModeRequest } from "../agents/llm/prompt-mode.ts";
import type { CanonicalMessage } from "../core/messages.ts";
import { renderNotification, renderReminder } from "../env/render.ts";
import {
  fromPromptModeMessages,
  isPromptModeConversation,
  toPromptModeResponse,
} from "./prompt-transcript.ts";

/** Prompt mode numbers calls call_1, call_2, … in conversation order; rename the fixture's ids the same way. */
function renumbered(messages: readonly CanonicalMessage[]): CanonicalMessage[] {
  const ids = new Map<string, string>();
  return messages.map((message) => {
    if (message.role === "assistant") {
      return {
        ...message,
        toolCalls: message.toolCalls.map((call) => {
          ids.set(call.id, `call_${ids.size + 1}`);
          return { ...call, id: ids.get(call.id) as string };
        }),
      };
    }
    if (message.role === "tool") return { ...message, toolCallId: ids.get(message.toolCallId) ?? "?" };
    return message;
  });
}

describe("prompt-mode transcripts", () => {
  it("undoes the prompt-mode rewrite of the fixture conversation", () => {
    // A prompt-mode client's own transcript already names calls call_N.
    const prompt = toPromptModeRequest({ ...FIXTURE_REQUEST, messages: renumbered(FIXTURE_MESSAGES) });
    expect(isPromptModeConversation(prompt.messages, prompt.tools)).toBe(true);
    expect(isPromptModeConversation(FIXTURE_REQUEST.messages, FIXTURE_REQUEST.tools)).toBe(false);
    expect(fromPromptModeMessages(prompt.messages)).toEqual(renumbered(FIXTURE_MESSAGES));
  });

  it("splits results, a notification and a reminder merged into one user message", () => {
    const messages: CanonicalMessage[] = [
      ...FIXTURE_MESSAGES.slice(0, 2),
      {
        role: "assistant",
        content: null,
        toolCalls: [{ id: "r1", name: "counter_get", arguments: '{"name":"a"}' }],
      },
      { role: "tool", toolCallId: "r1", name: "counter_get", content: '{"status":"pending","call_id":"c1"}' },
      {
        role: "user",
        content: renderNotification(3, [
          { call_id: "c1", tool: "counter_get", status: "ok", result: { value: 1 } },
          { call_id: "c0", tool: "x", status: "error", error: "boom" },
        ]),
      },
      { role: "user", content: renderReminder(["T2"]) },
    ];
    const prompt = toPromptModeRequest({ messages: renumbered(messages), tools: FIXTURE_REQUEST.tools });
    expect(prompt.messages.filter((message) => message.role === "user")).toHaveLength(2);
    expect(fromPromptModeMessages(prompt.messages)).toEqual(renumbered(messages));
  });

  it("renders a response as the text a prompt-mode model writes", () => {
    const response = toPromptModeResponse({
      text: "Go.",
      toolCalls: [{ id: "r9", name: "wait", arguments: "{}" }],
    });
    expect(response).toEqual({
      text: 'Go.\n<tool_call>{"name": "wait", "arguments": {}}</tool_call>',
      toolCalls: [],
    });
    expect(toPromptModeResponse({ text: null, toolCalls: [] })).toEqual({ text: null, toolCalls: [] });
  });
});

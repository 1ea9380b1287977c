import {
  parsePromptModeText,
  renderCallBlock,
  TOOL_INSTRUCTIONS_HEADING,
} from "../agents/llm/prompt-mode.ts";
import type { AgentResponse, CanonicalMessage, ToolSpec } from "../core/messages.ts";

/**
 * Prompt-mode clients send no tools and carry calls and results as text (see
 * src/agents/llm/prompt-mode.ts). This undoes that rewrite, so the same replay serves them, and
 * renders the policy's answer as text blocks.
 */
const RESULT_LINE = /^<tool_result id="([^"]*)" name="([^"]*)">(.*)<\/tool_result>$/;
const NOTIFICATION_LINE = /^\[t=\d+\] \d+ tool results? arrived/;
const INSTRUCTIONS_SEPARATOR = `\n\n${TOOL_INSTRUCTIONS_HEADING}`;

export function isPromptModeConversation(
  messages: readonly CanonicalMessage[],
  tools: readonly ToolSpec[],
): boolean {
  const system = messages.find((message) => message.role === "system");
  return (
    tools.length === 0 &&
    system?.role === "system" &&
    (system.content.includes(INSTRUCTIONS_SEPARATOR) || system.content.startsWith(TOOL_INSTRUCTIONS_HEADING))
  );
}

export function fromPromptModeMessages(messages: readonly CanonicalMessage[]): CanonicalMessage[] {
  const out: CanonicalMessage[] = [];
  for (const message of messages) {
    if (message.role === "system") {
      const cut = message.content.indexOf(INSTRUCTIONS_SEPARATOR);
      if (cut > 0) out.push({ role: "system", content: message.content.slice(0, cut) });
      else if (!message.content.startsWith(TOOL_INSTRUCTIONS_HEADING)) out.push(message);
    } else if (message.role === "assistant") {
      const parsed = parsePromptModeText(message.content, { messages: out, tools: [] });
      out.push({ role: "assistant", content: parsed.text, toolCalls: parsed.toolCalls });
    } else if (message.role === "user") {
      out.push(...splitUserText(message.content));
    } else {
      out.push(message);
    }
  }
  return out;
}

/** Tool-result lines become tool messages; a notification (header and JSON lines) and other text stay user messages. */
function splitUserText(content: string): CanonicalMessage[] {
  const out: CanonicalMessage[] = [];
  let text: string[] = [];
  let inNotification = false;
  const flush = () => {
    if (text.length > 0) out.push({ role: "user", content: text.join("\n") });
    text = [];
  };
  for (const line of content.split("\n")) {
    const result = RESULT_LINE.exec(line);
    if (result && text.length === 0) {
      out.push({
        role: "tool",
        toolCallId: result[1] ?? "",
        name: result[2] ?? "",
        content: result[3] ?? "",
      });
    } else if (NOTIFICATION_LINE.test(line)) {
      flush();
      text.push(line);
      inNotification = true;
    } else if (inNotification && line.startsWith("{")) {
      text.push(line);
    } else {
      if (inNotification) flush();
      inNotification = false;
      text.push(line);
    }
  }
  flush();
  return out;
}

/** The reply a prompt-mode model would write for a response. */
export function toPromptModeResponse(response: AgentResponse): AgentResponse {
  const parts = [
    ...(response.text === null ? [] : [response.text]),
    ...response.toolCalls.map(renderCallBlock),
  ];
  return { text: parts.length === 0 ? null : parts.join("\n"), toolCalls: [] };
}

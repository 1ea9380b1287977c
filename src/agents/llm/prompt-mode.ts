import type { CanonicalMessage, ToolCallRequest, ToolSpec } from "../../core/messages.ts";
import {
  generatedCallId,
  type ModelRequest,
  nextCallIndex,
  normaliseText,
  type ParsedResponse,
} from "./adapter.ts";

/**
 * Prompt mode, for models without native tool calling: the tools are described in the system
 * prompt, the model writes calls as tagged JSON blocks in its text, and tool answers come back as
 * tagged user text. It is a canonical → canonical rewrite, so it runs on top of any API family.
 *
 *   <tool_call>{"name": "counter_get", "arguments": {"name": "a"}}</tool_call>
 *   <tool_result id="call_1" name="counter_get">{"status":"pending","call_id":"c1"}</tool_result>
 *
 * A block that does not parse produces no call and stays in the text; the response is flagged
 * (`unparseableCalls`) and `countUnparseableCalls` finds it again from the trace text.
 */
export const PROMPT_MODE_VERSION = "asynctool-prompt-tools-v1";

/** The heading that starts the tool instructions appended to the system prompt. */
export const TOOL_INSTRUCTIONS_HEADING = "# Calling tools";
const CALL_OPEN = "<tool_call>";
const CALL_CLOSE = "</tool_call>";

export function renderToolInstructions(tools: readonly ToolSpec[]): string {
  const lines = [
    TOOL_INSTRUCTIONS_HEADING,
    "You call tools by writing blocks in your reply, exactly in this form:",
    `${CALL_OPEN}{"name": "TOOL_NAME", "arguments": {ARGUMENTS AS ONE JSON OBJECT}}${CALL_CLOSE}`,
    "Write one block per call; several blocks in one reply are calls made in parallel. Put nothing inside a block except that JSON object.",
    'Each call is answered in a later user message by a block <tool_result id="CALL_ID" name="TOOL_NAME">…</tool_result>, in the order of your calls.',
    "",
    "# Available tools (arguments as JSON Schema)",
  ];
  for (const tool of tools) {
    lines.push(`## ${tool.name}`, tool.description, `arguments: ${JSON.stringify(tool.parameters)}`);
  }
  return lines.join("\n");
}

export function renderCallBlock(call: ToolCallRequest): string {
  let args: string;
  try {
    JSON.parse(call.arguments);
    args = call.arguments.trim() === "" ? "{}" : call.arguments;
  } catch {
    args = JSON.stringify(call.arguments);
  }
  return `${CALL_OPEN}{"name": ${JSON.stringify(call.name)}, "arguments": ${args}}${CALL_CLOSE}`;
}

export function renderResultBlock(message: Extract<CanonicalMessage, { role: "tool" }>): string {
  return `<tool_result id="${message.toolCallId}" name="${message.name}">${message.content}</tool_result>`;
}

/** The text-only request a prompt-mode model receives: no native tools, calls and results as text. */
export function toPromptModeRequest(request: ModelRequest): ModelRequest {
  const instructions = renderToolInstructions(request.tools);
  const messages: CanonicalMessage[] = [];
  let systemSeen = false;
  const pushUser = (text: string): void => {
    const last = messages[messages.length - 1];
    // Tool results and the notification after them read as one user message.
    if (last && last.role === "user") last.content = `${last.content}\n${text}`;
    else messages.push({ role: "user", content: text });
  };
  for (const message of request.messages) {
    switch (message.role) {
      case "system":
        messages.push({
          role: "system",
          content: systemSeen ? message.content : `${message.content}\n\n${instructions}`,
        });
        systemSeen = true;
        break;
      case "user":
        pushUser(message.content);
        break;
      case "assistant": {
        const parts = [
          ...(message.content === null ? [] : [message.content]),
          ...message.toolCalls.map(renderCallBlock),
        ];
        messages.push({
          role: "assistant",
          content: parts.length === 0 ? null : parts.join("\n"),
          toolCalls: [],
        });
        break;
      }
      case "tool":
        pushUser(renderResultBlock(message));
        break;
    }
  }
  if (!systemSeen) messages.unshift({ role: "system", content: instructions });
  return { ...request, messages, tools: [] };
}

interface Block {
  start: number;
  end: number;
  body: string | null;
}

/** Every `<tool_call>` block, including an unclosed last one (body null). */
function findBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(CALL_OPEN, from);
    if (start < 0) break;
    const close = text.indexOf(CALL_CLOSE, start + CALL_OPEN.length);
    if (close < 0) {
      blocks.push({ start, end: text.length, body: null });
      break;
    }
    blocks.push({ start, end: close + CALL_CLOSE.length, body: text.slice(start + CALL_OPEN.length, close) });
    from = close + CALL_CLOSE.length;
  }
  return blocks;
}

function parseBlock(body: string | null): { name: string; arguments: string } | null {
  if (body === null) return null;
  // Tolerate a Markdown fence inside the block: models add one often and the intent is clear.
  const inner = body
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  try {
    const value = JSON.parse(inner) as unknown;
    if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
    const { name, arguments: args } = value as { name?: unknown; arguments?: unknown };
    if (typeof name !== "string" || name === "") return null;
    if (args === undefined) return { name, arguments: "{}" };
    // Arguments given as a JSON string are passed on raw: the environment judges them.
    return { name, arguments: typeof args === "string" ? args : JSON.stringify(args) };
  } catch {
    return null;
  }
}

/** Calls out of a prompt-mode reply; parsed blocks leave the text, unparseable ones stay in it. */
export function parsePromptModeText(text: string | null, request: ModelRequest): ParsedResponse {
  if (text === null) return { text: null, toolCalls: [], usage: null };
  const base = nextCallIndex(request.messages);
  const toolCalls: ToolCallRequest[] = [];
  let unparseable = 0;
  let kept = "";
  let cursor = 0;
  for (const block of findBlocks(text)) {
    const call = parseBlock(block.body);
    kept += text.slice(cursor, block.start);
    if (call) toolCalls.push({ id: generatedCallId(base + toolCalls.length), ...call });
    else {
      unparseable += 1;
      kept += text.slice(block.start, block.end);
    }
    cursor = block.end;
  }
  kept += text.slice(cursor);
  return {
    text: normaliseText(kept.trim()),
    toolCalls,
    usage: null,
    ...(unparseable > 0 ? { unparseableCalls: unparseable } : {}),
  };
}

/** For graders: tool-call blocks left unparsed in a prompt-mode response's text. */
export function countUnparseableCalls(text: string | null): number {
  return text === null ? 0 : findBlocks(text).filter((block) => parseBlock(block.body) === null).length;
}

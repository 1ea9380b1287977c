import { describe, expect, it } from "vitest";
import type { ModelRequest } from "./adapter.ts";
import { FIXTURE_REQUEST } from "./conversation-fixture.ts";
import {
  countUnparseableCalls,
  parsePromptModeText,
  renderCallBlock,
  toPromptModeRequest,
} from "./prompt-mode.ts";

const empty: ModelRequest = { messages: [], tools: [] };
const afterTwoCalls: ModelRequest = {
  messages: [
    {
      role: "assistant",
      content: null,
      toolCalls: [
        { id: "call_1", name: "a", arguments: "{}" },
        { id: "call_2", name: "b", arguments: "{}" },
      ],
    },
  ],
  tools: [],
};

describe("parsePromptModeText", () => {
  it.each<[string, string | null, Array<{ name: string; arguments: string }>, string | null, number]>([
    ["plain text", "Thinking about it.", [], "Thinking about it.", 0],
    ["no text", null, [], null, 0],
    [
      "one call, text around it",
      'I will read a.\n<tool_call>{"name": "counter_get", "arguments": {"name": "a"}}</tool_call>',
      [{ name: "counter_get", arguments: '{"name":"a"}' }],
      "I will read a.",
      0,
    ],
    [
      "parallel calls",
      '<tool_call>{"name":"x","arguments":{"v":1}}</tool_call>\n<tool_call>{"name":"y","arguments":{}}</tool_call>',
      [
        { name: "x", arguments: '{"v":1}' },
        { name: "y", arguments: "{}" },
      ],
      null,
      0,
    ],
    [
      "a Markdown fence inside the block",
      '<tool_call>\n```json\n{"name":"x","arguments":{"v":2}}\n```\n</tool_call>',
      [{ name: "x", arguments: '{"v":2}' }],
      null,
      0,
    ],
    [
      "missing arguments means none",
      '<tool_call>{"name":"wait"}</tool_call>',
      [{ name: "wait", arguments: "{}" }],
      null,
      0,
    ],
    [
      "arguments as a JSON string are passed on raw",
      '<tool_call>{"name":"x","arguments":"{\\"v\\": 3"}</tool_call>',
      [{ name: "x", arguments: '{"v": 3' }],
      null,
      0,
    ],
    [
      "bad JSON stays in the text, no call",
      'Calling.<tool_call>{"name": "x", "arguments": {</tool_call>',
      [],
      'Calling.<tool_call>{"name": "x", "arguments": {</tool_call>',
      1,
    ],
    [
      "no name",
      '<tool_call>{"arguments": {}}</tool_call>',
      [],
      '<tool_call>{"arguments": {}}</tool_call>',
      1,
    ],
    [
      "one good block, one unclosed",
      '<tool_call>{"name":"x"}</tool_call> then <tool_call>{"name":"y"',
      [{ name: "x", arguments: "{}" }],
      'then <tool_call>{"name":"y"',
      1,
    ],
  ])("%s", (_label, text, calls, rest, unparseable) => {
    const parsed = parsePromptModeText(text, empty);
    expect(parsed.toolCalls.map(({ name, arguments: args }) => ({ name, arguments: args }))).toEqual(calls);
    expect(parsed.text).toBe(rest);
    expect(parsed.unparseableCalls ?? 0).toBe(unparseable);
    expect(countUnparseableCalls(parsed.text)).toBe(unparseable);
  });

  it("numbers call ids after the calls already in the conversation", () => {
    const parsed = parsePromptModeText(
      '<tool_call>{"name":"x"}</tool_call><tool_call>{"name":"y"}</tool_call>',
      afterTwoCalls,
    );
    expect(parsed.toolCalls.map((call) => call.id)).toEqual(["call_3", "call_4"]);
  });

  it("a rendered call block parses back to the same call", () => {
    const call = { id: "call_1", name: "submit_answer", arguments: '{"task_id":"T1","answer":[1,"two"]}' };
    expect(parsePromptModeText(renderCallBlock(call), empty).toolCalls).toEqual([call]);
  });
});

describe("toPromptModeRequest", () => {
  const prompt = toPromptModeRequest(FIXTURE_REQUEST);

  it("offers no native tools and describes every tool in the system prompt", () => {
    expect(prompt.tools).toEqual([]);
    const system = prompt.messages[0];
    expect(system?.role).toBe("system");
    for (const tool of FIXTURE_REQUEST.tools)
      expect(system?.role === "system" && system.content).toContain(`## ${tool.name}`);
  });

  it("leaves no tool messages and no native calls; results and notifications share one user message", () => {
    expect(prompt.messages.some((message) => message.role === "tool")).toBe(false);
    expect(
      prompt.messages.every((message) => message.role !== "assistant" || message.toolCalls.length === 0),
    ).toBe(true);
    const roles = prompt.messages.map((message) => message.role);
    for (let i = 1; i < roles.length; i++) expect(`${roles[i - 1]}>${roles[i]}`).not.toBe("user>user");
    const third = prompt.messages[3];
    expect(third?.role === "user" && third.content).toMatch(/^<tool_result id="r1" name="counter_get">/);
    expect(third?.role === "user" && third.content).toContain("[t=2] 1 tool result arrived");
  });

  it("renders every earlier call as a block that parses back to it", () => {
    const assistantTexts = prompt.messages.flatMap((message) =>
      message.role === "assistant" && message.content ? [message.content] : [],
    );
    const reparsed = assistantTexts.flatMap((text) => parsePromptModeText(text, empty).toolCalls);
    const original = FIXTURE_REQUEST.messages.flatMap((message) =>
      message.role === "assistant" ? message.toolCalls : [],
    );
    // The call with broken JSON arguments comes back with those arguments as a raw string.
    expect(reparsed.map((call) => call.name)).toEqual(original.map((call) => call.name));
    expect(reparsed.map((call) => call.arguments)).toEqual(original.map((call) => call.arguments));
  });

  it("matches its snapshot", () => {
    expect(prompt.messages.slice(0, 4)).toMatchSnapshot();
  });
});

import type { CanonicalMessage } from "../../core/messages.ts";
import { offeredToolSpecs } from "../../env/episode-setup.ts";
import {
  renderNotification,
  renderReminder,
  renderSystemPrompt,
  renderTaskList,
  renderToolResponse,
} from "../../env/render.ts";
import { counterCatalog } from "../../env/testing/counter-domain.ts";
import { counterScenario } from "../../env/testing/counter-scenarios.ts";
import type { ModelRequest } from "./adapter.ts";

/**
 * One canonical conversation with everything an adapter must render (test fixture): system
 * prompt, task list, parallel calls with text, an invalid call (bad JSON), acks, notifications,
 * a wait, an empty turn, a reminder, two submissions in one turn. Texts come from the
 * environment's own renderers.
 */
const tasks = [
  { id: "T1", instruction: "Read counter a." },
  { id: "T2", instruction: "Double 3 slowly." },
];

export const FIXTURE_MESSAGES: readonly CanonicalMessage[] = [
  { role: "system", content: renderSystemPrompt("async") },
  { role: "user", content: renderTaskList(tasks) },
  {
    role: "assistant",
    content: "Starting both tasks.",
    toolCalls: [
      { id: "r1", name: "counter_get", arguments: '{"name":"a"}' },
      { id: "r2", name: "slow_double", arguments: '{"x":3}' },
      { id: "r3", name: "slow_double", arguments: '{"x": ' },
    ],
  },
  {
    role: "tool",
    toolCallId: "r1",
    name: "counter_get",
    content: renderToolResponse({ status: "pending", call_id: "c1" }),
  },
  {
    role: "tool",
    toolCallId: "r2",
    name: "slow_double",
    content: renderToolResponse({ status: "pending", call_id: "c2" }),
  },
  {
    role: "tool",
    toolCallId: "r3",
    name: "slow_double",
    content: renderToolResponse({
      status: "error",
      error: "arguments of slow_double are not valid JSON: Unexpected end of JSON input",
    }),
  },
  {
    role: "user",
    content: renderNotification(2, [
      { call_id: "c1", tool: "counter_get", status: "ok", result: { value: 1 } },
    ]),
  },
  { role: "assistant", content: null, toolCalls: [{ id: "r4", name: "wait", arguments: "{}" }] },
  {
    role: "tool",
    toolCallId: "r4",
    name: "wait",
    content: renderToolResponse({ status: "ok", result: "waited for the next result" }),
  },
  {
    role: "user",
    content: renderNotification(9, [
      { call_id: "c2", tool: "slow_double", status: "ok", result: { value: 6 } },
    ]),
  },
  { role: "assistant", content: null, toolCalls: [] },
  { role: "user", content: renderReminder(["T1", "T2"]) },
  {
    role: "assistant",
    content: null,
    toolCalls: [
      { id: "r5", name: "submit_answer", arguments: '{"task_id":"T1","answer":1}' },
      { id: "r6", name: "submit_answer", arguments: '{"task_id":"T2","answer":6}' },
    ],
  },
  {
    role: "tool",
    toolCallId: "r5",
    name: "submit_answer",
    content: renderToolResponse({ status: "ok", result: "answer recorded for T1" }),
  },
  {
    role: "tool",
    toolCallId: "r6",
    name: "submit_answer",
    content: renderToolResponse({ status: "ok", result: "answer recorded for T2" }),
  },
];

const offered = offeredToolSpecs(counterScenario(), counterCatalog);

export const FIXTURE_REQUEST: ModelRequest = {
  messages: FIXTURE_MESSAGES,
  tools: offered.filter((tool) =>
    ["counter_get", "slow_double", "wait", "submit_answer"].includes(tool.name),
  ),
  temperature: 0,
  seed: 11,
  maxOutputTokens: 1024,
};

import type { Delivery, ToolResponse } from "../agents/agent.ts";

/**
 * The canonical texts every agent sees (DESIGN §4.5). Pure functions: adapters translate the
 * resulting messages into wire formats but never change their content.
 */
export const SYSTEM_PROMPT_VERSION = "asynctool-system-v1";

export function renderSystemPrompt(protocol: "sync" | "async"): string {
  const common = [
    "You are an agent working on several independent tasks at once, using the tools provided.",
    "Tasks may be done in any order and their steps may be interleaved. Total elapsed time matters: finish every task as early as you can.",
    "When a task is done, call submit_answer(task_id, answer) exactly once for it. For a task that only asks you to perform actions, submit an empty string as the answer. A second submission for the same task is rejected.",
  ];
  if (protocol === "sync") {
    return [
      ...common,
      "Tools are synchronous: each tool result comes back in the tool message, and a turn lasts until its slowest call has finished. Calls made in the same turn run in parallel.",
    ].join("\n");
  }
  return [
    ...common,
    'Tools are ASYNCHRONOUS. A valid call is acknowledged at once with a tool message like {"status":"pending","call_id":"c7"}; the result arrives later, at the start of a later turn, in a user message that lists completed calls by call_id. Results are not repeated, so remember which call_id belongs to which task.',
    "Never use a value you have not received yet: if a step needs the result of an earlier call, wait for that result first. While results are pending, keep working on other tasks.",
    'Calls made in the same turn run in parallel. A call with bad arguments returns {"status":"error"} at once and is not run. Some errors say they are retryable: call again.',
    "Call wait() when you have nothing else to do but wait for pending results: time jumps to the next completion. Replying without any tool call also waits while calls are pending.",
  ].join("\n");
}

export function renderTaskList(tasks: ReadonlyArray<{ id: string; instruction: string }>): string {
  const header =
    tasks.length === 1 ? "You have 1 task:" : `You have ${tasks.length} tasks. Work on them concurrently:`;
  return [header, ...tasks.map((task) => `${task.id}: ${task.instruction}`)].join("\n");
}

export function renderToolResponse(response: ToolResponse): string {
  return JSON.stringify(response);
}

export function renderNotification(time: number, deliveries: readonly Delivery[]): string {
  const noun = deliveries.length === 1 ? "result" : "results";
  const lines = deliveries.map((delivery) => JSON.stringify(delivery));
  return [`[t=${time}] ${deliveries.length} tool ${noun} arrived (in completion order):`, ...lines].join(
    "\n",
  );
}

export function renderReminder(openTasks: readonly string[]): string {
  return `You made no tool call and nothing is pending. Open tasks: ${openTasks.join(", ")}. Continue working on them, or submit their answers with submit_answer.`;
}

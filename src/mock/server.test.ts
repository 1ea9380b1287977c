import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toOpenAIMessages } from "../agents/llm/openai-codec.ts";
import { renderSystemPrompt, renderTaskList } from "../env/render.ts";
import { counterCatalog } from "../env/testing/counter-domain.ts";
import { counterScenario } from "../env/testing/counter-scenarios.ts";
import { type MockServer, startMockServer } from "./server.ts";

/** The HTTP surface with plain fetch (the SDK end-to-end tests live in test/e2e). */
const scenario = counterScenario();
const firstRequest = {
  model: "mock-oracle",
  messages: toOpenAIMessages([
    { role: "system", content: renderSystemPrompt("async") },
    { role: "user", content: renderTaskList(scenario.tasks) },
  ]),
};

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ scenarios: [scenario], catalog: counterCatalog, apiKey: "right-key" });
});
afterAll(async () => {
  await server.close();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  return await fetch(`${server.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer right-key", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("mock server HTTP surface", () => {
  it("lists one model per policy", async () => {
    const response = await fetch(`${server.url}/models`, { headers: { authorization: "Bearer right-key" } });
    const body = (await response.json()) as { data: Array<{ id: string }> };
    expect(body.data.map((model) => model.id)).toEqual([
      "mock-oracle",
      "mock-sequential",
      "mock-eager",
      "mock-forgetful",
    ]);
  });

  it("answers the first turn with the oracle's parallel calls and deterministic ids", async () => {
    type Completion = {
      choices: Array<{ message: { tool_calls: Array<{ id: string; function: { name: string } }> } }>;
    };
    const first = (await (await post(firstRequest)).json()) as Completion;
    const again = (await (await post(firstRequest)).json()) as Completion;
    expect(again).toEqual(first);
    const calls = first.choices[0]?.message.tool_calls;
    // T1 s1, T2 s1 and s2, T3 s1: every ready step at once.
    expect(calls?.map((call) => [call.id, call.function.name])).toEqual([
      ["r1", "counter_get"],
      ["r2", "slow_double"],
      ["r3", "slow_double"],
      ["r4", "counter_add"],
    ]);
  });

  it("streams SSE chunks ending in [DONE], with usage when asked", async () => {
    const response = await post({ ...firstRequest, stream: true, stream_options: { include_usage: true } });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = (await response.text()).split("\n\n").filter((event) => event !== "");
    expect(events.at(-1)).toBe("data: [DONE]");
    expect(events.every((event) => event.startsWith("data: "))).toBe(true);
    const last = JSON.parse((events.at(-2) ?? "").slice(6)) as { usage?: { prompt_tokens: number } };
    expect(last.usage?.prompt_tokens).toBeGreaterThan(0);
  });

  it.each([
    ["a 429 with retry-after", "mock-sequential", "rate-limit;retry-after=2", 429, "2"],
    ["a 500", "mock-eager", "server-error", 500, null],
  ])("the x-mock-fault header injects %s", async (_label, model, header, status, retryAfter) => {
    // Faults count attempts per distinct request, so each case sends one not seen before.
    const response = await post({ ...firstRequest, model }, { "x-mock-fault": header });
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after")).toBe(retryAfter);
  });

  it.each([
    ["no key", { authorization: "" }, 401, /Incorrect API key/],
    ["bad JSON", {}, 400, /not valid JSON/],
    ["unknown model", {}, 404, /does not exist/],
    ["bad fault header", { "x-mock-fault": "teapot" }, 400, /x-mock-fault/],
  ])("rejects %s", async (label, headers, status, message) => {
    const body =
      label === "bad JSON"
        ? "{"
        : label === "unknown model"
          ? { ...firstRequest, model: "gpt-4" }
          : firstRequest;
    const response = await post(body, headers);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it("a task list of no loaded scenario is a 400 that says so", async () => {
    const messages = [firstRequest.messages[0], { role: "user", content: "T1: something else" }];
    const response = await post({ ...firstRequest, messages });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/matches no loaded scenario/);
  });
});

/**
 * End to end through real HTTP with the official `openai` SDK: llmAgentFactory → mock server →
 * reference-agent policies, on the shipped examples split, graded by the real grader.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AgentFactory } from "../../src/agents/agent.ts";
import { llmAgentFactory } from "../../src/agents/llm/llm-agent.ts";
import { referenceAgent } from "../../src/agents/reference/index.ts";
import type { Condition } from "../../src/core/condition.ts";
import { AsynctoolError } from "../../src/core/errors.ts";
import { findPreset } from "../../src/core/presets.ts";
import { eventsOf, type TraceEvent } from "../../src/core/trace.ts";
import { loadSplit } from "../../src/dataset/loader.ts";
import type { Scenario } from "../../src/dataset/schema.ts";
import { runEpisode } from "../../src/env/episode.ts";
import { counterCatalog } from "../../src/env/testing/counter-domain.ts";
import { counterScenario } from "../../src/env/testing/counter-scenarios.ts";
import { gradeEpisode } from "../../src/grading/grade.ts";
import type { FaultRuleInput } from "../../src/mock/faults.ts";
import { type MockServer, startMockServer } from "../../src/mock/server.ts";
import type { ToolCatalog } from "../../src/tools/catalog.ts";
import { REGISTRY } from "../../src/tools/registry.ts";

/** Two worlds: the counter test domain (always there) and the shipped examples split. */
interface World {
  name: string;
  scenarios: Scenario[];
  catalog: ToolCatalog;
}
const counter: World = {
  name: "counter",
  catalog: counterCatalog,
  scenarios: [
    counterScenario(),
    counterScenario({ id: "counter-two", seed: 9, tasks: counterScenario().tasks.slice(0, 2) }),
  ],
};
const examples = (): World => ({ name: "examples", catalog: REGISTRY, scenarios: loadSplit("examples") });

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

const preset = (name: string): Condition => {
  const found = findPreset(name);
  if (!found) throw new Error(`no preset ${name}`);
  return found;
};
const realistic = preset("async-realistic");
const fastRetries = { baseDelayMs: 2, maxDelayMs: 10, maxAttempts: 5 };

const servers: MockServer[] = [];
async function server(
  world: World,
  options: { faults?: FaultRuleInput[]; apiKey?: string } = {},
): Promise<MockServer> {
  const started = await startMockServer({
    scenarios: world.scenarios,
    catalog: world.catalog,
    policy: "oracle",
    ...options,
  });
  servers.push(started);
  return started;
}
afterAll(async () => {
  await Promise.all(servers.map((started) => started.close()));
});

function model(url: string, policy: string, extra: { stream?: boolean; apiKey?: string } = {}) {
  return llmAgentFactory({
    modelId: `openai-compatible:mock-${policy}`,
    baseUrl: url,
    retry: fastRetries,
    env: {},
    ...extra,
  });
}

async function episode(
  world: World,
  scenario: Scenario,
  condition: Condition,
  agent: ReturnType<typeof model> | AgentFactory,
) {
  return await runEpisode({ scenario, condition, agent, catalog: world.catalog });
}

/** The trace minus what legitimately differs between an HTTP model and the in-process agent. */
function behaviour(trace: readonly TraceEvent[]): unknown[] {
  return trace.map((event) => {
    if (event.type === "episode-start") return { ...event, agent: "-" };
    if (event.type === "model-response") return { ...event, usage: undefined };
    return event;
  });
}

/** The scripted-model checks, run on one world. */
function scriptedModels(load: () => World): void {
  let world: World;
  let mock: MockServer;
  beforeAll(async () => {
    world = load();
    mock = await server(world);
  });

  it("oracle: the same decisions as the in-process oracle on every scenario, graded a success", async () => {
    for (const scenario of world.scenarios) {
      for (const condition of [realistic, preset("sync")]) {
        const viaHttp = await episode(world, scenario, condition, model(mock.url, "oracle"));
        const direct = await episode(world, scenario, condition, referenceAgent("oracle", world.catalog));
        expect(behaviour(viaHttp.trace)).toEqual(behaviour(direct.trace));
        expect(viaHttp.summary.reason).toBe("completed");
        const submitted = eventsOf(viaHttp.trace, "answer-submit").map((event) => event.taskId);
        expect(submitted.sort()).toEqual(scenario.tasks.map((task) => task.id).sort());
        const score = await gradeEpisode({
          scenario,
          condition,
          trace: viaHttp.trace,
          catalog: world.catalog,
        });
        expect(score.success, `${scenario.id} under ${condition.name}`).toBe(true);
        // Tokens come back from the server's usage on every response.
        const responses = eventsOf(viaHttp.trace, "model-response");
        expect(responses.every((event) => (event.usage?.inputTokens ?? 0) > 0)).toBe(true);
      }
    }
  });

  it("oracle issues parallel tool calls in one response", async () => {
    const result = await episode(world, world.scenarios[0] as Scenario, realistic, model(mock.url, "oracle"));
    const widest = Math.max(
      ...eventsOf(result.trace, "model-response").map((event) => event.toolCalls.length),
    );
    expect(widest).toBeGreaterThanOrEqual(2);
  });

  it("eager issues calls before their inputs were delivered: the grader sees dependency violations", async () => {
    let violations = 0;
    for (const scenario of world.scenarios) {
      const result = await episode(world, scenario, realistic, model(mock.url, "eager"));
      const score = await gradeEpisode({
        scenario,
        condition: realistic,
        trace: result.trace,
        catalog: world.catalog,
      });
      violations += score.failures.dependencyViolation;
    }
    expect(violations).toBeGreaterThan(0);
  });

  it("forgetful never submits its last task", async () => {
    const scenario = world.scenarios[0] as Scenario;
    const result = await episode(world, scenario, realistic, model(mock.url, "forgetful"));
    const submitted = eventsOf(result.trace, "answer-submit").map((event) => event.taskId);
    expect(submitted).not.toContain(scenario.tasks.at(-1)?.id);
  });

  it("streaming and non-streaming give byte-identical traces", async () => {
    for (const scenario of world.scenarios) {
      for (const policy of ["oracle", "eager", "sequential"]) {
        const plain = await episode(world, scenario, realistic, model(mock.url, policy));
        const streamed = await episode(world, scenario, realistic, model(mock.url, policy, { stream: true }));
        expect(JSON.stringify(streamed.trace)).toBe(JSON.stringify(plain.trace));
      }
    }
  });
}

describe("scripted models through the openai SDK: counter test domain", () => {
  scriptedModels(() => counter);
});

describe("scripted models through the openai SDK: shipped examples split", () => {
  scriptedModels(examples);
});

describe("provider faults", () => {
  const scenario = counter.scenarios[0] as Scenario;
  let clean: string;
  beforeAll(async () => {
    const mock = await server(counter);
    clean = JSON.stringify((await episode(counter, scenario, realistic, model(mock.url, "oracle"))).trace);
  });

  it("429 bursts, 500s and broken bodies are retried and leave no mark on the trace", async () => {
    const faulty = await server(counter, {
      faults: [
        { kind: "rate-limit", turn: 0, times: 3, retryAfterSeconds: 0.01 },
        { kind: "server-error", turn: 1, times: 2 },
        { kind: "broken-body", turn: 2 },
        { kind: "rate-limit", turn: 3, times: 1, retryAfterSeconds: 0 },
      ],
    });
    const retried = await episode(
      counter,
      scenario,
      realistic,
      model(faulty.url, "oracle", { stream: true }),
    );
    expect(JSON.stringify(retried.trace)).toBe(clean);
    expect(eventsOf(retried.trace, "infra-error")).toEqual([]);
    expect(faulty.stats()).toMatchObject({ rateLimited: 4, serverErrors: 2, brokenBodies: 1 });
  });

  it("a provider that keeps failing ends the episode with an infra-error event, not a model failure", async () => {
    const failing = await server(counter, { faults: [{ kind: "server-error", turn: 1, times: 100 }] });
    const result = await episode(counter, scenario, realistic, model(failing.url, "oracle"));
    expect(result.summary.reason).toBe("infra-error");
    const [infra] = eventsOf(result.trace, "infra-error");
    expect(infra).toMatchObject({ turn: 1, retryable: true });
    expect(infra?.message).toMatch(/HTTP 500 \(gave up after 5 attempts\)/);
    expect(failing.stats().serverErrors).toBe(5);
  });

  it("malformed model output (bad JSON arguments, unknown tool) becomes invalid calls fed back to the model", async () => {
    const faulty = await server(counter, {
      faults: [
        { kind: "bad-arguments", turn: 1 },
        { kind: "unknown-tool", turn: 3 },
      ],
    });
    const result = await episode(counter, scenario, realistic, model(faulty.url, "oracle"));
    const invalid = eventsOf(result.trace, "tool-call").filter((event) => event.status === "invalid");
    expect(invalid.map((event) => event.turn)).toEqual([1, 3]);
    expect(invalid[0]?.error).toMatch(/not valid JSON/);
    expect(invalid[1]?.error).toMatch(/unknown tool "no_such_tool"/);
    // The error went back to the model as the tool message of that call.
    const fedBack = eventsOf(result.trace, "model-request").flatMap((event) => event.messages);
    const errors = fedBack.filter(
      (message) => message.role === "tool" && message.content.includes('"status":"error"'),
    );
    expect(errors).toHaveLength(2);
    // The policy recovers: every task still done right. The grader counts the unknown tool as an
    // invalid call and the arguments that are not JSON as an unparseable response.
    expect(result.summary.reason).toBe("completed");
    const score = await gradeEpisode({
      scenario,
      condition: realistic,
      trace: result.trace,
      catalog: counter.catalog,
    });
    expect(score.success).toBe(true);
    expect(score.failures.invalidCall).toBe(1);
    expect(score.failures.unparseableResponse).toBe(1);
  });

  it("401 stops at once with a fatal-config error that names the variable and never the key", async () => {
    const guarded = await server(counter, { apiKey: "the-right-key" });
    const secret = "sk-wrong-SECRET-0123456789abcdef";
    const error = await episode(
      counter,
      scenario,
      realistic,
      model(guarded.url, "oracle", { apiKey: secret }),
    ).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AsynctoolError);
    expect(error).toMatchObject({ kind: "fatal-config", retryable: false });
    const message = (error as Error).message;
    expect(message).toMatch(/HTTP 401.*OPENAI_COMPATIBLE_API_KEY/);
    expect(message).not.toContain("SECRET");
    expect(JSON.stringify(error)).not.toContain("SECRET");
    expect(guarded.stats().requests).toBe(1);
  });
});

describe("prompt mode through HTTP (tools in the system prompt, calls as text)", () => {
  /** What the environment did, without request ids (prompt mode names calls call_N). */
  function actions(trace: readonly TraceEvent[]): unknown[] {
    return trace.flatMap((event) => {
      if (event.type === "tool-call")
        return [[event.t, event.tool, event.arguments, event.status, event.error]];
      if (event.type === "answer-submit") return [[event.t, event.taskId, event.answer]];
      if (event.type === "episode-end") return [[event.reason, event.makespan, event.finalWorld]];
      return [];
    });
  }

  it("the prompt-mode oracle acts exactly like the native one and is graded a success", async () => {
    const mock = await server(counter);
    for (const scenario of counter.scenarios) {
      const native = await episode(counter, scenario, realistic, model(mock.url, "oracle"));
      const prompt = await episode(
        counter,
        scenario,
        realistic,
        llmAgentFactory({ modelId: "prompt:openai-compatible:mock-oracle", baseUrl: mock.url, env: {} }),
      );
      expect(actions(prompt.trace)).toEqual(actions(native.trace));
      const [firstRequest] = eventsOf(prompt.trace, "model-request");
      expect(firstRequest?.messages[0]?.role).toBe("system");
      const ids = eventsOf(prompt.trace, "model-response").flatMap((event) =>
        event.toolCalls.map((call) => call.id),
      );
      expect(ids).toEqual(ids.map((_, index) => `call_${index + 1}`));
      const score = await gradeEpisode({
        scenario,
        condition: realistic,
        trace: prompt.trace,
        catalog: counter.catalog,
      });
      expect(score.success).toBe(true);
    }
  });

  it("malformed calls reach a prompt-mode client as invalid calls too", async () => {
    const faulty = await server(counter, {
      faults: [
        { kind: "bad-arguments", turn: 1 },
        { kind: "unknown-tool", turn: 3 },
      ],
    });
    const scenario = counter.scenarios[0] as Scenario;
    const result = await episode(
      counter,
      scenario,
      realistic,
      llmAgentFactory({ modelId: "prompt:openai-compatible:mock-oracle", baseUrl: faulty.url, env: {} }),
    );
    const invalid = eventsOf(result.trace, "tool-call").filter((event) => event.status === "invalid");
    // At turn 1 the oracle meant to wait(): the fault is that call with arguments that are not JSON.
    expect(invalid.map((event) => [event.turn, event.tool])).toEqual([
      [1, "wait"],
      [3, "no_such_tool"],
    ]);
    expect(invalid[0]?.error).toMatch(/not valid JSON/);
    expect(result.summary.reason).toBe("completed");
  });
});

describe("asynctool mock-server (the CLI command)", () => {
  it("serves the examples split until SIGTERM; an SDK episode against it completes", async () => {
    const child = spawn(
      process.execPath,
      ["bin/asynctool.js", "mock-server", "--port", "0", "--policy", "sequential"],
      {
        cwd: REPO_ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (part: Buffer) => {
      output += part.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      await vi.waitFor(() => expect(output).toMatch(/listening on (\S+)/), { timeout: 20_000, interval: 50 });
      const url = /listening on (\S+)/.exec(output)?.[1] as string;
      expect(output).toMatch(/default policy sequential, \d+ scenarios from examples/);
      const world = examples();
      const scenario = world.scenarios[0] as Scenario;
      const factory = llmAgentFactory({ modelId: "openai-compatible:anything", baseUrl: url, env: {} });
      const result = await episode(world, scenario, realistic, factory);
      const direct = await episode(world, scenario, realistic, referenceAgent("sequential", world.catalog));
      expect(behaviour(result.trace)).toEqual(behaviour(direct.trace));
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(output).toMatch(/mock server stopped: \d+ requests/);
  });
});

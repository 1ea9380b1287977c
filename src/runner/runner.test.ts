import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgentFactory } from "../agents/agent.ts";
import { oracleFactory } from "../agents/reference/oracle.ts";
import { AsynctoolError, InfraError } from "../core/errors.ts";
import { findPreset } from "../core/presets.ts";
import { runEpisode } from "../env/episode.ts";
import { counterCatalog } from "../env/testing/counter-domain.ts";
import { counterScenario } from "../env/testing/counter-scenarios.ts";
import { FatalRunError } from "./episode-attempts.ts";
import { buildPlan, episodeKeyString, type PlannedEpisode, type RunConfig, scenariosHash } from "./plan.ts";
import { silentProgress } from "./progress.ts";
import { Redactor } from "./redact.ts";
import { ResponseCache, requestKey } from "./response-cache.ts";
import { type RunnerOptions, runPlan } from "./runner.ts";
import { type EpisodeRecord, RunStore } from "./store.ts";

// The counter test domain keeps these tests independent of the shipped dataset.
const scenarios = [counterScenario(), counterScenario({ id: "counter-other", seed: 8 })];
const conditions = ["sync", "async-realistic"].map((name) => findPreset(name)!);

function config(overrides: Partial<RunConfig> = {}): RunConfig {
  return {
    configVersion: 1,
    agents: [{ kind: "reference", name: "oracle" }],
    split: "test",
    scenarioIds: scenarios.map((scenario) => scenario.id),
    scenariosHash: scenariosHash(scenarios),
    conditions,
    trials: 1,
    concurrency: {},
    maxEpisodeAttempts: 3,
    createdAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

function options(makeFactory: (episode: PlannedEpisode) => AgentFactory, extra: Partial<RunnerOptions> = {}) {
  const runConfig = extra.config ?? config();
  return {
    config: runConfig,
    plan: buildPlan(runConfig, scenarios),
    store: null,
    progress: silentProgress,
    redactor: new Redactor([{ name: "OPENAI_API_KEY", value: "sk-test-SECRET123" }]),
    defaultConcurrency: () => 2,
    cache: null,
    grade: null,
    retry: { baseMs: 1, maxMs: 5 },
    makeFactory,
    cacheKey: () => null,
    catalog: counterCatalog,
    ...extra,
  } satisfies RunnerOptions;
}

/** An oracle whose first `failures` turns across the run throw an infrastructure error. */
function flakyOracle(failures: { left: number }, error: () => Error): AgentFactory {
  return {
    name: "oracle",
    create(context) {
      const inner = oracleFactory.create(context);
      return {
        name: inner.name,
        act(observation) {
          if (failures.left > 0) {
            failures.left -= 1;
            throw error();
          }
          return inner.act(observation);
        },
      };
    },
  };
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "asynctool-runner-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("runPlan", () => {
  it("runs every planned episode in plan order with traces equal to plain episodes", async () => {
    const seen = traceCollector();
    const outcome = await runPlan(options(() => oracleFactory, { onRecord: seen.onRecord }));
    expect(outcome.records.map((record) => [record.scenario, record.condition])).toEqual(
      scenarios.flatMap((scenario) => conditions.map((condition) => [scenario.id, condition.name])),
    );
    const direct = await runEpisode({
      scenario: scenarios[0]!,
      condition: conditions[0]!,
      agent: oracleFactory,
      catalog: counterCatalog,
    });
    expect(seen.traces.get(episodeKeyString(outcome.records[0]!))).toEqual(direct.trace);
    expect(seen.traces.size).toBe(4);
    expect(outcome.records.every((record) => record.attempts === 1 && record.costUsd === 0)).toBe(true);
  });

  it("retries an episode that hit an infrastructure error and stores only the clean attempt", async () => {
    const failures = { left: 2 };
    const notes: string[] = [];
    const outcome = await runPlan(
      options(() => flakyOracle(failures, () => new InfraError("HTTP 500 from sk-test-SECRET123")), {
        config: config({ concurrency: { "*": 1 } }),
        progress: { ...silentProgress, note: (message) => notes.push(message) },
      }),
    );
    expect(outcome.records).toHaveLength(4);
    expect(outcome.records[0]?.attempts).toBe(3);
    expect(outcome.records.slice(1).every((record) => record.attempts === 1)).toBe(true);
    expect(outcome.records.every((record) => record.reason === "completed")).toBe(true);
    expect(notes).toHaveLength(2);
    expect(notes.join("\n")).not.toContain("SECRET123");
  });

  it("reports an episode that never gets past the provider, without scoring or storing it", async () => {
    const store = RunStore.create(join(root, "run"), {
      runId: "r",
      config: config(),
      provenance: fakeProvenance,
    });
    const failures = { left: 3 };
    const outcome = await runPlan(
      options(() => flakyOracle(failures, () => new InfraError("HTTP 503")), {
        config: config({ concurrency: { "*": 1 } }),
        store,
      }),
    );
    expect(outcome.infraFailures).toEqual([expect.objectContaining({ attempts: 3, message: "HTTP 503" })]);
    expect(outcome.records).toHaveLength(3);
    expect(outcome.missing).toBe(1);
    expect(store.episodeCount).toBe(3);
    expect(store.infraFailureCount()).toBe(1);
    store.close();
  });

  it("grades every episode, and keeps an episode whose grading failed (ungraded, with a note)", async () => {
    const notes: string[] = [];
    let graded = 0;
    const outcome = await runPlan(
      options(() => oracleFactory, {
        progress: { ...silentProgress, note: (message) => notes.push(message) },
        grade: ({ scenario, condition }) => {
          graded += 1;
          if (scenario.id === "counter-other" && condition.name === "sync") throw new Error("grader bug");
          return { scenario: scenario.id, condition: condition.name };
        },
      }),
    );
    expect(graded).toBe(4);
    expect(outcome.records.map((record) => record.score)).toEqual([
      { scenario: "counter-three", condition: "sync" },
      { scenario: "counter-three", condition: "async-realistic" },
      null,
      { scenario: "counter-other", condition: "async-realistic" },
    ]);
    expect(notes).toEqual([
      "counter-other × oracle × sync (t0): grading failed (grader bug); stored without a score",
    ]);
  });

  it("stops feeding a provider that keeps failing whole episodes", async () => {
    const failures = { left: Number.POSITIVE_INFINITY };
    const notes: string[] = [];
    const outcome = await runPlan(
      options(() => flakyOracle(failures, () => new InfraError("connection refused")), {
        config: config({ concurrency: { "*": 1 }, maxEpisodeAttempts: 1 }),
        maxConsecutiveInfraFailures: 3,
        progress: { ...silentProgress, note: (message) => notes.push(message) },
      }),
    );
    expect(outcome.infraFailures).toHaveLength(3);
    expect(outcome.stoppedProviders).toEqual(["local"]);
    expect(outcome.missing).toBe(4);
    expect(notes).toEqual([
      "local: 3 episodes in a row failed on the provider's side; its 1 remaining episodes are left for --resume",
    ]);
  });

  it("stops the whole run at once on a fatal configuration error", async () => {
    const store = RunStore.create(join(root, "run"), {
      runId: "r",
      config: config(),
      provenance: fakeProvenance,
    });
    const failures = { left: 1 };
    const run = runPlan(
      options(
        () =>
          flakyOracle(
            failures,
            () => new AsynctoolError("fatal-config", "401: key sk-test-SECRET123 rejected"),
          ),
        { config: config({ concurrency: { "*": 1 } }), store },
      ),
    );
    await expect(run).rejects.toThrow(FatalRunError);
    await expect(run).rejects.toThrow("401: key [redacted:OPENAI_API_KEY] rejected");
    expect(store.episodeCount).toBe(0);
    store.close();
  });

  it("skips stored episodes (resume) and abandons in-flight ones on abort", async () => {
    const store = RunStore.create(join(root, "run"), {
      runId: "r",
      config: config(),
      provenance: fakeProvenance,
    });
    const controller = new AbortController();
    let finished = 0;
    const first = await runPlan(
      options(() => oracleFactory, {
        config: config({ concurrency: { "*": 1 } }),
        store,
        signal: controller.signal,
        progress: {
          ...silentProgress,
          episodeDone: () => {
            finished += 1;
            if (finished === 2) controller.abort();
          },
        },
      }),
    );
    expect(first.interrupted).toBe(true);
    expect(first.records).toHaveLength(2);
    const second = await runPlan(options(() => oracleFactory, { store }));
    expect(second.skipped).toBe(2);
    expect(second.ran).toBe(2);
    expect(store.episodeCount).toBe(4);
    const seen = traceCollector();
    await runPlan(options(() => oracleFactory, { onRecord: seen.onRecord }));
    const stored = new Map([...store.episodes()].map((record) => [episodeKeyString(record), record.trace]));
    expect(stored).toEqual(seen.traces);
    store.close();
  });

  it("answers a repeated request from the response cache with an identical trace", async () => {
    const cache = new ResponseCache(join(root, "cache.sqlite"));
    let calls = 0;
    // A stateless agent (answers from the conversation alone), as model agents are.
    const submitter: AgentFactory = {
      name: "submitter",
      create({ episode }) {
        return {
          name: "submitter",
          act(observation) {
            calls += 1;
            if (observation.turn > 0) return { text: "done", toolCalls: [] };
            const toolCalls = episode.tasks.map((task, index) => ({
              id: `call_${index}`,
              name: "submit_answer",
              arguments: JSON.stringify({ task_id: task.id, answer: null }),
            }));
            return { text: null, toolCalls, usage: { inputTokens: 100, outputTokens: 10 } };
          },
        };
      },
    };
    const firstTraces = traceCollector();
    const secondTraces = traceCollector();
    let round = 0;
    const run = () =>
      runPlan(
        options(() => submitter, {
          onRecord: (round++ === 0 ? firstTraces : secondTraces).onRecord,
          cache,
          cacheKey: () => (observation, info) => requestKey("submitter-v1", info.tools, observation.messages),
        }),
      );
    const first = await run();
    const callsAfterFirst = calls;
    const second = await run();
    expect(callsAfterFirst).toBeGreaterThan(0);
    expect(calls).toBe(callsAfterFirst);
    expect(secondTraces.traces).toEqual(firstTraces.traces);
    expect(firstTraces.traces.size).toBe(4);
    expect(second.records.every((record) => record.cacheHits > 0)).toBe(true);
    // Only the first episode of each condition is new: the other scenario asks the very same questions.
    expect(first.records.map((record) => record.cacheHits)).toEqual([0, 0, 1, 1]);
    cache.close();
  });
});

/** Traces of finished episodes by key (run results carry no traces). */
function traceCollector() {
  const traces = new Map<string, unknown>();
  return {
    traces,
    onRecord: (record: EpisodeRecord) => void traces.set(episodeKeyString(record), record.trace),
  };
}

const fakeProvenance = {
  asynctool: "0",
  node: "v20",
  platform: "test",
  packages: {},
  gitSha: null,
  gitDirty: null,
};

import { findPreset } from "../core/presets.ts";
import { listSplits, loadSplit } from "../dataset/loader.ts";
import type { Scenario } from "../dataset/schema.ts";
import { startMockServer } from "../mock/index.ts";
import { createGrader } from "./grading-bridge.ts";
import { type AgentSpec, modelSpec, RunConfig, scenariosHash } from "./plan.ts";
import type { Progress } from "./progress.ts";
import { runSession, type SessionResult } from "./session.ts";
import type { SummaryRow } from "./summary.ts";
import { summaryRows } from "./summary.ts";

/**
 * `asynctool demo`: the whole pipeline with no key and no network. A mock OpenAI-compatible
 * server on a free localhost port plays back the reference agents' decisions as model responses;
 * the reference agents run directly and the scripted models through real HTTP with the official
 * `openai` SDK, under async-realistic and sync; the run is stored and the leaderboard printed.
 */
export const DEMO_REFERENCE_AGENTS = ["oracle", "sequential"] as const;
export const DEMO_MODELS = ["mock-oracle", "mock-sequential", "mock-eager", "mock-forgetful"].map(
  (name) => `openai-compatible:${name}`,
);
export const DEMO_CONDITIONS = ["async-realistic", "sync"] as const;
/** Scenarios taken from v1 when it exists (the examples split is used whole). */
export const DEMO_V1_SLICE = 12;

export interface DemoOptions {
  /** A split name or scenario file; default: a slice of v1, else the examples split. */
  split?: string | undefined;
  limit?: number | undefined;
  out?: string | undefined;
  noStore?: boolean | undefined;
  stream?: boolean | undefined;
  /** Delay of every mock response, to watch concurrency at work. */
  latencyMs?: number | undefined;
  progress: Progress;
  signal?: AbortSignal | undefined;
}

export interface DemoResult {
  session: SessionResult;
  leaderboard: SummaryRow[];
  split: string;
}

export function demoScenarios(options: Pick<DemoOptions, "split" | "limit">): {
  split: string;
  scenarios: Scenario[];
} {
  const split = options.split ?? (listSplits().includes("v1") ? "v1" : "examples");
  const all = loadSplit(split);
  const limit = options.limit ?? (split === "v1" ? DEMO_V1_SLICE : all.length);
  return { split, scenarios: all.slice(0, limit) };
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { split, scenarios } = demoScenarios(options);
  const server = await startMockServer({ scenarios, latencyMs: options.latencyMs ?? 0 });
  try {
    // The mock needs no key; an empty one keeps a real OPENAI_COMPATIBLE_API_KEY from being sent to it.
    const env = { ...process.env, OPENAI_COMPATIBLE_API_KEY: "" };
    const agents: AgentSpec[] = [
      ...DEMO_REFERENCE_AGENTS.map((name): AgentSpec => ({ kind: "reference", name })),
      ...DEMO_MODELS.map((id) => modelSpec(id, server.url, options.stream === true, env)),
    ];
    const config = RunConfig.parse({
      configVersion: 1,
      agents,
      split,
      scenarioIds: scenarios.map((scenario) => scenario.id),
      scenariosHash: scenariosHash(scenarios),
      conditions: DEMO_CONDITIONS.map((name) => findPreset(name)),
      trials: 1,
      createdAt: new Date().toISOString(),
    });
    const session = await runSession({
      config,
      scenarios,
      out: options.out,
      noStore: options.noStore,
      baseUrl: server.url,
      grade: createGrader(),
      progress: options.progress,
      signal: options.signal,
      env,
    });
    return { session, leaderboard: leaderboard(summaryRows(session.records)), split };
  } finally {
    await server.close();
  }
}

/** Per condition (in the demo's order), best Overall first, then best async efficiency. */
export function leaderboard(rows: readonly SummaryRow[]): SummaryRow[] {
  const conditionRank = (row: SummaryRow) => {
    const index = (DEMO_CONDITIONS as readonly string[]).indexOf(row.condition);
    return index < 0 ? DEMO_CONDITIONS.length : index;
  };
  const metric = (row: SummaryRow, name: string) =>
    typeof row[name] === "number" ? (row[name] as number) : -1;
  return [...rows].sort(
    (a, b) =>
      conditionRank(a) - conditionRank(b) ||
      metric(b, "overall") - metric(a, "overall") ||
      metric(b, "asyncEfficiency") - metric(a, "asyncEfficiency"),
  );
}

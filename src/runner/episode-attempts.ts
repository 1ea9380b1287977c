import { setTimeout as sleep } from "node:timers/promises";
import type { AgentFactory } from "../agents/agent.ts";
import type { Condition } from "../core/condition.ts";
import { AsynctoolError } from "../core/errors.ts";
import { keyedRng } from "../core/rng.ts";
import { eventsOf, type TraceEvent } from "../core/trace.ts";
import type { Scenario } from "../dataset/schema.ts";
import { runEpisode } from "../env/episode.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import type { AgentSpec, PlannedEpisode } from "./plan.ts";
import {
  type CacheCounter,
  type RequestKeyOf,
  type ResponseCache,
  withResponseCache,
} from "./response-cache.ts";
import type { EpisodeRecord } from "./store.ts";
import { episodeRetryDelayMs, episodeUsage } from "./usage.ts";

/** Grades one finished episode; helper of the runner so grading stays optional and injectable. */
export type Grader = (input: {
  scenario: Scenario;
  condition: Condition;
  trace: TraceEvent[];
  agentSpec: AgentSpec;
}) => Record<string, unknown> | Promise<Record<string, unknown>>;

export interface AttemptContext {
  /** A fresh factory for one attempt (reference agent, or a model adapter bound to the provider limiter). */
  makeFactory: (episode: PlannedEpisode) => AgentFactory;
  /** How to key the response cache for an episode's agent; null = never cached (reference agents). */
  cacheKey: (episode: PlannedEpisode) => RequestKeyOf | null;
  cache: ResponseCache | null;
  grade: Grader | null;
  runSeed: number | undefined;
  maxAttempts: number;
  retry: { baseMs: number; maxMs: number };
  signal: AbortSignal;
  /** The tool catalog (default: every registered domain; tests use their own). */
  catalog?: ToolCatalog | undefined;
  onRetry: (episode: PlannedEpisode, attempt: number, delayMs: number, message: string) => void;
  onGradeError: (episode: PlannedEpisode, message: string) => void;
}

export type AttemptOutcome =
  | { kind: "done"; record: EpisodeRecord }
  | { kind: "aborted" }
  | { kind: "infra-failed"; attempts: number; message: string };

/** Thrown when the provider refuses our configuration (401/403): the whole run must stop. */
export class FatalRunError extends AsynctoolError {
  constructor(message: string, cause: unknown) {
    super("fatal-config", message, { cause });
    this.name = "FatalRunError";
  }
}

/**
 * Run one planned episode to a storable record. An episode that ends in an infrastructure error
 * is not the model's failure: it is thrown away and run again from the start (seeded backoff),
 * up to `maxAttempts`; if it never finishes it is reported, never scored.
 */
export async function attemptEpisode(
  episode: PlannedEpisode,
  context: AttemptContext,
): Promise<AttemptOutcome> {
  let lastMessage = "";
  for (let attempt = 1; attempt <= context.maxAttempts; attempt++) {
    if (context.signal.aborted) return { kind: "aborted" };
    const counter: CacheCounter = { hits: 0, misses: 0 };
    let factory = context.makeFactory(episode);
    const keyOf = context.cache ? context.cacheKey(episode) : null;
    if (context.cache && keyOf) factory = withResponseCache(factory, context.cache, keyOf, counter);
    const started = performance.now();
    let result: Awaited<ReturnType<typeof runEpisode>>;
    try {
      result = await runEpisode({
        scenario: episode.scenarioData,
        condition: episode.conditionData,
        agent: { name: episode.agent, create: (agentContext) => factory.create(agentContext) },
        trial: episode.trial,
        ...(context.runSeed === undefined ? {} : { runSeed: context.runSeed }),
        signal: context.signal,
        ...(context.catalog ? { catalog: context.catalog } : {}),
      });
    } catch (error) {
      if (context.signal.aborted) return { kind: "aborted" };
      if (error instanceof AsynctoolError && error.kind === "fatal-config")
        throw new FatalRunError(error.message, error);
      throw error;
    }
    const wallMs = performance.now() - started;
    const { summary, trace } = result;
    // An abort can surface as an infra error (the request was cut off): abandoned, not retried.
    if (summary.reason === "aborted" || (summary.reason === "infra-error" && context.signal.aborted))
      return { kind: "aborted" };
    if (summary.reason === "infra-error") {
      lastMessage = eventsOf(trace, "infra-error").at(-1)?.message ?? "infrastructure error";
      if (attempt === context.maxAttempts) break;
      const jitter = keyedRng(
        "episode-retry",
        context.runSeed ?? 0,
        episode.scenario,
        episode.agent,
        episode.condition,
        episode.trial,
        attempt,
      ).next();
      const delay = episodeRetryDelayMs(attempt, jitter, context.retry);
      context.onRetry(episode, attempt, delay, lastMessage);
      try {
        await sleep(delay, undefined, { signal: context.signal });
      } catch {
        return { kind: "aborted" };
      }
      continue;
    }
    const score = await gradeSafely(episode, trace, context);
    const usage = episodeUsage(episode.agentSpec, trace);
    return {
      kind: "done",
      record: {
        scenario: episode.scenario,
        agent: episode.agent,
        condition: episode.condition,
        trial: episode.trial,
        reason: summary.reason,
        summary,
        score,
        trace,
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        costUsd: usage.costUsd,
        attempts: attempt,
        cacheHits: counter.hits,
        wallMs,
        finishedAt: new Date().toISOString(),
      },
    };
  }
  return { kind: "infra-failed", attempts: context.maxAttempts, message: lastMessage };
}

/** A grader failure is a harness bug, but the episode is still kept (stored ungraded, re-gradable later). */
async function gradeSafely(
  episode: PlannedEpisode,
  trace: TraceEvent[],
  context: AttemptContext,
): Promise<Record<string, unknown> | null> {
  if (!context.grade) return null;
  try {
    return await context.grade({
      scenario: episode.scenarioData,
      condition: episode.conditionData,
      trace,
      agentSpec: episode.agentSpec,
    });
  } catch (error) {
    context.onGradeError(episode, error instanceof Error ? error.message : String(error));
    return null;
  }
}

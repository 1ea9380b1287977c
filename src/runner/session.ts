import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { BadInputError } from "../core/errors.ts";
import type { Scenario } from "../dataset/schema.ts";
import { type AgentResolverOptions, createAgentResolver } from "./agent-resolver.ts";
import type { Grader } from "./episode-attempts.ts";
import { buildPlan, providerOf, type RunConfig, scenariosHash } from "./plan.ts";
import type { Progress } from "./progress.ts";
import { collectProvenance } from "./provenance.ts";
import { AdaptiveLimiter } from "./rate-limiter.ts";
import { Redactor, urlWasRedacted } from "./redact.ts";
import { ResponseCache } from "./response-cache.ts";
import { type RunOutcome, runPlan } from "./runner.ts";
import { RunStore } from "./store.ts";

/**
 * One invocation of the runner as the CLI sees it: a new run (config built from flags) or a
 * resumed one (config read back from the store), with the store, cache, per-provider limiters
 * and secret redaction set up around `runPlan`.
 */

/** Episodes in flight per provider unless --concurrency says otherwise (local = reference agents). */
export const DEFAULT_CONCURRENCY: Readonly<Record<string, number>> = {
  local: 4,
  openai: 8,
  "openai-compatible": 8,
  anthropic: 4,
  google: 4,
};
const FALLBACK_CONCURRENCY = 4;

export function defaultConcurrency(provider: string): number {
  return DEFAULT_CONCURRENCY[provider] ?? FALLBACK_CONCURRENCY;
}

export interface SessionRequest {
  /** A new run's config, or null with `resume` set. */
  config: RunConfig | null;
  /** The scenarios of a new run (already selected); ignored on resume (the store holds them). */
  scenarios: readonly Scenario[];
  resume?: string | undefined;
  /** Store directory of a new run; default runs/<run-id>. Ignored on resume. */
  out?: string | undefined;
  noStore?: boolean | undefined;
  /** Per-provider concurrency overrides layered over the config's (e.g. on resume). */
  concurrency?: Record<string, number> | undefined;
  /** Replaces the stored base URL (needed on resume when the stored one was redacted). */
  baseUrl?: string | undefined;
  cacheFile?: string | undefined;
  traceOut?: string | undefined;
  grade: Grader | null;
  progress: Progress;
  signal?: AbortSignal | undefined;
  retry?: { baseMs: number; maxMs: number } | undefined;
  /** Extra adapter settings for model agents (tests shorten retries). */
  adapter?: AgentResolverOptions["adapter"] | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

export interface SessionResult extends RunOutcome {
  runId: string | null;
  storeDir: string | null;
  config: RunConfig;
  rateLimited: number;
}

export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${stamp}-${randomBytes(3).toString("hex")}`;
}

export async function runSession(request: SessionRequest): Promise<SessionResult> {
  const env = request.env ?? process.env;
  let store: RunStore | null = null;
  let config: RunConfig;
  let scenarios: readonly Scenario[];
  if (request.resume !== undefined) {
    store = RunStore.open(request.resume);
    const stored = store.config();
    if (!stored) throw new BadInputError(`${store.dir} is a merged store; only a single run can be resumed`);
    config = stored;
    scenarios = store.scenarios();
    const selected = config.scenarioIds.map((id) => scenarios.find((scenario) => scenario.id === id));
    if (
      selected.some((scenario) => scenario === undefined) ||
      scenariosHash(selected as Scenario[]) !== config.scenariosHash
    )
      throw new BadInputError(`${store.dir}: the stored scenarios do not match the run's config`);
  } else {
    if (!request.config) throw new BadInputError("a new run needs a config");
    config = request.config;
    scenarios = request.scenarios;
  }
  config = { ...config, concurrency: { ...config.concurrency, ...request.concurrency } };
  const plan = buildPlan(config, scenarios);
  checkBaseUrls(config, request.baseUrl);

  const redactor = Redactor.fromEnvironment(env, apiKeyEnvNames(config));
  if (!store && !request.noStore) {
    const runId = newRunId();
    store = RunStore.create(request.out ?? join("runs", runId), {
      runId,
      // Keys are named, never copied, into the config; this catches anything that slipped in anyway.
      config: redactor.json(config),
      provenance: collectProvenance(),
    });
    store.saveScenarios(
      config.scenarioIds.map((id) => scenarios.find((scenario) => scenario.id === id) as Scenario),
    );
  }
  store?.lock();
  const cache = request.cacheFile ? new ResponseCache(request.cacheFile) : null;
  const limiters = new Map<string, AdaptiveLimiter>();
  for (const spec of config.agents) {
    const provider = providerOf(spec);
    if (spec.kind === "model" && !limiters.has(provider)) {
      const maxInFlight =
        config.concurrency[provider] ?? config.concurrency["*"] ?? defaultConcurrency(provider);
      limiters.set(provider, new AdaptiveLimiter({ maxInFlight }));
    }
  }
  const resolver = createAgentResolver({
    limiters,
    baseUrl: request.baseUrl,
    env,
    ...(request.adapter ? { adapter: request.adapter } : {}),
  });
  try {
    const outcome = await runPlan({
      config,
      plan,
      store,
      progress: request.progress,
      redactor,
      defaultConcurrency,
      traceOut: request.traceOut,
      signal: request.signal,
      cache,
      grade: request.grade,
      retry: request.retry ?? { baseMs: 2000, maxMs: 60_000 },
      makeFactory: resolver.makeFactory,
      cacheKey: resolver.cacheKey,
    });
    const rateLimited = [...limiters.values()].reduce((sum, limiter) => sum + limiter.stats.rateLimited, 0);
    return { ...outcome, runId: store?.runId ?? null, storeDir: store?.dir ?? null, config, rateLimited };
  } finally {
    cache?.close();
    store?.close();
  }
}

function apiKeyEnvNames(config: RunConfig): string[] {
  return config.agents.flatMap((spec) => (spec.kind === "model" && spec.apiKeyEnv ? [spec.apiKeyEnv] : []));
}

function checkBaseUrls(config: RunConfig, override: string | undefined): void {
  for (const spec of config.agents) {
    if (spec.kind === "model" && spec.baseUrl && urlWasRedacted(spec.baseUrl) && !override)
      throw new BadInputError(
        `model ${spec.modelId}: the run's base URL held credentials and was not stored; pass --base-url again`,
      );
  }
}

import { setMaxListeners } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type AttemptContext, attemptEpisode, FatalRunError } from "./episode-attempts.ts";
import {
  concurrencyFor,
  type EpisodeKey,
  episodeFileStem,
  episodeKeyString,
  type PlannedEpisode,
  providerOf,
  type RunConfig,
} from "./plan.ts";
import type { Progress } from "./progress.ts";
import type { Redactor } from "./redact.ts";
import type { EpisodeRecord, EpisodeResult, RunStore } from "./store.ts";

/**
 * Run a plan: one worker pool per provider (so a slow provider never starves another), every
 * finished episode stored at once in its own transaction, episodes already in the store skipped
 * (that is `--resume`), and a clean stop on abort: in-flight episodes are abandoned, never stored
 * half-done.
 */
export interface RunnerOptions
  extends Omit<AttemptContext, "signal" | "onRetry" | "onGradeError" | "maxAttempts" | "runSeed"> {
  config: RunConfig;
  plan: readonly PlannedEpisode[];
  store: RunStore | null;
  progress: Progress;
  redactor: Redactor;
  /** Concurrency when the config sets none for a provider. */
  defaultConcurrency: (provider: string) => number;
  traceOut?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Each finished episode with its trace, as it is stored (tests, live consumers). */
  onRecord?: ((record: EpisodeRecord) => void) | undefined;
  /** Whole-episode infrastructure failures in a row after which a provider gets no more episodes (default 3). */
  maxConsecutiveInfraFailures?: number | undefined;
}

export interface RunOutcome {
  /** Every plan episode that has a record (stored earlier or finished now), in plan order. */
  records: EpisodeResult[];
  /** Episodes run in this session. */
  ran: number;
  /** Episodes found in the store and skipped. */
  skipped: number;
  infraFailures: Array<EpisodeKey & { attempts: number; message: string }>;
  interrupted: boolean;
  /** Providers whose remaining episodes were not started after repeated infrastructure failures. */
  stoppedProviders: string[];
  /** Plan episodes with no record (interrupted or infra-failed). */
  missing: number;
}

export async function runPlan(options: RunnerOptions): Promise<RunOutcome> {
  const { config, plan, store, progress, redactor } = options;
  const stored = store?.storedKeys() ?? new Set<string>();
  const todo = plan.filter((episode) => !stored.has(episodeKeyString(episode)));
  // Results without traces: a run of thousands of episodes must not hold every trace in memory.
  const fresh = new Map<number, EpisodeResult>();
  const infraFailures: RunOutcome["infraFailures"] = [];
  const controller = new AbortController();
  // Every in-flight request listens for the stop (SDK calls, limiter waits): more than Node's default 10.
  setMaxListeners(1000, controller.signal);
  const onOuterAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  if (options.signal?.aborted) controller.abort(options.signal.reason);
  if (options.traceOut) mkdirSync(options.traceOut, { recursive: true });

  const context: AttemptContext = {
    ...options,
    runSeed: config.seed,
    maxAttempts: config.maxEpisodeAttempts,
    signal: controller.signal,
    onRetry: (episode, attempt, delayMs, message) =>
      progress.note(
        redactor.text(
          `${episode.scenario} × ${episode.agent} × ${episode.condition} (t${episode.trial}): infrastructure error ` +
            `(${message}); running the episode again (attempt ${attempt + 1}/${config.maxEpisodeAttempts}) in ${(delayMs / 1000).toFixed(1)}s`,
        ),
      ),
    onGradeError: (episode, message) =>
      progress.note(
        redactor.text(
          `${episode.scenario} × ${episode.agent} × ${episode.condition} (t${episode.trial}): grading failed ` +
            `(${message}); stored without a score`,
        ),
      ),
  };

  const byProvider = new Map<string, PlannedEpisode[]>();
  for (const episode of todo) {
    const provider = providerOf(episode.agentSpec);
    byProvider.set(provider, [...(byProvider.get(provider) ?? []), episode]);
  }

  let fatal: unknown;
  // A provider that fails several whole episodes in a row is down: stop feeding it episodes.
  const consecutiveFailures = new Map<string, number>();
  const stoppedProviders: string[] = [];
  const breakerLimit = options.maxConsecutiveInfraFailures ?? 3;
  const worker = async (provider: string, queue: PlannedEpisode[]) => {
    for (let episode = queue.shift(); episode; episode = queue.shift()) {
      if (controller.signal.aborted) return;
      progress.episodeStarted(episode);
      let outcome: Awaited<ReturnType<typeof attemptEpisode>>;
      try {
        outcome = await attemptEpisode(episode, context);
      } catch (error) {
        fatal ??= error;
        controller.abort(error);
        return;
      }
      if (outcome.kind === "aborted") return;
      if (outcome.kind === "infra-failed") {
        const message = redactor.text(outcome.message);
        infraFailures.push({ ...keyOf(episode), attempts: outcome.attempts, message });
        store?.recordInfraFailure(episode, outcome.attempts, message);
        progress.episodeDone(
          episode,
          `infrastructure failure after ${outcome.attempts} attempts (not scored)`,
          0,
        );
        const failures = (consecutiveFailures.get(provider) ?? 0) + 1;
        consecutiveFailures.set(provider, failures);
        if (failures >= breakerLimit && !stoppedProviders.includes(provider)) {
          stoppedProviders.push(provider);
          progress.note(
            `${provider}: ${failures} episodes in a row failed on the provider's side; ` +
              `its ${queue.length} remaining episodes are left for --resume`,
          );
          queue.length = 0;
        }
        continue;
      }
      consecutiveFailures.set(provider, 0);
      // Secrets never reach the store or trace files, whatever a provider echoed back.
      const record = redactor.json(outcome.record);
      store?.saveEpisode(record);
      if (options.traceOut) {
        const file = join(options.traceOut, `${episodeFileStem(record)}.json`);
        const content = {
          scenario: episode.scenarioData,
          condition: episode.conditionData,
          trace: record.trace,
        };
        writeFileSync(file, `${JSON.stringify(content)}\n`);
      }
      options.onRecord?.(record);
      const { trace: _trace, ...result } = record;
      fresh.set(episode.index, result);
      progress.episodeDone(episode, record.reason, record.wallMs);
    }
  };

  progress.start(plan.length, plan.length - todo.length);
  const pools: Array<Promise<void>> = [];
  for (const [provider, queue] of byProvider) {
    const size = Math.min(
      queue.length,
      concurrencyFor(config, provider, options.defaultConcurrency(provider)),
    );
    for (let i = 0; i < size; i++) pools.push(worker(provider, queue));
  }
  await Promise.all(pools);
  progress.finish();
  options.signal?.removeEventListener("abort", onOuterAbort);
  if (fatal !== undefined) {
    if (fatal instanceof FatalRunError) throw new FatalRunError(redactor.text(fatal.message), fatal.cause);
    throw fatal;
  }

  const records = collectRecords(plan, fresh, store);
  return {
    records,
    ran: fresh.size,
    skipped: plan.length - todo.length,
    infraFailures,
    interrupted: controller.signal.aborted,
    stoppedProviders,
    missing: plan.length - records.length,
  };
}

function keyOf(episode: EpisodeKey): EpisodeKey {
  return {
    scenario: episode.scenario,
    agent: episode.agent,
    condition: episode.condition,
    trial: episode.trial,
  };
}

/** Plan order; records stored by an earlier session are read back from the store. */
function collectRecords(
  plan: readonly PlannedEpisode[],
  fresh: ReadonlyMap<number, EpisodeResult>,
  store: RunStore | null,
): EpisodeResult[] {
  const earlier = new Map<string, EpisodeResult>();
  if (store && fresh.size < plan.length) {
    for (const result of store.results()) earlier.set(episodeKeyString(result), result);
  }
  const records: EpisodeResult[] = [];
  for (const episode of plan) {
    const record = fresh.get(episode.index) ?? earlier.get(episodeKeyString(episode));
    if (record) records.push(record);
  }
  return records;
}

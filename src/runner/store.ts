import { createHash } from "node:crypto";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { canonicalJson } from "../core/canonical-json.ts";
import { BadInputError, parseOrThrow } from "../core/errors.ts";
import type { TraceEvent } from "../core/trace.ts";
import type { Scenario } from "../dataset/schema.ts";
import type { EpisodeSummary } from "../env/episode.ts";
import { type EpisodeKey, episodeKeyString, RunConfig } from "./plan.ts";
import { Provenance } from "./provenance.ts";
import { acquireRunLock, releaseRunLock } from "./run-lock.ts";

/**
 * One run's results in an embedded SQLite file (WAL): the config (no secrets), provenance, the
 * scenarios used (so traces can be re-graded offline), and one row per finished episode, keyed
 * UNIQUE by (scenario, agent, condition, trial) and written in one transaction. A killed process
 * leaves only whole episodes behind, which is what makes `--resume` safe.
 */
export const STORE_FILE = "store.sqlite";
const SCHEMA_VERSION = "1";

export interface EpisodeRecord extends EpisodeKey {
  reason: EpisodeSummary["reason"];
  summary: EpisodeSummary;
  /** The grader's score, or null when the episode was stored without grading. */
  score: Record<string, unknown> | null;
  trace: TraceEvent[];
  inputTokens: number;
  outputTokens: number;
  /** Null when the model's price is unknown. */
  costUsd: number | null;
  /** Whole-episode attempts (1 unless infrastructure errors forced a retry). */
  attempts: number;
  cacheHits: number;
  wallMs: number;
  finishedAt: string;
}

/** An episode without its trace: what results tables and summaries need (traces can be large). */
export type EpisodeResult = Omit<EpisodeRecord, "trace">;

/** Merged stores list the runs they came from. */
export const RunSource = z.strictObject({ runId: z.string(), dir: z.string(), episodes: z.number().int() });
export type RunSource = z.infer<typeof RunSource>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS scenarios (id TEXT PRIMARY KEY, hash TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS episodes (
  scenario TEXT NOT NULL, agent TEXT NOT NULL, condition TEXT NOT NULL, trial INTEGER NOT NULL,
  reason TEXT NOT NULL, summary TEXT NOT NULL, score TEXT, trace TEXT NOT NULL, trace_hash TEXT NOT NULL,
  input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, cost_usd REAL,
  attempts INTEGER NOT NULL, cache_hits INTEGER NOT NULL, wall_ms INTEGER NOT NULL, finished_at TEXT NOT NULL,
  UNIQUE (scenario, agent, condition, trial)
);
CREATE TABLE IF NOT EXISTS infra_failures (
  scenario TEXT NOT NULL, agent TEXT NOT NULL, condition TEXT NOT NULL, trial INTEGER NOT NULL,
  attempts INTEGER NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL
);`;

const RESULT_COLUMNS =
  "scenario, agent, condition, trial, reason, summary, score, trace_hash, input_tokens, output_tokens, cost_usd, attempts, cache_hits, wall_ms, finished_at";

interface EpisodeRow {
  scenario: string;
  agent: string;
  condition: string;
  trial: number;
  reason: string;
  summary: string;
  score: string | null;
  trace: string;
  trace_hash: string;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number | null;
  attempts: number;
  cache_hits: number;
  wall_ms: number;
  finished_at: string;
}

/** Hash of the trace as stored (its JSON text; the environment builds events in a fixed key order). */
export function traceHash(trace: readonly TraceEvent[] | string): string {
  return createHash("sha256")
    .update(typeof trace === "string" ? trace : JSON.stringify(trace))
    .digest("hex");
}

/** A run id or a run directory → the directory holding store.sqlite. */
export function resolveRunDir(ref: string, runsRoot = "runs"): string {
  for (const candidate of [ref, join(runsRoot, ref)]) {
    if (existsSync(join(candidate, STORE_FILE))) return resolve(candidate);
  }
  throw new BadInputError(
    `no run "${ref}": expected a run id under ${runsRoot}/ or a directory holding ${STORE_FILE}`,
  );
}

export class RunStore {
  readonly dir: string;
  readonly #db: Database.Database;
  #insertStatement: Database.Statement | undefined;
  #locked = false;

  private constructor(dir: string, db: Database.Database) {
    this.dir = dir;
    this.#db = db;
  }

  /** A new store in `dir`; refuses a directory that already holds one (use open / --resume). */
  static create(
    dir: string,
    init: { runId: string; config: RunConfig | null; provenance: Provenance; sources?: RunSource[] },
  ): RunStore {
    if (existsSync(join(dir, STORE_FILE)))
      throw new BadInputError(
        `${dir} already holds a run; continue it with --resume ${dir} or pick another --out`,
      );
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new BadInputError(`${dir} is not a directory`);
    mkdirSync(dir, { recursive: true });
    const store = new RunStore(resolve(dir), openDatabase(join(dir, STORE_FILE)));
    store.#db.exec(SCHEMA);
    const setMeta = store.#db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
    store.#db.transaction(() => {
      setMeta.run("schemaVersion", SCHEMA_VERSION);
      setMeta.run("runId", init.runId);
      setMeta.run("config", JSON.stringify(init.config));
      setMeta.run("provenance", JSON.stringify(init.provenance));
      setMeta.run("sources", JSON.stringify(init.sources ?? []));
    })();
    return store;
  }

  static open(ref: string, runsRoot = "runs"): RunStore {
    const dir = resolveRunDir(ref, runsRoot);
    const store = new RunStore(dir, openDatabase(join(dir, STORE_FILE)));
    const version = store.#meta("schemaVersion");
    if (version !== SCHEMA_VERSION)
      throw new BadInputError(
        `${dir}/${STORE_FILE}: store schema ${version}, this asynctool reads ${SCHEMA_VERSION}`,
      );
    return store;
  }

  #meta(key: string): string | undefined {
    const row = this.#db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  get runId(): string {
    return this.#meta("runId") ?? "unknown";
  }

  /** The run's config; null for a merged store (its sources carry theirs). */
  config(): RunConfig | null {
    const value = JSON.parse(this.#meta("config") ?? "null") as unknown;
    return value === null ? null : parseOrThrow(RunConfig, value, `${this.dir}/${STORE_FILE}: config`);
  }

  provenance(): Provenance {
    return parseOrThrow(
      Provenance,
      JSON.parse(this.#meta("provenance") ?? "null"),
      `${this.dir}: provenance`,
    );
  }

  sources(): RunSource[] {
    return parseOrThrow(
      z.array(RunSource),
      JSON.parse(this.#meta("sources") ?? "[]"),
      `${this.dir}: sources`,
    );
  }

  /** Keep the scenarios a run used; a different scenario under a known id is an error. */
  saveScenarios(scenarios: readonly Scenario[]): void {
    const find = this.#db.prepare("SELECT hash FROM scenarios WHERE id = ?");
    const insert = this.#db.prepare("INSERT INTO scenarios (id, hash, json) VALUES (?, ?, ?)");
    this.#db.transaction(() => {
      for (const scenario of scenarios) {
        // Stored with its own key order (the environment's tool order follows it); compared canonically.
        const json = JSON.stringify(scenario);
        const hash = createHash("sha256").update(canonicalJson(scenario)).digest("hex");
        const known = find.get(scenario.id) as { hash: string } | undefined;
        if (!known) insert.run(scenario.id, hash, json);
        else if (known.hash !== hash)
          throw new BadInputError(
            `${this.dir}: scenario ${scenario.id} differs from the one this run stored`,
          );
      }
    })();
  }

  scenarios(): Scenario[] {
    const rows = this.#db.prepare("SELECT json FROM scenarios ORDER BY id").all() as Array<{ json: string }>;
    return rows.map((row) => JSON.parse(row.json) as Scenario);
  }

  /** Key strings (see episodeKeyString) of every stored episode. */
  storedKeys(): Set<string> {
    const rows = this.#db
      .prepare("SELECT scenario, agent, condition, trial FROM episodes")
      .all() as EpisodeKey[];
    return new Set(rows.map(episodeKeyString));
  }

  get episodeCount(): number {
    return (this.#db.prepare("SELECT COUNT(*) AS n FROM episodes").get() as { n: number }).n;
  }

  /** Write one finished episode atomically; a second write of the same key is an error. */
  saveEpisode(record: EpisodeRecord): void {
    this.#db.transaction(() => this.#insert(record))();
  }

  /** Insert unless the key exists: "inserted", "duplicate" (same trace) or "conflict" (different trace). */
  mergeEpisode(record: EpisodeRecord): "inserted" | "duplicate" | "conflict" {
    const existing = this.#db
      .prepare(
        "SELECT trace_hash FROM episodes WHERE scenario = ? AND agent = ? AND condition = ? AND trial = ?",
      )
      .get(record.scenario, record.agent, record.condition, record.trial) as
      | { trace_hash: string }
      | undefined;
    if (existing) return existing.trace_hash === traceHash(record.trace) ? "duplicate" : "conflict";
    this.saveEpisode(record);
    return "inserted";
  }

  #insert(record: EpisodeRecord): void {
    const traceJson = JSON.stringify(record.trace);
    this.#insertStatement ??= this.#db.prepare(
      `INSERT INTO episodes (scenario, agent, condition, trial, reason, summary, score, trace, trace_hash,
           input_tokens, output_tokens, cost_usd, attempts, cache_hits, wall_ms, finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertStatement.run(
      record.scenario,
      record.agent,
      record.condition,
      record.trial,
      record.reason,
      JSON.stringify(record.summary),
      record.score === null ? null : JSON.stringify(record.score),
      traceJson,
      traceHash(traceJson),
      record.inputTokens,
      record.outputTokens,
      record.costUsd,
      record.attempts,
      record.cacheHits,
      Math.round(record.wallMs),
      record.finishedAt,
    );
  }

  recordInfraFailure(key: EpisodeKey, attempts: number, message: string): void {
    this.#db
      .prepare(
        "INSERT INTO infra_failures (scenario, agent, condition, trial, attempts, message, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(key.scenario, key.agent, key.condition, key.trial, attempts, message, new Date().toISOString());
  }

  infraFailureCount(): number {
    return (this.#db.prepare("SELECT COUNT(*) AS n FROM infra_failures").get() as { n: number }).n;
  }

  /** Every stored episode, ordered by key, read lazily. */
  *episodes(): Generator<EpisodeRecord> {
    const rows = this.#db
      .prepare("SELECT * FROM episodes ORDER BY scenario, agent, condition, trial")
      .iterate() as IterableIterator<EpisodeRow>;
    for (const row of rows) yield fromRow(row);
  }

  /** Every stored episode without its trace (cheap to hold for thousands of episodes). */
  *results(): Generator<EpisodeResult> {
    const rows = this.#db
      .prepare(
        `SELECT ${RESULT_COLUMNS}, '[]' AS trace FROM episodes ORDER BY scenario, agent, condition, trial`,
      )
      .iterate() as IterableIterator<EpisodeRow>;
    for (const row of rows) {
      const { trace: _trace, ...result } = fromRow(row);
      yield result;
    }
  }

  /** Claim the run for this process (see run-lock.ts). */
  lock(): void {
    acquireRunLock(this.dir);
    this.#locked = true;
  }

  close(): void {
    if (this.#locked) releaseRunLock(this.dir);
    this.#locked = false;
    this.#db.close();
  }
}

function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  // NORMAL under WAL: a committed episode survives a killed process (only a power loss could drop the last ones).
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  return db;
}

function fromRow(row: EpisodeRow): EpisodeRecord {
  return {
    scenario: row.scenario,
    agent: row.agent,
    condition: row.condition,
    trial: row.trial,
    reason: row.reason as EpisodeRecord["reason"],
    summary: JSON.parse(row.summary) as EpisodeSummary,
    score: row.score === null ? null : (JSON.parse(row.score) as Record<string, unknown>),
    trace: JSON.parse(row.trace) as TraceEvent[],
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    costUsd: row.cost_usd,
    attempts: row.attempts,
    cacheHits: row.cache_hits,
    wallMs: row.wall_ms,
    finishedAt: row.finished_at,
  };
}

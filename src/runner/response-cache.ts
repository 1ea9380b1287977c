import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type AgentFactory, type EpisodeInfo, type Observation, wrapAgentFactory } from "../agents/agent.ts";
import { canonicalJson } from "../core/canonical-json.ts";
import { AgentResponse, type CanonicalMessage, type ToolSpec } from "../core/messages.ts";

/**
 * Model responses keyed by a hash of the request (for model agents: the adapter's hash of the
 * exact wire body, plus the server), so the key covers the model, the tools offered and the whole
 * conversation. A hit returns the stored response
 * without calling the model, so re-running a finished episode reproduces its trace exactly and
 * costs nothing. Lives in its own SQLite file so many runs (and `--no-store` runs) share it.
 */
export const DEFAULT_CACHE_FILE = ".cache/asynctool/responses.sqlite";
const CACHE_KEY_VERSION = 1;

/** A generic request key for agents without an adapter hash (tests, custom agents). */
export function requestKey(
  identity: string,
  tools: readonly ToolSpec[],
  messages: readonly CanonicalMessage[],
): string {
  const request = canonicalJson({ version: CACHE_KEY_VERSION, identity, tools, messages });
  return createHash("sha256").update(request).digest("hex");
}

export type RequestKeyOf = (observation: Observation, info: EpisodeInfo) => string;

export class ResponseCache {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #get: Database.Statement;
  readonly #set: Database.Statement;

  constructor(path: string) {
    this.path = path;
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("busy_timeout = 5000");
    this.#db.exec(
      "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, identity TEXT NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL)",
    );
    this.#get = this.#db.prepare("SELECT response FROM responses WHERE key = ?");
    this.#set = this.#db.prepare(
      "INSERT OR IGNORE INTO responses (key, identity, response, created_at) VALUES (?, ?, ?, ?)",
    );
  }

  get(key: string): AgentResponse | undefined {
    const row = this.#get.get(key) as { response: string } | undefined;
    if (!row) return undefined;
    // A row that no longer parses (older format, manual edit) is a miss, not a crash.
    const parsed = AgentResponse.safeParse(JSON.parse(row.response));
    return parsed.success ? parsed.data : undefined;
  }

  set(key: string, agent: string, response: AgentResponse): void {
    this.#set.run(key, agent, JSON.stringify(response), new Date().toISOString());
  }

  get size(): number {
    return (this.#db.prepare("SELECT COUNT(*) AS n FROM responses").get() as { n: number }).n;
  }

  close(): void {
    this.#db.close();
  }
}

export interface CacheCounter {
  hits: number;
  misses: number;
}

/**
 * Wrap a factory so each agent answers from the cache when it can. The wrapped agent must derive
 * its request from the observation alone (the whole conversation is in `observation.messages`),
 * which is what makes skipping it on a hit safe.
 */
export function withResponseCache(
  factory: AgentFactory,
  cache: ResponseCache,
  keyOf: RequestKeyOf,
  counter: CacheCounter,
): AgentFactory {
  return wrapAgentFactory(factory, (inner, context) => async (observation, signal) => {
    const key = keyOf(observation, context.episode);
    const cached = cache.get(key);
    if (cached) {
      counter.hits += 1;
      return cached;
    }
    counter.misses += 1;
    const response = await inner.act(observation, signal);
    cache.set(key, factory.name, response);
    return response;
  });
}

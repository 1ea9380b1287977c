import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";

/** Shared by the runner's end-to-end tests: the CLI as a child process, scenario slices, raw store reads. */
export const ROOT = resolve(import.meta.dirname, "../..");
export const BIN = join(ROOT, "bin/asynctool.js");

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start the CLI without blocking this process's event loop (a mock server may live here). */
export function startCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<CliResult>((resolvePromise) => {
    child.on("close", (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  return startCli(args, options).done;
}

/**
 * A scenario file holding only the given shipped example scenarios (read as raw JSON), so these
 * tests do not depend on every other example scenario being valid at every moment.
 */
export function exampleSlice(ids: readonly string[], dir: string): string {
  const all = JSON.parse(readFileSync(join(ROOT, "data/examples/scenarios.json"), "utf8")) as Array<{
    id: string;
  }>;
  const picked = ids.map((id) => {
    const found = all.find((scenario) => scenario.id === id);
    if (!found) throw new Error(`no example scenario ${id}`);
    return found;
  });
  const file = join(dir, "scenarios.json");
  writeFileSync(file, JSON.stringify(picked));
  return file;
}

export interface StoredEpisode {
  key: string;
  reason: string;
  traceHash: string;
  score: string | null;
  attempts: number;
}

/** The episodes of a store, read with plain SQL (independently of RunStore). */
export function readEpisodes(dir: string): StoredEpisode[] {
  const db = new Database(join(dir, "store.sqlite"), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        "SELECT scenario, agent, condition, trial, reason, trace_hash, score, attempts FROM episodes ORDER BY scenario, agent, condition, trial",
      )
      .all() as Array<Record<string, string | number | null>>;
    return rows.map((row) => ({
      key: `${row.scenario}|${row.agent}|${row.condition}|${row.trial}`,
      reason: String(row.reason),
      traceHash: String(row.trace_hash),
      score: row.score === null ? null : String(row.score),
      attempts: Number(row.attempts),
    }));
  } finally {
    db.close();
  }
}

export function countEpisodes(dir: string): number {
  try {
    const db = new Database(join(dir, "store.sqlite"), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT COUNT(*) AS n FROM episodes").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

export const sleep = (ms: number) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));

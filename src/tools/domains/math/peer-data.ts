/**
 * Test-side access to the read-only peer data (BFCL v3 and NESTFUL samples) used to check ports
 * against upstream behaviour. The data is never part of the project: tests that need it skip
 * when it is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

const REPO_ROOT = resolve(import.meta.dirname, "../../../..");

/** Where the peer data lives: `$ASYNCTOOL_PEER_DATA`, else `../shared/peer-data` beside the repo. */
export function peerDataDir(): string {
  return resolve(REPO_ROOT, process.env.ASYNCTOOL_PEER_DATA ?? "../shared/peer-data");
}

/** A peer-data file's path and whether it exists, plus a skip reason for test titles. */
export function peerFile(relative: string): { path: string; present: boolean; skipReason: string } {
  const path = resolve(peerDataDir(), relative);
  const present = existsSync(path);
  return {
    path,
    present,
    skipReason: present ? "" : ` (SKIPPED: peer data not found at ${path}; set ASYNCTOOL_PEER_DATA)`,
  };
}

/** Each non-empty line of a JSONL file, raw text and parsed value. */
export function readJsonLines(path: string): Array<{ text: string; value: unknown }> {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((text) => ({ text, value: JSON.parse(text) as unknown }));
}

/**
 * The value behind one BFCL result string: `json.dumps` output parses as JSON; the Python repr
 * some results fall back to (`{'result': mpf('2.0')}`) is rewritten to JSON first.
 */
export function bfclResultValue(result: string): unknown {
  try {
    return JSON.parse(result);
  } catch {
    const json = result
      .replace(/mpf\('([^']*)'\)/g, "$1")
      .replace(/'/g, '"')
      .replace(/\bTrue\b/g, "true")
      .replace(/\bFalse\b/g, "false")
      .replace(/\bNone\b/g, "null");
    return JSON.parse(json);
  }
}

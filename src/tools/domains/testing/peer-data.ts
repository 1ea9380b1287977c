/**
 * Where tests find the read-only peer data (BFCL v3 and NESTFUL samples). It is never part of the
 * project: a test that needs it skips, with a title that says why. Unlike the CLI, a set
 * ASYNCTOOL_PEER_DATA is the only place looked at, so pointing it at nothing skips these tests.
 */
import { readFileSync } from "node:fs";
import { locatePeerData, PEER_DATA_ENV } from "../../../dataset/conformance/peer-data.ts";

export type PeerData = { found: true; dir: string; skipReason: "" } | { found: false; skipReason: string };

/** The peer-data folder holding every one of `required` (paths relative to it), or why there is none. */
export function findPeerData(required: readonly string[]): PeerData {
  const fromEnv = process.env[PEER_DATA_ENV];
  const location = locatePeerData(required, fromEnv ? { explicit: fromEnv } : {});
  if (location.found) return { found: true, dir: location.dir, skipReason: "" };
  return {
    found: false,
    skipReason:
      ` (SKIPPED: peer data not found: no folder holds ${required.join(", ")}; looked in ` +
      `${location.tried.join(", ")}; set ${PEER_DATA_ENV} to the folder holding bfcl_v3/ and nestful/)`,
  };
}

/** Each non-empty line of a JSONL file, raw text and parsed value. */
export function readJsonLines(path: string): Array<{ text: string; value: unknown }> {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((text) => ({ text, value: JSON.parse(text) as unknown }));
}

/**
 * Finding the read-only peer data (BFCL v3 and NESTFUL samples) that conformance replays against.
 * The data is never copied into the project, so every entry point looks for it in the same order
 * and, when it is absent, says exactly where it looked and how to point at it.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { BadInputError } from "../../core/errors.ts";

export const PEER_DATA_ENV = "ASYNCTOOL_PEER_DATA";

/** Files each replay reads, relative to the peer-data folder. */
export const PEER_FILES = {
  bfclTrace: "bfcl_v3/derived/BFCL_v3_multi_turn_base.gold_trace.jsonl",
  bfclAnswers: "bfcl_v3/data/possible_answer/BFCL_v3_multi_turn_base.json",
  bfclFuncDocs: "bfcl_v3/data/multi_turn_func_doc",
  nestfulData: "nestful/data_v2/toy_data.jsonl",
} as const;

export const BFCL_V3_FILES = [PEER_FILES.bfclTrace, PEER_FILES.bfclAnswers, PEER_FILES.bfclFuncDocs];
export const NESTFUL_FILES = [PEER_FILES.nestfulData];

/** The repository root: this file is src/dataset/conformance/peer-data.ts. */
export const REPO_ROOT = resolve(import.meta.dirname, "../../..");

export interface PeerDataSearch {
  /** `--peer-data`: when given, the only place looked at. */
  explicit?: string | undefined;
  /** Environment (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Working directory (default `process.cwd()`). */
  cwd?: string;
  /** Repository root (default the root of this checkout). */
  repoRoot?: string;
}

export type PeerDataLocation = { found: true; dir: string } | { found: false; tried: string[] };

/** Folders to try, in order, without duplicates. */
export function peerDataCandidates(search: PeerDataSearch = {}): string[] {
  const cwd = search.cwd ?? process.cwd();
  if (search.explicit !== undefined) return [resolve(cwd, search.explicit)];
  const env = search.env ?? process.env;
  const candidates: string[] = [];
  const fromEnv = env[PEER_DATA_ENV];
  if (fromEnv !== undefined && fromEnv !== "") candidates.push(resolve(cwd, fromEnv));
  candidates.push(resolve(cwd, "../shared/peer-data"));
  candidates.push(resolve(search.repoRoot ?? REPO_ROOT, "../shared/peer-data"));
  return [...new Set(candidates)];
}

/** The first candidate folder holding every one of `required` (paths relative to it). */
export function locatePeerData(required: readonly string[], search: PeerDataSearch = {}): PeerDataLocation {
  const tried = peerDataCandidates(search);
  const dir = tried.find((candidate) => required.every((file) => existsSync(join(candidate, file))));
  return dir === undefined ? { found: false, tried } : { found: true, dir };
}

/** Thrown when no candidate holds the data; the CLI turns it into exit code 2. */
export class PeerDataMissingError extends BadInputError {
  readonly tried: string[];
  constructor(required: readonly string[], tried: string[]) {
    super(
      [
        `peer data not found: no folder holds ${required.join(", ")}`,
        "looked in:",
        ...tried.map((path) => `  ${path}`),
        `point at it with --peer-data DIR or the ${PEER_DATA_ENV} environment variable`,
        "(the folder that contains bfcl_v3/ and nestful/, e.g. /work/shared/peer-data)",
      ].join("\n"),
    );
    this.name = "PeerDataMissingError";
    this.tried = tried;
  }
}

/** The peer-data folder, or a PeerDataMissingError naming every path tried. */
export function requirePeerData(required: readonly string[], search: PeerDataSearch = {}): string {
  const location = locatePeerData(required, search);
  if (!location.found) throw new PeerDataMissingError(required, location.tried);
  return location.dir;
}

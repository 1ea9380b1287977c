import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  locatePeerData,
  NESTFUL_FILES,
  PEER_DATA_ENV,
  PeerDataMissingError,
  peerDataCandidates,
  requirePeerData,
} from "./peer-data.ts";

let root = "";
beforeAll(() => {
  // root/shared/peer-data holds the NESTFUL file; root/work is a sibling working directory.
  root = mkdtempSync(join(tmpdir(), "asynctool-peer-"));
  const file = join(root, "shared/peer-data", NESTFUL_FILES[0]!);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, "{}\n");
  mkdirSync(join(root, "work"));
  mkdirSync(join(root, "elsewhere/repo"), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("peer-data search order", () => {
  it("uses only --peer-data when given", () => {
    expect(peerDataCandidates({ explicit: "data", cwd: "/x", env: { [PEER_DATA_ENV]: "/env" } })).toEqual([
      "/x/data",
    ]);
  });

  it("tries the environment, then ../shared/peer-data from the cwd, then from the repo root", () => {
    expect(
      peerDataCandidates({ cwd: "/a/b", env: { [PEER_DATA_ENV]: "/env" }, repoRoot: "/r/repo" }),
    ).toEqual(["/env", "/a/shared/peer-data", "/r/shared/peer-data"]);
    expect(peerDataCandidates({ cwd: "/a/b", env: {}, repoRoot: "/a/c" })).toEqual(["/a/shared/peer-data"]);
  });

  it("finds the folder relative to the working directory", () => {
    const location = locatePeerData(NESTFUL_FILES, {
      cwd: join(root, "work"),
      env: {},
      repoRoot: "/nowhere/repo",
    });
    expect(location).toEqual({ found: true, dir: join(root, "shared/peer-data") });
  });

  it("falls back to the repo root when the working directory has no peer data", () => {
    const location = locatePeerData(NESTFUL_FILES, {
      cwd: join(root, "elsewhere/repo"),
      env: {},
      repoRoot: join(root, "work"),
    });
    expect(location).toEqual({ found: true, dir: join(root, "shared/peer-data") });
  });

  it("names every path tried and how to set it when nothing is found", () => {
    const search = {
      cwd: join(root, "elsewhere/repo"),
      env: { [PEER_DATA_ENV]: join(root, "missing") },
      repoRoot: "/nowhere/repo",
    };
    let caught: unknown;
    try {
      requirePeerData(NESTFUL_FILES, search);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PeerDataMissingError);
    const message = (caught as Error).message;
    for (const path of [
      join(root, "missing"),
      join(root, "elsewhere/shared/peer-data"),
      "/nowhere/shared/peer-data",
    ]) {
      expect(message).toContain(path);
    }
    expect(message).toContain("--peer-data");
    expect(message).toContain(PEER_DATA_ENV);
  });
});

import { describe, expect, it } from "vitest";
import { docSignatures, domainSignatures, findFuncDoc } from "./bfcl-func-doc.ts";
import { findGoldTrace, replayClass, TRACE_RELATIVE_PATH } from "./bfcl-trace-replay.ts";
import { filesystemDomain } from "./index.ts";

const trace = findGoldTrace();
const absent = `peer data absent: set ASYNCTOOL_PEER_DATA to the folder holding ${TRACE_RELATIVE_PATH}`;

describe.skipIf(trace === undefined)(
  trace === undefined ? `BFCL conformance (${absent})` : "BFCL conformance",
  () => {
    it("replays every recorded GorillaFileSystem call: same results, same state and listing order", () => {
      const report = replayClass(trace as string, "GorillaFileSystem", filesystemDomain, true);
      expect(report.mismatches).toEqual([]);
      expect(report.calls).toBeGreaterThan(200);
      expect(report.matchedCalls).toBe(report.calls);
      expect(report.matchedStates).toBe(report.states);
    });
  },
);

const funcDoc = findFuncDoc("gorilla_file_system.json");

describe.skipIf(funcDoc === undefined)(
  funcDoc === undefined
    ? "BFCL function docs (peer data absent: set ASYNCTOOL_PEER_DATA)"
    : "BFCL function docs",
  () => {
    it("has upstream's function names, parameter names, JSON types and required parameters", () => {
      expect(domainSignatures(filesystemDomain)).toEqual(docSignatures(funcDoc as string));
    });
  },
);

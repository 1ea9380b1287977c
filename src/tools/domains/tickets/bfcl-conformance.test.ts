import { describe, expect, it } from "vitest";
import { docSignatures, domainSignatures, findFuncDoc } from "../filesystem/bfcl-func-doc.ts";
import { findGoldTrace, replayClass, TRACE_RELATIVE_PATH } from "../filesystem/bfcl-trace-replay.ts";
import { ticketsDomain } from "./index.ts";

const trace = findGoldTrace();
const absent = `peer data absent: set ASYNCTOOL_PEER_DATA to the folder holding ${TRACE_RELATIVE_PATH}`;

describe.skipIf(trace === undefined)(
  trace === undefined ? `BFCL conformance (${absent})` : "BFCL conformance",
  () => {
    it("replays every recorded TicketAPI call: same results and same state after each turn", () => {
      const report = replayClass(trace as string, "TicketAPI", ticketsDomain);
      expect(report.mismatches).toEqual([]);
      expect(report.calls).toBeGreaterThan(40);
      expect(report.matchedCalls).toBe(report.calls);
      expect(report.matchedStates).toBe(report.states);
    });
  },
);

const funcDoc = findFuncDoc("ticket_api.json");

describe.skipIf(funcDoc === undefined)(
  funcDoc === undefined
    ? "BFCL function docs (peer data absent: set ASYNCTOOL_PEER_DATA)"
    : "BFCL function docs",
  () => {
    it("has upstream's function names, parameter names, JSON types and required parameters", () => {
      expect(domainSignatures(ticketsDomain)).toEqual(docSignatures(funcDoc as string));
    });
  },
);

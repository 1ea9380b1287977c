/**
 * Conformance against upstream data: BFCL v3 multi-turn base (1,161 gold calls, 200 entries) and
 * NESTFUL's 40 math records, replayed on the shipped domains. Skips when the peer data is absent.
 * The thresholds are the acceptance bar; they fail until every ported domain behaves like upstream.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { replayBfclV3 } from "../../src/dataset/conformance/bfcl-v3.ts";
import { formatBfclMismatches } from "../../src/dataset/conformance/format.ts";
import { replayNestful } from "../../src/dataset/conformance/nestful.ts";
import {
  BFCL_V3_FILES,
  locatePeerData,
  NESTFUL_FILES,
  PEER_FILES,
  REPO_ROOT,
} from "../../src/dataset/conformance/peer-data.ts";
import {
  type BfclReport,
  bfclReportSchema,
  nestfulReportSchema,
} from "../../src/dataset/conformance/report.ts";
import { parsePythonCall } from "../../src/dataset/importers/python-call.ts";

const location = locatePeerData([...BFCL_V3_FILES, ...NESTFUL_FILES]);
const peerDir = location.found ? location.dir : "";
if (!location.found) {
  console.warn(
    `conformance e2e SKIPPED: peer data not found (tried ${location.tried.join(", ")}); set ASYNCTOOL_PEER_DATA`,
  );
}

/** Per-class tallies and the first mismatches, so a failed threshold says where to look. */
function summary(report: BfclReport): string {
  const classes = Object.entries(report.byClass).map(
    ([name, tally]) =>
      `${name} calls ${tally.calls.matched}/${tally.calls.total} states ${tally.states.matched}/${tally.states.total}`,
  );
  return [...classes, ...formatBfclMismatches(report.mismatches, 3)].join("\n");
}

describe.skipIf(!location.found)("conformance against BFCL v3 and NESTFUL peer data", () => {
  let bfcl: BfclReport;
  beforeAll(() => {
    bfcl = replayBfclV3(peerDir);
  });

  it("parses every BFCL gold call as Python's ast did (up to lists upstream mutated after the call)", () => {
    const trace = readFileSync(join(peerDir, PEER_FILES.bfclTrace), "utf8").split("\n").filter(Boolean);
    let total = 0;
    const differing: string[] = [];
    for (const line of trace) {
      const entry = JSON.parse(line) as {
        turns: Array<{
          steps: Array<{ call: string; function: string; args: unknown[]; kwargs: Record<string, unknown> }>;
        }>;
      };
      for (const step of entry.turns.flatMap((turn) => turn.steps)) {
        total += 1;
        const call = parsePythonCall(step.call);
        expect(call.name).toBe(step.function);
        expect(call.args).toEqual(step.args);
        if (isDeepStrictEqual(call.kwargs, step.kwargs)) continue;
        // The trace stores kwargs after execution; a class that appended to a passed-in list shows
        // the longer list. Our parse must then be a strict prefix of it.
        for (const [key, value] of Object.entries(call.kwargs)) {
          const recorded = step.kwargs[key];
          if (isDeepStrictEqual(value, recorded)) continue;
          expect(Array.isArray(value) && Array.isArray(recorded)).toBe(true);
          expect((recorded as unknown[]).slice(0, (value as unknown[]).length)).toEqual(value);
        }
        differing.push(step.call);
      }
    }
    expect(total).toBe(1161);
    expect(differing.length).toBeLessThanOrEqual(2);
  });

  it("reports in the documented shape", () => {
    expect(bfclReportSchema.safeParse(bfcl).success).toBe(true);
    expect(bfcl.calls.total).toBe(1161);
    expect(Object.keys(bfcl.byClass).sort()).toEqual([
      "GorillaFileSystem",
      "MathAPI",
      "MessageAPI",
      "TicketAPI",
      "TradingBot",
      "TravelAPI",
      "TwitterAPI",
      "VehicleControlAPI",
    ]);
  });

  it("matches at least 99% of the 1,161 BFCL v3 base gold call results", () => {
    expect(bfcl.calls.matched / bfcl.calls.total, summary(bfcl)).toBeGreaterThanOrEqual(0.99);
  });

  it("matches at least 99% of the recorded post-turn states", () => {
    expect(bfcl.states.total).toBeGreaterThan(0);
    expect(bfcl.states.matched / bfcl.states.total, summary(bfcl)).toBeGreaterThanOrEqual(0.99);
  });

  it("reproduces all 40 NESTFUL math gold answers", () => {
    const report = replayNestful(peerDir);
    expect(report.records.total).toBe(40);
    expect(report.records.matched, JSON.stringify(report.mismatches, null, 1)).toBe(40);
  });

  it("prints the same NESTFUL report through the CLI", () => {
    const output = execFileSync(
      process.execPath,
      ["bin/asynctool.js", "conformance", "nestful", "--json", "--peer-data", peerDir],
      { cwd: REPO_ROOT, encoding: "utf8" },
    );
    const report = nestfulReportSchema.parse(JSON.parse(output));
    expect(report).toEqual(replayNestful(peerDir));
  });

  it("exits with code 2 and names the paths tried when the peer data is missing", () => {
    let status: number | null = null;
    let stderr = "";
    try {
      execFileSync(
        process.execPath,
        ["bin/asynctool.js", "conformance", "bfcl-v3", "--peer-data", "/nonexistent/peer"],
        {
          cwd: REPO_ROOT,
          encoding: "utf8",
          stdio: "pipe",
        },
      );
    } catch (error) {
      const failure = error as { status: number | null; stderr: string };
      status = failure.status;
      stderr = failure.stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toContain("/nonexistent/peer");
    expect(stderr).toContain("ASYNCTOOL_PEER_DATA");
  });
});

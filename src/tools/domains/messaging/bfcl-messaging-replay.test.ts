/** MessageAPI against the recorded BFCL v3 base trace: results and states by value. */
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { BFCL_QUESTIONS, BFCL_TRACE, publicState, replayBfclClass } from "../vehicle/bfcl-class-replay.ts";
import { messagingDomain } from "./index.ts";

const present = BFCL_QUESTIONS.present && BFCL_TRACE.present;
const skipReason = BFCL_QUESTIONS.skipReason || BFCL_TRACE.skipReason;

describe.skipIf(!present)(`BFCL MessageAPI replay${skipReason}`, () => {
  it("matches at least 99% of recorded calls and states", () => {
    const report = replayBfclClass("MessageAPI", messagingDomain);
    console.info(
      `MessageAPI: calls ${report.calls.matched}/${report.calls.total}, ` +
        `states ${report.states.matched}/${report.states.total}`,
    );
    expect(report.calls.total).toBeGreaterThan(50);
    expect(report.calls.matched / report.calls.total, report.mismatches.join("\n")).toBeGreaterThanOrEqual(
      0.99,
    );
    expect(report.states.matched / report.states.total, report.mismatches.join("\n")).toBeGreaterThanOrEqual(
      0.99,
    );
  });

  it("accepts every recorded initial_state as a config and keeps it unchanged", () => {
    let checked = 0;
    for (const line of readFileSync(BFCL_TRACE.path, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const recorded = (JSON.parse(line) as { initial_state: Record<string, unknown> }).initial_state
        .MessageAPI;
      if (recorded === undefined) continue;
      expect(isDeepStrictEqual(publicState(messagingDomain.config.parse(recorded)), recorded)).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

/** VehicleControlAPI against the recorded BFCL v3 base trace: results and states by value. */
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { BFCL_QUESTIONS, BFCL_TRACE, publicState, replayBfclClass } from "./bfcl-class-replay.ts";
import { vehicleDomain } from "./index.ts";

const present = BFCL_QUESTIONS.present && BFCL_TRACE.present;
const skipReason = BFCL_QUESTIONS.skipReason || BFCL_TRACE.skipReason;

describe.skipIf(!present)(`BFCL VehicleControlAPI replay${skipReason}`, () => {
  it("matches at least 99% of recorded calls and states", () => {
    const report = replayBfclClass("VehicleControlAPI", vehicleDomain);
    console.info(
      `VehicleControlAPI: calls ${report.calls.matched}/${report.calls.total}, ` +
        `states ${report.states.matched}/${report.states.total}`,
    );
    expect(report.calls.total).toBeGreaterThan(300);
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
        .VehicleControlAPI;
      if (recorded === undefined) continue;
      expect(isDeepStrictEqual(publicState(vehicleDomain.config.parse(recorded)), recorded)).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

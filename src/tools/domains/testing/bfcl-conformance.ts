/**
 * The BFCL v3 conformance suite a domain test declares in a few lines: the replay of its upstream
 * class (every call and state must match), plus the optional checks a port opts into. Skips, with
 * the reason in the title, when the peer data is absent.
 */
import { describe, expect, it } from "vitest";
import { publicFields } from "../../../dataset/conformance/values.ts";
import { type AnyDomain, initialState } from "../../domain.ts";
import {
  BFCL_REPLAY_FILES,
  domainSignatures,
  funcDocSignatures,
  recordedStarts,
  replayBfclClass,
} from "./bfcl-replay.ts";
import { findPeerData } from "./peer-data.ts";

export interface BfclConformance {
  className: string;
  domain: AnyDomain;
  /** Recorded calls of the class in the base trace: the exact number, or a floor. */
  calls: number | { moreThan: number };
  /** Also require upstream's key order in states (a directory listing's order is observable). */
  keyOrder?: boolean;
  /** Check each entry's `initial_config` builds upstream's recorded initial state; the number of entries. */
  starts?: number;
  /** Check every recorded initial state, given as a config, comes back unchanged. */
  recordedConfigs?: boolean;
  /** Check function names, parameter names, JSON types and required parameters against upstream's docs. */
  signatures?: boolean;
}

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export function describeBfclConformance(spec: BfclConformance): void {
  const { className, domain } = spec;
  const peerData = findPeerData(BFCL_REPLAY_FILES);
  describe.skipIf(!peerData.found)(`BFCL ${className} conformance${peerData.skipReason}`, () => {
    const dir = peerData.found ? peerData.dir : "";
    const order = spec.keyOrder ? ", same key order" : "";

    it(`replays every recorded ${className} call: same results and same state after each turn${order}`, () => {
      const report = replayBfclClass(dir, className, domain, { keyOrder: spec.keyOrder ?? false });
      console.info(
        `${className}: calls ${report.calls.matched}/${report.calls.total}, ` +
          `states ${report.states.matched}/${report.states.total}`,
      );
      expect(report.mismatches).toEqual([]);
      if (typeof spec.calls === "number") expect(report.calls.total).toBe(spec.calls);
      else expect(report.calls.total).toBeGreaterThan(spec.calls.moreThan);
      expect(report.calls.matched).toBe(report.calls.total);
      expect(report.states.matched).toBe(report.states.total);
    });

    if (spec.starts !== undefined) {
      const entries = spec.starts;
      it("builds upstream's initial state from each entry's (partial) initial_config", () => {
        const starts = recordedStarts(dir, className);
        expect(starts).toHaveLength(entries);
        for (const start of starts) {
          expect(publicFields(initialState(domain, start.config, start.id)), start.id).toEqual(
            start.initialState,
          );
        }
      });
    }

    if (spec.recordedConfigs) {
      it("accepts every recorded initial_state as a config and keeps it unchanged", () => {
        const starts = recordedStarts(dir, className);
        expect(starts.length).toBeGreaterThan(0);
        for (const start of starts) {
          const state = initialState(domain, start.initialState, start.id);
          expect(asJson(publicFields(state)), start.id).toStrictEqual(start.initialState);
        }
      });
    }

    if (spec.signatures) {
      it("has upstream's function names, parameter names, JSON types and required parameters", () => {
        expect(domainSignatures(domain)).toEqual(funcDocSignatures(dir, className));
      });
    }
  });
}

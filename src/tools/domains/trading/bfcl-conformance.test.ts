import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { tradingDomain } from "./index.ts";
import {
  bfclPeerDir,
  domainSignatures,
  funcDocSignatures,
  recordedStarts,
  replayBfclClass,
} from "./testing.ts";

const peerDir = bfclPeerDir();
const absent = "peer data absent: set ASYNCTOOL_PEER_DATA to the folder holding bfcl_v3/";

describe.skipIf(peerDir === undefined)(
  peerDir === undefined ? `TradingBot conformance (${absent})` : "TradingBot conformance",
  () => {
    const dir = peerDir as string;

    it("replays every recorded TradingBot call: same results and same state after each turn", () => {
      const replay = replayBfclClass(dir, "TradingBot", tradingDomain);
      expect(replay.mismatches).toEqual([]);
      expect(replay.calls.total).toBe(224);
      expect(replay.calls.matched).toBe(replay.calls.total);
      expect(replay.states.matched).toBe(replay.states.total);
    });

    it("builds upstream's initial state from each entry's (partial) initial_config", () => {
      const starts = recordedStarts(dir, "TradingBot");
      expect(starts).toHaveLength(50);
      for (const start of starts) {
        const state = initialState(tradingDomain, start.config, start.id);
        const { _random, _order_keys, ...publicFields } = state;
        expect(publicFields, start.id).toEqual(start.initialState);
      }
    });

    it("has upstream's function names, parameter names, JSON types and required parameters", () => {
      expect(domainSignatures(tradingDomain)).toEqual(funcDocSignatures(dir, "TradingBot"));
    });
  },
);

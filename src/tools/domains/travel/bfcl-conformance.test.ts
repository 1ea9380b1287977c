import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import {
  bfclPeerDir,
  domainSignatures,
  funcDocSignatures,
  recordedStarts,
  replayBfclClass,
} from "../trading/testing.ts";
import { travelDomain } from "./index.ts";

const peerDir = bfclPeerDir();
const absent = "peer data absent: set ASYNCTOOL_PEER_DATA to the folder holding bfcl_v3/";

describe.skipIf(peerDir === undefined)(
  peerDir === undefined ? `TravelAPI conformance (${absent})` : "TravelAPI conformance",
  () => {
    const dir = peerDir as string;

    it("replays every recorded TravelAPI call: same results and same state after each turn", () => {
      const replay = replayBfclClass(dir, "TravelAPI", travelDomain);
      expect(replay.mismatches).toEqual([]);
      expect(replay.calls.total).toBe(204);
      expect(replay.calls.matched).toBe(replay.calls.total);
      expect(replay.states.matched).toBe(replay.states.total);
    });

    it("builds upstream's initial state from each entry's (partial) initial_config", () => {
      const starts = recordedStarts(dir, "TravelAPI");
      expect(starts).toHaveLength(50);
      for (const start of starts) {
        const { _random, ...publicFields } = initialState(travelDomain, start.config, start.id);
        expect(publicFields, start.id).toEqual(start.initialState);
      }
    });

    it("has upstream's function names, parameter names, JSON types and required parameters", () => {
      expect(domainSignatures(travelDomain)).toEqual(funcDocSignatures(dir, "TravelAPI"));
    });
  },
);

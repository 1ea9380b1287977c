/**
 * The test-side BFCL class replay on a tiny hand-made peer folder and a hand-made domain, so the
 * checks every conformance test relies on can be seen to fail: a wrong result, a wrong state after
 * a turn that changed it, a state that a turn should have left alone, a default that differs from
 * upstream's, and a key order that differs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PEER_FILES } from "../../../dataset/conformance/peer-data.ts";
import { upstreamResultValue } from "../../../dataset/conformance/values.ts";
import { defineDomain } from "../../domain.ts";
import { defineTool } from "../../tool.ts";
import { QUESTION_FILE, recordedStarts, replayBfclClass } from "./bfcl-replay.ts";

interface Counter {
  count: number;
  label: string;
  _calls: number;
}

/** A TicketAPI stand-in: `bump` adds to the count; `peek` reads it but (wrongly) also bumps it. */
const counterDomain = defineDomain<Counter>({
  name: "counter",
  description: "test double",
  config: z.object({
    count: z.number().default(0),
    label: z.string().default("c"),
    _calls: z.number().default(0),
  }),
  tools: [
    defineTool({
      name: "bump",
      description: "add",
      parameters: { amount: z.number(), note: z.string().optional() },
      latency: "fast",
      mutates: true,
      run: (state: Counter, args) => {
        state.count += args.amount;
        state._calls += 1;
        return { count: state.count };
      },
    }),
    defineTool({
      name: "peek",
      description: "read",
      parameters: {},
      latency: "fast",
      mutates: false,
      run: (state: Counter) => {
        state.count += 1;
        return { count: state.count - 1 };
      },
    }),
  ],
});

const doc = (name: string, properties: Record<string, unknown>) => ({
  name,
  description: "",
  parameters: { type: "dict", properties, required: [] },
});

const step = (call: string, result: string) => ({
  call,
  class: "TicketAPI",
  function: call.split("(")[0],
  result,
});

/** `t0` replays cleanly; `t1` records a wrong result and state, then a turn that leaves the state alone. */
const ENTRIES = [
  {
    id: "t0",
    involved_classes: ["TicketAPI"],
    initial_state: { TicketAPI: { count: 1, label: "c" } },
    turns: [
      {
        steps: [step("bump(2)", '{"count": 3}')],
        changed_state_after_turn: { TicketAPI: { count: 3, label: "c" } },
      },
      { steps: [], changed_state_after_turn: {} },
    ],
  },
  {
    id: "t1",
    involved_classes: ["TicketAPI"],
    initial_state: { TicketAPI: { label: "c", count: 0 } },
    turns: [
      {
        steps: [step("bump(amount=5)", '{"count": 4}')],
        changed_state_after_turn: { TicketAPI: { count: 4, label: "c" } },
      },
      { steps: [step("peek()", "{'count': 5}")], changed_state_after_turn: {} },
    ],
  },
];

let peerDir = "";
beforeAll(() => {
  peerDir = mkdtempSync(join(tmpdir(), "asynctool-class-replay-"));
  const write = (relative: string, lines: unknown[]) => {
    mkdirSync(dirname(join(peerDir, relative)), { recursive: true });
    writeFileSync(join(peerDir, relative), `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
  };
  write(PEER_FILES.bfclTrace, ENTRIES);
  write(QUESTION_FILE, [
    { id: "t0", initial_config: { TicketAPI: { count: 1 } } },
    { id: "t1", initial_config: {} },
  ]);
  write(join(PEER_FILES.bfclFuncDocs, "ticket_api.json"), [
    doc("bump", { amount: { type: "integer" }, note: { type: "string" } }),
    doc("peek", {}),
  ]);
});
afterAll(() => rmSync(peerDir, { recursive: true, force: true }));

describe("replayBfclClass on a hand-made trace", () => {
  it("builds states from initial_config, binds positional arguments, and checks every turn's state", () => {
    const report = replayBfclClass(peerDir, "TicketAPI", counterDomain);
    expect(report.calls).toEqual({ matched: 2, total: 3 });
    // t0: initial + 2 turns all match; t1: initial matches, then both later states differ.
    expect(report.states).toEqual({ matched: 4, total: 6 });
    expect(report.mismatches).toEqual([
      't1 turn 0 bump(amount=5): expected {"count":4}, got {"count":5}',
      't1 state after turn 0: expected {"count":4,"label":"c"}, got {"count":5,"label":"c"}',
      // No state change recorded for turn 1, yet `peek` changed ours.
      't1 state after turn 1: expected {"count":4,"label":"c"}, got {"count":6,"label":"c"}',
    ]);
  });

  it("requires upstream's key order only when asked", () => {
    const ordered = replayBfclClass(peerDir, "TicketAPI", counterDomain, { keyOrder: true });
    expect(ordered.mismatches).toContain(
      't1 initial state: expected {"label":"c","count":0}, got {"count":0,"label":"c"}',
    );
    expect(ordered.states.matched).toBe(3);
  });

  it("lists each entry's config beside the state upstream recorded", () => {
    expect(recordedStarts(peerDir, "TicketAPI")).toEqual([
      { id: "t0", config: { count: 1 }, initialState: { count: 1, label: "c" } },
      { id: "t1", config: undefined, initialState: { label: "c", count: 0 } },
    ]);
  });
});

describe("upstream result strings as the replay reads them", () => {
  it.each([
    ['{"result": "\'a\' removed"}', { result: "'a' removed" }],
    ["None", null],
    ["[{'id': 0, 'tags': ['#a'], 'ok': True}]", [{ id: 0, tags: ["#a"], ok: true }]],
    ["Error during execution: 'id'", "Error during execution: 'id'"],
  ])("%s → %j", (text, value) => expect(upstreamResultValue(text)).toEqual(value));
});

/**
 * The BFCL replay on a tiny hand-made peer folder and a hand-made domain, so its bookkeeping
 * (positional binding, result and state comparison, set fields, missing domains) is checked
 * without the real data or the real ports.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createCatalog } from "../../tools/catalog.ts";
import { defineDomain } from "../../tools/domain.ts";
import { defineTool, ToolError } from "../../tools/tool.ts";
import { replayBfclV3 } from "./bfcl-v3.ts";
import { PEER_FILES } from "./peer-data.ts";

interface Inbox {
  generated_ids: number[];
  inbox: string[];
  _next: number;
}

/** A messaging stand-in: `send_message` is right, `delete_message` forgets to change state. */
const fakeMessaging = defineDomain<Inbox>({
  name: "messaging",
  description: "test double",
  config: z.object({
    generated_ids: z.array(z.number()).default([]),
    inbox: z.array(z.string()).default([]),
    _next: z.number().default(5),
  }),
  tools: [
    defineTool({
      name: "send_message",
      description: "send",
      parameters: { receiver_id: z.string(), message: z.string() },
      latency: "fast",
      mutates: true,
      run: (state: Inbox, args) => {
        state.generated_ids.push(state._next); // pushed at the end: order differs from the sorted record
        state._next -= 1;
        state.inbox.push(`${args.receiver_id}:${args.message}`);
        return { sent_status: true };
      },
    }),
    defineTool({
      name: "delete_message",
      description: "delete",
      parameters: { receiver_id: z.string() },
      latency: "fast",
      mutates: true,
      run: () => ({ deleted_status: true }),
    }),
    defineTool({
      name: "get_user_id",
      description: "lookup",
      parameters: { user: z.string() },
      latency: "fast",
      mutates: false,
      run: (_state: Inbox, args) => {
        throw new ToolError(`no user ${args.user}`);
      },
    }),
  ],
});

const docs = [
  { name: "send_message", parameters: { properties: { receiver_id: {}, message: {} } } },
  { name: "delete_message", parameters: { properties: { receiver_id: {}, message_id: {} } } },
  { name: "get_user_id", parameters: { properties: { user: {} } } },
].map((doc) => ({ description: "", ...doc, parameters: { type: "dict", required: [], ...doc.parameters } }));

const entry = {
  id: "multi_turn_base_0",
  involved_classes: ["MessageAPI", "TicketAPI"],
  initial_state: { MessageAPI: { generated_ids: [9], inbox: [] }, TicketAPI: { ticket_queue: [] } },
  turns: [
    {
      turn: 0,
      steps: [
        {
          call: "send_message('USR2', message='hi')",
          class: "MessageAPI",
          function: "send_message",
          result: '{"sent_status": true}',
        },
        {
          call: "get_user_id(user='Bob')",
          class: "MessageAPI",
          function: "get_user_id",
          result: "{'user_id': 'USR2'}",
        },
      ],
      changed_state_after_turn: { MessageAPI: { generated_ids: [5, 9], inbox: ["USR2:hi"] } },
    },
    {
      turn: 1,
      steps: [
        {
          call: "delete_message(receiver_id='USR2')",
          class: "MessageAPI",
          function: "delete_message",
          result: '{"deleted_status": true}',
        },
        { call: "close_ticket(ticket_id=1)", class: "TicketAPI", function: "close_ticket", result: "None" },
      ],
      changed_state_after_turn: {
        MessageAPI: { generated_ids: [5, 9], inbox: [] },
        TicketAPI: { ticket_queue: [] },
      },
    },
  ],
};

let peerDir = "";
beforeAll(() => {
  peerDir = mkdtempSync(join(tmpdir(), "asynctool-bfcl-"));
  const write = (relative: string, lines: unknown[]) => {
    mkdirSync(dirname(join(peerDir, relative)), { recursive: true });
    writeFileSync(join(peerDir, relative), `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
  };
  write(PEER_FILES.bfclTrace, [entry]);
  write(PEER_FILES.bfclAnswers, [
    { id: entry.id, ground_truth: entry.turns.map((turn) => turn.steps.map((step) => step.call)) },
  ]);
  write(join(PEER_FILES.bfclFuncDocs, "message_api.json"), docs);
  write(join(PEER_FILES.bfclFuncDocs, "ticket_api.json"), [
    { name: "close_ticket", description: "", parameters: { type: "dict", properties: { ticket_id: {} } } },
  ]);
});
afterAll(() => rmSync(peerDir, { recursive: true, force: true }));

describe("replayBfclV3 on a hand-made fixture", () => {
  it("counts matches, binds positional arguments, sorts set fields and reports every difference", () => {
    const report = replayBfclV3(peerDir, createCatalog([fakeMessaging]));
    expect(report.calls).toEqual({ matched: 2, total: 4 });
    expect(report.states).toEqual({ matched: 1, total: 3 });
    expect(report.byClass).toEqual({
      MessageAPI: { calls: { matched: 2, total: 3 }, states: { matched: 1, total: 2 } },
      TicketAPI: { calls: { matched: 0, total: 1 }, states: { matched: 0, total: 1 } },
    });
    // Per turn: the calls in order, then the recorded states.
    expect(report.mismatches).toEqual([
      {
        entry: entry.id,
        turn: 0,
        class: "MessageAPI",
        call: "get_user_id(user='Bob')",
        expected: { user_id: "USR2" },
        actual: { status: "error", error: "no user Bob" },
        kind: "call",
      },
      {
        entry: entry.id,
        turn: 1,
        class: "TicketAPI",
        call: "close_ticket(ticket_id=1)",
        expected: null,
        actual: { status: "error", error: 'domain "tickets" is not registered' },
        kind: "call",
      },
      {
        entry: entry.id,
        turn: 1,
        class: "MessageAPI",
        expected: { inbox: [] },
        actual: { inbox: ["USR2:hi"] },
        kind: "state",
      },
      {
        entry: entry.id,
        turn: 1,
        class: "TicketAPI",
        expected: { ticket_queue: [] },
        actual: { status: "error", error: 'domain "tickets" is not registered' },
        kind: "state",
      },
    ]);
  });
});

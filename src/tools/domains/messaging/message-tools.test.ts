import { describe, expect, it } from "vitest";
import { type AnyTool, ToolError } from "../../tool.ts";
import { messagingDomain } from "./index.ts";
import { MessagingState } from "./state.ts";

function tool(name: string): AnyTool {
  const found = messagingDomain.tools.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no tool ${name}`);
  return found;
}

function call(state: MessagingState, name: string, args: Record<string, unknown> = {}): unknown {
  const target = tool(name);
  return target.run(state, target.parameters.parse(args), { time: 0 });
}

const loggedIn = (config: Record<string, unknown> = {}) =>
  MessagingState.parse({ current_user: "USR001", ...config });

describe("every inbox tool needs a login", () => {
  it.each([
    ["send_message", { receiver_id: "USR002", message: "hi" }],
    ["delete_message", { receiver_id: "USR002" }],
    ["view_messages_sent", {}],
    ["search_messages", { keyword: "file" }],
    ["get_message_stats", {}],
  ])("%s", (name, args) => {
    expect(call(MessagingState.parse({}), name, args)).toEqual({ error: "No user is currently logged in." });
  });
});

describe("send_message", () => {
  it("draws ids as CPython's random.Random(200191).randint(10000, 99999) does", () => {
    const state = loggedIn();
    expect(call(state, "send_message", { receiver_id: "USR005", message: "x" })).toEqual({
      error: "Receiver ID 'USR005' not found.",
    });
    const ids = [1, 2, 3].map(
      (n) =>
        (call(state, "send_message", { receiver_id: "USR002", message: `m${n}` }) as { message_id: unknown })
          .message_id,
    );
    expect(ids).toEqual([{ new_id: 67410 }, { new_id: 41772 }, { new_id: 24547 }]);
    expect(state.generated_ids).toEqual([24547, 41772, 67410]);
    expect(state.message_count).toBe(6);
    expect(state.inbox.at(-1)).toEqual({ USR002: "m3" });
  });

  it("skips ids already generated", () => {
    const state = loggedIn({ generated_ids: [67410] });
    expect(call(state, "send_message", { receiver_id: "USR002", message: "x" })).toMatchObject({
      sent_status: true,
      message_id: { new_id: 41772 },
      message: "Message sent to 'USR002' successfully.",
    });
  });
});

describe("delete_message", () => {
  it("deletes the latest message to the receiver; message_id is accepted and ignored", () => {
    const state = loggedIn({ inbox: [{ USR002: "a" }, { USR003: "b" }, { USR002: "c" }] });
    expect(call(state, "delete_message", { receiver_id: "USR002", message_id: 123 })).toEqual({
      deleted_status: true,
      message_id: "USR002",
      message: "Receiver USR002's first message deleted successfully.",
    });
    expect(state.inbox).toEqual([{ USR002: "a" }, { USR003: "b" }]);
    expect(call(state, "delete_message", { receiver_id: "USR009" })).toEqual({
      error: "Receiver ID USR009 not found.",
    });
  });

  it("removes the first entry equal to the latest one, as Python's list.remove does", () => {
    const state = loggedIn({ inbox: [{ USR002: "same" }, { USR003: "b" }, { USR002: "same" }] });
    call(state, "delete_message", { receiver_id: "USR002" });
    expect(state.inbox).toEqual([{ USR003: "b" }, { USR002: "same" }]);
  });
});

describe("reading the inbox", () => {
  it("groups messages by receiver, nesting recorded list contents", () => {
    const state = loggedIn({ inbox: [{ USR002: ["Meeting at 3 PM"] }, { USR003: "x" }, { USR002: "y" }] });
    expect(call(state, "view_messages_sent")).toEqual({
      messages: { USR002: [["Meeting at 3 PM"], "y"], USR003: ["x"] },
    });
  });

  it("searches case-insensitively", () => {
    const state = loggedIn();
    expect(call(state, "search_messages", { keyword: "UPLOAD" })).toEqual({
      results: [
        { receiver_id: "USR003", message: "Could you upload the file?" },
        { receiver_id: "USR004", message: "Could you upload the file?" },
      ],
    });
    expect(call(state, "search_messages", { keyword: "nothing like this" })).toEqual({ results: [] });
  });

  it("fails like upstream when an entry's content is not text", () => {
    expect(() => call(loggedIn({ inbox: [{ USR002: ["a"] }] }), "search_messages", { keyword: "a" })).toThrow(
      new ToolError("'list' object has no attribute 'lower'"),
    );
    expect(() => call(loggedIn({ inbox: [{ USR002: {} }] }), "search_messages", { keyword: "a" })).toThrow(
      /'dict' object/,
    );
  });

  it("counts messages and distinct receivers", () => {
    const state = loggedIn({ inbox: [{ USR002: "a" }, { USR003: "b" }, { USR002: "c" }] });
    expect(call(state, "get_message_stats")).toEqual({ stats: { received_count: 3, total_contacts: 2 } });
  });
});

describe("message tools: contract", () => {
  it("has the 10 upstream names", () => {
    expect(messagingDomain.tools.map((candidate) => candidate.name).sort()).toEqual([
      "add_contact",
      "delete_message",
      "get_message_stats",
      "get_user_id",
      "list_users",
      "message_get_login_status",
      "message_login",
      "search_messages",
      "send_message",
      "view_messages_sent",
    ]);
  });

  it("names the receiver's inbox and the id stream as resources", () => {
    const state = loggedIn();
    expect(tool("send_message").resources({ receiver_id: "USR002", message: "x" }, state)).toEqual([
      "messaging:session",
      "messaging:inbox:USR002",
      "messaging:message-id",
    ]);
    expect(tool("delete_message").resources({ receiver_id: "USR003" }, state)).toContain(
      "messaging:inbox:USR003",
    );
    expect(tool("view_messages_sent").resources({}, state)).toContain("messaging:inbox");
    expect(tool("send_message").mutates).toBe(true);
    expect(tool("search_messages").mutates).toBe(false);
  });

  it("is deterministic for the same config", () => {
    const script = (state: MessagingState) => [
      call(state, "send_message", { receiver_id: "USR003", message: "one" }),
      call(state, "add_contact", { user_name: "Eve" }),
      call(state, "send_message", { receiver_id: "USR005", message: "two" }),
      call(state, "delete_message", { receiver_id: "USR003" }),
      call(state, "view_messages_sent"),
    ];
    const first = loggedIn({ random_seed: 11 });
    const second = loggedIn({ random_seed: 11 });
    expect(script(first)).toEqual(script(second));
    expect(first).toEqual(second);
  });
});

import { describe, expect, it } from "vitest";
import { PythonRandom } from "../../../core/python-random.ts";
import type { AnyTool } from "../../tool.ts";
import { messagingDomain } from "./index.ts";
import { DEFAULT_MESSAGING_SEED, MessagingState } from "./state.ts";

function tool(name: string): AnyTool {
  const found = messagingDomain.tools.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no tool ${name}`);
  return found;
}

function call(state: MessagingState, name: string, args: Record<string, unknown> = {}): unknown {
  const target = tool(name);
  return target.run(state, target.parameters.parse(args), { time: 0 });
}

describe("MessagingState config", () => {
  it("fills upstream's class defaults", () => {
    const state = MessagingState.parse({});
    expect(state).toEqual({
      generated_ids: [],
      user_count: 4,
      user_map: { Alice: "USR001", Bob: "USR002", Catherine: "USR003", Daniel: "USR004" },
      inbox: [
        { USR002: "My name is Alice. I want to connect." },
        { USR003: "Could you upload the file?" },
        { USR004: "Could you upload the file?" },
      ],
      message_count: 3,
      current_user: null,
      _random: PythonRandom.seeded(DEFAULT_MESSAGING_SEED).getState(),
    });
  });

  it("keeps recorded inbox shapes, sorts the id set, takes a seed, rejects unknown fields", () => {
    const state = MessagingState.parse({
      generated_ids: [9, 5, 9],
      inbox: [{ USR001: {} }, { USR002: ["a", "b"] }],
      random_seed: 5,
    });
    expect(state.generated_ids).toEqual([5, 9]);
    expect(state.inbox).toEqual([{ USR001: {} }, { USR002: ["a", "b"] }]);
    expect(state._random).toEqual(PythonRandom.seeded(5).getState());
    expect(() => MessagingState.parse({ inbox: [{}] })).toThrow(/receiver/);
    expect(() => MessagingState.parse({ users: {} })).toThrow();
  });

  it("accepts its own full state unchanged (JSON round trip)", () => {
    const state = MessagingState.parse({ current_user: "USR001" });
    call(state, "send_message", { receiver_id: "USR002", message: "hi" });
    expect(MessagingState.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});

describe("users and login", () => {
  it("lists users and looks up ids", () => {
    const state = MessagingState.parse({});
    expect(call(state, "list_users")).toEqual({ user_list: ["Alice", "Bob", "Catherine", "Daniel"] });
    expect(call(state, "get_user_id", { user: "Bob" })).toEqual({ user_id: "USR002" });
    expect(call(state, "get_user_id", { user: "Zed" })).toEqual({
      error: "User 'Zed' not found in the workspace.",
    });
    expect(call(state, "get_user_id", { user: "toString" })).toHaveProperty("error");
  });

  it("logs in known ids only", () => {
    const state = MessagingState.parse({});
    expect(call(state, "message_get_login_status")).toEqual({ login_status: false });
    expect(call(state, "message_login", { user_id: "USR009" })).toEqual({
      login_status: false,
      message: "User ID 'USR009' not found.",
    });
    expect(state.current_user).toBeNull();
    expect(call(state, "message_login", { user_id: "USR001" })).toEqual({
      login_status: true,
      message: "User 'USR001' logged in successfully.",
    });
    expect(call(state, "message_get_login_status")).toEqual({ login_status: true });
  });

  it("adds contacts with the next id, advancing the counter even when the id is taken", () => {
    const state = MessagingState.parse({});
    expect(call(state, "add_contact", { user_name: "John Levy" })).toEqual({
      added_status: true,
      user_id: "USR005",
      message: "Contact 'John Levy' added successfully.",
    });
    expect(call(state, "add_contact", { user_name: "Bob" })).toEqual({
      error: "User name 'Bob' already exists.",
    });
    const clash = MessagingState.parse({ user_count: 1 });
    expect(call(clash, "add_contact", { user_name: "Eve" })).toEqual({
      error: "User ID 'USR002' already exists.",
    });
    expect(clash.user_count).toBe(2);
    expect(call(clash, "add_contact", { user_name: "Eve" })).toEqual({
      error: "User ID 'USR003' already exists.",
    });
  });

  it("declares sessions and users as resources", () => {
    const state = MessagingState.parse({});
    expect(tool("message_login").resources({ user_id: "USR001" }, state)).toEqual(["messaging:session"]);
    expect(tool("add_contact").resources({ user_name: "Eve" }, state)).toEqual([
      "messaging:user:Eve",
      "messaging:user-count",
    ]);
    expect(tool("add_contact").mutates).toBe(true);
    expect(tool("list_users").mutates).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { callTool } from "../testing/call-tool.ts";
import { ticketsDomain } from "./index.ts";
import type { TicketsState } from "./state.ts";

const fresh = (config: Record<string, unknown> = {}): TicketsState =>
  initialState(ticketsDomain, config, "test.json");
const run = (state: TicketsState, name: string, args: Record<string, unknown> = {}) =>
  callTool(ticketsDomain, state, name, args);

describe("tickets config", () => {
  it("fills upstream's class defaults", () => {
    expect(fresh()).toEqual({ ticket_queue: [], ticket_counter: 1, current_user: null });
  });

  it("keeps recorded tickets with partial or extra fields", () => {
    const queue = [
      { id: 1, status: "Open", priority: "High", issue: "x" },
      { ticket_001: { title: "no id" } },
    ];
    expect(fresh({ ticket_queue: queue }).ticket_queue).toEqual(queue);
  });

  it("names the file and field of a bad config", () => {
    expect(() => fresh({ ticket_counter: "2" })).toThrow(/test\.json: ticket_counter/);
    expect(() => fresh({ ticket_queue: [{ id: 1.5 }] })).toThrow(/test\.json: ticket_queue\.0\.id/);
  });
});

describe("ticket_login, ticket_get_login_status and logout", () => {
  it("logs in any non-empty user, replacing the current one, and logs out", () => {
    const state = fresh();
    expect(run(state, "ticket_get_login_status")).toEqual({ login_status: false });
    expect(run(state, "ticket_login", { username: "ana", password: "x" })).toEqual({ success: true });
    expect(run(state, "ticket_login", { username: "bo", password: "y" })).toEqual({ success: true });
    expect(state.current_user).toBe("bo");
    expect(run(state, "ticket_get_login_status")).toEqual({ login_status: true });
    expect(run(state, "logout")).toEqual({ success: true });
    expect(run(state, "logout")).toEqual({ success: false });
    expect(state.current_user).toBeNull();
  });

  it.each([
    { username: "", password: "x" },
    { username: "ana", password: "" },
  ])("refuses empty credentials %j", (args) => {
    const state = fresh({ current_user: "old" });
    expect(run(state, "ticket_login", args)).toEqual({ success: false });
    expect(state.current_user).toBe("old");
  });

  it("all claim the session", () => {
    for (const name of ["ticket_login", "ticket_get_login_status", "logout"]) {
      const tool = ticketsDomain.tools.find((candidate) => candidate.name === name);
      expect(tool?.resources({ username: "a", password: "b" }, fresh())).toEqual(["tickets:session"]);
    }
  });
});

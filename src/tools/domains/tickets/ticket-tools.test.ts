import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { ToolError } from "../../tool.ts";
import { callTool } from "../testing/call-tool.ts";
import { ticketsDomain } from "./index.ts";
import type { TicketsState } from "./state.ts";

const EXISTING = {
  id: 7,
  title: "Printer",
  description: "Jammed",
  status: "Open",
  priority: 2,
  created_by: "ana",
};
const OTHER = { id: 8, title: "VPN", description: "", status: "Closed", priority: 4, created_by: "bo" };

const fresh = (config: Record<string, unknown> = {}): TicketsState =>
  initialState(
    ticketsDomain,
    structuredClone({ ticket_queue: [EXISTING, OTHER], ticket_counter: 9, current_user: "ana", ...config }),
    "test",
  );
const run = (state: TicketsState, name: string, args: Record<string, unknown> = {}) =>
  callTool(ticketsDomain, state, name, args);
const resources = (state: TicketsState, name: string, args: Record<string, unknown>) => {
  const tool = ticketsDomain.tools.find((candidate) => candidate.name === name);
  return tool?.resources(tool.parameters.parse(args), state);
};

describe("create_ticket", () => {
  it("queues an open ticket under the counter id with defaults", () => {
    const state = fresh();
    const created = run(state, "create_ticket", { title: "Laptop" });
    expect(created).toEqual({
      id: 9,
      title: "Laptop",
      description: "",
      status: "Open",
      priority: 1,
      created_by: "ana",
    });
    expect(state.ticket_counter).toBe(10);
    expect(state.ticket_queue.at(-1)).toEqual(created);
    expect(resources(fresh(), "create_ticket", { title: "x" })).toEqual([
      "tickets:session",
      "tickets:ticket-counter",
      "tickets:ticket:9",
    ]);
  });

  it.each([
    [{ current_user: null }, { title: "x" }, "User not authenticated. Please log in to create a ticket."],
    [{}, { title: "x", priority: 0 }, "Invalid priority. Priority must be between 1 and 5."],
    [{}, { title: "x", priority: 6 }, "Invalid priority. Priority must be between 1 and 5."],
  ])("with %j and %j is the error %j", (config, args, error) => {
    const state = fresh(config);
    expect(run(state, "create_ticket", args)).toEqual({ error });
    expect(state.ticket_counter).toBe(9);
  });
});

describe("get_ticket", () => {
  it("returns a copy of the ticket or the not-found error", () => {
    const state = fresh();
    const ticket = run(state, "get_ticket", { ticket_id: 7 }) as Record<string, unknown>;
    expect(ticket).toEqual(EXISTING);
    ticket.status = "changed";
    expect(state.ticket_queue[0]?.status).toBe("Open");
    expect(run(state, "get_ticket", { ticket_id: 99 })).toEqual({ error: "Ticket with ID 99 not found." });
  });

  it("finds string ids from recorded configs", () => {
    const state = fresh({ ticket_queue: [{ id: "ticket_001", status: "Open" }] });
    expect(run(state, "get_ticket", { ticket_id: "ticket_001" })).toEqual({
      id: "ticket_001",
      status: "Open",
    });
  });

  it("fails, as upstream does, when it meets an entry without an id", () => {
    const state = fresh({ ticket_queue: [{ ticket_001: { title: "x" } }, EXISTING] });
    expect(() => run(state, "get_ticket", { ticket_id: 7 })).toThrow(ToolError);
  });
});

describe("close_ticket and resolve_ticket", () => {
  it("close once, then report it", () => {
    const state = fresh();
    expect(run(state, "close_ticket", { ticket_id: 7 })).toEqual({
      status: "Ticket 7 has been closed successfully.",
    });
    expect(run(state, "close_ticket", { ticket_id: 7 })).toEqual({
      error: "Ticket with ID 7 is already closed.",
    });
    expect(run(state, "close_ticket", { ticket_id: 1 })).toEqual({ error: "Ticket with ID 1 not found." });
  });

  it("resolve records the resolution", () => {
    const state = fresh();
    expect(run(state, "resolve_ticket", { ticket_id: 8, resolution: "Reset" })).toEqual({
      status: "Ticket 8 has been resolved successfully.",
    });
    expect(state.ticket_queue[1]).toEqual({ ...OTHER, status: "Resolved", resolution: "Reset" });
    expect(run(state, "resolve_ticket", { ticket_id: 8, resolution: "Again" })).toEqual({
      error: "Ticket with ID 8 is already resolved.",
    });
    expect(run(state, "resolve_ticket", { ticket_id: 1, resolution: "x" })).toEqual({
      error: "Ticket with ID 1 not found.",
    });
    expect(resources(state, "resolve_ticket", { ticket_id: 8, resolution: "x" })).toEqual([
      "tickets:ticket:8",
    ]);
  });
});

describe("edit_ticket", () => {
  it("changes the given fields and skips nulls", () => {
    const state = fresh();
    expect(
      run(state, "edit_ticket", { ticket_id: 7, updates: { priority: 5, title: "Printer 2", status: null } }),
    ).toEqual({ status: "Ticket 7 has been updated successfully." });
    expect(state.ticket_queue[0]).toEqual({ ...EXISTING, priority: 5, title: "Printer 2" });
  });

  it("refuses unknown fields without changing anything", () => {
    const state = fresh();
    expect(run(state, "edit_ticket", { ticket_id: 7, updates: { owner: "x", priority: 3, id: 1 } })).toEqual({
      error: "Invalid fields for update: owner, id",
    });
    expect(state.ticket_queue[0]).toEqual(EXISTING);
    expect(run(state, "edit_ticket", { ticket_id: 2, updates: {} })).toEqual({
      error: "Ticket with ID 2 not found.",
    });
  });
});

describe("get_user_tickets", () => {
  it("lists the current user's tickets, optionally by status ignoring case", () => {
    const state = fresh({ ticket_queue: [EXISTING, OTHER, { ...OTHER, id: 10, created_by: "ana" }] });
    expect(run(state, "get_user_tickets")).toEqual([EXISTING, { ...OTHER, id: 10, created_by: "ana" }]);
    expect(run(state, "get_user_tickets", { status: "closed" })).toEqual([
      { ...OTHER, id: 10, created_by: "ana" },
    ]);
    expect(run(state, "get_user_tickets", { status: "" })).toHaveLength(2);
  });

  it("answers a one-element error list when nobody is logged in", () => {
    expect(run(fresh({ current_user: null }), "get_user_tickets")).toEqual([
      { error: "User not authenticated. Please log in to view tickets." },
    ]);
  });
});

describe("determinism", () => {
  it("gives the same results and state for the same calls", () => {
    const replay = () => {
      const state = fresh();
      const results = [
        run(state, "create_ticket", { title: "a", priority: 3 }),
        run(state, "edit_ticket", { ticket_id: 9, updates: { status: "Urgent" } }),
        run(state, "resolve_ticket", { ticket_id: 9, resolution: "done" }),
        run(state, "get_user_tickets", { status: "resolved" }),
      ];
      return { results, state };
    };
    expect(replay()).toEqual(replay());
  });
});

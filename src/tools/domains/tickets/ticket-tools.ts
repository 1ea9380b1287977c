/** Tickets tools that create, read and change tickets. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import {
  ALL_TICKETS_RESOURCE,
  COUNTER_RESOURCE,
  SESSION_RESOURCE,
  type Ticket,
  TicketId,
  type TicketsState,
  ticketResource,
} from "./state.ts";

const ticketId = (what: string) => TicketId.describe(`Id of the ticket to ${what} (a number).`);

/** The first ticket with this id; like upstream, a malformed entry met on the way is a failure. */
function findTicket(state: TicketsState, id: TicketId): Ticket | undefined {
  for (const [index, ticket] of state.ticket_queue.entries()) {
    if (ticket.id === undefined) throw new ToolError(`ticket_queue entry ${index} has no id`);
    if (ticket.id === id) return ticket;
  }
  return undefined;
}

const notFound = (id: TicketId) => ({ error: `Ticket with ID ${id} not found.` });

/** Results are copies: the caller may keep them while later calls change the state. */
const copy = <Value>(value: Value): Value => structuredClone(value);

/** Tools on one ticket touch only that ticket. */
const theTicket = (args: { ticket_id: TicketId }) => [ticketResource(args.ticket_id)];

/** Close or resolve: an error when the ticket is missing or already in `status`; `update` adds fields. */
function moveTicket(
  state: TicketsState,
  id: TicketId,
  status: "Closed" | "Resolved",
  update: (ticket: Ticket) => void = () => {},
) {
  const ticket = findTicket(state, id);
  if (ticket === undefined) return notFound(id);
  const done = status.toLowerCase();
  if (ticket.status === status) return { error: `Ticket with ID ${id} is already ${done}.` };
  ticket.status = status;
  update(ticket);
  return { status: `Ticket ${id} has been ${done} successfully.` };
}

export const createTicket = defineTool({
  name: "create_ticket",
  description:
    "Open a new support ticket as the logged-in user (log in first with ticket_login). Returns the ticket with " +
    'its new id and status "Open".',
  parameters: {
    title: z.string().describe("Short title."),
    description: z.string().default("").describe("Details of the problem. Defaults to empty."),
    priority: z.number().int().default(1).describe("Priority from 1 (lowest, the default) to 5 (highest)."),
  },
  latency: "medium",
  mutates: true,
  resources: (_args, state: TicketsState) => [
    SESSION_RESOURCE,
    COUNTER_RESOURCE,
    ticketResource(state.ticket_counter),
  ],
  run: (state: TicketsState, args) => {
    if (!state.current_user) return { error: "User not authenticated. Please log in to create a ticket." };
    if (args.priority < 1 || args.priority > 5)
      return { error: "Invalid priority. Priority must be between 1 and 5." };
    const ticket: Ticket = {
      id: state.ticket_counter,
      title: args.title,
      description: args.description,
      status: "Open",
      priority: args.priority,
      created_by: state.current_user,
    };
    state.ticket_queue.push(ticket);
    state.ticket_counter += 1;
    return copy(ticket);
  },
});

export const getTicket = defineTool({
  name: "get_ticket",
  description: "Fetch one ticket by id with all its fields.",
  parameters: { ticket_id: ticketId("fetch") },
  latency: "fast",
  mutates: false,
  resources: theTicket,
  run: (state: TicketsState, args) => {
    const ticket = findTicket(state, args.ticket_id);
    return ticket === undefined ? notFound(args.ticket_id) : copy(ticket);
  },
});

export const closeTicket = defineTool({
  name: "close_ticket",
  description: 'Set a ticket\'s status to "Closed" (an error if it already is).',
  parameters: { ticket_id: ticketId("close") },
  latency: "medium",
  mutates: true,
  resources: theTicket,
  run: (state: TicketsState, args) => {
    return moveTicket(state, args.ticket_id, "Closed");
  },
});

export const resolveTicket = defineTool({
  name: "resolve_ticket",
  description:
    'Set a ticket\'s status to "Resolved" and record how it was solved (an error if already resolved).',
  parameters: {
    ticket_id: ticketId("resolve"),
    resolution: z.string().describe("How the problem was solved."),
  },
  latency: "medium",
  mutates: true,
  resources: theTicket,
  run: (state: TicketsState, args) => {
    return moveTicket(state, args.ticket_id, "Resolved", (ticket) => {
      ticket.resolution = args.resolution;
    });
  },
});

const EDITABLE_FIELDS = ["title", "description", "status", "priority"];

export const editTicket = defineTool({
  name: "edit_ticket",
  description:
    "Change fields of a ticket. Only title, description, status and priority may be given; a null value leaves " +
    "that field as it is.",
  parameters: {
    ticket_id: ticketId("change"),
    // Loose on purpose: an unknown field is upstream's "Invalid fields" error result, not a schema error.
    updates: z
      .looseObject({
        title: z.string().nullable().optional().describe("New title."),
        description: z.string().nullable().optional().describe("New description."),
        status: z.string().nullable().optional().describe("New status."),
        priority: z.number().int().nullable().optional().describe("New priority."),
      })
      .describe("The fields to change and their new values."),
  },
  latency: "medium",
  mutates: true,
  resources: theTicket,
  run: (state: TicketsState, args) => {
    const ticket = findTicket(state, args.ticket_id);
    if (ticket === undefined) return notFound(args.ticket_id);
    const invalid = Object.keys(args.updates).filter((field) => !EDITABLE_FIELDS.includes(field));
    if (invalid.length > 0) return { error: `Invalid fields for update: ${invalid.join(", ")}` };
    for (const [field, value] of Object.entries(args.updates)) {
      if (value !== null && value !== undefined) ticket[field] = value;
    }
    return { status: `Ticket ${args.ticket_id} has been updated successfully.` };
  },
});

export const getUserTickets = defineTool({
  name: "get_user_tickets",
  description:
    "List the tickets the logged-in user created, optionally only those with a given status (case-insensitive). " +
    "Returns a list.",
  parameters: {
    status: z.string().optional().describe("Keep only tickets with this status. Leave out for all."),
  },
  latency: "medium",
  mutates: false,
  resources: () => [SESSION_RESOURCE, ALL_TICKETS_RESOURCE],
  run: (state: TicketsState, args) => {
    // Upstream answers a one-element list holding the error here, not a bare error dictionary.
    if (!state.current_user) return [{ error: "User not authenticated. Please log in to view tickets." }];
    const mine = state.ticket_queue.filter((ticket, index) => {
      if (!("created_by" in ticket)) throw new ToolError(`ticket_queue entry ${index} has no created_by`);
      return ticket.created_by === state.current_user;
    });
    const status = args.status?.toLowerCase();
    if (!status) return copy(mine);
    return copy(
      mine.filter((ticket, index) => {
        if (typeof ticket.status !== "string")
          throw new ToolError(`ticket ${ticket.id ?? index} has no text status`);
        return ticket.status.toLowerCase() === status;
      }),
    );
  },
});

export const TICKET_TOOLS = [createTicket, getTicket, closeTicket, resolveTicket, editTicket, getUserTickets];

/**
 * State of the tickets domain: BFCL v3 TicketAPI. Field names and shapes are upstream's public
 * attributes as the recorded BFCL trace writes them.
 */
import { z } from "zod";

/**
 * A ticket id. Upstream's schema says integer, but recorded configs also hold string ids
 * (e.g. "ticket_001") and upstream compares whatever it is given, so both are accepted.
 */
export const TicketId = z.union([z.number().int(), z.string().min(1)]);
export type TicketId = z.infer<typeof TicketId>;

/**
 * A ticket. Tickets made by `create_ticket` carry id, title, description, status, priority and
 * created_by (and resolution once resolved). Recorded configs hold partial or extra fields,
 * priorities such as "High", even entries without an id (`{"ticket_001": {…}}`), so every field
 * is optional; upstream fails when a lookup meets an entry without an id, and so do we.
 */
export const Ticket = z.looseObject({ id: TicketId.optional() });
export type Ticket = z.infer<typeof Ticket>;

/**
 * Partial config → full state. Accepts a BFCL `initial_config.TicketAPI` object or a recorded
 * `initial_state`; missing fields take upstream's class defaults.
 */
export const TicketsState = z.strictObject({
  ticket_queue: z.array(Ticket).default([]),
  /** Id of the next ticket. */
  ticket_counter: z.number().int().default(1),
  /** Username of the logged-in user, or null. */
  current_user: z.string().nullable().default(null),
});
export type TicketsState = z.infer<typeof TicketsState>;

export const ticketResource = (id: TicketId): string => `tickets:ticket:${id}`;
/** The logged-in user: login and logout change it; creating and listing tickets read it. */
export const SESSION_RESOURCE = "tickets:session";
/** Creating draws the next id, so two creations depend on each other's order. */
export const COUNTER_RESOURCE = "tickets:ticket-counter";
/** Every ticket (covers `tickets:ticket:<id>`). */
export const ALL_TICKETS_RESOURCE = "tickets:ticket";

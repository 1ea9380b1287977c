/**
 * The tickets domain: BFCL v3 TicketAPI (9 functions), a support-ticket queue behind a login.
 * Names, parameters, defaults, results and `{"error": …}` dictionaries follow upstream at commit
 * ea13468e; descriptions are ours.
 *
 * Resources: `tickets:ticket:<id>` per ticket (`tickets:ticket` = all of them),
 * `tickets:ticket-counter` for creation (ids depend on creation order) and `tickets:session` for
 * the logged-in user. Names are hierarchical by `:` segment.
 *
 * Deviations: ticket ids may also be strings (recorded configs hold some; upstream's schema says
 * integer); `edit_ticket` lists unknown fields in the order given (upstream: set order).
 */
import { defineDomain } from "../../domain.ts";
import { SESSION_TOOLS } from "./session-tools.ts";
import { TicketsState } from "./state.ts";
import { TICKET_TOOLS } from "./ticket-tools.ts";

export const ticketsDomain = defineDomain<TicketsState>({
  name: "tickets",
  description:
    "A support-ticket system (login required to create or list your tickets): create, read, edit, close and " +
    "resolve tickets.",
  config: TicketsState,
  tools: [...SESSION_TOOLS, ...TICKET_TOOLS],
});

export type { TicketsState } from "./state.ts";

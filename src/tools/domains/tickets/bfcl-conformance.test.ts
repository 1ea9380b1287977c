/** TicketAPI against the recorded BFCL v3 base trace and its function docs. */
import { describeBfclConformance } from "../testing/bfcl-conformance.ts";
import { ticketsDomain } from "./index.ts";

describeBfclConformance({
  className: "TicketAPI",
  domain: ticketsDomain,
  calls: { moreThan: 40 },
  signatures: true,
});

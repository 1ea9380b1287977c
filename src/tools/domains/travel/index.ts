/**
 * The travel domain: BFCL v3 TravelAPI (17 functions), flight booking behind an OAuth-like token,
 * with credit cards, a budget limit, insurance and invoices. Names, parameters, defaults, results
 * and `{"error": …}` values follow upstream at commit ea13468e; descriptions are ours. Tokens and
 * ids come from CPython's `random.Random(141053)` (or the config's `random_seed`), so they equal
 * upstream's: e.g. the first booking id is "3426812".
 *
 * Resources: `travel:session` (token, its remaining uses, user names), `travel:budget`,
 * `travel:cards` (the set of cards), `travel:card:<id>`, `travel:booking:<id>` and
 * `travel:id-generator` (every generated id depends on the order of the drawing calls). Tools
 * that create an id also name the one they will create (peeked from the generator).
 *
 * Deviations: "today" for the traveller's age is fixed at 2024-09-01 (upstream uses the machine's
 * clock); the invalid-class message lists the classes in a fixed order (upstream prints a Python
 * set, whose order varies between processes); long-context mode is not ported. As upstream, a
 * call with a wrong access token uses up one of the token's uses, even on tools that only read.
 */
import { defineDomain } from "../../domain.ts";
import { ACCOUNT_TOOLS } from "./account-tools.ts";
import { BOOKING_TOOLS } from "./booking-tools.ts";
import { FLIGHT_TOOLS } from "./flight-tools.ts";
import { TravelState } from "./state.ts";

export const travelDomain = defineDomain<TravelState>({
  name: "travel",
  description:
    "Flight booking (access token required for most actions): airports and fares, currency conversion, credit " +
    "cards, bookings, invoices, insurance, a budget limit and customer support.",
  config: TravelState,
  tools: [...ACCOUNT_TOOLS, ...FLIGHT_TOOLS, ...BOOKING_TOOLS],
});

export type { TravelState } from "./state.ts";

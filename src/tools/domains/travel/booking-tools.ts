/** Travel tools for bookings: book, cancel, invoice, insurance and customer support. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { accessToken, parseDay } from "./account-tools.ts";
import { flightCost } from "./flight-tools.ts";
import {
  type Booking,
  BUDGET_RESOURCE,
  bookingResource,
  cardResource,
  draw,
  ID_GENERATOR_RESOURCE,
  ID_RANGES,
  peek,
  SESSION_RESOURCE,
  type TravelState,
  tokenProblem,
} from "./state.ts";
import { AIRPORTS, CLASS_FACTORS } from "./travel-data.ts";

const bookingId = z.string().describe("Id of the booking (from book_flight).");
const cardId = z
  .string()
  .describe("Id of the registered card (from register_credit_card or get_all_credit_cards).");

/** A field of a stored booking; upstream fails on bookings that lack it (recorded configs hold such). */
function bookingField(booking: Booking, id: string, field: string): unknown {
  if (!Object.hasOwn(booking, field)) throw new ToolError(`booking ${id} has no ${field}`);
  return booking[field];
}

export const bookFlight = defineTool({
  name: "book_flight",
  description:
    "Book a one-way flight between two airport codes, paid with a registered card (needs the access token). " +
    "The card must cover the fare and hold at least the budget limit. Returns booking and transaction ids.",
  parameters: {
    access_token: accessToken,
    card_id: cardId,
    travel_date: z.string().describe('Travel date, "YYYY-MM-DD".'),
    travel_from: z.string().describe("Departure airport code, e.g. SFO."),
    travel_to: z.string().describe("Arrival airport code, e.g. LAX."),
    travel_class: z.string().describe('"economy", "business" or "first".'),
  },
  latency: "very-slow",
  mutates: true,
  resources: (args, state: TravelState) => [
    SESSION_RESOURCE,
    BUDGET_RESOURCE,
    cardResource(args.card_id),
    ID_GENERATOR_RESOURCE,
    bookingResource(String(peek(state, ID_RANGES.booking))),
  ],
  run: (state: TravelState, args) => {
    const failed = (error: string) => ({ booking_status: false, error });
    const problem = tokenProblem(state, args.access_token);
    if (problem !== undefined) return failed(problem);
    if (!Object.hasOwn(state.credit_card_list, args.card_id)) return failed("Card not registered");
    const card = state.credit_card_list[args.card_id]!;
    if (card.balance === undefined) return failed("Balance not found");
    if (!AIRPORTS.includes(args.travel_from))
      return failed(`Invalid departure airport code: ${args.travel_from}`);
    if (!AIRPORTS.includes(args.travel_to))
      return failed(`Invalid destination airport code: ${args.travel_to}`);
    if (parseDay(args.travel_date) === undefined) return failed("Invalid date format. Use YYYY-MM-DD.");
    if (!Object.hasOwn(CLASS_FACTORS, args.travel_class)) {
      // Upstream prints a Python set here, whose order varies between processes.
      return failed("Invalid travel class. Must be one of {'economy', 'business', 'first'}");
    }
    let cost: number;
    try {
      cost = flightCost(args.travel_from, args.travel_to, args.travel_date, args.travel_class);
    } catch (error) {
      if (error instanceof ToolError) return failed(error.message);
      throw error;
    }
    if (card.balance < cost) return failed("Insufficient funds");
    if (state.budget_limit !== null && card.balance < state.budget_limit) {
      return failed("Balance is less than budget limit");
    }
    card.balance -= cost;
    const [booking, transaction] = draw(state, ID_RANGES.booking, ID_RANGES.transaction).map(String) as [
      string,
      string,
    ];
    state.booking_record[booking] = {
      card_id: args.card_id,
      travel_date: args.travel_date,
      travel_from: args.travel_from,
      travel_to: args.travel_to,
      travel_class: args.travel_class,
      travel_cost: cost,
      transaction_id: transaction,
    };
    return { booking_id: booking, transaction_id: transaction, booking_status: true, booking_history: {} };
  },
});

export const cancelBooking = defineTool({
  name: "cancel_booking",
  description: "Cancel a booking and refund its cost to the card that paid (needs the access token).",
  parameters: { access_token: accessToken, booking_id: bookingId },
  latency: "slow",
  mutates: true,
  resources: (args, state: TravelState) => {
    const paidWith = state.booking_record[args.booking_id]?.card_id;
    return [
      SESSION_RESOURCE,
      bookingResource(args.booking_id),
      ...(Object.hasOwn(state.booking_record, args.booking_id) && typeof paidWith === "string"
        ? [cardResource(paidWith)]
        : []),
    ];
  },
  run: (state: TravelState, args) => {
    const problem = tokenProblem(state, args.access_token);
    if (problem !== undefined) return { cancel_status: false, error: problem };
    if (!Object.hasOwn(state.booking_record, args.booking_id)) {
      return { cancel_status: false, error: "Booking not found" };
    }
    const booking = state.booking_record[args.booking_id]!;
    const paidWith = String(bookingField(booking, args.booking_id, "card_id"));
    const cost = bookingField(booking, args.booking_id, "travel_cost") as number;
    const card = Object.hasOwn(state.credit_card_list, paidWith)
      ? state.credit_card_list[paidWith]
      : undefined;
    if (card?.balance === undefined)
      throw new ToolError(`card ${paidWith} of booking ${args.booking_id} is gone`);
    card.balance += cost;
    delete state.booking_record[args.booking_id];
    return { cancel_status: true };
  },
});

const INVOICE_FIELDS = [
  "travel_date",
  "travel_from",
  "travel_to",
  "travel_class",
  "travel_cost",
  "transaction_id",
];

export const retrieveInvoice = defineTool({
  name: "retrieve_invoice",
  description:
    "The invoice of a booking: date, route, class, cost and transaction id (needs the access token).",
  parameters: {
    access_token: accessToken,
    booking_id: bookingId.nullable().optional(),
    insurance_id: z.string().nullable().optional().describe("Id of an insurance (accepted and ignored)."),
  },
  latency: "medium",
  mutates: false,
  resources: (args) => [SESSION_RESOURCE, ...(args.booking_id ? [bookingResource(args.booking_id)] : [])],
  run: (state: TravelState, args) => {
    const problem = tokenProblem(state, args.access_token);
    if (problem !== undefined) return { error: problem };
    const id = args.booking_id;
    if (typeof id !== "string" || !Object.hasOwn(state.booking_record, id))
      return { error: "Booking not found" };
    const booking = state.booking_record[id]!;
    const fields = INVOICE_FIELDS.map((field) => [field, structuredClone(bookingField(booking, id, field))]);
    return { invoice: { booking_id: id, ...Object.fromEntries(fields) } };
  },
});

export const purchaseInsurance = defineTool({
  name: "purchase_insurance",
  description:
    "Buy travel insurance for a booking, charged to a registered card (needs the access token; the cost may " +
    "not exceed the budget limit). Returns the insurance id.",
  parameters: {
    access_token: accessToken,
    insurance_type: z.string().describe('Kind of insurance, e.g. "comprehensive".'),
    insurance_cost: z.number().describe("Price of the insurance in USD."),
    booking_id: bookingId,
    card_id: cardId,
  },
  latency: "slow",
  mutates: true,
  resources: (args) => [
    SESSION_RESOURCE,
    BUDGET_RESOURCE,
    bookingResource(args.booking_id),
    cardResource(args.card_id),
    ID_GENERATOR_RESOURCE,
  ],
  run: (state: TravelState, args) => {
    const failed = (error: string) => ({ insurance_status: false, error });
    const problem = tokenProblem(state, args.access_token);
    if (problem !== undefined) return failed(problem);
    if (state.budget_limit !== null && state.budget_limit < args.insurance_cost)
      return failed("Exceeded budget limit");
    if (!Object.hasOwn(state.booking_record, args.booking_id)) return failed("Booking not found");
    if (!Object.hasOwn(state.credit_card_list, args.card_id)) return failed("Credit card not registered");
    const card = state.credit_card_list[args.card_id]!;
    if (card.balance === undefined) throw new ToolError(`card ${args.card_id} has no balance`);
    card.balance -= args.insurance_cost;
    const [insurance] = draw(state, ID_RANGES.insurance);
    return { insurance_id: String(insurance), insurance_status: true };
  },
});

export const contactCustomerSupport = defineTool({
  name: "contact_customer_support",
  description: "Send a message about a booking to customer support and get their reply.",
  parameters: { booking_id: bookingId, message: z.string().describe("What to tell customer support.") },
  latency: "slow",
  mutates: false,
  resources: (args) => [bookingResource(args.booking_id)],
  run: (state: TravelState, args) => {
    if (!Object.hasOwn(state.booking_record, args.booking_id)) return { error: "Booking not found" };
    return {
      customer_support_message:
        "Thank you for contacting customer support. Your message has been received and we will get back to you " +
        "shortly.",
    };
  },
});

export const BOOKING_TOOLS = [
  bookFlight,
  cancelBooking,
  retrieveInvoice,
  purchaseInsurance,
  contactCustomerSupport,
];

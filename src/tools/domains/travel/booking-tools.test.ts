import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { ToolError } from "../../tool.ts";
import { callTool, toolResources } from "../testing/call-tool.ts";
import { travelDomain } from "./index.ts";
import type { TravelState } from "./state.ts";

const fresh = (config: Record<string, unknown> = {}): TravelState =>
  initialState(travelDomain, config, "test.json");
const run = (state: TravelState, name: string, args: object = {}) =>
  callTool(travelDomain, state, name, args);
/** A session with token "tok", card "c1" (balance 1000) and the default seed. */
const session = (config: Record<string, unknown> = {}) =>
  fresh({
    access_token: "tok",
    token_expires_in: 2,
    credit_card_list: { c1: { balance: 1000 } },
    ...config,
  });
const flight = {
  access_token: "tok",
  card_id: "c1",
  travel_date: "2024-11-10",
  travel_from: "SFO",
  travel_to: "LAX",
  travel_class: "business",
};

describe("book_flight", () => {
  it("charges the fare, stores the booking and draws upstream's first ids", () => {
    const state = session();
    expect(run(state, "book_flight", flight)).toEqual({
      booking_id: "3426812",
      transaction_id: "45451592",
      booking_status: true,
      booking_history: {},
    });
    expect(state.credit_card_list.c1!.balance).toBe(600);
    expect(state.booking_record["3426812"]).toEqual({
      card_id: "c1",
      travel_date: "2024-11-10",
      travel_from: "SFO",
      travel_to: "LAX",
      travel_class: "business",
      travel_cost: 400,
      transaction_id: "45451592",
    });
  });

  it("names the booking it will create", () => {
    expect(toolResources(travelDomain, session(), "book_flight", flight)).toEqual([
      "travel:session",
      "travel:budget",
      "travel:card:c1",
      "travel:id-generator",
      "travel:booking:3426812",
    ]);
  });

  it.each([
    [{ token_expires_in: 0 }, {}, "Token expired"],
    [{}, { access_token: "bad" }, "Invalid access token"],
    [{}, { card_id: "c9" }, "Card not registered"],
    [{ credit_card_list: { c1: { number: "1" } } }, {}, "Balance not found"],
    [{}, { travel_from: "XXX" }, "Invalid departure airport code: XXX"],
    [{}, { travel_to: "YYY" }, "Invalid destination airport code: YYY"],
    [{}, { travel_date: "10/11/2024" }, "Invalid date format. Use YYYY-MM-DD."],
    [
      {},
      { travel_class: "premium" },
      "Invalid travel class. Must be one of {'economy', 'business', 'first'}",
    ],
    [{}, { travel_from: "SBK", travel_to: "RMS" }, "No available route for the given airports."],
    [{ credit_card_list: { c1: { balance: 399 } } }, {}, "Insufficient funds"],
    [{ budget_limit: 1000.5 }, {}, "Balance is less than budget limit"],
  ])("refuses (config %j, change %j): %s", (config, change, error) => {
    const state = session(config);
    expect(run(state, "book_flight", { ...flight, ...change })).toEqual({ booking_status: false, error });
    expect(state.booking_record).toEqual({});
    expect(state._random).toEqual(session(config)._random);
  });
});

describe("cancel_booking", () => {
  it("refunds the card and removes the booking", () => {
    const state = session();
    run(state, "book_flight", flight);
    expect(run(state, "cancel_booking", { access_token: "tok", booking_id: "3426812" })).toEqual({
      cancel_status: true,
    });
    expect(state.booking_record).toEqual({});
    expect(state.credit_card_list.c1!.balance).toBe(1000);
  });

  it.each([
    [
      { access_token: "bad", booking_id: "3426812" },
      { cancel_status: false, error: "Invalid access token" },
    ],
    [
      { access_token: "tok", booking_id: "1" },
      { cancel_status: false, error: "Booking not found" },
    ],
  ])("refuses %j", (args, expected) => {
    const state = session();
    run(state, "book_flight", flight);
    expect(run(state, "cancel_booking", args)).toEqual(expected);
    expect(Object.keys(state.booking_record)).toEqual(["3426812"]);
  });

  it("fails on a recorded booking without the fields upstream reads", () => {
    const state = session({ booking_record: { b1: { flight_number: "UA1" } } });
    expect(() => run(state, "cancel_booking", { access_token: "tok", booking_id: "b1" })).toThrow(ToolError);
    expect(state.booking_record).toHaveProperty("b1");
  });
});

describe("retrieve_invoice", () => {
  it("returns the booking's invoice", () => {
    const state = session();
    run(state, "book_flight", flight);
    expect(run(state, "retrieve_invoice", { access_token: "tok", booking_id: "3426812" })).toEqual({
      invoice: {
        booking_id: "3426812",
        travel_date: "2024-11-10",
        travel_from: "SFO",
        travel_to: "LAX",
        travel_class: "business",
        travel_cost: 400,
        transaction_id: "45451592",
      },
    });
  });

  it.each([
    [{ access_token: "tok" }, { error: "Booking not found" }],
    [{ access_token: "tok", booking_id: "1", insurance_id: "9" }, { error: "Booking not found" }],
    [{ access_token: "bad", booking_id: "3426812" }, { error: "Invalid access token" }],
  ])("refuses %j", (args, expected) => {
    const state = session();
    run(state, "book_flight", flight);
    expect(run(state, "retrieve_invoice", args)).toEqual(expected);
  });
});

describe("purchase_insurance", () => {
  const insurance = {
    access_token: "tok",
    insurance_type: "comprehensive",
    insurance_cost: 50,
    booking_id: "3426812",
    card_id: "c1",
  };

  it("charges the card and draws the next id", () => {
    const state = session();
    run(state, "book_flight", flight);
    expect(run(state, "purchase_insurance", insurance)).toEqual({
      insurance_id: "498276044",
      insurance_status: true,
    });
    expect(state.credit_card_list.c1!.balance).toBe(550);
  });

  it.each([
    [{ token_expires_in: 0 }, {}, "Token expired"],
    [{}, { access_token: "bad" }, "Invalid access token"],
    [{ budget_limit: 49 }, {}, "Exceeded budget limit"],
    [{}, { booking_id: "1" }, "Booking not found"],
    [{}, { card_id: "c9" }, "Credit card not registered"],
  ])("refuses (config %j, change %j): %s", (config, change, error) => {
    const state = session({ booking_record: { "3426812": { card_id: "c1", travel_cost: 1 } }, ...config });
    expect(run(state, "purchase_insurance", { ...insurance, ...change })).toEqual({
      insurance_status: false,
      error,
    });
    expect(state.credit_card_list.c1!.balance).toBe(1000);
  });
});

describe("contact_customer_support", () => {
  it("answers for a known booking and refuses an unknown one", () => {
    const state = session({ booking_record: { b1: {} } });
    expect(run(state, "contact_customer_support", { booking_id: "b1", message: "hi" })).toEqual({
      customer_support_message:
        "Thank you for contacting customer support. Your message has been received and we will get back to you shortly.",
    });
    expect(run(state, "contact_customer_support", { booking_id: "b2", message: "hi" })).toEqual({
      error: "Booking not found",
    });
  });
});

describe("determinism", () => {
  it.each([
    ["book_flight", flight],
    ["cancel_booking", { access_token: "tok", booking_id: "1" }],
    [
      "purchase_insurance",
      { access_token: "tok", insurance_type: "x", insurance_cost: 1, booking_id: "1", card_id: "c1" },
    ],
  ])("%s gives the same result and state from the same state and arguments", (name, args) => {
    const first = session();
    const second = session();
    expect(run(first, name, args)).toEqual(run(second, name, args));
    expect(first).toEqual(second);
  });

  it("an authenticated session books with upstream's second booking id", () => {
    const state = fresh({ credit_card_list: { c1: { balance: 1000 } } });
    const { access_token } = run(state, "authenticate_travel", {
      client_id: "c",
      client_secret: "s",
      refresh_token: "r",
      grant_type: "read_write",
      user_first_name: "A",
      user_last_name: "B",
    }) as { access_token: string };
    expect(access_token).toBe("251675");
    expect(run(state, "book_flight", { ...flight, access_token })).toMatchObject({ booking_id: "5431449" });
  });
});

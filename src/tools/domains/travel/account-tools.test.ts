import { describe, expect, it } from "vitest";
import { PythonRandom } from "../../../core/python-random.ts";
import { initialState } from "../../domain.ts";
import { ToolError } from "../../tool.ts";
import { callTool, toolResources } from "../testing/call-tool.ts";
import { travelDomain } from "./index.ts";
import type { TravelState } from "./state.ts";

const fresh = (config: Record<string, unknown> = {}): TravelState =>
  initialState(travelDomain, config, "test.json");
const run = (state: TravelState, name: string, args: object = {}) =>
  callTool(travelDomain, state, name, args);
const login = {
  client_id: "c",
  client_secret: "s",
  refresh_token: "r",
  grant_type: "read_write",
  user_first_name: "Ana",
  user_last_name: "Lee",
};
/** A logged-in state with token "tok" and one card. */
const session = (config: Record<string, unknown> = {}) =>
  fresh({
    access_token: "tok",
    token_type: "Bearer",
    token_expires_in: 2,
    user_first_name: "Ana",
    user_last_name: "Lee",
    credit_card_list: { card_1: { card_number: "4111", balance: 1000 } },
    ...config,
  });

describe("travel config", () => {
  it("fills upstream's class defaults and seeds the generator with 141053", () => {
    expect(fresh()).toEqual({
      credit_card_list: {},
      booking_record: {},
      access_token: null,
      token_type: null,
      token_expires_in: null,
      token_scope: null,
      user_first_name: null,
      user_last_name: null,
      budget_limit: null,
      long_context: false,
      _random: PythonRandom.seeded(141053).getState(),
    });
  });

  it("ignores fields upstream does not know, takes random_seed, and keeps its own state", () => {
    const state = fresh({ travel_mode: "car", random_seed: 5 });
    expect(state).not.toHaveProperty("travel_mode");
    expect(state).not.toHaveProperty("random_seed");
    expect(state._random).toEqual(PythonRandom.seeded(5).getState());
    run(state, "authenticate_travel", login);
    expect(fresh(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it.each([
    [{ token_expires_in: "2" }, /test\.json: token_expires_in/],
    [{ credit_card_list: { a: { balance: "x" } } }, /test\.json: credit_card_list\.a\.balance/],
    [{ long_context: true }, /long_context mode/],
  ])("names the file and field of a bad config %j", (config, message) => {
    expect(() => fresh(config)).toThrow(message);
  });
});

describe("authenticate_travel and travel_get_login_status", () => {
  it("draws upstream's first token and stores the session", () => {
    const state = fresh();
    expect(run(state, "travel_get_login_status")).toEqual({ status: false });
    expect(run(state, "authenticate_travel", login)).toEqual({
      expires_in: 2,
      access_token: "251675",
      token_type: "Bearer",
      scope: "read_write",
    });
    expect(state).toMatchObject({
      access_token: "251675",
      token_expires_in: 2,
      token_scope: "read_write",
      user_first_name: "Ana",
      user_last_name: "Lee",
    });
    expect(run(state, "travel_get_login_status")).toEqual({ status: true });
  });

  it("counts an expired token as logged out", () => {
    expect(run(session({ token_expires_in: 0 }), "travel_get_login_status")).toEqual({ status: false });
  });
});

describe("the token gate (shared by every call that takes an access token)", () => {
  it("spends one use per wrong token and then reports the token expired", () => {
    const state = session();
    expect(run(state, "set_budget_limit", { access_token: "bad", budget_limit: 5 })).toEqual({
      error: "Invalid access token",
    });
    expect(state.token_expires_in).toBe(1);
    expect(run(state, "get_credit_card_balance", { access_token: "bad", card_id: "card_1" })).toEqual({
      error: "Invalid access token",
    });
    expect(run(state, "set_budget_limit", { access_token: "tok", budget_limit: 5 })).toEqual({
      error: "Token expired",
    });
    expect(state.budget_limit).toBeNull();
  });

  it("fails like upstream when a wrong token meets a session that never had one", () => {
    expect(() => run(fresh(), "set_budget_limit", { access_token: "x", budget_limit: 5 })).toThrow(ToolError);
  });
});

describe("get_budget_fiscal_year", () => {
  it("always answers 2018", () => {
    expect(run(fresh(), "get_budget_fiscal_year")).toEqual({ budget_fiscal_year: "2018" });
    expect(
      run(fresh(), "get_budget_fiscal_year", {
        lastModifiedAfter: "2016-03-29T16:12:20",
        includeRemoved: null,
      }),
    ).toEqual({
      budget_fiscal_year: "2018",
    });
  });
});

describe("register_credit_card", () => {
  const card = {
    card_number: "4111",
    expiration_date: "12/2026",
    cardholder_name: "Ana Lee",
    card_verification_number: 123,
  };

  it("draws upstream's card id and balance after the token", () => {
    const state = fresh();
    run(state, "authenticate_travel", login);
    expect(run(state, "register_credit_card", { access_token: "251675", ...card })).toEqual({
      card_id: "391310425148",
    });
    expect(state.credit_card_list["391310425148"]).toEqual({
      card_number: "4111",
      expiration_date: "12/2026",
      cardholder_name: "Ana Lee",
      card_verification_number: 123,
      balance: 58617,
    });
  });

  it("names the card it will create", () => {
    const state = fresh();
    run(state, "authenticate_travel", login);
    expect(
      toolResources(travelDomain, state, "register_credit_card", { access_token: "251675", ...card }),
    ).toContain("travel:card:391310425148");
  });

  it.each([
    [{}, "tok", card, { error: "Token not initialized" }],
    [{ access_token: "tok", token_expires_in: 0 }, "tok", card, { error: "Token expired" }],
    [{ access_token: "tok", token_expires_in: 2 }, "bad", card, { error: "Invalid access token" }],
    // Upstream looks the card number up among the card ids.
    [
      { access_token: "tok", token_expires_in: 2, credit_card_list: { "4111": { balance: 1 } } },
      "tok",
      card,
      { error: "Card already registered" },
    ],
  ])("refuses (config %j, token %s)", (config, token, args, expected) => {
    const state = fresh(config);
    expect(run(state, "register_credit_card", { access_token: token, ...args })).toEqual(expected);
    expect(Object.keys(state.credit_card_list)).toEqual(Object.keys(fresh(config).credit_card_list));
    expect(state._random).toEqual(fresh(config)._random);
  });
});

describe("cards", () => {
  it("reports one card's balance, or lists the card ids the Python way", () => {
    const state = session({ credit_card_list: { card_1: { balance: 1000 }, "it's": { balance: 2 } } });
    expect(run(state, "get_credit_card_balance", { access_token: "tok", card_id: "card_1" })).toEqual({
      card_balance: 1000,
    });
    expect(run(state, "get_credit_card_balance", { access_token: "tok", card_id: "nope" })).toEqual({
      error: `Card not registered. Here are a list of card_id's: ['card_1', "it's"]`,
    });
  });

  it("lists every card as a copy", () => {
    const state = session();
    const result = run(state, "get_all_credit_cards") as {
      credit_card_list: Record<string, { balance: number }>;
    };
    expect(result).toEqual({ credit_card_list: { card_1: { card_number: "4111", balance: 1000 } } });
    result.credit_card_list.card_1!.balance = 0;
    expect(state.credit_card_list.card_1!.balance).toBe(1000);
  });
});

describe("set_budget_limit", () => {
  it("stores the limit", () => {
    const state = session();
    expect(run(state, "set_budget_limit", { access_token: "tok", budget_limit: 2500 })).toEqual({
      budget_limit: 2500,
    });
    expect(state.budget_limit).toBe(2500);
  });
});

describe("verify_traveler_information", () => {
  const traveller = {
    first_name: "Ana",
    last_name: "Lee",
    date_of_birth: "1990-05-01",
    passport_number: "US123",
  };

  it("accepts the logged-in adult with a US passport", () => {
    expect(run(session(), "verify_traveler_information", traveller)).toEqual({ verification_status: true });
  });

  it.each([
    [{ first_name: "Bo" }, "Cannot book flight information for another user.Expected Ana Lee, got Bo Lee"],
    [{ date_of_birth: "01/05/1990" }, "Invalid date of birth format. Please use YYYY-MM-DD."],
    [{ date_of_birth: "2006-09-02" }, "Traveler must be at least 18 years old."],
    [{ passport_number: "P123" }, "Passport must be issued by the United States."],
  ])("refuses %j", (change, reason) => {
    expect(run(session(), "verify_traveler_information", { ...traveller, ...change })).toEqual({
      verification_status: false,
      verification_failure: reason,
    });
  });

  it("turns 18 on the fixed today, 2024-09-01", () => {
    expect(
      run(session(), "verify_traveler_information", { ...traveller, date_of_birth: "2006-09-01" }),
    ).toEqual({
      verification_status: true,
    });
  });

  it("prints a missing user as None, as Python does", () => {
    expect(run(fresh(), "verify_traveler_information", traveller)).toEqual({
      verification_status: false,
      verification_failure: "Cannot book flight information for another user.Expected None None, got Ana Lee",
    });
  });
});

describe("determinism", () => {
  it.each([
    ["authenticate_travel", login],
    ["set_budget_limit", { access_token: "bad", budget_limit: 1 }],
    [
      "verify_traveler_information",
      { first_name: "Ana", last_name: "Lee", date_of_birth: "1990-01-01", passport_number: "US1" },
    ],
  ])("%s gives the same result and state from the same state and arguments", (name, args) => {
    const first = session();
    const second = session();
    expect(run(first, name, args)).toEqual(run(second, name, args));
    expect(first).toEqual(second);
  });
});

import { describe, expect, it } from "vitest";
import { PythonRandom } from "../../../core/python-random.ts";
import { initialState } from "../../domain.ts";
import { tradingDomain } from "./index.ts";
import { orderKeys, pythonOrderKey, type TradingState, transactionTimestamp } from "./state.ts";

const fresh = (config: Record<string, unknown> = {}): TradingState =>
  initialState(tradingDomain, config, "test.json");

describe("trading config", () => {
  it("fills upstream's class defaults", () => {
    const state = fresh();
    expect(state.authenticated).toBe(false);
    expect(state.market_status).toBe("Closed");
    expect(state.order_counter).toBe(12446);
    expect(Object.keys(state.orders)).toEqual(["12345", "12446"]);
    expect(Object.keys(state.stocks)).toHaveLength(11);
    expect(state.stocks.ZETA).toEqual({
      price: 22.09,
      percent_change: -0.05,
      volume: 0.789,
      "MA(5)": 22.12,
      "MA(20)": 22.34,
    });
    expect(state.account_info).toEqual({ account_id: 12345, balance: 10000, binding_card: 1974202140965533 });
    expect(state.watch_list).toEqual(["NVDA"]);
    expect(state.transaction_history).toEqual([]);
    expect(state.long_context).toBe(false);
    expect(state._random).toEqual(PythonRandom.seeded(1053520).getState());
  });

  it("gives every state its own copy of the defaults", () => {
    const first = fresh();
    first.watch_list.push("AAPL");
    first.stocks.AAPL!.price = 1;
    expect(fresh().watch_list).toEqual(["NVDA"]);
    expect(fresh().stocks.AAPL!.price).toBe(227.16);
  });

  it("replaces a whole field when the config gives it (no merging, as upstream)", () => {
    const state = fresh({ stocks: { XTC: { price: 1, percent_change: 0 } }, orders: {} });
    expect(Object.keys(state.stocks)).toEqual(["XTC"]);
    expect(state.orders).toEqual({});
  });

  it("keeps odd recorded order entries and turns digit keys into Python ints", () => {
    const state = fresh({ orders: { "0042": { symbol: "AAPL", num_shares: 3 }, order_type: "Buy" } });
    expect(state.orders).toEqual({ "42": { symbol: "AAPL", num_shares: 3 }, order_type: "Buy" });
    expect(orderKeys(state).map(pythonOrderKey)).toEqual([42, "order_type"]);
  });

  it("seeds the timestamp generator from random_seed and drops the config-only field", () => {
    const state = fresh({ random_seed: 7 });
    expect(state).not.toHaveProperty("random_seed");
    expect(state._random).toEqual(PythonRandom.seeded(7).getState());
  });

  it("accepts its own state back, internal fields included", () => {
    const state = fresh();
    transactionTimestamp(state);
    const copy = JSON.parse(JSON.stringify(state));
    expect(fresh(copy)).toEqual(state);
  });

  it.each([
    [{ authenticated: "yes" }, /test\.json: authenticated/],
    [{ order_counter: 1.5 }, /test\.json: order_counter/],
    [{ stocks: { AAPL: { price: 1 } } }, /test\.json: stocks\.AAPL\.percent_change/],
    [{ long_context: true }, /long_context mode/],
    [{ unknown_field: 1 }, /unknown_field/],
  ])("names the file and field of a bad config %j", (config, message) => {
    expect(() => fresh(config)).toThrow(message);
  });
});

describe("transactionTimestamp", () => {
  // CPython: random.Random(seed).randint over CURRENT_TIME .. CURRENT_TIME + 1 day, as upstream.
  it.each([
    [1053520, ["2024-09-02 05:40:15", "2024-09-01 12:26:34", "2024-09-02 04:29:48"]],
    [7, ["2024-09-01 22:17:25", "2024-09-01 15:59:32"]],
  ])("seed %i gives upstream's timestamps", (seed, expected) => {
    const state = fresh({ random_seed: seed });
    expect(expected.map(() => transactionTimestamp(state))).toEqual(expected);
  });
});

import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { ToolError } from "../../tool.ts";
import { callTool, toolResources } from "../testing/call-tool.ts";
import { tradingDomain } from "./index.ts";
import type { TradingState } from "./state.ts";

const fresh = (config: Record<string, unknown> = {}): TradingState =>
  initialState(tradingDomain, config, "test.json");
const run = (state: TradingState, name: string, args: object = {}) =>
  callTool(tradingDomain, state, name, args);

describe("get_current_time and update_market_status", () => {
  it("reports upstream's fixed clock", () => {
    expect(run(fresh(), "get_current_time")).toEqual({ current_time: "10:30 AM" });
  });

  it.each([
    ["10:30 AM", "Open"],
    ["9:30 AM", "Open"],
    ["04:00 PM", "Open"],
    ["4:01 PM", "Closed"],
    ["9:29 am", "Closed"],
    ["12:00 AM", "Closed"],
    ["12:00 PM", "Open"],
  ])("%s → %s", (time, status) => {
    const state = fresh({ market_status: status === "Open" ? "Closed" : "Open" });
    expect(run(state, "update_market_status", { current_time_str: time })).toEqual({ status });
    expect(state.market_status).toBe(status);
  });

  it("fails like Python's strptime on a malformed time and leaves the status alone", () => {
    const state = fresh();
    expect(() => run(state, "update_market_status", { current_time_str: "15:00" })).toThrow(ToolError);
    expect(() => run(state, "update_market_status", { current_time_str: "15:00" })).toThrow(
      "time data '15:00' does not match format '%I:%M %p'",
    );
    expect(state.market_status).toBe("Closed");
  });
});

describe("symbols, quotes and sectors", () => {
  it.each([
    ["Apple", "AAPL"],
    ["Zeta Corp", "ZETA"],
    ["Quasar Ltd.", "QUAS"],
    ["Amazon", "AMZN"],
    ["apple", "Stock not found"],
    ["toString", "Stock not found"],
  ])("get_symbol_by_name(%s) → %s", (name, symbol) => {
    expect(run(fresh(), "get_symbol_by_name", { name })).toEqual({ symbol });
  });

  it("get_stock_info returns a copy of the quote", () => {
    const state = fresh();
    const quote = run(state, "get_stock_info", { symbol: "NVDA" }) as Record<string, number>;
    expect(quote).toEqual({
      price: 220.34,
      percent_change: 0.34,
      volume: 1.234,
      "MA(5)": 220.45,
      "MA(20)": 220.67,
    });
    quote.price = 0;
    expect(state.stocks.NVDA!.price).toBe(220.34);
  });

  it("get_stock_info reports an unknown symbol", () => {
    expect(run(fresh(), "get_stock_info", { symbol: "XYZ" })).toEqual({
      error: "Stock with symbol 'XYZ' not found.",
    });
  });

  it.each([
    ["Technology", ["AAPL", "GOOG", "MSFT", "NVDA"]],
    ["Automobile", ["TSLA", "F", "GM"]],
    ["Energy", []],
  ])("get_available_stocks(%s)", (sector, stock_list) => {
    expect(run(fresh(), "get_available_stocks", { sector })).toEqual({ stock_list });
  });
});

describe("filter_stocks_by_price and notify_price_change", () => {
  it("keeps symbols within the inclusive range, in the given order; unknown symbols count as 0", () => {
    const args = { stocks: ["TSLA", "AAPL", "NEPT", "XYZ"], min_price: 0, max_price: 667.92 };
    expect(run(fresh(), "filter_stocks_by_price", args)).toEqual({
      filtered_stocks: ["TSLA", "AAPL", "NEPT", "XYZ"],
    });
    expect(run(fresh(), "filter_stocks_by_price", { ...args, min_price: 88.34, max_price: 300 })).toEqual({
      filtered_stocks: ["AAPL", "NEPT"],
    });
  });

  it("names the symbols whose absolute change reaches the threshold", () => {
    expect(
      run(fresh(), "notify_price_change", { stocks: ["TSLA", "NVDA", "MSFT", "XYZ"], threshold: 0.12 }),
    ).toEqual({
      notification: "Stocks TSLA, NVDA have significant price changes.",
    });
    expect(run(fresh(), "notify_price_change", { stocks: ["MSFT"], threshold: 5 })).toEqual({
      notification: "No significant price changes in the selected stocks.",
    });
  });

  it("claims every listed stock", () => {
    expect(
      toolResources(tradingDomain, fresh(), "notify_price_change", { stocks: ["A", "B"], threshold: 1 }),
    ).toEqual(["trading:stock:A", "trading:stock:B"]);
  });
});

describe("update_stock_price", () => {
  it("sets the price and the percent change from the old price", () => {
    const state = fresh();
    expect(run(state, "update_stock_price", { symbol: "AAPL", new_price: 250 })).toEqual({
      symbol: "AAPL",
      old_price: 227.16,
      new_price: 250,
    });
    expect(state.stocks.AAPL!.price).toBe(250);
    expect(state.stocks.AAPL!.percent_change).toBe(((250 - 227.16) / 227.16) * 100);
  });

  it.each([
    [{ symbol: "XYZ", new_price: 10 }, { error: "Stock with symbol 'XYZ' not found." }],
    [{ symbol: "AAPL", new_price: 0 }, { error: "New price must be a positive value." }],
  ])("refuses %j", (args, expected) => {
    const state = fresh();
    expect(run(state, "update_stock_price", args)).toEqual(expected);
    expect(state).toEqual(fresh());
  });
});

describe("determinism", () => {
  it.each([
    ["update_market_status", { current_time_str: "11:00 AM" }],
    ["filter_stocks_by_price", { stocks: ["AAPL", "GOOG"], min_price: 100, max_price: 1000 }],
    ["update_stock_price", { symbol: "GOOG", new_price: 2900.5 }],
    ["get_stock_info", { symbol: "GOOG" }],
  ])("%s gives the same result and state from the same state and arguments", (name, args) => {
    const first = fresh();
    const second = fresh();
    expect(run(first, name, args)).toEqual(run(second, name, args));
    expect(first).toEqual(second);
  });
});

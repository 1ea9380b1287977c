import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { ToolError } from "../../tool.ts";
import { callTool, toolResources } from "../testing/call-tool.ts";
import { tradingDomain } from "./index.ts";
import type { TradingState } from "./state.ts";

const fresh = (config: Record<string, unknown> = {}): TradingState =>
  initialState(tradingDomain, config, "test.json");
const loggedIn = (config: Record<string, unknown> = {}) => fresh({ authenticated: true, ...config });
const run = (state: TradingState, name: string, args: object = {}) =>
  callTool(tradingDomain, state, name, args);
const buy = { order_type: "Buy", symbol: "TSLA", price: 700, amount: 100 };

describe("place_order", () => {
  it("stores an Open order under the counter, answers Pending and advances the counter", () => {
    const state = loggedIn({ orders: {} });
    expect(run(state, "place_order", buy)).toEqual({
      order_id: 12446,
      order_type: "Buy",
      status: "Pending",
      price: 700,
      amount: 100,
    });
    expect(state.orders["12446"]).toEqual({
      id: 12446,
      order_type: "Buy",
      symbol: "TSLA",
      price: 700,
      amount: 100,
      status: "Open",
    });
    expect(state.order_counter).toBe(12447);
    expect(run(state, "place_order", { ...buy, order_type: "Sell" })).toMatchObject({ order_id: 12447 });
  });

  it("overwrites an order already stored under the counter, as upstream's defaults make it do", () => {
    const state = loggedIn();
    run(state, "place_order", buy);
    expect(state.orders["12446"]).toMatchObject({ symbol: "TSLA", status: "Open" });
    expect(run(state, "get_order_history")).toEqual({ history: [12345, 12446] });
  });

  it.each([
    [{}, buy, { error: "User not authenticated. Please log in to place an order." }],
    [{ authenticated: true }, { ...buy, symbol: "XYZ" }, { error: "Invalid stock symbol: XYZ" }],
    [{ authenticated: true }, { ...buy, price: 0 }, { error: "Price and amount must be positive values." }],
    [{ authenticated: true }, { ...buy, amount: -1 }, { error: "Price and amount must be positive values." }],
  ])("refuses (config %j, args %j)", (config, args, expected) => {
    const state = fresh(config);
    expect(run(state, "place_order", args)).toEqual(expected);
    expect(state).toEqual(fresh(config));
  });

  it("claims the session, the stock, the counter and the new order", () => {
    expect(toolResources(tradingDomain, fresh(), "place_order", buy)).toEqual([
      "trading:session",
      "trading:stock:TSLA",
      "trading:order-counter",
      "trading:order:12446",
    ]);
  });

  it("rejects a fractional amount at the schema", () => {
    expect(() => run(loggedIn(), "place_order", { ...buy, amount: 1.5 })).toThrow();
  });
});

describe("cancel_order", () => {
  it("cancels a pending order", () => {
    const state = fresh();
    expect(run(state, "cancel_order", { order_id: 12446 })).toEqual({ order_id: 12446, status: "Cancelled" });
    expect(state.orders["12446"]).toMatchObject({ status: "Cancelled" });
  });

  it.each([
    [12345, { error: "Can't cancel order 12345. Order is already completed." }],
    [99, { error: "Order with ID 99 not found." }],
  ])("refuses order %i", (order_id, expected) => {
    const state = fresh();
    expect(run(state, "cancel_order", { order_id })).toEqual(expected);
    expect(state).toEqual(fresh());
  });

  it("fails on an entry without a status, where upstream raises", () => {
    const state = fresh({ orders: { 5: { symbol: "AAPL" } } });
    expect(() => run(state, "cancel_order", { order_id: 5 })).toThrow(ToolError);
  });
});

describe("get_order_details", () => {
  it("returns a copy of the order", () => {
    const state = fresh();
    const order = run(state, "get_order_details", { order_id: 12345 }) as Record<string, unknown>;
    expect(order).toEqual({
      id: 12345,
      order_type: "Buy",
      symbol: "AAPL",
      price: 210.65,
      amount: 10,
      status: "Completed",
    });
    order.status = "Open";
    expect(state.orders["12345"]).toMatchObject({ status: "Completed" });
  });

  it("lists the existing keys the Python way when the id is unknown", () => {
    const state = loggedIn({ orders: { 12345: { symbol: "AAPL" }, order_type: "Buy" } });
    run(state, "place_order", buy);
    expect(run(state, "get_order_details", { order_id: 1 })).toEqual({
      error: "Order with ID 1 not found.Here is the list of orders_id: [12345, 'order_type', 12446]",
    });
  });
});

describe("get_order_history", () => {
  it("lists order ids in insertion order", () => {
    const state = loggedIn({ orders: { 12345: { symbol: "AAPL" }, order_type: "Buy" } });
    run(state, "place_order", buy);
    expect(run(state, "get_order_history")).toEqual({ history: [12345, "order_type", 12446] });
  });

  it("answers a list holding the error when logged out", () => {
    expect(run(fresh(), "get_order_history")).toEqual([
      { error: "User not authenticated. Please log in to view order history." },
    ]);
  });

  it("claims every order", () => {
    expect(toolResources(tradingDomain, fresh(), "get_order_history")).toEqual([
      "trading:session",
      "trading:order-counter",
      "trading:order:12345",
      "trading:order:12446",
    ]);
  });
});

describe("determinism", () => {
  it.each([
    ["place_order", buy],
    ["cancel_order", { order_id: 12446 }],
    ["get_order_details", { order_id: 7 }],
    ["get_order_history", {}],
  ])("%s gives the same result and state from the same state and arguments", (name, args) => {
    const first = loggedIn();
    const second = loggedIn();
    expect(run(first, name, args)).toEqual(run(second, name, args));
    expect(first).toEqual(second);
  });
});

/** Trading tools for stock orders: place, cancel, inspect and list. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { pythonStringRepr } from "./python-datetime.ts";
import {
  ORDER_COUNTER_RESOURCE,
  orderKeys,
  orderResource,
  pythonOrderKey,
  SESSION_RESOURCE,
  stockResource,
  storeOrder,
  type TradingState,
} from "./state.ts";

const orderId = (what: string) => z.number().int().describe(`Id of the order to ${what}.`);

/** Python's `str(list(self.orders.keys()))`: ints bare, strings quoted. */
function pythonKeyList(state: TradingState): string {
  const keys = orderKeys(state).map((key) => {
    const value = pythonOrderKey(key);
    return typeof value === "number" ? String(value) : pythonStringRepr(value);
  });
  return `[${keys.join(", ")}]`;
}

export const placeOrder = defineTool({
  name: "place_order",
  description:
    "Place a Buy or Sell order for a stock (log in first with trading_login). Answers with the new order id " +
    'and status "Pending"; the stored order then shows as "Open".',
  parameters: {
    order_type: z.string().describe('"Buy" or "Sell".'),
    symbol: z.string().describe("Ticker symbol to trade."),
    price: z.number().describe("Limit price per share; must be positive."),
    amount: z.number().int().describe("Number of shares; must be positive."),
  },
  latency: "slow",
  mutates: true,
  resources: (args, state: TradingState) => [
    SESSION_RESOURCE,
    stockResource(args.symbol),
    ORDER_COUNTER_RESOURCE,
    orderResource(state.order_counter),
  ],
  run: (state: TradingState, args) => {
    if (!state.authenticated) return { error: "User not authenticated. Please log in to place an order." };
    if (!Object.hasOwn(state.stocks, args.symbol)) return { error: `Invalid stock symbol: ${args.symbol}` };
    if (args.price <= 0 || args.amount <= 0) return { error: "Price and amount must be positive values." };
    const id = state.order_counter;
    storeOrder(state, id, {
      id,
      order_type: args.order_type,
      symbol: args.symbol,
      price: args.price,
      amount: args.amount,
      status: "Open",
    });
    state.order_counter += 1;
    // Upstream answers "Pending" while storing "Open", to mimic a delay before execution.
    return {
      order_id: id,
      order_type: args.order_type,
      status: "Pending",
      price: args.price,
      amount: args.amount,
    };
  },
});

export const cancelOrder = defineTool({
  name: "cancel_order",
  description:
    'Cancel an order by id (not possible once it is "Completed"). Returns the id and the new status.',
  parameters: { order_id: orderId("cancel") },
  latency: "medium",
  mutates: true,
  resources: (args) => [orderResource(args.order_id)],
  run: (state: TradingState, args) => {
    const key = String(args.order_id);
    if (!Object.hasOwn(state.orders, key)) return { error: `Order with ID ${args.order_id} not found.` };
    const order = state.orders[key];
    // Upstream indexes order["status"] and fails on entries that are not orders.
    if (order === null || typeof order !== "object" || !Object.hasOwn(order, "status")) {
      throw new ToolError(`order ${args.order_id} has no status`);
    }
    if (order.status === "Completed") {
      return { error: `Can't cancel order ${args.order_id}. Order is already completed.` };
    }
    order.status = "Cancelled";
    return { order_id: args.order_id, status: "Cancelled" };
  },
});

export const getOrderDetails = defineTool({
  name: "get_order_details",
  description: "One order's details: id, order_type, symbol, price, amount and status.",
  parameters: { order_id: orderId("show") },
  latency: "fast",
  mutates: false,
  resources: (args) => [orderResource(args.order_id)],
  run: (state: TradingState, args) => {
    const key = String(args.order_id);
    if (!Object.hasOwn(state.orders, key)) {
      // Upstream glues the two sentences together without a space.
      return {
        error: `Order with ID ${args.order_id} not found.Here is the list of orders_id: ${pythonKeyList(state)}`,
      };
    }
    return structuredClone(state.orders[key]);
  },
});

export const getOrderHistory = defineTool({
  name: "get_order_history",
  description: "Ids of all orders, oldest first (log in first with trading_login).",
  parameters: {},
  latency: "medium",
  mutates: false,
  resources: (_args, state: TradingState) => [
    SESSION_RESOURCE,
    ORDER_COUNTER_RESOURCE,
    ...orderKeys(state).map(orderResource),
  ],
  run: (state: TradingState) => {
    // Upstream answers a one-element list holding the error here, not a bare error dictionary.
    if (!state.authenticated)
      return [{ error: "User not authenticated. Please log in to view order history." }];
    return { history: orderKeys(state).map(pythonOrderKey) };
  },
});

export const ORDER_TOOLS = [placeOrder, cancelOrder, getOrderDetails, getOrderHistory];

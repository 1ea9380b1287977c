/**
 * State of the trading domain: BFCL v3 TradingBot. Public fields have upstream's attribute names
 * and shapes as the recorded BFCL trace writes them (order ids become string keys in JSON);
 * `_random` (CPython MT19937 for transaction timestamps) and `_order_keys` (Python's dict
 * insertion order of `orders`, which JSON objects lose for integer keys) are internal.
 */
import { z } from "zod";
import { PythonRandom, pythonRandomStateSchema } from "../../../core/python-random.ts";
import { formatDateTime, fromSeconds, type NaiveDateTime, toSeconds } from "./python-datetime.ts";

/** Upstream's fixed "now": 2024-09-01 10:30 (naive local time). */
export const CURRENT_TIME: NaiveDateTime = { year: 2024, month: 9, day: 1, hour: 10, minute: 30, second: 0 };
/** Upstream's default seed for transaction timestamps. */
export const DEFAULT_TRADING_SEED = 1053520;

/**
 * An order. Orders made by `place_order` have id, order_type, symbol, price, amount and status;
 * recorded configs use other shapes (`num_shares` instead of `amount`, no id), so only the
 * types of known fields are checked.
 */
export const Order = z.looseObject({
  id: z.number().int().optional(),
  order_type: z.string().optional(),
  symbol: z.string().optional(),
  price: z.number().optional(),
  amount: z.number().optional(),
  status: z.string().optional(),
});
export type Order = z.infer<typeof Order>;

/** Recorded configs also put plain values in `orders` (e.g. `"order_type": "Buy"`); upstream keeps them. */
const OrderEntry = z.union([Order, z.string(), z.number(), z.boolean(), z.null()]);
export type OrderEntry = z.infer<typeof OrderEntry>;

export const Stock = z.looseObject({
  price: z.number(),
  percent_change: z.number(),
  volume: z.number().optional(),
  "MA(5)": z.number().optional(),
  "MA(20)": z.number().optional(),
});
export type Stock = z.infer<typeof Stock>;

export const Transaction = z.looseObject({
  type: z.string().optional(),
  amount: z.number().optional(),
  timestamp: z.string(),
});
export type Transaction = z.infer<typeof Transaction>;

const AccountInfo = z.looseObject({
  account_id: z.number().int(),
  balance: z.number(),
  /** A 16-digit card number: beyond 2^53, so not checked as a safe integer (odd ones lose their last digit). */
  binding_card: z.number().optional(),
});

const stock = (price: number, percent_change: number, volume: number, ma5: number, ma20: number) => ({
  price,
  percent_change,
  volume,
  "MA(5)": ma5,
  "MA(20)": ma20,
});

/** Upstream's class defaults (TradingBot DEFAULT_STATE). */
const DEFAULTS = {
  orders: {
    12345: { id: 12345, order_type: "Buy", symbol: "AAPL", price: 210.65, amount: 10, status: "Completed" },
    12446: { id: 12446, order_type: "Sell", symbol: "GOOG", price: 2840.56, amount: 5, status: "Pending" },
  },
  account_info: { account_id: 12345, balance: 10000.0, binding_card: 1974202140965533 },
  stocks: {
    AAPL: stock(227.16, 0.17, 2.552, 227.11, 227.09),
    GOOG: stock(2840.34, 0.24, 1.123, 2835.67, 2842.15),
    TSLA: stock(667.92, -0.12, 1.654, 671.15, 668.2),
    MSFT: stock(310.23, 0.09, 3.234, 309.88, 310.11),
    NVDA: stock(220.34, 0.34, 1.234, 220.45, 220.67),
    ALPH: stock(1320.45, -0.08, 1.567, 1321.12, 1325.78),
    OMEG: stock(457.23, 0.12, 2.345, 456.78, 458.12),
    QUAS: stock(725.89, -0.03, 1.789, 726.45, 728.0),
    NEPT: stock(88.34, 0.19, 0.654, 88.21, 88.67),
    SYNX: stock(345.67, 0.11, 2.112, 345.34, 346.12),
    ZETA: stock(22.09, -0.05, 0.789, 22.12, 22.34),
  },
};

const Fields = z.strictObject({
  orders: z.record(z.string(), OrderEntry).default(() => structuredClone(DEFAULTS.orders)),
  account_info: AccountInfo.default(() => structuredClone(DEFAULTS.account_info)),
  authenticated: z.boolean().default(false),
  market_status: z.string().default("Closed"),
  /** Id of the next order. */
  order_counter: z.number().int().default(12446),
  stocks: z.record(z.string(), Stock).default(() => structuredClone(DEFAULTS.stocks)),
  watch_list: z.array(z.string()).default(() => ["NVDA"]),
  transaction_history: z.array(Transaction).default(() => []),
  /** Upstream pads results in its long-context category; that mode is not ported. */
  long_context: z
    .boolean()
    .refine((value) => !value, "long_context mode (upstream's padded results) is not supported")
    .default(false),
  /** Config only: seeds `_random` (upstream's `random_seed`). */
  random_seed: z.number().int().optional(),
  _random: pythonRandomStateSchema.optional(),
  _order_keys: z.array(z.string()).optional(),
});

/**
 * Partial config → full state. Accepts a BFCL `initial_config.TradingBot` object, a recorded
 * `initial_state`, or a state produced earlier (its internal fields are kept).
 */
export const TradingState = Fields.transform(({ random_seed, _random, _order_keys, ...fields }) => ({
  ...fields,
  orders: normaliseOrderKeys(fields.orders),
  _random: _random ?? PythonRandom.seeded(random_seed ?? DEFAULT_TRADING_SEED).getState(),
  _order_keys: _order_keys ?? Object.keys(normaliseOrderKeys(fields.orders)),
}));
export type TradingState = z.infer<typeof TradingState>;

/** Upstream turns digit-only string keys into ints on load ("007" becomes 7). */
function normaliseOrderKeys(orders: Record<string, OrderEntry>): Record<string, OrderEntry> {
  return Object.fromEntries(
    Object.entries(orders).map(([key, value]) => [/^\d+$/.test(key) ? String(Number(key)) : key, value]),
  );
}

/** Order keys in Python's insertion order. */
export function orderKeys(state: TradingState): string[] {
  return state._order_keys.filter((key) => Object.hasOwn(state.orders, key));
}

/** The key as Python holds it: an int for digit-only keys, else the string. */
export function pythonOrderKey(key: string): number | string {
  return /^\d+$/.test(key) ? Number(key) : key;
}

/** The order stored under an integer id, if that entry is an order dict. */
export function findOrder(state: TradingState, id: number): Order | undefined {
  const entry = state.orders[String(id)];
  return entry !== null && typeof entry === "object" ? entry : undefined;
}

/** Store an order; a new key goes to the end of the insertion order. */
export function storeOrder(state: TradingState, id: number, order: Order): void {
  const key = String(id);
  if (!Object.hasOwn(state.orders, key)) state._order_keys.push(key);
  state.orders[key] = order;
}

/** Upstream's `_generate_transaction_timestamp`: a random second in the day after CURRENT_TIME. */
export function transactionTimestamp(state: TradingState): string {
  const random = PythonRandom.fromState(state._random);
  const offset = random.randint(0, 24 * 60 * 60);
  state._random = random.getState();
  return formatDateTime(fromSeconds(toSeconds(CURRENT_TIME) + offset));
}

export const SESSION_RESOURCE = "trading:session";
export const MARKET_RESOURCE = "trading:market";
/** Account balance and transaction history (they always change together). */
export const ACCOUNT_RESOURCE = "trading:account";
export const WATCHLIST_RESOURCE = "trading:watchlist";
/** Placing an order draws the next id, so two placements depend on each other's order. */
export const ORDER_COUNTER_RESOURCE = "trading:order-counter";
export const orderResource = (id: number | string): string => `trading:order:${id}`;
export const stockResource = (symbol: string): string => `trading:stock:${symbol}`;

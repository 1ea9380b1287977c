/** Trading tools about the market: clock, market status, symbols, quotes, sectors and price scans. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { formatClockTime, PythonValueError, strptime } from "./python-datetime.ts";
import { CURRENT_TIME, MARKET_RESOURCE, stockResource, type TradingState } from "./state.ts";

/** Upstream's name → symbol table (it lists AMZN, which has no quote). */
const SYMBOLS_BY_NAME: Readonly<Record<string, string>> = {
  Apple: "AAPL",
  Google: "GOOG",
  Tesla: "TSLA",
  Microsoft: "MSFT",
  Nvidia: "NVDA",
  "Zeta Corp": "ZETA",
  "Alpha Tech": "ALPH",
  "Omega Industries": "OMEG",
  "Quasar Ltd.": "QUAS",
  "Neptune Systems": "NEPT",
  "Synex Solutions": "SYNX",
  Amazon: "AMZN",
};

/** Upstream's sector table (F and GM have no quotes). */
const STOCKS_BY_SECTOR: Readonly<Record<string, readonly string[]>> = {
  Technology: ["AAPL", "GOOG", "MSFT", "NVDA"],
  Automobile: ["TSLA", "F", "GM"],
};

/** Regular trading hours, in minutes after midnight (both ends included). */
const MARKET_OPENS = 9 * 60 + 30;
const MARKET_CLOSES = 16 * 60;

/** Python ValueErrors surface as tool errors with upstream's text, as its exceptions do. */
export function pythonErrors<Result>(body: () => Result): Result {
  try {
    return body();
  } catch (error) {
    if (error instanceof PythonValueError) throw new ToolError(error.message);
    throw error;
  }
}

const priceOf = (state: TradingState, symbol: string): number =>
  Object.hasOwn(state.stocks, symbol) ? state.stocks[symbol]!.price : 0;

export const getCurrentTime = defineTool({
  name: "get_current_time",
  description: 'The trading system\'s current time of day, as "HH:MM AM/PM".',
  parameters: {},
  latency: "instant",
  mutates: false,
  run: () => ({ current_time: formatClockTime(CURRENT_TIME) }),
});

export const updateMarketStatus = defineTool({
  name: "update_market_status",
  description:
    'Set the market to "Open" or "Closed" from a time of day: open from 9:30 AM to 4:00 PM inclusive. ' +
    "Returns the new status.",
  parameters: {
    current_time_str: z.string().describe('Time of day as "HH:MM AM/PM", e.g. "10:30 AM".'),
  },
  latency: "fast",
  mutates: true,
  resources: () => [MARKET_RESOURCE],
  run: (state: TradingState, args) => {
    const time = pythonErrors(() => strptime(args.current_time_str, "%I:%M %p"));
    const minutes = time.hour * 60 + time.minute;
    const status = minutes >= MARKET_OPENS && minutes <= MARKET_CLOSES ? "Open" : "Closed";
    state.market_status = status;
    return { status };
  },
});

export const getSymbolByName = defineTool({
  name: "get_symbol_by_name",
  description:
    'Look up a company\'s ticker symbol by its exact name (e.g. "Apple" → "AAPL"); "Stock not found" when unknown.',
  parameters: { name: z.string().describe('Company name, e.g. "Tesla" or "Zeta Corp".') },
  latency: "fast",
  mutates: false,
  run: (_state: TradingState, args) => ({
    symbol: Object.hasOwn(SYMBOLS_BY_NAME, args.name) ? SYMBOLS_BY_NAME[args.name] : "Stock not found",
  }),
});

export const getStockInfo = defineTool({
  name: "get_stock_info",
  description:
    "Quote for one symbol: price, percent_change, volume and the 5- and 20-day moving averages MA(5), MA(20).",
  parameters: { symbol: z.string().describe('Ticker symbol, e.g. "AAPL".') },
  latency: "fast",
  mutates: false,
  resources: (args) => [stockResource(args.symbol)],
  run: (state: TradingState, args) => {
    if (!Object.hasOwn(state.stocks, args.symbol)) {
      return { error: `Stock with symbol '${args.symbol}' not found.` };
    }
    return structuredClone(state.stocks[args.symbol]);
  },
});

export const getAvailableStocks = defineTool({
  name: "get_available_stocks",
  description:
    'Ticker symbols listed in a sector ("Technology" or "Automobile"); an empty list for any other sector.',
  parameters: { sector: z.string().describe('Sector name, e.g. "Technology".') },
  latency: "fast",
  mutates: false,
  run: (_state: TradingState, args) => ({
    stock_list: Object.hasOwn(STOCKS_BY_SECTOR, args.sector) ? [...STOCKS_BY_SECTOR[args.sector]!] : [],
  }),
});

export const filterStocksByPrice = defineTool({
  name: "filter_stocks_by_price",
  description:
    "Keep the symbols whose current price lies between min_price and max_price (inclusive), in the given " +
    "order. An unknown symbol counts as price 0.",
  parameters: {
    stocks: z.array(z.string()).describe("Ticker symbols to check."),
    min_price: z.number().describe("Lowest accepted price."),
    max_price: z.number().describe("Highest accepted price."),
  },
  latency: "slow",
  mutates: false,
  resources: (args) => args.stocks.map(stockResource),
  run: (state: TradingState, args) => ({
    filtered_stocks: args.stocks.filter((symbol) => {
      const price = priceOf(state, symbol);
      return price >= args.min_price && price <= args.max_price;
    }),
  }),
});

export const notifyPriceChange = defineTool({
  name: "notify_price_change",
  description:
    "Report which of the given symbols moved by at least `threshold` percent (absolute percent_change), as " +
    "one notification sentence.",
  parameters: {
    stocks: z.array(z.string()).describe("Ticker symbols to check."),
    threshold: z.number().describe("Minimum absolute percent change that counts as significant."),
  },
  latency: "slow",
  mutates: false,
  resources: (args) => args.stocks.map(stockResource),
  run: (state: TradingState, args) => {
    const changed = args.stocks.filter(
      (symbol) =>
        Object.hasOwn(state.stocks, symbol) &&
        Math.abs(state.stocks[symbol]!.percent_change) >= args.threshold,
    );
    return {
      notification:
        changed.length > 0
          ? `Stocks ${changed.join(", ")} have significant price changes.`
          : "No significant price changes in the selected stocks.",
    };
  },
});

export const updateStockPrice = defineTool({
  name: "update_stock_price",
  description:
    "Set a stock's price; its percent_change becomes the change from the old price, in percent. Returns the " +
    "symbol with old and new prices.",
  parameters: {
    symbol: z.string().describe("Ticker symbol to update."),
    new_price: z.number().describe("New price; must be positive."),
  },
  latency: "medium",
  mutates: true,
  resources: (args) => [stockResource(args.symbol)],
  run: (state: TradingState, args) => {
    if (!Object.hasOwn(state.stocks, args.symbol)) {
      return { error: `Stock with symbol '${args.symbol}' not found.` };
    }
    if (args.new_price <= 0) return { error: "New price must be a positive value." };
    const stock = state.stocks[args.symbol]!;
    const oldPrice = stock.price;
    stock.price = args.new_price;
    stock.percent_change = ((args.new_price - oldPrice) / oldPrice) * 100;
    return { symbol: args.symbol, old_price: oldPrice, new_price: args.new_price };
  },
});

export const MARKET_TOOLS = [
  getCurrentTime,
  updateMarketStatus,
  getSymbolByName,
  getStockInfo,
  getAvailableStocks,
  filterStocksByPrice,
  notifyPriceChange,
  updateStockPrice,
];

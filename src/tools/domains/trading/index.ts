/**
 * The trading domain: BFCL v3 TradingBot (22 functions), a stock-trading account with orders, a
 * watchlist, quotes and a market clock. Names, parameters, defaults, results and `{"error": …}`
 * values follow upstream at commit ea13468e; descriptions are ours.
 *
 * Resources: `trading:session` (login), `trading:market` (open/closed), `trading:account`
 * (balance and transaction history), `trading:watchlist`, `trading:order:<id>` per order,
 * `trading:order-counter` (placing draws the next id) and `trading:stock:<SYMBOL>` per quote.
 *
 * Deviations: upstream's long-context mode (padded results) is not ported and its config flag is
 * rejected; when a config's order ids arrive out of numeric order, JSON has already lost
 * Python's insertion order, so order listings come out in numeric order.
 */
import { defineDomain } from "../../domain.ts";
import { ACCOUNT_TOOLS } from "./account-tools.ts";
import { MARKET_TOOLS } from "./market-tools.ts";
import { ORDER_TOOLS } from "./order-tools.ts";
import { TradingState } from "./state.ts";

export const tradingDomain = defineDomain<TradingState>({
  name: "trading",
  description:
    "A stock-trading account (login required for most actions): quotes and sectors, market hours, buy and " +
    "sell orders, deposits and withdrawals, and a watchlist.",
  config: TradingState,
  tools: [...MARKET_TOOLS, ...ORDER_TOOLS, ...ACCOUNT_TOOLS],
});

export type { TradingState } from "./state.ts";

import type { Rng } from "../../core/rng.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

/**
 * Trading tasks (BFCL TradingBot port). Default state: eleven quoted stocks, orders 12345
 * (completed) and 12446 (pending, also the next id `place_order` hands out), balance 10000, market
 * closed at 10:30 AM, logged out. Look-ups, price scans, repricing and the watchlist need no login
 * and touch only their stocks, so they compose; orders, funding and withdrawals share the session.
 */

/** Company names the symbol table maps to quoted stocks. */
const COMPANIES = [
  "Apple",
  "Google",
  "Tesla",
  "Microsoft",
  "Nvidia",
  "Zeta Corp",
  "Alpha Tech",
  "Omega Industries",
  "Quasar Ltd.",
  "Neptune Systems",
  "Synex Solutions",
] as const;
/** Default quotes of the symbols whose price a template changes. */
const PRICES: Readonly<Record<string, number>> = {
  AAPL: 227.16,
  TSLA: 667.92,
  MSFT: 310.23,
  NVDA: 220.34,
  OMEG: 457.23,
  NEPT: 88.34,
  SYNX: 345.67,
  ZETA: 22.09,
};
const USERNAMES = ["jordan.lee", "m.garcia", "ana_k", "trader42", "wchen", "oliver.b"];

/** Credentials: the account accepts any. */
function login(rng: Rng, id: string) {
  const username = rng.pick(USERNAMES);
  const password = `${username.slice(0, 3)}-${rng.int(1000, 9999)}`;
  return { step: { id, tool: "trading_login", args: { username, password } }, username };
}

const templates: TaskTemplate[] = [
  {
    id: "trading/quote-by-name",
    pattern: "chain",
    build: (rng) => {
      const company = rng.pick(COMPANIES);
      const [field, label] = rng.pick([
        ["price", "current price"],
        ["percent_change", "percent change"],
        ["volume", "trading volume"],
      ] as const);
      return {
        instruction: phrase(
          rng,
          [
            "What is the {label} of {company}'s stock? Find its ticker symbol first.",
            "Look up {company}'s symbol and then its quote; tell me the {label}.",
            "Get me the {label} for {company} (you'll need the ticker first).",
          ],
          { company, label },
        ),
        plan: [
          { id: "s1", tool: "get_symbol_by_name", args: { name: company } },
          { id: "s2", tool: "get_stock_info", args: { symbol: ref("s1.result.symbol") } },
        ],
        answer: ref(`s2.result.${field}`),
        answerMatch: "number",
      };
    },
  },
  {
    id: "trading/sector-price-filter",
    pattern: "chain",
    build: (rng) => {
      const sector = rng.next() < 0.8 ? "Technology" : "Automobile";
      const low = rng.int(0, 30) * 10;
      const high = low + rng.int(5, 300) * 10;
      return {
        instruction: phrase(
          rng,
          [
            "Which {sector} stocks trade between {low} and {high} dollars? List the sector's symbols, then filter them by price.",
            "Get the symbols of the {sector} sector and keep only those priced from {low} to {high} dollars.",
            "From the {sector} sector, find the stocks whose price lies in the range {low}–{high}.",
          ],
          { sector, low, high },
        ),
        plan: [
          { id: "s1", tool: "get_available_stocks", args: { sector } },
          {
            id: "s2",
            tool: "filter_stocks_by_price",
            args: { stocks: ref("s1.result.stock_list"), min_price: low, max_price: high },
          },
        ],
        answer: ref("s2.result.filtered_stocks"),
        answerMatch: "set",
      };
    },
  },
  {
    id: "trading/companies-in-budget",
    pattern: "fan-in",
    build: (rng) => {
      const companies = rng.shuffle(COMPANIES).slice(0, rng.int(2, 4));
      const budget = rng.int(2, 80) * 10;
      return {
        instruction: phrase(
          rng,
          [
            "Of {companies}, which stocks cost at most {budget} dollars a share? Look up each ticker, then filter by price.",
            "I can spend up to {budget} per share. Find the symbols of {companies} and keep the ones within budget.",
            "Get the ticker symbols for {companies} and tell me which of them trade between 0 and {budget}.",
          ],
          { companies: companies.join(", "), budget },
        ),
        plan: [
          ...companies.map((name, index) => ({
            id: `s${index + 1}`,
            tool: "get_symbol_by_name",
            args: { name },
          })),
          {
            id: `s${companies.length + 1}`,
            tool: "filter_stocks_by_price",
            args: {
              stocks: companies.map((_name, index) => ref(`s${index + 1}.result.symbol`)),
              min_price: 0,
              max_price: budget,
            },
          },
        ],
        answer: ref(`s${companies.length + 1}.result.filtered_stocks`),
        answerMatch: "set",
      };
    },
  },
  {
    id: "trading/sector-movers",
    pattern: "chain",
    build: (rng) => {
      const sector = rng.pick(["Technology", "Automobile"]);
      const threshold = rng.int(5, 35) / 100;
      return {
        instruction: phrase(
          rng,
          [
            "Check the {sector} sector for significant movers: list its stocks and report which changed by at least {threshold}%.",
            "Did any {sector} stock move {threshold} percent or more? Get the sector's symbols and run a price-change check.",
            "List the {sector} symbols, then ask for a price-change notification with a {threshold}% threshold.",
          ],
          { sector, threshold },
        ),
        plan: [
          { id: "s1", tool: "get_available_stocks", args: { sector } },
          { id: "s2", tool: "notify_price_change", args: { stocks: ref("s1.result.stock_list"), threshold } },
        ],
        answer: ref("s2.result.notification"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "trading/reprice",
    pattern: "chain",
    build: (rng) => {
      const symbol = rng.pick(Object.keys(PRICES));
      const old = PRICES[symbol] as number;
      const percent = rng.int(1, 15) * (rng.next() < 0.5 ? -1 : 1);
      const price = Math.round(old * (100 + percent)) / 100;
      return {
        instruction: phrase(
          rng,
          [
            "Check {symbol}'s quote, then set its price to {price} and read the quote again: what percent change does it show now?",
            "Update the price of {symbol} to {price} dollars (look at the current quote first) and tell me the resulting percent change.",
            "Reprice {symbol} at {price}: read the quote, change the price, and report the new percent_change.",
          ],
          { symbol, price },
        ),
        plan: [
          { id: "s1", tool: "get_stock_info", args: { symbol } },
          { id: "s2", tool: "update_stock_price", args: { symbol, new_price: price }, after: ["s1"] },
          { id: "s3", tool: "get_stock_info", args: { symbol }, after: ["s2"] },
        ],
        answer: ref("s3.result.percent_change"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "trading/open-market-quote",
    pattern: "fan-out",
    build: (rng) => {
      const company = rng.pick(COMPANIES);
      return {
        instruction: phrase(
          rng,
          [
            "Update the market status using the current time, and in parallel look up {company}'s symbol and price. Report the price.",
            "Two things: set the market open/closed from the system clock, and get {company}'s stock price via its ticker.",
            "Read the current time and update the market status with it; also quote {company} (symbol first) and give me its price.",
          ],
          { company },
        ),
        plan: [
          { id: "s1", tool: "get_current_time", args: {} },
          {
            id: "s2",
            tool: "update_market_status",
            args: { current_time_str: ref("s1.result.current_time") },
          },
          { id: "s3", tool: "get_symbol_by_name", args: { name: company } },
          { id: "s4", tool: "get_stock_info", args: { symbol: ref("s3.result.symbol") } },
        ],
        answer: ref("s4.result.price"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "trading/cancel-pending",
    pattern: "chain",
    build: (rng) => {
      const compare = rng.next() < 0.5;
      return {
        instruction: phrase(
          rng,
          [
            "Look at order 12446{also} and cancel it using the id from its details. What status does it have now?",
            "Order 12446 should not go through: check its details{also}, then cancel it and tell me the new status.",
            "Inspect order 12446{also}; cancel that order afterwards and report its status.",
          ],
          { also: compare ? " (and, for comparison, order 12345)" : "" },
        ),
        plan: [
          { id: "s1", tool: "get_order_details", args: { order_id: 12446 } },
          { id: "s2", tool: "cancel_order", args: { order_id: ref("s1.result.id") } },
          ...(compare ? [{ id: "s3", tool: "get_order_details", args: { order_id: 12345 } }] : []),
        ],
        answer: ref("s2.result.status"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "trading/buy-at-quote",
    pattern: "mixed",
    build: (rng) => {
      const company = rng.pick(COMPANIES);
      const amount = rng.int(1, 40);
      const side = rng.next() < 0.75 ? "Buy" : "Sell";
      const { step: loginStep, username } = login(rng, "s3");
      return {
        instruction: phrase(
          rng,
          [
            "Log in as {username} and place a {side} order for {amount} shares of {company} at its current price (look up the symbol and quote first). What is the order id?",
            "{side} {amount} {company} shares at the quoted price: find the ticker, get the price, sign in ({username}) and submit the order. Give me the order id.",
            "Sign in with user {username}, then put in a {side} order of {amount} shares of {company} priced at the live quote, and confirm the order's details.",
          ],
          { username, side, amount, company },
        ),
        plan: [
          { id: "s1", tool: "get_symbol_by_name", args: { name: company } },
          { id: "s2", tool: "get_stock_info", args: { symbol: ref("s1.result.symbol") } },
          loginStep,
          {
            id: "s4",
            tool: "place_order",
            args: {
              order_type: side,
              symbol: ref("s1.result.symbol"),
              price: ref("s2.result.price"),
              amount,
            },
            after: ["s3"],
          },
          { id: "s5", tool: "get_order_details", args: { order_id: ref("s4.result.order_id") } },
        ],
        answer: ref("s5.result.id"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "trading/fund-account",
    pattern: "chain",
    build: (rng) => {
      const amount = rng.int(2, 400) * 25;
      const { step: loginStep, username } = login(rng, "s1");
      return {
        instruction: phrase(
          rng,
          [
            "Log in as {username}, deposit {amount} dollars into the trading account and tell me the balance shown in the account info.",
            "Add {amount} dollars to the account (sign in as {username} first), then check the account information: what is the balance?",
            "Sign in ({username}), fund the account with {amount}, and read back the balance.",
          ],
          { username, amount },
        ),
        plan: [
          loginStep,
          { id: "s2", tool: "fund_account", args: { amount }, after: ["s1"] },
          { id: "s3", tool: "get_account_info", args: {}, after: ["s2"] },
        ],
        answer: ref("s3.result.balance"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "trading/watch-company",
    pattern: "chain",
    build: (rng) => {
      const company = rng.pick(COMPANIES);
      return {
        instruction: phrase(
          rng,
          [
            "Put {company} on my watchlist (find its ticker symbol first) and show me the watchlist.",
            "Look up the symbol for {company} and add it to the watchlist. What does the list contain now?",
            "I want to watch {company}: get its ticker and add it; report the updated watchlist.",
          ],
          { company },
        ),
        plan: [
          { id: "s1", tool: "get_symbol_by_name", args: { name: company } },
          { id: "s2", tool: "add_to_watchlist", args: { stock: ref("s1.result.symbol") } },
        ],
        answer: ref("s2.result.symbol"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "trading/transaction-when-open",
    pattern: "mixed",
    build: (rng) => {
      const kind = rng.pick(["deposit", "withdrawal"]);
      const amount = rng.int(4, 380) * 25;
      const { step: loginStep, username } = login(rng, "s1");
      return {
        instruction: phrase(
          rng,
          [
            "Log in as {username}, update the market status from the current time, get the account id and make a {kind} of {amount} dollars. What is the new balance?",
            "Make a {kind} of {amount} dollars: sign in ({username}), open the market according to the clock, look up the account id, then run the transaction and report the balance.",
            "As {username}: read the time, set the market status with it, fetch the account info, and then do a {kind} of {amount}. Tell me the resulting balance.",
          ],
          { username, kind, amount },
        ),
        plan: [
          loginStep,
          { id: "s2", tool: "get_current_time", args: {} },
          {
            id: "s3",
            tool: "update_market_status",
            args: { current_time_str: ref("s2.result.current_time") },
          },
          { id: "s4", tool: "get_account_info", args: {}, after: ["s1"] },
          {
            id: "s5",
            tool: "make_transaction",
            args: { account_id: ref("s4.result.account_id"), xact_type: kind, amount },
            after: ["s3"],
          },
        ],
        answer: ref("s5.result.new_balance"),
        answerMatch: "number",
      };
    },
  },
];

export const tradingGenerator: DomainGenerator = {
  domain: "trading",
  templates,
  probes: [
    { tool: "get_symbol_by_name", args: { name: "Tesla" }, phrase: "look up Tesla's ticker symbol" },
    {
      tool: "get_symbol_by_name",
      args: { name: "Microsoft" },
      phrase: "find the ticker symbol of Microsoft",
    },
    {
      tool: "get_available_stocks",
      args: { sector: "Technology" },
      phrase: "list the stocks of the Technology sector",
    },
    { tool: "get_current_time", args: {}, phrase: "tell me the trading system's current time" },
  ],
};

/** Trading tools for the session, the cash account and the watchlist. */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import { pythonErrors } from "./market-tools.ts";
import { strptime, toSeconds } from "./python-datetime.ts";
import {
  ACCOUNT_RESOURCE,
  MARKET_RESOURCE,
  SESSION_RESOURCE,
  stockResource,
  type TradingState,
  transactionTimestamp,
  WATCHLIST_RESOURCE,
} from "./state.ts";

export const tradingLogin = defineTool({
  name: "trading_login",
  description: "Log in to the trading account (any credentials are accepted). Says so if already logged in.",
  parameters: {
    username: z.string().describe("Account user name."),
    password: z.string().describe("Account password."),
  },
  latency: "medium",
  mutates: true,
  resources: () => [SESSION_RESOURCE],
  run: (state: TradingState) => {
    if (state.authenticated) return { status: "Already logged in" };
    state.authenticated = true;
    return { status: "Logged in successfully" };
  },
});

export const tradingLogout = defineTool({
  name: "trading_logout",
  description: "Log out of the trading account.",
  parameters: {},
  latency: "fast",
  mutates: true,
  resources: () => [SESSION_RESOURCE],
  run: (state: TradingState) => {
    if (!state.authenticated) return { status: "No user is currently logged in" };
    state.authenticated = false;
    return { status: "Logged out successfully" };
  },
});

export const tradingGetLoginStatus = defineTool({
  name: "trading_get_login_status",
  description: "Whether a user is logged in to the trading account (true/false).",
  parameters: {},
  latency: "instant",
  mutates: false,
  resources: () => [SESSION_RESOURCE],
  run: (state: TradingState) => ({ status: state.authenticated }),
});

export const getAccountInfo = defineTool({
  name: "get_account_info",
  description: "The account's id, cash balance and bound card number (log in first).",
  parameters: {},
  latency: "fast",
  mutates: false,
  resources: () => [SESSION_RESOURCE, ACCOUNT_RESOURCE],
  run: (state: TradingState) => {
    if (!state.authenticated)
      return { error: "User not authenticated. Please log in to view account information." };
    return structuredClone(state.account_info);
  },
});

export const fundAccount = defineTool({
  name: "fund_account",
  description:
    "Add money to the account balance (log in first); recorded as a deposit. Returns the new balance.",
  parameters: { amount: z.number().describe("Amount to add; must be positive.") },
  latency: "slow",
  mutates: true,
  resources: () => [SESSION_RESOURCE, ACCOUNT_RESOURCE],
  run: (state: TradingState, args) => {
    if (!state.authenticated) return { error: "User not authenticated. Please log in to fund the account." };
    if (args.amount <= 0) return { error: "Funding amount must be positive." };
    state.account_info.balance += args.amount;
    state.transaction_history.push({
      type: "deposit",
      amount: args.amount,
      timestamp: transactionTimestamp(state),
    });
    return { status: "Account funded successfully", new_balance: state.account_info.balance };
  },
});

export const makeTransaction = defineTool({
  name: "make_transaction",
  description:
    'Deposit to or withdraw from the account ("deposit" or "withdrawal"); needs a login, an open market and ' +
    "the right account id. Returns the new balance.",
  parameters: {
    account_id: z.number().int().describe("Id of the account (see get_account_info)."),
    xact_type: z.string().describe('"deposit" or "withdrawal".'),
    amount: z.number().describe("Amount of money; must be positive."),
  },
  latency: "slow",
  mutates: true,
  resources: () => [SESSION_RESOURCE, MARKET_RESOURCE, ACCOUNT_RESOURCE],
  run: (state: TradingState, args) => {
    if (!state.authenticated)
      return { error: "User not authenticated. Please log in to make a transaction." };
    if (state.market_status !== "Open") return { error: "Market is closed. Transactions are not allowed." };
    if (args.account_id !== state.account_info.account_id) {
      return { error: `Account with ID ${args.account_id} not found.` };
    }
    if (args.amount <= 0) return { error: "Transaction amount must be positive." };
    if (args.xact_type === "deposit") {
      state.account_info.balance += args.amount;
    } else if (args.xact_type === "withdrawal") {
      if (args.amount > state.account_info.balance) return { error: "Insufficient funds for withdrawal." };
      state.account_info.balance -= args.amount;
    } else {
      return { error: "Invalid transaction type. Use 'deposit' or 'withdrawal'." };
    }
    state.transaction_history.push({
      type: args.xact_type,
      amount: args.amount,
      timestamp: transactionTimestamp(state),
    });
    return {
      status: args.xact_type === "deposit" ? "Deposit successful" : "Withdrawal successful",
      new_balance: state.account_info.balance,
    };
  },
});

const optionalDate = (what: string) =>
  z
    .string()
    .nullable()
    .optional()
    .describe(`${what} date, "YYYY-MM-DD" (midnight of that day). Omit for no limit.`);

export const getTransactionHistory = defineTool({
  name: "get_transaction_history",
  description:
    "Deposits and withdrawals (type, amount, timestamp) whose timestamp lies between the optional start and " +
    "end dates, each taken at midnight (log in first).",
  parameters: { start_date: optionalDate("First"), end_date: optionalDate("Last") },
  latency: "medium",
  mutates: false,
  resources: () => [SESSION_RESOURCE, ACCOUNT_RESOURCE],
  run: (state: TradingState, args) => {
    if (!state.authenticated) {
      return [{ error: "User not authenticated. Please log in to view transaction history." }];
    }
    return pythonErrors(() => {
      const start = args.start_date ? toSeconds(strptime(args.start_date, "%Y-%m-%d")) : -Infinity;
      const end = args.end_date ? toSeconds(strptime(args.end_date, "%Y-%m-%d")) : Infinity;
      const transactions = state.transaction_history.filter((transaction) => {
        const time = toSeconds(strptime(transaction.timestamp, "%Y-%m-%d %H:%M:%S"));
        return start <= time && time <= end;
      });
      return { transaction_history: structuredClone(transactions) };
    });
  },
});

export const addToWatchlist = defineTool({
  name: "add_to_watchlist",
  description:
    "Add a known symbol to the watchlist (unknown or already listed symbols are ignored). Returns the whole " +
    "watchlist.",
  parameters: { stock: z.string().describe("Ticker symbol to watch.") },
  latency: "fast",
  mutates: true,
  resources: (args) => [WATCHLIST_RESOURCE, stockResource(args.stock)],
  run: (state: TradingState, args) => {
    if (!state.watch_list.includes(args.stock) && Object.hasOwn(state.stocks, args.stock)) {
      state.watch_list.push(args.stock);
    }
    return { symbol: [...state.watch_list] };
  },
});

export const removeStockFromWatchlist = defineTool({
  name: "remove_stock_from_watchlist",
  description: "Remove a symbol from the watchlist (log in first).",
  parameters: { symbol: z.string().describe("Ticker symbol to stop watching.") },
  latency: "fast",
  mutates: true,
  resources: () => [SESSION_RESOURCE, WATCHLIST_RESOURCE],
  run: (state: TradingState, args) => {
    if (!state.authenticated)
      return { error: "User not authenticated. Please log in to modify the watchlist." };
    const index = state.watch_list.indexOf(args.symbol);
    if (index < 0) return { error: `Stock ${args.symbol} not found in watchlist.` };
    state.watch_list.splice(index, 1);
    return { status: `Stock ${args.symbol} removed from watchlist successfully.` };
  },
});

export const getWatchlist = defineTool({
  name: "get_watchlist",
  description: "The symbols on the watchlist (log in first).",
  parameters: {},
  latency: "fast",
  mutates: false,
  resources: () => [SESSION_RESOURCE, WATCHLIST_RESOURCE],
  run: (state: TradingState) => {
    // Upstream answers a one-element list holding an error sentence here.
    if (!state.authenticated) return ["Error: User not authenticated. Please log in to view the watchlist."];
    return { watchlist: [...state.watch_list] };
  },
});

export const ACCOUNT_TOOLS = [
  tradingLogin,
  tradingLogout,
  tradingGetLoginStatus,
  getAccountInfo,
  fundAccount,
  makeTransaction,
  getTransactionHistory,
  addToWatchlist,
  removeStockFromWatchlist,
  getWatchlist,
];

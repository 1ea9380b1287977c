import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { ToolError } from "../../tool.ts";
import { callTool, toolResources } from "../testing/call-tool.ts";
import { tradingDomain } from "./index.ts";
import type { TradingState } from "./state.ts";

const fresh = (config: Record<string, unknown> = {}): TradingState =>
  initialState(tradingDomain, config, "test.json");
const open = (config: Record<string, unknown> = {}) =>
  fresh({ authenticated: true, market_status: "Open", ...config });
const run = (state: TradingState, name: string, args: object = {}) =>
  callTool(tradingDomain, state, name, args);

describe("session", () => {
  it("logs in, refuses a second login, logs out once", () => {
    const state = fresh();
    expect(run(state, "trading_get_login_status")).toEqual({ status: false });
    expect(run(state, "trading_login", { username: "a", password: "b" })).toEqual({
      status: "Logged in successfully",
    });
    expect(run(state, "trading_login", { username: "a", password: "b" })).toEqual({
      status: "Already logged in",
    });
    expect(run(state, "trading_get_login_status")).toEqual({ status: true });
    expect(run(state, "trading_logout")).toEqual({ status: "Logged out successfully" });
    expect(run(state, "trading_logout")).toEqual({ status: "No user is currently logged in" });
    expect(state.authenticated).toBe(false);
  });

  it("all claim the session", () => {
    for (const name of ["trading_login", "trading_logout", "trading_get_login_status"]) {
      expect(
        toolResources(
          tradingDomain,
          fresh(),
          name,
          name === "trading_login" ? { username: "a", password: "b" } : {},
        ),
      ).toEqual(["trading:session"]);
    }
  });
});

describe("get_account_info", () => {
  it("returns a copy of the account when logged in", () => {
    const state = open();
    const info = run(state, "get_account_info") as Record<string, number>;
    expect(info).toEqual({ account_id: 12345, balance: 10000, binding_card: 1974202140965533 });
    info.balance = 0;
    expect(state.account_info.balance).toBe(10000);
  });

  it("refuses when logged out", () => {
    expect(run(fresh(), "get_account_info")).toEqual({
      error: "User not authenticated. Please log in to view account information.",
    });
  });
});

describe("fund_account", () => {
  it("adds to the balance and records a timestamped deposit, market open or not", () => {
    const state = fresh({ authenticated: true });
    expect(run(state, "fund_account", { amount: 2203.4 })).toEqual({
      status: "Account funded successfully",
      new_balance: 12203.4,
    });
    expect(state.transaction_history).toEqual([
      { type: "deposit", amount: 2203.4, timestamp: "2024-09-02 05:40:15" },
    ]);
  });

  it.each([
    [{}, 10, { error: "User not authenticated. Please log in to fund the account." }],
    [{ authenticated: true }, 0, { error: "Funding amount must be positive." }],
  ])("refuses (config %j, amount %d)", (config, amount, expected) => {
    const state = fresh(config);
    expect(run(state, "fund_account", { amount })).toEqual(expected);
    expect(state).toEqual(fresh(config));
  });
});

describe("make_transaction", () => {
  it("deposits and withdraws, recording each with the next timestamp", () => {
    const state = open();
    expect(run(state, "make_transaction", { account_id: 12345, xact_type: "deposit", amount: 500 })).toEqual({
      status: "Deposit successful",
      new_balance: 10500,
    });
    expect(
      run(state, "make_transaction", { account_id: 12345, xact_type: "withdrawal", amount: 10500 }),
    ).toEqual({
      status: "Withdrawal successful",
      new_balance: 0,
    });
    expect(state.transaction_history).toEqual([
      { type: "deposit", amount: 500, timestamp: "2024-09-02 05:40:15" },
      { type: "withdrawal", amount: 10500, timestamp: "2024-09-01 12:26:34" },
    ]);
  });

  const deposit = { account_id: 12345, xact_type: "deposit", amount: 5 };
  it.each([
    [
      { authenticated: false },
      deposit,
      { error: "User not authenticated. Please log in to make a transaction." },
    ],
    [{ market_status: "Closed" }, deposit, { error: "Market is closed. Transactions are not allowed." }],
    [{}, { ...deposit, account_id: 1 }, { error: "Account with ID 1 not found." }],
    [{}, { ...deposit, amount: -5 }, { error: "Transaction amount must be positive." }],
    [
      {},
      { ...deposit, xact_type: "withdrawal", amount: 10000.01 },
      { error: "Insufficient funds for withdrawal." },
    ],
    [
      {},
      { ...deposit, xact_type: "transfer" },
      { error: "Invalid transaction type. Use 'deposit' or 'withdrawal'." },
    ],
  ])("refuses (config %j, args %j)", (config, args, expected) => {
    const state = open(config);
    expect(run(state, "make_transaction", args)).toEqual(expected);
    expect(state).toEqual(open(config));
  });
});

describe("get_transaction_history", () => {
  const history = [
    { type: "deposit", amount: 1, timestamp: "2024-08-31 23:59:59" },
    { type: "deposit", amount: 2, timestamp: "2024-09-01 00:00:00" },
    { type: "withdrawal", amount: 3, timestamp: "2024-09-02 10:00:00" },
  ];

  it.each([
    [{}, [1, 2, 3]],
    [{ start_date: "2024-09-01" }, [2, 3]],
    [{ end_date: "2024-09-01" }, [1, 2]],
    [{ start_date: "2024-09-01", end_date: "2024-09-02" }, [2]],
    [{ start_date: "", end_date: null }, [1, 2, 3]],
  ])("filters %j by midnight bounds", (args, amounts) => {
    const result = run(open({ transaction_history: history }), "get_transaction_history", args) as {
      transaction_history: { amount: number }[];
    };
    expect(result.transaction_history.map((transaction) => transaction.amount)).toEqual(amounts);
  });

  it("answers a list holding the error when logged out", () => {
    expect(run(fresh(), "get_transaction_history")).toEqual([
      { error: "User not authenticated. Please log in to view transaction history." },
    ]);
  });

  it("fails like strptime on a malformed date", () => {
    expect(() => run(open(), "get_transaction_history", { start_date: "09/01/2024" })).toThrow(ToolError);
  });
});

describe("watchlist", () => {
  it("adds known symbols once, ignores unknown ones, and always returns the list", () => {
    const state = fresh();
    expect(run(state, "add_to_watchlist", { stock: "OMEG" })).toEqual({ symbol: ["NVDA", "OMEG"] });
    expect(run(state, "add_to_watchlist", { stock: "OMEG" })).toEqual({ symbol: ["NVDA", "OMEG"] });
    expect(run(state, "add_to_watchlist", { stock: "XYZ" })).toEqual({ symbol: ["NVDA", "OMEG"] });
  });

  it("removes and lists when logged in", () => {
    const state = open();
    expect(run(state, "remove_stock_from_watchlist", { symbol: "NVDA" })).toEqual({
      status: "Stock NVDA removed from watchlist successfully.",
    });
    expect(run(state, "remove_stock_from_watchlist", { symbol: "NVDA" })).toEqual({
      error: "Stock NVDA not found in watchlist.",
    });
    expect(run(state, "get_watchlist")).toEqual({ watchlist: [] });
  });

  it("refuses to remove or list when logged out (listing answers a list holding the error)", () => {
    expect(run(fresh(), "remove_stock_from_watchlist", { symbol: "NVDA" })).toEqual({
      error: "User not authenticated. Please log in to modify the watchlist.",
    });
    expect(run(fresh(), "get_watchlist")).toEqual([
      "Error: User not authenticated. Please log in to view the watchlist.",
    ]);
  });
});

describe("determinism", () => {
  it.each([
    ["fund_account", { amount: 10 }],
    ["make_transaction", { account_id: 12345, xact_type: "withdrawal", amount: 10 }],
    ["get_transaction_history", { start_date: "2024-01-01" }],
    ["add_to_watchlist", { stock: "AAPL" }],
    ["remove_stock_from_watchlist", { symbol: "NVDA" }],
  ])("%s gives the same result and state from the same state and arguments", (name, args) => {
    const first = open();
    const second = open();
    expect(run(first, name, args)).toEqual(run(second, name, args));
    expect(first).toEqual(second);
  });
});

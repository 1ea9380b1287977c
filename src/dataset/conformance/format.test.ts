import { describe, expect, it } from "vitest";
import { brief, formatBfclMismatches, formatBfclReport, formatNestfulReport, formatTally } from "./format.ts";
import type { BfclMismatch, BfclReport } from "./report.ts";

const stateMismatch = (turn: number): BfclMismatch => ({
  entry: "multi_turn_base_3",
  turn,
  class: "GorillaFileSystem",
  expected: { root: { a: { type: "file", content: "x" } } },
  actual: { root: { a: { type: "file", content: "y" } } },
  kind: "state",
});
const missing = (kind: "call" | "state"): BfclMismatch => ({
  entry: "multi_turn_base_9",
  turn: 0,
  class: "TradingBot",
  ...(kind === "call" ? { call: "get_watchlist()" } : {}),
  expected: {},
  actual: { status: "error", error: 'domain "trading" is not registered' },
  kind,
});

describe("format", () => {
  it.each([
    [{ matched: 3, total: 4 }, "3/4  75.0%"],
    [{ matched: 0, total: 0 }, "-"],
  ])("tally %j", (tally, text) => {
    expect(formatTally(tally)).toBe(text);
  });

  it("cuts long values", () => {
    expect(brief("x".repeat(50), 10)).toBe('"xxxxxxxx…');
    expect(brief(undefined)).toBe("(absent)");
  });

  it("shows a state mismatch at its first differing path and truncates per class", () => {
    const lines = formatBfclMismatches([stateMismatch(0), stateMismatch(1), stateMismatch(2)], 2);
    expect(lines[0]).toBe("GorillaFileSystem: 3 mismatches (0 calls, 3 states)");
    expect(lines[1]).toBe("  multi_turn_base_3 turn 0  state differs at $.root.a.content");
    expect(lines[2]).toBe('      expected "x"');
    expect(lines[3]).toBe('      actual   "y"');
    expect(lines.at(-1)).toBe("  … and 1 more (--limit 0 shows all)");
    expect(formatBfclMismatches([stateMismatch(0), stateMismatch(1), stateMismatch(2)], 0)).toHaveLength(10);
  });

  it("summarises a class whose every mismatch is the same error", () => {
    expect(formatBfclMismatches([missing("call"), missing("state")], 5)).toEqual([
      "TradingBot: 2 mismatches (1 calls, 1 states)",
      '  every one: domain "trading" is not registered',
    ]);
  });

  it("renders the per-class table in class order with a total row", () => {
    const report: BfclReport = {
      calls: { matched: 3, total: 4 },
      states: { matched: 1, total: 2 },
      byClass: {
        TradingBot: { calls: { matched: 1, total: 2 }, states: { matched: 0, total: 1 } },
        GorillaFileSystem: { calls: { matched: 2, total: 2 }, states: { matched: 1, total: 1 } },
      },
      mismatches: [missing("call"), missing("state")],
    };
    const text = formatBfclReport(report, "/peer", 5);
    const table = text
      .split("\n")
      .filter((line) => /^(class|GorillaFileSystem|TradingBot|total) /.test(line));
    expect(table).toEqual([
      "class               calls            states",
      "GorillaFileSystem     2/2   100.0%      1/1   100.0%",
      "TradingBot            1/2    50.0%      0/1     0.0%",
      "total                 3/4    75.0%      1/2    50.0%",
    ]);
    expect(text).toContain("peer data: /peer");
  });

  it("renders NESTFUL mismatches with the failing step", () => {
    const text = formatNestfulReport(
      {
        records: { matched: 39, total: 40 },
        mismatches: [{ record: "abc", step: "$var_2", expected: 2, actual: { error: "boom" } }],
      },
      "/peer",
      5,
    );
    expect(text).toContain("records  39/40  97.5%");
    expect(text).toContain("  abc at $var_2");
    expect(text).toContain('      actual   {"error":"boom"}');
  });
});

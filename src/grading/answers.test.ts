import { describe, expect, it } from "vitest";
import type { AnswerMatch } from "../dataset/schema.ts";
import { answerMatches, normaliseText, readNumber } from "./answers.ts";

describe("answerMatches", () => {
  const cases: Array<[AnswerMatch, unknown, unknown, boolean]> = [
    ["exact", 3, 3, true],
    ["exact", "3", 3, false],
    ["exact", [1, "a"], [1, "a"], true],
    ["exact", " done ", "done", true],
    ["number", 116.5, 116.5, true],
    ["number", "116.5", 116.5, true],
    ["number", "The result is 1,234.5 USD", 1234.5, true],
    ["number", 116.50000001, 116.5, true],
    ["number", 116.6, 116.5, false],
    ["number", "between 3 and 4", 3, false],
    ["number", [42], 42, true],
    ["number", true, 1, false],
    ["text", "  Order FILLED. ", "order filled", true],
    ["text", '"pending"', "Pending", true],
    ["text", "pending soon", "pending", false],
    ["set", ["MSFT", "AAPL"], ["AAPL", "MSFT"], true],
    ["set", "AAPL, msft", ["AAPL", "MSFT"], true],
    ["set", ["AAPL", "AAPL", "MSFT"], ["MSFT", "AAPL"], true],
    ["set", ["AAPL"], ["AAPL", "MSFT"], false],
    ["set", [1, 2.0000000001], [2, 1], true],
    ["contains", "The balance is 10000.0 dollars", "10000.0", true],
    ["contains", "ticket 7 closed", ["ticket 7", "closed"], true],
    ["contains", "ticket 7 open", ["ticket 7", "closed"], false],
  ];
  it.each(cases)("%s: %j vs gold %j → %s", (mode, submitted, gold, expected) => {
    expect(answerMatches(submitted, gold, mode)).toBe(expected);
  });
});

describe("answer helpers", () => {
  it.each([
    [12, 12],
    ["-3.5e2", -350],
    ["12 and 13", null],
    ["none", null],
    [null, null],
    [["7"], 7],
  ])("readNumber(%j) = %j", (value, expected) => {
    expect(readNumber(value)).toBe(expected);
  });

  it.each([
    ["  Hello   World. ", "hello world"],
    [12, "12"],
    [null, "null"],
  ])("normaliseText(%j) = %j", (value, expected) => {
    expect(normaliseText(value)).toBe(expected);
  });
});

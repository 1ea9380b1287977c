import { describe, expect, it } from "vitest";
import { formatIso, parseIso } from "./calendar.ts";
import { formatWithPattern, parseWithPattern } from "./date-pattern.ts";
import { errorOf } from "./testing.ts";

describe("formatWithPattern", () => {
  it.each([
    ["2024-03-05T14:07:09Z", "DD/MM/YYYY", "05/03/2024"],
    ["2024-03-05T14:07:09Z", "D.M.YY", "5.3.24"],
    ["2024-03-05T14:07:09Z", "dddd, MMMM D, YYYY", "Tuesday, March 5, 2024"],
    ["2024-03-05T14:07:09Z", "ddd MMM DD HH:mm:ss", "Tue Mar 05 14:07:09"],
    ["2024-03-05T00:07:09Z", "h:mm A", "12:07 AM"],
    ["2024-03-05T14:07:09Z", "hh:mm A", "02:07 PM"],
    ["2024-03-05", "YYYY-MM-DD [at] HH:mm", "2024-03-05 at 00:00"],
    ["2024-03-05", "[Day] D [of] MMMM", "Day 5 of March"],
  ])("%s as %j → %j", (date, pattern, expected) => {
    expect(formatWithPattern(parseIso(date), pattern)).toBe(expected);
  });

  it.each([
    ["yyyy-MM-DD", /use YYYY for the year/],
    ["dd/MM/YYYY", /use DD for the day of the month/],
    ["[no tokens here]", /has no date tokens/],
  ])("rejects %j", (pattern, message) => {
    expect(errorOf(() => formatWithPattern(parseIso("2024-01-01"), pattern))).toMatch(message);
  });
});

describe("parseWithPattern", () => {
  it.each([
    ["15/03/2024", "DD/MM/YYYY", "2024-03-15"],
    ["3/7/24", "M/D/YY", "2024-03-07"],
    ["Mar 5, 2024 2:30 PM", "MMM D, YYYY h:mm A", "2024-03-05T14:30:00Z"],
    ["march 5, 2024", "MMMM D, YYYY", "2024-03-05"],
    ["Tuesday 2024-03-05 12:00 am", "dddd YYYY-MM-DD hh:mm A", "2024-03-05T00:00:00Z"],
    ["2024.03.05 23:59:59", "YYYY.MM.DD HH:mm:ss", "2024-03-05T23:59:59Z"],
  ])("%j as %j → %s", (text, pattern, iso) => {
    expect(formatIso(parseWithPattern(text, pattern))).toBe(iso);
  });

  it.each([
    ["2024-03-15", "DD/MM/YYYY", /does not match pattern/],
    ["31/02/2024", "DD/MM/YYYY", /day 31 does not exist in February 2024/],
    ["15/03", "DD/MM", /has no year token/],
    ["2024-01-01 13:00 PM", "YYYY-MM-DD hh:mm A", /12-hour clock hour 13 is outside 1–12/],
  ])("rejects %j as %j", (text, pattern, message) => {
    expect(errorOf(() => parseWithPattern(text, pattern))).toMatch(message);
  });
});

import { describe, expect, it } from "vitest";
import {
  daysInMonth,
  formatClockTime,
  formatDateTime,
  fromSeconds,
  type NaiveDateTime,
  PythonValueError,
  pythonStringRepr,
  strptime,
  toSeconds,
} from "./python-datetime.ts";

const at = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): NaiveDateTime => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

// Expected values and messages from CPython 3.11 datetime.strptime.
describe("strptime accepts what CPython accepts", () => {
  it.each([
    ["10:30 AM", "%I:%M %p", at(1900, 1, 1, 10, 30)],
    ["12:00 am", "%I:%M %p", at(1900, 1, 1, 0, 0)],
    ["12:05 PM", "%I:%M %p", at(1900, 1, 1, 12, 5)],
    ["4:00 PM", "%I:%M %p", at(1900, 1, 1, 16, 0)],
    ["9:29AM", "%I:%M%p", at(1900, 1, 1, 9, 29)],
    ["09:30   am", "%I:%M %p", at(1900, 1, 1, 9, 30)],
    ["2024-9-1", "%Y-%m-%d", at(2024, 9, 1)],
    ["2024-02-29", "%Y-%m-%d", at(2024, 2, 29)],
    ["2024-09-02 05:40:15", "%Y-%m-%d %H:%M:%S", at(2024, 9, 2, 5, 40, 15)],
  ])("%j with %j", (text, format, expected) => {
    expect(strptime(text, format)).toEqual(expected);
  });
});

describe("strptime rejects what CPython rejects, with its message", () => {
  it.each([
    ["13:00 PM", "%I:%M %p", "time data '13:00 PM' does not match format '%I:%M %p'"],
    ["10:30", "%I:%M %p", "time data '10:30' does not match format '%I:%M %p'"],
    ["10:30 AM x", "%I:%M %p", "unconverted data remains:  x"],
    ["2023-02-29", "%Y-%m-%d", "day is out of range for month"],
    ["2024/09/01", "%Y-%m-%d", "time data '2024/09/01' does not match format '%Y-%m-%d'"],
    ["it's", "%Y-%m-%d", `time data "it's" does not match format '%Y-%m-%d'`],
    ["24-09-01", "%Y-%m-%d", "time data '24-09-01' does not match format '%Y-%m-%d'"],
    ["2024-09-01 23:59:60", "%Y-%m-%d %H:%M:%S", "second must be in 0..59"],
    [
      "2024-09-01 25:00:00",
      "%Y-%m-%d %H:%M:%S",
      "time data '2024-09-01 25:00:00' does not match format '%Y-%m-%d %H:%M:%S'",
    ],
  ])("%j with %j", (text, format, message) => {
    expect(() => strptime(text, format)).toThrow(PythonValueError);
    expect(() => strptime(text, format)).toThrow(message);
  });

  it("refuses directives it does not implement", () => {
    expect(() => strptime("Mon", "%a")).toThrow(/unsupported directive %a/);
  });
});

describe("date-time arithmetic and formatting", () => {
  it.each([
    [at(2024, 9, 1, 10, 30), 0, "2024-09-01 10:30:00"],
    [at(2024, 9, 1, 10, 30), 86400, "2024-09-02 10:30:00"],
    [at(2024, 12, 31, 23, 59, 59), 1, "2025-01-01 00:00:00"],
    [at(2024, 2, 28, 12), 86400, "2024-02-29 12:00:00"],
    [at(1, 1, 1), 0, "0001-01-01 00:00:00"],
  ])("%j + %i s is %s", (start, seconds, expected) => {
    expect(formatDateTime(fromSeconds(toSeconds(start) + seconds))).toBe(expected);
  });

  it.each([
    [at(2024, 9, 1, 10, 30), "10:30 AM"],
    [at(2024, 9, 1, 0, 5), "12:05 AM"],
    [at(2024, 9, 1, 12, 0), "12:00 PM"],
    [at(2024, 9, 1, 16, 7), "04:07 PM"],
  ])("%j prints as %s", (value, expected) => {
    expect(formatClockTime(value)).toBe(expected);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])("%i-%i has %i days", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe("pythonStringRepr", () => {
  it.each([
    ["order_type", "'order_type'"],
    ["it's", `"it's"`],
    [`both ' and "`, `'both \\' and "'`],
    ["tab\there\n", "'tab\\there\\n'"],
    ["back\\slash", "'back\\\\slash'"],
  ])("%j → %s", (text, expected) => {
    expect(pythonStringRepr(text)).toBe(expected);
  });
});

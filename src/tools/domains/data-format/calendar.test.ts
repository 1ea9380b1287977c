import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addToMoment,
  civilFromDays,
  type DateUnit,
  daysFromCivil,
  differenceIn,
  formatIso,
  isoWeek,
  MS_PER_DAY,
  parseIso,
  weekdayOf,
} from "./calendar.ts";
import { errorOf } from "./testing.ts";

describe("civil day arithmetic", () => {
  it("agrees with Date.UTC and round-trips for years 1–9999", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          const days = daysFromCivil(year, month, day);
          const reference = new Date(0);
          reference.setUTCFullYear(year, month - 1, day);
          expect(days).toBe(Math.floor(reference.getTime() / MS_PER_DAY));
          expect(civilFromDays(days)).toEqual({ year, month, day });
          expect(weekdayOf(days * MS_PER_DAY)).toBe(reference.getUTCDay());
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("parseIso / formatIso", () => {
  it.each([
    ["2024-03-15", "2024-03-15"],
    ["2024-03-15T14:30", "2024-03-15T14:30:00Z"],
    ["2024-03-15 14:30:05", "2024-03-15T14:30:05Z"],
    ["2024-03-15T14:30:05.25Z", "2024-03-15T14:30:05.250Z"],
    ["2024-03-15T01:00:00+02:00", "2024-03-14T23:00:00Z"],
    ["2024-03-15T23:30:00-0130", "2024-03-16T01:00:00Z"],
    ["2024-02-29", "2024-02-29"],
    [" 0001-01-01 ", "0001-01-01"],
  ])("%j → %j", (text, iso) => {
    expect(formatIso(parseIso(text))).toBe(iso);
  });

  it.each([
    ["15/03/2024", /is not an ISO 8601 date; use YYYY-MM-DD/],
    ["2023-02-29", /day 29 does not exist in February 2023/],
    ["2024-13-01", /month 13 is outside 1–12/],
    ["2024-01-01T24:00", /hour 24 is outside 0–23/],
    ["2024-01-01T10:60", /minute 60 is outside 0–59/],
    ["0000-01-01", /year 0 is outside 1–9999/],
    ["2024-01-01T10:00+15:00", /offset \+15:00 is invalid/],
  ])("rejects %j", (text, message) => {
    expect(errorOf(() => parseIso(text))).toMatch(message);
  });
});

describe("addToMoment", () => {
  it.each([
    ["2024-01-31", 1, "months", "2024-02-29"],
    ["2023-01-31", 1, "months", "2023-02-28"],
    ["2024-02-29", 1, "years", "2025-02-28"],
    ["2024-03-31", -1, "months", "2024-02-29"],
    ["2024-12-30", 5, "days", "2025-01-04"],
    ["2024-01-01", -1, "weeks", "2023-12-25"],
    ["2024-01-01", 36, "hours", "2024-01-02T12:00:00Z"],
    ["2024-01-01T23:59:30Z", 45, "seconds", "2024-01-02T00:00:15Z"],
    ["2024-01-31T08:00:00Z", 1, "months", "2024-02-29T08:00:00Z"],
  ] as Array<[string, number, DateUnit, string]>)("%s + %i %s = %s", (date, amount, unit, expected) => {
    expect(formatIso(addToMoment(parseIso(date), amount, unit))).toBe(expected);
  });

  it.each([
    ["9999-12-31", 1, "days"],
    ["0001-01-01", -1, "months"],
    ["9999-06-01", 1, "years"],
  ] as Array<[string, number, DateUnit]>)(
    "rejects %s + %i %s (outside years 1–9999)",
    (date, amount, unit) => {
      expect(errorOf(() => addToMoment(parseIso(date), amount, unit))).toMatch(/outside 1–9999/);
    },
  );
});

describe("differenceIn", () => {
  it.each([
    ["2024-01-01", "2024-03-01", "days", 60],
    ["2024-03-01", "2024-01-01", "days", -60],
    ["2024-01-01", "2024-01-02T06:00:00Z", "days", 1.25],
    ["2024-01-01", "2024-01-15", "weeks", 2],
    ["2024-01-01T00:00:00Z", "2024-01-01T01:30:00Z", "minutes", 90],
    ["2024-01-15", "2024-03-14", "months", 1],
    ["2024-01-15", "2024-03-15", "months", 2],
    ["2024-01-31", "2024-02-29", "months", 1],
    ["2024-03-15", "2024-01-16", "months", -1],
    ["2000-02-29", "2024-02-28", "years", 23],
    ["2000-02-29", "2024-02-29", "years", 24],
  ] as Array<[string, string, DateUnit, number]>)("%s → %s in %s = %d", (start, end, unit, expected) => {
    expect(differenceIn(parseIso(start), parseIso(end), unit)).toBe(expected);
  });
});

describe("isoWeek", () => {
  it.each([
    ["2024-01-01", 2024, 1],
    ["2021-01-03", 2020, 53],
    ["2020-12-31", 2020, 53],
    ["2026-12-31", 2026, 53],
    ["2019-12-30", 2020, 1],
  ])("%s is week %i-%i", (date, weekYear, week) => {
    expect(isoWeek(parseIso(date).ms)).toEqual({ week_year: weekYear, week });
  });
});

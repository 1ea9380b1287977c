/** data-format tools for dates: pure UTC arithmetic on given strings, never the current time. */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import {
  addToMoment,
  DATE_UNITS,
  daysFromCivil,
  daysInMonth,
  differenceIn,
  formatIso,
  isLeapYear,
  isoWeek,
  type Moment,
  MS_PER_DAY,
  msToFields,
  parseIso,
  WEEKDAYS,
  weekdayOf,
} from "./calendar.ts";
import { formatWithPattern, PATTERN_HELP, parseWithPattern } from "./date-pattern.ts";
import type { DataFormatState } from "./state.ts";

const isoDate = (what: string) =>
  z
    .string()
    .max(40)
    .describe(`${what}: ISO 8601, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]; no offset means UTC.`);

function describeMoment(moment: Moment) {
  const fields = msToFields(moment.ms);
  const weekday = weekdayOf(moment.ms);
  const dayOfYear = Math.floor(moment.ms / MS_PER_DAY) - daysFromCivil(fields.year, 1, 1) + 1;
  return {
    iso: formatIso(moment),
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour,
    minute: fields.minute,
    second: fields.second,
    weekday: WEEKDAYS[weekday],
    day_of_year: dayOfYear,
    ...isoWeek(moment.ms),
    quarter: Math.ceil(fields.month / 3),
    is_leap_year: isLeapYear(fields.year),
    days_in_month: daysInMonth(fields.year, fields.month),
    unix_seconds: Math.floor(moment.ms / 1000),
  };
}

export const dateParse = defineTool({
  name: "date_parse",
  description:
    "Parse a date into its parts (year, month, day, time, weekday, day of year, ISO week, quarter, leap year, " +
    "Unix seconds) and its canonical ISO form. Reads ISO 8601 by default, or any layout given as a pattern " +
    `(${PATTERN_HELP}). All in UTC.`,
  parameters: {
    date: z
      .string()
      .max(60)
      .describe('The date text, e.g. "2024-03-15", "2024-03-15T09:30:00Z" or "15/03/2024".'),
    pattern: z
      .string()
      .max(60)
      .optional()
      .describe('Layout of the text when it is not ISO 8601, e.g. "DD/MM/YYYY" or "MMM D, YYYY h:mm A".'),
  },
  latency: "fast",
  mutates: false,
  run: (_state: DataFormatState, args) =>
    describeMoment(
      args.pattern === undefined ? parseIso(args.date) : parseWithPattern(args.date, args.pattern),
    ),
});

export const dateFormat = defineTool({
  name: "date_format",
  description: `Write an ISO 8601 date in another layout given as a pattern (${PATTERN_HELP}), e.g. "dddd, MMMM D, YYYY".`,
  parameters: {
    date: isoDate("The date to format"),
    pattern: z
      .string()
      .min(1)
      .max(60)
      .describe('Output layout, e.g. "DD/MM/YYYY" or "MMM D, YYYY [at] HH:mm".'),
  },
  latency: "fast",
  mutates: false,
  run: (_state: DataFormatState, args) => ({ result: formatWithPattern(parseIso(args.date), args.pattern) }),
});

export const dateAdd = defineTool({
  name: "date_add",
  description:
    "Add (or, with a negative amount, subtract) an amount of time to a date. Months and years follow the calendar " +
    "and clamp the day to the month's end (2024-01-31 + 1 month = 2024-02-29). A date without a time stays a " +
    "date unless a time unit (seconds, minutes, hours) is added.",
  parameters: {
    date: isoDate("The starting date"),
    amount: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .describe("How many units to add; negative subtracts."),
    unit: z.enum(DATE_UNITS).describe("Unit of the amount."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: DataFormatState, args) => ({
    result: formatIso(addToMoment(parseIso(args.date), args.amount, args.unit)),
  }),
});

export const dateDiff = defineTool({
  name: "date_diff",
  description:
    "How much time lies from start to end (negative when end is earlier). Seconds to weeks are exact (may be " +
    "fractional, 6 decimals); months and years count whole calendar periods.",
  parameters: {
    start: isoDate("The earlier date"),
    end: isoDate("The later date"),
    unit: z.enum(DATE_UNITS).default("days").describe("Unit of the answer (default days)."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: DataFormatState, args) => ({
    difference: differenceIn(parseIso(args.start, "start"), parseIso(args.end, "end"), args.unit),
    unit: args.unit,
  }),
});

export const DATE_TOOLS = [dateParse, dateFormat, dateAdd, dateDiff];

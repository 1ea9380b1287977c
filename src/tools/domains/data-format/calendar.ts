/**
 * Proleptic Gregorian calendar arithmetic on plain integers, always in UTC: no `Date`, no current
 * time, no host time zone. A moment is milliseconds since 1970-01-01T00:00:00Z.
 */
import { ToolError } from "../../tool.ts";

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

export const WEEKDAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** A parsed date; `hasTime` remembers whether the text carried a time so output can match it. */
export interface Moment {
  readonly ms: number;
  readonly hasTime: boolean;
}

export interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function fieldsToMs(fields: Fields): number {
  return (
    daysFromCivil(fields.year, fields.month, fields.day) * MS_PER_DAY +
    fields.hour * MS_PER_HOUR +
    fields.minute * MS_PER_MINUTE +
    fields.second * MS_PER_SECOND +
    fields.millisecond
  );
}

export function msToFields(ms: number): Fields {
  const days = Math.floor(ms / MS_PER_DAY);
  let rest = ms - days * MS_PER_DAY;
  const hour = Math.floor(rest / MS_PER_HOUR);
  rest -= hour * MS_PER_HOUR;
  const minute = Math.floor(rest / MS_PER_MINUTE);
  rest -= minute * MS_PER_MINUTE;
  const second = Math.floor(rest / MS_PER_SECOND);
  return { ...civilFromDays(days), hour, minute, second, millisecond: rest - second * MS_PER_SECOND };
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOf(ms: number): number {
  const days = Math.floor(ms / MS_PER_DAY);
  return (((days + 4) % 7) + 7) % 7;
}

/** Check ranges; `source` names what was being read, for the error message. */
export function validateFields(fields: Fields, source: string): void {
  const problems: string[] = [];
  if (fields.year < 1 || fields.year > 9999) problems.push(`year ${fields.year} is outside 1–9999`);
  if (fields.month < 1 || fields.month > 12) problems.push(`month ${fields.month} is outside 1–12`);
  else if (fields.day < 1 || fields.day > daysInMonth(fields.year, fields.month)) {
    problems.push(`day ${fields.day} does not exist in ${MONTHS[fields.month - 1]} ${fields.year}`);
  }
  if (fields.hour > 23) problems.push(`hour ${fields.hour} is outside 0–23`);
  if (fields.minute > 59) problems.push(`minute ${fields.minute} is outside 0–59`);
  if (fields.second > 59) problems.push(`second ${fields.second} is outside 0–59`);
  if (problems.length > 0) throw new ToolError(`${source}: ${problems.join("; ")}`);
}

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 date or date-time; an offset such as +02:00 is converted to UTC, no offset means UTC. */
export function parseIso(text: string, label = "date"): Moment {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match) {
    throw new ToolError(
      `${label} ${JSON.stringify(text)} is not an ISO 8601 date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], e.g. 2024-03-15 or 2024-03-15T14:30:00Z`,
    );
  }
  const number = (index: number) => Number(match[index] ?? "0");
  const fields: Fields = {
    year: number(1),
    month: number(2),
    day: number(3),
    hour: number(4),
    minute: number(5),
    second: number(6),
    millisecond: Number((match[7] ?? "0").padEnd(3, "0")),
  };
  validateFields(fields, `${label} ${JSON.stringify(text)}`);
  const offset = match[8];
  let offsetMs = 0;
  if (offset !== undefined && offset !== "Z") {
    const digits = offset.replace(":", "");
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5));
    if (hours > 14 || minutes > 59)
      throw new ToolError(`${label} ${JSON.stringify(text)}: offset ${offset} is invalid`);
    offsetMs = (offset.startsWith("-") ? -1 : 1) * (hours * MS_PER_HOUR + minutes * MS_PER_MINUTE);
  }
  return { ms: fieldsToMs(fields) - offsetMs, hasTime: match[4] !== undefined };
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** `YYYY-MM-DD` for date-only moments, else `YYYY-MM-DDTHH:MM:SS[.sss]Z`. */
export function formatIso(moment: Moment): string {
  const fields = msToFields(moment.ms);
  const date = `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}`;
  if (!moment.hasTime) return date;
  const fraction = fields.millisecond === 0 ? "" : `.${pad(fields.millisecond, 3)}`;
  return `${date}T${pad(fields.hour)}:${pad(fields.minute)}:${pad(fields.second)}${fraction}Z`;
}

export const DATE_UNITS = ["seconds", "minutes", "hours", "days", "weeks", "months", "years"] as const;
export type DateUnit = (typeof DATE_UNITS)[number];

const FIXED_UNIT_MS: Record<Exclude<DateUnit, "months" | "years">, number> = {
  seconds: MS_PER_SECOND,
  minutes: MS_PER_MINUTE,
  hours: MS_PER_HOUR,
  days: MS_PER_DAY,
  weeks: 7 * MS_PER_DAY,
};

/** Calendar months; the day is clamped to the target month's length (Jan 31 + 1 month = Feb 28/29). */
function addMonths(ms: number, months: number): number {
  const fields = msToFields(ms);
  const monthIndex = fields.year * 12 + (fields.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(fields.day, daysInMonth(year, month));
  if (year < 1 || year > 9999) throw new ToolError(`the result would fall in year ${year}, outside 1–9999`);
  return fieldsToMs({ ...fields, year, month, day });
}

export function addToMoment(moment: Moment, amount: number, unit: DateUnit): Moment {
  let ms: number;
  if (unit === "months" || unit === "years")
    ms = addMonths(moment.ms, unit === "years" ? amount * 12 : amount);
  else ms = moment.ms + amount * FIXED_UNIT_MS[unit];
  const { year } = msToFields(ms);
  if (year < 1 || year > 9999) throw new ToolError(`the result would fall in year ${year}, outside 1–9999`);
  const hasTime =
    moment.hasTime || !(unit === "days" || unit === "weeks" || unit === "months" || unit === "years");
  return { ms, hasTime };
}

/** `end − start` in a unit: fixed units exactly (6 decimals), months/years as whole calendar periods. */
export function differenceIn(start: Moment, end: Moment, unit: DateUnit): number {
  if (unit === "months" || unit === "years") {
    const step = unit === "years" ? 12 : 1;
    const from = msToFields(start.ms);
    const to = msToFields(end.ms);
    let periods = Math.trunc(((to.year - from.year) * 12 + (to.month - from.month)) / step);
    // Step back while the whole periods overshoot `end` (e.g. Jan 15 → Feb 10 is 0 months).
    const overshoots = (count: number) => {
      const reached = addMonths(start.ms, count * step);
      return count > 0 ? reached > end.ms : reached < end.ms;
    };
    while (periods !== 0 && overshoots(periods)) periods -= Math.sign(periods);
    return periods;
  }
  return Math.round(((end.ms - start.ms) / FIXED_UNIT_MS[unit]) * 1e6) / 1e6;
}

/** ISO week-numbering (weeks start Monday; week 1 holds the year's first Thursday). */
export function isoWeek(ms: number): { week_year: number; week: number } {
  const days = Math.floor(ms / MS_PER_DAY);
  const isoWeekday = ((weekdayOf(ms) + 6) % 7) + 1;
  const thursday = days - isoWeekday + 4;
  const weekYear = civilFromDays(thursday).year;
  const week = Math.floor((thursday - daysFromCivil(weekYear, 1, 1)) / 7) + 1;
  return { week_year: weekYear, week };
}

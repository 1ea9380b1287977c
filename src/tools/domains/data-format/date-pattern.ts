/**
 * Date patterns with case-sensitive tokens: YYYY YY MMMM MMM MM M DD D dddd ddd HH H hh h mm ss A.
 * Text in [brackets] is literal. Used both to format a moment and to read a date in a known layout.
 */
import { ToolError } from "../../tool.ts";
import {
  type Fields,
  fieldsToMs,
  MONTHS,
  type Moment,
  msToFields,
  validateFields,
  WEEKDAYS,
  weekdayOf,
} from "./calendar.ts";

const TOKEN_PATTERN = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|ss|A/g;

export const PATTERN_HELP =
  "tokens (case-sensitive): YYYY YY year, MMMM MMM MM M month, DD D day, dddd ddd weekday, HH H hh h hour, " +
  "mm minute, ss second, A AM/PM; text in [brackets] is literal";

type Piece = { literal: string } | { token: string };

function tokenize(pattern: string): Piece[] {
  // Common spellings from other libraries that would silently print the wrong thing here.
  const outsideLiterals = pattern.replace(/\[[^\]]*\]/g, "");
  if (/yy/.test(outsideLiterals)) {
    throw new ToolError(`pattern ${JSON.stringify(pattern)}: use YYYY for the year; ${PATTERN_HELP}`);
  }
  if (/(^|[^d])dd([^d]|$)/.test(outsideLiterals)) {
    throw new ToolError(
      `pattern ${JSON.stringify(pattern)}: use DD for the day of the month; ${PATTERN_HELP}`,
    );
  }
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of pattern.matchAll(TOKEN_PATTERN)) {
    if (match.index > last) pieces.push({ literal: pattern.slice(last, match.index) });
    pieces.push(match[1] === undefined ? { token: match[0] } : { literal: match[1] });
    last = match.index + match[0].length;
  }
  if (last < pattern.length) pieces.push({ literal: pattern.slice(last) });
  if (!pieces.some((piece) => "token" in piece)) {
    throw new ToolError(`pattern ${JSON.stringify(pattern)} has no date tokens; ${PATTERN_HELP}`);
  }
  return pieces;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function formatToken(token: string, fields: Fields, weekday: number): string {
  const hour12 = fields.hour % 12 === 0 ? 12 : fields.hour % 12;
  const monthName = MONTHS[fields.month - 1] ?? "";
  const weekdayName = WEEKDAYS[weekday] ?? "";
  const values: Record<string, string> = {
    YYYY: pad(fields.year, 4),
    YY: pad(fields.year % 100),
    MMMM: monthName,
    MMM: monthName.slice(0, 3),
    MM: pad(fields.month),
    M: String(fields.month),
    DD: pad(fields.day),
    D: String(fields.day),
    dddd: weekdayName,
    ddd: weekdayName.slice(0, 3),
    HH: pad(fields.hour),
    H: String(fields.hour),
    hh: pad(hour12),
    h: String(hour12),
    mm: pad(fields.minute),
    ss: pad(fields.second),
    A: fields.hour < 12 ? "AM" : "PM",
  };
  return values[token] ?? token;
}

export function formatWithPattern(moment: Moment, pattern: string): string {
  const fields = msToFields(moment.ms);
  const weekday = weekdayOf(moment.ms);
  return tokenize(pattern)
    .map((piece) => ("literal" in piece ? piece.literal : formatToken(piece.token, fields, weekday)))
    .join("");
}

const monthAlternatives = MONTHS.flatMap((name) => [name, name.slice(0, 3)]).join("|");
const weekdayAlternatives = WEEKDAYS.flatMap((name) => [name, name.slice(0, 3)]).join("|");

const PARSE_REGEX: Record<string, string> = {
  YYYY: "(\\d{4})",
  YY: "(\\d{2})",
  MMMM: `(${monthAlternatives})`,
  MMM: `(${monthAlternatives})`,
  MM: "(\\d{2})",
  M: "(\\d{1,2})",
  DD: "(\\d{2})",
  D: "(\\d{1,2})",
  dddd: `(?:${weekdayAlternatives})`,
  ddd: `(?:${weekdayAlternatives})`,
  HH: "(\\d{2})",
  H: "(\\d{1,2})",
  hh: "(\\d{2})",
  h: "(\\d{1,2})",
  mm: "(\\d{2})",
  ss: "(\\d{2})",
  A: "(AM|PM|am|pm)",
};

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Read `text` laid out as `pattern` (UTC). Two-digit years are 2000–2099. Weekday names are not checked. */
export function parseWithPattern(text: string, pattern: string): Moment {
  const pieces = tokenize(pattern);
  const tokens = pieces.flatMap((piece) =>
    "token" in piece && !piece.token.startsWith("d") ? [piece.token] : [],
  );
  const source = pieces
    .map((piece) => ("literal" in piece ? escapeRegExp(piece.literal) : (PARSE_REGEX[piece.token] ?? "")))
    .join("");
  const match = new RegExp(`^${source}$`, "i").exec(text.trim());
  if (!match)
    throw new ToolError(`date ${JSON.stringify(text)} does not match pattern ${JSON.stringify(pattern)}`);
  if (!tokens.some((token) => token.startsWith("Y"))) {
    throw new ToolError(
      `pattern ${JSON.stringify(pattern)} has no year token (YYYY or YY), so the date is ambiguous`,
    );
  }
  const fields: Fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let meridiem: string | undefined;
  let twelveHour = false;
  tokens.forEach((token, index) => {
    const value = match[index + 1] ?? "";
    if (token === "YYYY") fields.year = Number(value);
    else if (token === "YY") fields.year = 2000 + Number(value);
    else if (token.startsWith("M") && value.length >= 3) fields.month = monthNumber(value);
    else if (token.startsWith("M")) fields.month = Number(value);
    else if (token.startsWith("D")) fields.day = Number(value);
    else if (token.startsWith("H")) fields.hour = Number(value);
    else if (token.startsWith("h")) {
      fields.hour = Number(value);
      twelveHour = true;
    } else if (token === "mm") fields.minute = Number(value);
    else if (token === "ss") fields.second = Number(value);
    else if (token === "A") meridiem = value.toUpperCase();
  });
  if (twelveHour) {
    if (fields.hour < 1 || fields.hour > 12)
      throw new ToolError(`date ${JSON.stringify(text)}: 12-hour clock hour ${fields.hour} is outside 1–12`);
    fields.hour = (fields.hour % 12) + (meridiem === "PM" ? 12 : 0);
  }
  validateFields(fields, `date ${JSON.stringify(text)}`);
  const hasTime = tokens.some((token) => /^[Hhms]/.test(token));
  return { ms: fieldsToMs(fields), hasTime };
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return (
    MONTHS.findIndex((month) => month.toLowerCase() === lower || month.slice(0, 3).toLowerCase() === lower) +
    1
  );
}

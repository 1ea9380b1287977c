/**
 * The slice of Python's `datetime.strptime` that the trading and travel ports need, with the same
 * acceptance rules (e.g. `%m` takes "9" or "09", `%p` ignores case) and the same ValueError texts,
 * so invalid input fails exactly where upstream fails. Also formatting of naive date-times.
 */

/** A naive date-time (no time zone), as Python's `datetime` without tzinfo. */
export interface NaiveDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Python raised ValueError; `message` is its text. */
export class PythonValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ValueError";
  }
}

/** CPython's `_strptime` regex for each directive we support. */
const DIRECTIVES: Readonly<Record<string, string>> = {
  Y: "(?<Y>\\d\\d\\d\\d)",
  m: "(?<m>1[0-2]|0[1-9]|[1-9])",
  d: "(?<d>3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])",
  H: "(?<H>2[0-3]|[0-1]\\d|\\d)",
  I: "(?<I>1[0-2]|0[1-9]|[1-9])",
  M: "(?<M>[0-5]\\d|\\d)",
  S: "(?<S>6[0-1]|[0-5]\\d|\\d)",
  p: "(?<p>am|pm)",
};

const compiled = new Map<string, RegExp>();

function formatRegex(format: string): RegExp {
  const cached = compiled.get(format);
  if (cached) return cached;
  let source = "";
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!;
    if (char === "%") {
      const directive = format[++i] ?? "";
      const pattern = DIRECTIVES[directive];
      if (pattern === undefined) throw new Error(`python-datetime: unsupported directive %${directive}`);
      source += pattern;
    } else if (/\s/.test(char)) {
      source += "\\s+"; // CPython turns format whitespace into \s+
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  const regex = new RegExp(`^${source}`, "i");
  compiled.set(format, regex);
  return regex;
}

/** Python's `repr` of a str: single quotes unless the text holds one and no double quote. */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "\\") body += "\\\\";
    else if (char === quote) body += `\\${quote}`;
    else if (char === "\n") body += "\\n";
    else if (char === "\r") body += "\\r";
    else if (char === "\t") body += "\\t";
    else if (code < 0x20 || code === 0x7f) body += `\\x${code.toString(16).padStart(2, "0")}`;
    else body += char;
  }
  return `${quote}${body}${quote}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** `datetime.strptime(text, format)` for %Y %m %d %H %I %M %S %p; throws PythonValueError like CPython. */
export function strptime(text: string, format: string): NaiveDateTime {
  const found = formatRegex(format).exec(text);
  if (!found) {
    throw new PythonValueError(
      `time data ${pythonStringRepr(text)} does not match format ${pythonStringRepr(format)}`,
    );
  }
  if (found[0].length !== text.length) {
    throw new PythonValueError(`unconverted data remains: ${text.slice(found[0].length)}`);
  }
  const groups = found.groups ?? {};
  const number = (name: string, fallback: number) =>
    groups[name] === undefined ? fallback : Number.parseInt(groups[name]!.trim(), 10);
  let hour = number("H", 0);
  if (groups.I !== undefined) {
    // %I without %p means AM; 12 AM is midnight and 12 PM is noon.
    const twelveHour = number("I", 12);
    const pm = groups.p?.toLowerCase() === "pm";
    hour = pm ? (twelveHour === 12 ? 12 : twelveHour + 12) : twelveHour === 12 ? 0 : twelveHour;
  }
  const result: NaiveDateTime = {
    year: number("Y", 1900),
    month: number("m", 1),
    day: number("d", 1),
    hour,
    minute: number("M", 0),
    second: number("S", 0),
  };
  if (result.second > 59) throw new PythonValueError("second must be in 0..59");
  if (result.day > daysInMonth(result.year, result.month)) {
    throw new PythonValueError("day is out of range for month");
  }
  return result;
}

/** Seconds since 0001-01-01 00:00:00, for ordering and adding seconds to naive date-times. */
export function toSeconds(value: NaiveDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(value.year, value.month - 1, value.day);
  date.setUTCHours(value.hour, value.minute, value.second, 0);
  return date.getTime() / 1000;
}

export function fromSeconds(seconds: number): NaiveDateTime {
  const date = new Date(seconds * 1000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** `strftime("%Y-%m-%d %H:%M:%S")`. */
export function formatDateTime(value: NaiveDateTime): string {
  return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)} ${pad(value.hour)}:${pad(value.minute)}:${pad(value.second)}`;
}

/** `strftime("%I:%M %p")` in the C locale. */
export function formatClockTime(value: NaiveDateTime): string {
  const twelveHour = value.hour % 12 === 0 ? 12 : value.hour % 12;
  return `${pad(twelveHour)}:${pad(value.minute)} ${value.hour < 12 ? "AM" : "PM"}`;
}

/**
 * Python's text semantics, which the upstream file system uses and JavaScript does not share:
 * `str.splitlines`, `str.split()`, `len` in code points, `sorted` by code point, and
 * `f"{x:.2f}"` rounding (half to even on the exact binary value).
 */

/** Every line boundary `str.splitlines` knows; `\r\n` counts as one. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python treats these separators as line breaks.
const LINE_BOUNDARY = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** `str.splitlines()`: a trailing boundary does not start an empty last line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(LINE_BOUNDARY);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The characters `str.isspace()` accepts (JavaScript's `\s` differs on several). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python counts these separators as whitespace.
const PYTHON_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** `str.split()` with no separator: runs of whitespace separate, empty pieces are dropped. */
export function splitWords(text: string): string[] {
  return text.split(PYTHON_WHITESPACE).filter((word) => word !== "");
}

/** `len(text)`: code points, not UTF-16 units. */
export function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Python's string order: by code point (UTF-16 order differs above U+FFFF). */
export function compareCodePoints(left: string, right: string): number {
  const a = left[Symbol.iterator]();
  const b = right[Symbol.iterator]();
  for (;;) {
    const x = a.next();
    const y = b.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const difference = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
}

/**
 * `f"{numerator / denominator:.2f}"` for non-negative integers, exactly: Python rounds the
 * binary value half to even, and `toFixed` rounds exact ties up (1152/1024 = 1.125 → "1.12").
 * The denominators here are powers of two, so the float Python formats is this exact ratio.
 */
export function formatRatioTwoDecimals(numerator: bigint, denominator: bigint): string {
  const scaled = numerator * 100n;
  let hundredths = scaled / denominator;
  const twiceRemainder = (scaled % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && hundredths % 2n === 1n))
    hundredths += 1n;
  const whole = hundredths / 100n;
  const fraction = (hundredths % 100n).toString().padStart(2, "0");
  return `${whole}.${fraction}`;
}

/** Upstream `du -h` text: B, KB, … TB while the size is under 1024 of the unit, else PB. */
export function humanReadableSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  const size = BigInt(bytes);
  let denominator = 1n;
  for (const unit of units) {
    if (size < denominator * 1024n) return `${formatRatioTwoDecimals(size, denominator)} ${unit}`;
    denominator *= 1024n;
  }
  return `${formatRatioTwoDecimals(size, denominator)} PB`;
}

/** Size of a text in UTF-8 bytes, as `len(text.encode("utf-8"))`. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

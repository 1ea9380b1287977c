/** Locale-free number formatting and parsing with explicit separators. */
import { ToolError } from "../../tool.ts";

/** Largest magnitude formatted exactly; beyond it doubles cannot hold every integer digit. */
export const MAX_FORMAT_MAGNITUDE = 1e15;

/** Round half away from zero at `decimals` places, working on the decimal text to avoid 1.005 → 1.00. */
export function roundDecimal(value: number, decimals: number): number {
  const magnitude = String(Math.abs(value));
  // Exponent notation (tiny or huge values) cannot be shifted by text; plain scaling is exact enough there.
  if (magnitude.includes("e")) return Math.round(value * 10 ** decimals) / 10 ** decimals;
  const sign = value < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${magnitude}e${decimals}`));
  return sign * Number(`${shifted}e-${decimals}`);
}

export function formatNumber(
  value: number,
  options: { decimals: number; thousandsSeparator: string; decimalSeparator: string },
): string {
  if (Math.abs(value) >= MAX_FORMAT_MAGNITUDE) {
    throw new ToolError(
      `value ${value} is too large to format exactly; the limit is ±${MAX_FORMAT_MAGNITUDE}`,
    );
  }
  checkSeparators(options.thousandsSeparator, options.decimalSeparator);
  const rounded = roundDecimal(value, options.decimals);
  const [whole = "0", fraction] = Math.abs(rounded).toFixed(options.decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, options.thousandsSeparator);
  const sign = rounded < 0 ? "-" : "";
  return fraction === undefined ? sign + grouped : `${sign}${grouped}${options.decimalSeparator}${fraction}`;
}

function checkSeparators(thousands: string, decimal: string): void {
  if (decimal === "") throw new ToolError("decimal_separator must not be empty");
  if (thousands === decimal) {
    throw new ToolError(
      `thousands_separator and decimal_separator are both ${JSON.stringify(decimal)}; they must differ`,
    );
  }
  if (/\d|-|\+/.test(thousands + decimal)) throw new ToolError("separators must not contain digits or signs");
}

/**
 * Read a formatted number such as "1,234.50", "-3 000,5" (with those separators), "12%" (→ 0.12)
 * or "$1,200" (currency symbols before or after are dropped).
 */
export function parseNumber(
  text: string,
  options: { thousandsSeparator: string; decimalSeparator: string },
): { value: number; percent: boolean } {
  checkSeparators(options.thousandsSeparator, options.decimalSeparator);
  let body = text.trim().replace(/^[$€£¥]\s*|\s*[$€£¥]$/gu, "");
  const percent = body.endsWith("%");
  if (percent) body = body.slice(0, -1).trim();
  const [whole = "", fraction, ...extra] = body.split(options.decimalSeparator);
  // Separators must group whole digits in threes ("1,234"), so "1.234,5" read with US separators is rejected.
  const grouped =
    options.thousandsSeparator === "" ||
    !whole.includes(options.thousandsSeparator) ||
    new RegExp(`^[+-]?\\d{1,3}(${escapeRegExp(options.thousandsSeparator)}\\d{3})+$`).test(whole);
  const digits = options.thousandsSeparator === "" ? whole : whole.split(options.thousandsSeparator).join("");
  body = digits + (fraction === undefined ? "" : `.${fraction}`);
  if (extra.length > 0 || !grouped || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) {
    throw new ToolError(
      `${JSON.stringify(text)} is not a number with thousands separator ${JSON.stringify(options.thousandsSeparator)} and decimal separator ${JSON.stringify(options.decimalSeparator)}`,
    );
  }
  const value = Number(body);
  return { value: percent ? roundDecimal(value / 100, 12) : value, percent };
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

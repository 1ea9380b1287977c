import { describe, expect, it } from "vitest";
import { formatNumber, parseNumber, roundDecimal } from "./numbers.ts";
import { errorOf } from "./testing.ts";
import { convertUnits } from "./units.ts";

const us = { thousandsSeparator: ",", decimalSeparator: "." };
const european = { thousandsSeparator: ".", decimalSeparator: "," };

describe("roundDecimal", () => {
  it.each([
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [1234.5678, 1, 1234.6],
    [1e-7, 2, 0],
    [123, 0, 123],
  ])("round(%d, %i) = %d", (value, decimals, expected) => {
    expect(roundDecimal(value, decimals)).toBe(expected);
  });
});

describe("formatNumber", () => {
  it.each([
    [1234567.891, 2, us, "1,234,567.89"],
    [1234567.891, 0, us, "1,234,568"],
    [-1234.5, 1, european, "-1.234,5"],
    [0.125, 2, us, "0.13"],
    [999.999, 2, us, "1,000.00"],
    [-0.001, 2, us, "0.00"],
    [1234, 2, { thousandsSeparator: "", decimalSeparator: "." }, "1234.00"],
    [1234567, 0, { thousandsSeparator: " ", decimalSeparator: "," }, "1 234 567"],
  ])("%d with %i decimals, %j → %j", (value, decimals, separators, expected) => {
    expect(formatNumber(value, { decimals, ...separators })).toBe(expected);
  });

  it.each([
    [1e15, us, /too large to format exactly/],
    [1, { thousandsSeparator: ".", decimalSeparator: "." }, /must differ/],
    [1, { thousandsSeparator: "0", decimalSeparator: "." }, /must not contain digits or signs/],
  ])("rejects %d with %j", (value, separators, message) => {
    expect(errorOf(() => formatNumber(value, { decimals: 2, ...separators }))).toMatch(message);
  });
});

describe("parseNumber", () => {
  it.each([
    ["1,234.50", us, { value: 1234.5, percent: false }],
    ["-1.234,5", european, { value: -1234.5, percent: false }],
    ["$1,200", us, { value: 1200, percent: false }],
    ["1 200 €", { thousandsSeparator: " ", decimalSeparator: "," }, { value: 1200, percent: false }],
    ["12.5%", us, { value: 0.125, percent: true }],
    ["  +7 ", us, { value: 7, percent: false }],
    ["1e3", us, { value: 1000, percent: false }],
    ["1234.5", us, { value: 1234.5, percent: false }],
  ])("%j with %j", (text, separators, expected) => {
    expect(parseNumber(text, separators)).toEqual(expected);
  });

  it.each([
    ["twelve", us],
    ["1.234,5", us],
    ["", us],
    ["1,2,3.4.5", us],
    ["12,34", us],
    ["1.5.2", us],
  ])("rejects %j with %j", (text, separators) => {
    expect(errorOf(() => parseNumber(text, separators))).toMatch(/is not a number with thousands separator/);
  });
});

describe("convertUnits", () => {
  it.each([
    [1, "km", "m", 1000, "length"],
    [1, "mile", "km", 1.609344, "length"],
    [12, "inches", "Feet", 1, "length"],
    [0.1, "ft", "m", 0.03048, "length"],
    [100, "°C", "F", 212, "temperature"],
    [32, "fahrenheit", "celsius", 0, "temperature"],
    [0, "K", "C", -273.15, "temperature"],
    [1, "lb", "g", 453.59237, "mass"],
    [1, "gal", "l", 3.785411784, "volume"],
    [90, "minutes", "h", 1.5, "time"],
    [2, "days", "hours", 48, "time"],
    [1, "GiB", "MB", 1073.741824, "data"],
    [100, "km/h", "m/s", 27.77777778, "speed"],
  ])("%d %s → %s = %d (%s)", (value, from, to, expected, category) => {
    const result = convertUnits(value, from, to);
    expect(result.value).toBe(expected);
    expect(result.category).toBe(category);
  });

  it("names the canonical symbols", () => {
    expect(convertUnits(1, "Kilometres", "metre")).toEqual({
      value: 1000,
      from_unit: "km",
      to_unit: "m",
      category: "length",
    });
  });

  it.each([
    ["parsec", "m", /unknown from_unit "parsec"; known units are length: mm/],
    ["m", "furlong", /unknown to_unit "furlong"/],
    ["kg", "m", /cannot convert kg \(mass\) to m \(length\)/],
  ])("rejects %s → %s", (from, to, message) => {
    expect(errorOf(() => convertUnits(1, from, to))).toMatch(message);
  });
});

/** data-format tools for numbers and units. */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import { formatNumber, MAX_FORMAT_MAGNITUDE, parseNumber } from "./numbers.ts";
import type { DataFormatState } from "./state.ts";
import { convertUnits, unitCatalogue } from "./units.ts";

const thousandsSeparator = z
  .string()
  .max(3)
  .default(",")
  .describe('Between groups of three digits (default ","; "" for none, " " or "." also common).');
const decimalSeparator = z
  .string()
  .min(1)
  .max(3)
  .default(".")
  .describe('Before the fraction digits (default ".").');

export const numberFormat = defineTool({
  name: "number_format",
  description:
    "Format a number as text with a fixed number of decimals (rounded half away from zero) and a thousands " +
    `separator, e.g. 1234567.891 → "1,234,567.89". Magnitudes up to ${MAX_FORMAT_MAGNITUDE}.`,
  parameters: {
    value: z.number().describe("The number to format."),
    decimals: z
      .number()
      .int()
      .min(0)
      .max(10)
      .default(2)
      .describe("Digits after the decimal separator (default 2)."),
    thousands_separator: thousandsSeparator,
    decimal_separator: decimalSeparator,
  },
  latency: "instant",
  mutates: false,
  run: (_state: DataFormatState, args) => ({
    result: formatNumber(args.value, {
      decimals: args.decimals,
      thousandsSeparator: args.thousands_separator,
      decimalSeparator: args.decimal_separator,
    }),
  }),
});

export const numberParse = defineTool({
  name: "number_parse",
  description:
    'Read a number from formatted text such as "1,234.50", "$1,200" or "12.5%" (a percent sign divides by 100 ' +
    "and sets percent: true). The separators say how the text was written.",
  parameters: {
    text: z.string().max(200).describe("The formatted number."),
    thousands_separator: thousandsSeparator,
    decimal_separator: decimalSeparator,
  },
  latency: "instant",
  mutates: false,
  run: (_state: DataFormatState, args) =>
    parseNumber(args.text, {
      thousandsSeparator: args.thousands_separator,
      decimalSeparator: args.decimal_separator,
    }),
});

export const unitConvert = defineTool({
  name: "unit_convert",
  description:
    "Convert a value between units of the same kind (result rounded to 10 significant digits). Units may be " +
    `given by symbol or name, singular or plural, any case. Known units: ${unitCatalogue()}.`,
  parameters: {
    value: z.number().describe("The amount to convert."),
    from_unit: z.string().min(1).max(40).describe('Unit of the value, e.g. "km", "miles", "°F".'),
    to_unit: z.string().min(1).max(40).describe('Unit to convert to, e.g. "m", "kg", "celsius".'),
  },
  latency: "instant",
  mutates: false,
  run: (_state: DataFormatState, args) => convertUnits(args.value, args.from_unit, args.to_unit),
});

export const NUMBER_UNIT_TOOLS = [numberFormat, numberParse, unitConvert];

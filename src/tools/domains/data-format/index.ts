import { defineDomain } from "../../domain.ts";
import { CSV_JSON_TOOLS } from "./csv-json-tools.ts";
import { DATE_TOOLS } from "./date-tools.ts";
import { NUMBER_UNIT_TOOLS } from "./number-unit-tools.ts";
import { DataFormatState } from "./state.ts";

/** Formatting and parsing of CSV, JSON, numbers, units and dates; every tool is a pure function. */
export const dataFormatDomain = defineDomain<DataFormatState>({
  name: "data-format",
  description:
    "Parse and format data: CSV to records and back, JSON pretty-printing and path lookup, number formatting " +
    "and parsing, unit conversion, and UTC date parsing, formatting and arithmetic.",
  config: DataFormatState,
  tools: [...CSV_JSON_TOOLS, ...NUMBER_UNIT_TOOLS, ...DATE_TOOLS],
});

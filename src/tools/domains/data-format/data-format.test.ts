import { describe, expect, it } from "vitest";
import { toolJsonSchema } from "../../tool.ts";
import { dataFormatDomain } from "./index.ts";
import { callFormat, errorOf } from "./testing.ts";

describe("data-format domain", () => {
  it("has at least 8 pure tools with JSON schemas and an empty state", () => {
    expect(dataFormatDomain.tools.length).toBeGreaterThanOrEqual(8);
    for (const tool of dataFormatDomain.tools) {
      expect(tool.mutates).toBe(false);
      expect(tool.resources({}, {})).toEqual([]);
      expect(toolJsonSchema(tool).type).toBe("object");
    }
    expect(dataFormatDomain.config.parse({})).toEqual({});
  });
});

describe("data-format tools: normal cases", () => {
  it.each([
    [
      "csv_to_records",
      { csv: "sku,qty\nA1,3\nB2,5\n", infer_types: true },
      {
        columns: ["sku", "qty"],
        records: [
          { sku: "A1", qty: 3 },
          { sku: "B2", qty: 5 },
        ],
        row_count: 2,
      },
    ],
    [
      "csv_to_records",
      { csv: "a\tb\n1\t2", delimiter: "\t", header: false },
      {
        columns: ["column_1", "column_2"],
        records: [
          { column_1: "a", column_2: "b" },
          { column_1: "1", column_2: "2" },
        ],
        row_count: 2,
      },
    ],
    [
      "records_to_csv",
      { records: [{ name: "Ada, L.", age: 36 }, { name: "Bob" }] },
      { csv: 'name,age\n"Ada, L.",36\nBob,\n', columns: ["name", "age"], row_count: 2 },
    ],
    [
      "json_pretty",
      { json_text: '{"b":1,"a":[1,2]}', indent: 0, sort_keys: true },
      { result: '{"a":[1,2],"b":1}' },
    ],
    ["json_pretty", { json_text: '{"a":1}' }, { result: '{\n  "a": 1\n}' }],
    [
      "json_get_path",
      { json_text: '{"orders":[{"id":7},{"id":9}]}', path: "orders[1].id" },
      { value: 9, type: "number" },
    ],
    [
      "json_get_path",
      { json_text: '{"orders":[{"id":7}]}', path: "orders.0" },
      { value: { id: 7 }, type: "object" },
    ],
    ["json_get_path", { json_text: "[1,null]", path: "[1]" }, { value: null, type: "null" }],
    ["json_get_path", { json_text: '"x"', path: "" }, { value: "x", type: "string" }],
    ["number_format", { value: 1234567.891 }, { result: "1,234,567.89" }],
    [
      "number_format",
      { value: 1234.5, decimals: 0, thousands_separator: ".", decimal_separator: "," },
      { result: "1.235" },
    ],
    ["number_parse", { text: "$1,234.50" }, { value: 1234.5, percent: false }],
    ["number_parse", { text: "45%" }, { value: 0.45, percent: true }],
    [
      "unit_convert",
      { value: 5, from_unit: "miles", to_unit: "km" },
      { value: 8.04672, from_unit: "mi", to_unit: "km", category: "length" },
    ],
    [
      "date_parse",
      { date: "2024-02-29T13:45:00+01:00" },
      {
        iso: "2024-02-29T12:45:00Z",
        year: 2024,
        month: 2,
        day: 29,
        hour: 12,
        minute: 45,
        second: 0,
        weekday: "Thursday",
        day_of_year: 60,
        week_year: 2024,
        week: 9,
        quarter: 1,
        is_leap_year: true,
        days_in_month: 29,
        unix_seconds: 1709210700,
      },
    ],
    [
      "date_format",
      { date: "2024-07-04", pattern: "dddd, MMMM D, YYYY" },
      { result: "Thursday, July 4, 2024" },
    ],
    ["date_add", { date: "2024-01-31", amount: 1, unit: "months" }, { result: "2024-02-29" }],
    [
      "date_add",
      { date: "2024-03-10T12:00:00Z", amount: -90, unit: "minutes" },
      { result: "2024-03-10T10:30:00Z" },
    ],
    ["date_diff", { start: "2024-01-01", end: "2024-12-25" }, { difference: 359, unit: "days" }],
    [
      "date_diff",
      { start: "1990-06-15", end: "2024-06-14", unit: "years" },
      { difference: 33, unit: "years" },
    ],
  ])("%s %j", (name, args, expected) => {
    expect(callFormat(name, args)).toEqual(expected);
  });

  it("date_parse reads a custom layout and agrees with the ISO form", () => {
    const custom = callFormat("date_parse", { date: "Jul 4, 2024", pattern: "MMM D, YYYY" });
    expect(custom).toEqual(callFormat("date_parse", { date: "2024-07-04" }));
  });
});

describe("data-format tools: errors", () => {
  it.each([
    ["csv_to_records", { csv: "" }, /the CSV text is empty/],
    ["csv_to_records", { csv: "a,b\n1" }, /record 1 has 1 fields but the header has 2/],
    ["csv_to_records", { csv: "a", delimiter: "||" }, /delimiter must be one character/],
    ["records_to_csv", { records: [{ a: [1] }] }, /records\[0\]\.a is a list/],
    ["records_to_csv", { records: [] }, /nothing to write/],
    ["json_pretty", { json_text: "{bad" }, /json_text is not valid JSON/],
    ["json_get_path", { json_text: "{", path: "a" }, /json_text is not valid JSON/],
    ["json_get_path", { json_text: '{"a":{"b":1}}', path: "a.c" }, /a has no key "c" \(keys: b\)/],
    [
      "json_get_path",
      { json_text: '{"a":[1,2]}', path: "a[5]" },
      /a is a list of 2 items; "5" is not a valid index/,
    ],
    ["json_get_path", { json_text: '{"a":3}', path: "a.b" }, /a is a number, so it has no "b"/],
    ["number_format", { value: 1, thousands_separator: "." }, /must differ/],
    ["number_parse", { text: "abc" }, /is not a number/],
    [
      "unit_convert",
      { value: 1, from_unit: "kg", to_unit: "km" },
      /cannot convert kg \(mass\) to km \(length\)/,
    ],
    ["unit_convert", { value: 1, from_unit: "stone", to_unit: "kg" }, /unknown from_unit "stone"/],
    ["date_parse", { date: "March 3rd" }, /not an ISO 8601 date/],
    ["date_parse", { date: "03/2024", pattern: "MM/YYYY/DD" }, /does not match pattern/],
    ["date_format", { date: "2024-01-01", pattern: "yyyy" }, /use YYYY for the year/],
    ["date_add", { date: "2024-02-30", amount: 1, unit: "days" }, /day 30 does not exist in February 2024/],
    ["date_add", { date: "9999-12-31", amount: 1, unit: "days" }, /outside 1–9999/],
    ["date_diff", { start: "2024-01-01", end: "tomorrow" }, /end "tomorrow" is not an ISO 8601 date/],
  ])("%s %j", (name, args, message) => {
    expect(errorOf(() => callFormat(name, args))).toMatch(message);
  });

  it.each([
    ["date_add", { date: "2024-01-01", amount: 1.5, unit: "days" }],
    ["date_add", { date: "2024-01-01", amount: 1, unit: "fortnights" }],
    ["json_pretty", { json_text: "{}", indent: 9 }],
    ["number_format", { value: 1, decimals: 11 }],
    ["csv_to_records", { csv: "a", unknown: true }],
  ])("schema rejects %s %j", (name, args) => {
    expect(() => callFormat(name, args)).toThrow();
  });
});

describe("data-format tools: determinism", () => {
  it("repeated calls give byte-identical results for every tool", () => {
    const argsByTool: Record<string, Record<string, unknown>> = {
      csv_to_records: { csv: "a,b\n1,x\n2,y", infer_types: true },
      records_to_csv: { records: [{ a: 1, b: "x" }] },
      json_pretty: { json_text: '{"z":1,"a":{"c":2,"b":3}}', sort_keys: true },
      json_get_path: { json_text: '{"a":{"b":[1,2,3]}}', path: "a.b[2]" },
      number_format: { value: -9876.54321, decimals: 3 },
      number_parse: { text: "9,876.5%" },
      unit_convert: { value: 98.6, from_unit: "F", to_unit: "C" },
      date_parse: { date: "2024-12-31T23:59:59Z" },
      date_format: { date: "2024-12-31T23:59:59Z", pattern: "YYYY-MM-DD HH:mm:ss dddd" },
      date_add: { date: "2024-12-31", amount: 2, unit: "months" },
      date_diff: { start: "2020-01-01", end: "2024-12-31T12:00:00Z", unit: "weeks" },
    };
    expect(Object.keys(argsByTool).sort()).toEqual(dataFormatDomain.tools.map((tool) => tool.name).sort());
    for (const [name, args] of Object.entries(argsByTool)) {
      expect(JSON.stringify(callFormat(name, args))).toBe(
        JSON.stringify(callFormat(name, structuredClone(args))),
      );
    }
  });
});

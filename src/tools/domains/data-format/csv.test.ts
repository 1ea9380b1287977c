import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvToRecords, inferScalar, parseCsvRows, recordsToCsv } from "./csv.ts";
import { errorOf } from "./testing.ts";

describe("parseCsvRows", () => {
  it.each([
    [
      "a,b\n1,2\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "a,b\r\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    ['"x,y","say ""hi"""\n', [["x,y", 'say "hi"']]],
    ['"line\nbreak",z', [["line\nbreak", "z"]]],
    [
      "a,\n,b",
      [
        ["a", ""],
        ["", "b"],
      ],
    ],
    ["a\n\n\nb\n", [["a"], ["b"]]],
    ['""', [[""]]],
    ['"",x', [["", "x"]]],
    ["", []],
  ])("%j", (text, rows) => {
    expect(parseCsvRows(text, ",")).toEqual(rows);
  });

  it("reads other delimiters", () => {
    expect(parseCsvRows("a;b\tc", ";")).toEqual([["a", "b\tc"]]);
    expect(parseCsvRows("a;b\tc", "\t")).toEqual([["a;b", "c"]]);
  });

  it.each([
    ['a,"open\n', ",", /unterminated quoted field starting on line 1/],
    ['"a"b,c', ",", /line 1: unexpected "b" after a closing quote/],
    ["a,b", "", /delimiter must be one character/],
    ["a,b", '"', /delimiter must be one character/],
    ["a,b", ";;", /delimiter must be one character/],
  ])("rejects %j with delimiter %j", (text, delimiter, message) => {
    expect(errorOf(() => parseCsvRows(text, delimiter))).toMatch(message);
  });
});

describe("inferScalar", () => {
  it.each([
    ["42", 42],
    ["-1.5", -1.5],
    [".5", 0.5],
    ["1e3", 1000],
    ["0", 0],
    ["0.25", 0.25],
    ["007", "007"],
    ["true", true],
    ["false", false],
    ["True", "True"],
    ["", null],
    ["12abc", "12abc"],
  ])("%j → %j", (raw, value) => {
    expect(inferScalar(raw)).toBe(value);
  });
});

describe("csvToRecords", () => {
  it("keys records by header and infers types on request", () => {
    const text = "name, age ,member\nAda,36,true\nBob,,false\n";
    expect(csvToRecords(text, { delimiter: ",", header: true, inferTypes: true })).toEqual({
      columns: ["name", "age", "member"],
      records: [
        { name: "Ada", age: 36, member: true },
        { name: "Bob", age: null, member: false },
      ],
    });
    expect(csvToRecords(text, { delimiter: ",", header: true, inferTypes: false }).records[0]).toEqual({
      name: "Ada",
      age: "36",
      member: "true",
    });
  });

  it("names columns column_N without a header", () => {
    expect(csvToRecords("1,2\n3,4", { delimiter: ",", header: false, inferTypes: false })).toEqual({
      columns: ["column_1", "column_2"],
      records: [
        { column_1: "1", column_2: "2" },
        { column_1: "3", column_2: "4" },
      ],
    });
  });

  it.each([
    ["", true, /the CSV text is empty/],
    ["a,b\n1,2,3\n", true, /record 1 has 3 fields but the header has 2/],
    ["1,2\n3\n", false, /record 2 has 1 fields but the first row has 2/],
    ["a,a\n1,2", true, /header names column "a" twice/],
    ["a,\n1,2", true, /header column 2 has no name/],
  ])("rejects %j (header %s)", (text, header, message) => {
    expect(errorOf(() => csvToRecords(text, { delimiter: ",", header, inferTypes: false }))).toMatch(message);
  });
});

describe("recordsToCsv", () => {
  it("quotes only fields that need it and writes null/missing as empty", () => {
    const records = [
      { id: 1, note: 'say "hi", ok', flag: true },
      { id: 2, note: " padded", extra: null },
    ];
    expect(recordsToCsv(records, { delimiter: ",", header: true })).toEqual({
      csv: 'id,note,flag,extra\n1,"say ""hi"", ok",true,\n2," padded",,\n',
      columns: ["id", "note", "flag", "extra"],
    });
  });

  it("honours the column order and header switch", () => {
    const csv = recordsToCsv([{ a: 1, b: "x;y" }], {
      columns: ["b", "a"],
      delimiter: ";",
      header: false,
    }).csv;
    expect(csv).toBe('"x;y";1\n');
  });

  it.each([
    [[], undefined, /nothing to write/],
    [[{ a: { nested: 1 } }], undefined, /records\[0\]\.a is an object/],
    [[{ a: 1 }, { a: [1] }], undefined, /records\[1\]\.a is a list/],
  ])("rejects %j", (records, columns, message) => {
    expect(errorOf(() => recordsToCsv(records, { columns, delimiter: ",", header: true }))).toMatch(message);
  });

  it("round-trips any table of strings through csvToRecords", () => {
    const table = fc.integer({ min: 1, max: 3 }).chain((width) =>
      fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: width, maxLength: width }), {
        minLength: 1,
        maxLength: 6,
      }),
    );
    fc.assert(
      fc.property(table, (rows) => {
        const records = rows.map((cells) =>
          Object.fromEntries(cells.map((cell, index) => [`c${index}`, cell])),
        );
        const { csv } = recordsToCsv(records, { delimiter: ",", header: true });
        expect(csvToRecords(csv, { delimiter: ",", header: true, inferTypes: false }).records).toEqual(
          records,
        );
      }),
      { numRuns: 300 },
    );
  });
});

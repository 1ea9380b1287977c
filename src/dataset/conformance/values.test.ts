import { describe, expect, it } from "vitest";
import {
  differingFields,
  firstDifference,
  ourResultValue,
  publicFields,
  sortSetFields,
  upstreamResultValue,
  valuesEqual,
} from "./values.ts";

describe("upstreamResultValue", () => {
  it.each([
    ['{"current_working_directory": "document"}', { current_working_directory: "document" }],
    ['{"login_status": true, "x": null}', { login_status: true, x: null }],
    ["None", null],
    ["{'result': mpf('2.0')}", { result: 2 }],
    ["{'result': mpf('-1.5e-3')}", { result: -0.0015 }],
    ["['RMS', 'SBK']", ["RMS", "SBK"]],
    ["{'a': True, 'b': nan}", { a: true, b: Number.NaN }],
    ["plain text stays text", "plain text stays text"],
    ["", ""],
  ])("%s", (text, expected) => {
    expect(upstreamResultValue(text)).toEqual(expected);
  });
});

describe("ourResultValue", () => {
  it.each([
    [undefined, null],
    [{ a: 1, b: undefined }, { a: 1 }],
    [{ big: 12n }, { big: 12 }],
    [
      [1, "x"],
      [1, "x"],
    ],
  ])("case %#", (value, expected) => {
    expect(ourResultValue(value)).toEqual(expected);
  });
});

describe("valuesEqual and firstDifference", () => {
  it.each([
    [1, 1, true],
    [0.1 + 0.2, 0.3, true],
    [1e12, 1e12 + 1e-1, true],
    [1, 1.000001, false],
    [0, 1e-300, false],
    [5n, 5, true],
    [Number.NaN, Number.NaN, true],
    ["1", 1, false],
    [null, null, true],
    [null, undefined, true],
    [null, 0, false],
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false],
    [[1], [1, 2], false],
    [{ a: 1, b: [1] }, { b: [1], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: null }, {}, false],
    [[], {}, false],
  ])("case %#", (expected, actual, equal) => {
    expect(valuesEqual(expected, actual)).toBe(equal);
  });

  it.each([
    [{ a: { b: [1, 2] } }, { a: { b: [1, 3] } }, { path: "$.a.b[1]", expected: 2, actual: 3 }],
    [{ a: [1, 2] }, { a: [1] }, { path: "$.a.length", expected: 2, actual: 1 }],
    [{ "file name": 1 }, {}, { path: '$["file name"]', expected: 1, actual: undefined }],
    [{}, { extra: true }, { path: "$.extra", expected: undefined, actual: true }],
    ["x", 1, { path: "$", expected: "x", actual: 1 }],
  ])("first difference of %j and %j", (expected, actual, difference) => {
    expect(firstDifference(expected, actual)).toEqual(difference);
  });
});

describe("state helpers", () => {
  it("keeps public fields only (internal ones start with _)", () => {
    expect(publicFields({ balance: 1, _random: 7, current_user: null })).toEqual({
      balance: 1,
      current_user: null,
    });
    expect(publicFields(null)).toEqual({});
  });

  it("sorts set fields, and only those", () => {
    const state = { generated_ids: [3, 1, 2], inbox: [3, 1] };
    expect(sortSetFields(state, ["generated_ids"])).toEqual({ generated_ids: [1, 2, 3], inbox: [3, 1] });
    expect(state.generated_ids).toEqual([3, 1, 2]);
    expect(sortSetFields({ tags: ["b", "a"] }, ["tags"])).toEqual({ tags: ["a", "b"] });
  });

  it("restricts a state mismatch to the differing fields", () => {
    expect(differingFields({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, d: 4 })).toEqual({
      expected: { b: 2, c: 3 },
      actual: { b: 5, d: 4 },
    });
  });
});

import { describe, expect, it } from "vitest";
import {
  codePointCount,
  compareCodePoints,
  formatRatioTwoDecimals,
  humanReadableSize,
  splitLines,
  splitWords,
  utf8Length,
} from "./python-text.ts";

describe("splitLines (str.splitlines)", () => {
  it.each([
    ["", []],
    ["one", ["one"]],
    ["a\nb", ["a", "b"]],
    ["a\nb\n", ["a", "b"]],
    ["a\r\nb\rc", ["a", "b", "c"]],
    ["a\n\nb", ["a", "", "b"]],
    ["\n", [""]],
    ["a\u2028b\x0bc\x1cd\x85e", ["a", "b", "c", "d", "e"]],
  ])("%j → %j", (text, lines) => expect(splitLines(text)).toEqual(lines));
});

describe("splitWords (str.split())", () => {
  it.each([
    ["", []],
    ["  a  b\tc\n", ["a", "b", "c"]],
    ["a\u00a0b\u3000c", ["a", "b", "c"]],
    // U+FEFF is whitespace to JavaScript's \s but not to Python.
    ["a\ufeffb", ["a\ufeffb"]],
    ["a\x1fb", ["a", "b"]],
  ])("%j → %j", (text, words) => expect(splitWords(text)).toEqual(words));
});

describe("code points", () => {
  it("counts astral characters once, as len() does", () => {
    expect(codePointCount("a😀b")).toBe(3);
    expect("a😀b".length).toBe(4);
  });
  it.each([
    ["a", "b", -1],
    ["b", "a", 1],
    ["ab", "ab", 0],
    ["a", "ab", -1],
    ["B", "a", -1],
    // UTF-16 puts U+1F600 (surrogates D83D…) before U+FF5E; Python puts it after.
    ["😀", "\uff5e", 1],
  ])("compare(%j, %j) has sign %i", (left, right, sign) => {
    expect(Math.sign(compareCodePoints(left, right))).toBe(sign);
  });
});

describe("two-decimal formatting like Python", () => {
  it.each([
    [86n, 1n, "86.00"],
    [1152n, 1024n, "1.12"], // 1.125: tie, rounds to even
    [1408n, 1024n, "1.38"], // 1.375: tie, rounds to even
    [1536n, 1024n, "1.50"],
    [1n, 3n, "0.33"],
    [2n, 3n, "0.67"],
    [0n, 1n, "0.00"],
  ])("%i / %i → %s", (numerator, denominator, text) => {
    expect(formatRatioTwoDecimals(numerator, denominator)).toBe(text);
  });

  it.each([
    [0, "0.00 B"],
    [1023, "1023.00 B"],
    [1024, "1.00 KB"],
    [1152, "1.12 KB"],
    [5 * 1024 * 1024 + 512 * 1024, "5.50 MB"],
    [1024 ** 4, "1.00 TB"],
    [1024 ** 5 * 3, "3.00 PB"],
  ])("du -h of %i bytes is %s", (bytes, text) => expect(humanReadableSize(bytes)).toBe(text));

  it("measures UTF-8 bytes", () => {
    expect(utf8Length("aé😀")).toBe(1 + 2 + 4);
  });
});

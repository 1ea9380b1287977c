import { describe, expect, it } from "vitest";
import {
  type CaseStyle,
  convertCase,
  editDistance,
  findPositions,
  slugify,
  splitWords,
} from "./text-helpers.ts";

describe("splitWords", () => {
  it.each([
    ["hello world", ["hello", "world"]],
    ["helloWorld", ["hello", "World"]],
    ["XMLHttpRequest", ["XML", "Http", "Request"]],
    ["snake_case-and kebab", ["snake", "case", "and", "kebab"]],
    ["version2Beta", ["version2", "Beta"]],
    ["  ", []],
  ])("%j → %j", (input, words) => {
    expect(splitWords(input)).toEqual(words);
  });
});

describe("convertCase", () => {
  const cases: Array<[string, CaseStyle, string]> = [
    ["Hello World", "upper", "HELLO WORLD"],
    ["Hello World", "lower", "hello world"],
    ["the quick-brown fox's den", "title", "The Quick-Brown Fox's Den"],
    ["HELLO there. General", "sentence", "Hello there. general"],
    ["hello big world", "camel", "helloBigWorld"],
    ["hello big world", "pascal", "HelloBigWorld"],
    ["Hello Big World", "snake", "hello_big_world"],
    ["helloBigWorld", "kebab", "hello-big-world"],
    ["hello big-world", "constant", "HELLO_BIG_WORLD"],
    ["", "camel", ""],
  ];
  it.each(cases)("%j as %s → %j", (input, style, expected) => {
    expect(convertCase(input, style)).toBe(expected);
  });
});

describe("slugify", () => {
  it.each([
    ["Héllo, World!", "-", undefined, "hello-world"],
    ["  many   spaces  ", "_", undefined, "many_spaces"],
    ["Crème Brûlée Recipe", "-", 11, "creme-brule"],
    ["abc def", "-", 4, "abc"],
    ["!!!", "-", undefined, ""],
  ] as const)("%j (sep %j, max %j) → %j", (input, separator, maxLength, expected) => {
    expect(slugify(input, separator, maxLength)).toBe(expected);
  });
});

describe("findPositions", () => {
  it.each([
    ["banana", "ana", true, true, [1, 3]],
    ["banana", "ana", true, false, [1]],
    ["aAaA", "a", false, false, [0, 1, 2, 3]],
    ["aAaA", "a", true, false, [0, 2]],
    ["😀x😀x", "x", true, false, [1, 3]],
    ["abc", "abcd", true, false, []],
  ] as const)("%j in %j (case %s, overlap %s) → %j", (text, needle, caseSensitive, overlapping, expected) => {
    expect(findPositions(text, needle, { caseSensitive, overlapping })).toEqual(expected);
  });

  it("rejects an empty needle", () => {
    expect(() => findPositions("abc", "", { caseSensitive: true, overlapping: false })).toThrow(
      /must not be empty/,
    );
  });
});

describe("editDistance", () => {
  it.each([
    ["kitten", "sitting", 3],
    ["", "abc", 3],
    ["abc", "", 3],
    ["flaw", "lawn", 2],
    ["same", "same", 0],
    ["😀a", "a", 1],
  ])("%j ↔ %j = %i", (left, right, distance) => {
    expect(editDistance(left, right)).toBe(distance);
    expect(editDistance(right, left)).toBe(distance);
  });
});

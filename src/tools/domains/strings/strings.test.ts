import { describe, expect, it } from "vitest";
import { toolJsonSchema } from "../../tool.ts";
import { MAX_EDIT_DISTANCE_LENGTH } from "./analysis-tools.ts";
import { stringsDomain } from "./index.ts";
import { callString, errorOf } from "./testing.ts";

describe("strings domain", () => {
  it("has at least 8 uniquely named, prefixed, pure tools with JSON schemas", () => {
    expect(stringsDomain.tools.length).toBeGreaterThanOrEqual(8);
    for (const tool of stringsDomain.tools) {
      expect(tool.name).toMatch(/^str_/);
      expect(tool.mutates).toBe(false);
      expect(toolJsonSchema(tool).type).toBe("object");
    }
  });

  it("state is empty and round-trips", () => {
    expect(stringsDomain.config.parse({})).toEqual({});
  });
});

describe("strings tools: normal cases", () => {
  it.each([
    ["str_reverse", { text: "abc😀" }, { result: "😀cba" }],
    ["str_change_case", { text: "make me snake", style: "snake" }, { result: "make_me_snake" }],
    ["str_split", { text: "a, b,,c", separator: "," }, { parts: ["a", " b", "", "c"], count: 4 }],
    [
      "str_split",
      { text: "a, b,,c", separator: ",", trim: true, remove_empty: true },
      { parts: ["a", "b", "c"], count: 3 },
    ],
    ["str_split", { text: "a=b=c", separator: "=", max_parts: 2 }, { parts: ["a", "b=c"], count: 2 }],
    ["str_split", { text: "a=b", separator: "=", max_parts: 5 }, { parts: ["a", "b"], count: 2 }],
    ["str_split", { text: "abcd", separator: "", max_parts: 3 }, { parts: ["a", "b", "cd"], count: 3 }],
    ["str_split", { text: "ab", separator: "" }, { parts: ["a", "b"], count: 2 }],
    ["str_join", { parts: ["x", "y", "z"], separator: "-" }, { result: "x-y-z" }],
    ["str_join", { parts: ["x", "y"] }, { result: "xy" }],
    ["str_replace", { text: "a.b.c", find: ".", replacement: "/" }, { result: "a/b/c", replacements: 2 }],
    [
      "str_replace",
      { text: "a.b.c", find: ".", replacement: "", max_count: 1 },
      { result: "ab.c", replacements: 1 },
    ],
    [
      "str_replace",
      { text: "Cat cat CAT", find: "cat", replacement: "dog", case_sensitive: false },
      { result: "dog dog dog", replacements: 3 },
    ],
    ["str_replace", { text: "abc", find: "x", replacement: "y" }, { result: "abc", replacements: 0 }],
    ["str_pad", { text: "7", width: 3, fill: "0" }, { result: "007" }],
    ["str_pad", { text: "ab", width: 5, fill: "*", side: "both" }, { result: "*ab**" }],
    ["str_pad", { text: "ab", width: 4, side: "right" }, { result: "ab  " }],
    ["str_pad", { text: "abcdef", width: 3 }, { result: "abcdef" }],
    ["str_count_occurrences", { text: "aaaa", substring: "aa" }, { count: 2 }],
    ["str_count_occurrences", { text: "aaaa", substring: "aa", overlapping: true }, { count: 3 }],
    ["str_count_occurrences", { text: "The the THE", substring: "the", case_sensitive: false }, { count: 3 }],
    [
      "str_find_substring",
      { text: "abcabc", substring: "bc" },
      { found: true, first_index: 1, positions: [1, 4] },
    ],
    [
      "str_find_substring",
      { text: "abcabc", substring: "bc", start: 2 },
      { found: true, first_index: 4, positions: [4] },
    ],
    ["str_find_substring", { text: "abc", substring: "z" }, { found: false, first_index: -1, positions: [] }],
    [
      "str_is_palindrome",
      { text: "A man, a plan, a canal: Panama" },
      { is_palindrome: true, normalized: "amanaplanacanalpanama" },
    ],
    [
      "str_is_palindrome",
      { text: "Abba", ignore_case: false, ignore_non_alphanumeric: false },
      { is_palindrome: false, normalized: "Abba" },
    ],
    ["str_is_palindrome", { text: "" }, { is_palindrome: true, normalized: "" }],
    [
      "str_char_frequency",
      { text: "Hello World" },
      {
        frequencies: [
          { char: "l", count: 3 },
          { char: "o", count: 2 },
          { char: "H", count: 1 },
          { char: "W", count: 1 },
          { char: "d", count: 1 },
          { char: "e", count: 1 },
          { char: "r", count: 1 },
        ],
        distinct: 7,
        total: 10,
      },
    ],
    [
      "str_char_frequency",
      { text: "aA b", ignore_case: true, include_whitespace: true, top: 1 },
      { frequencies: [{ char: "a", count: 2 }], distinct: 3, total: 4 },
    ],
    [
      "str_text_stats",
      { text: "It's a test.\nA TEST again" },
      { characters: 25, characters_without_whitespace: 20, words: 6, distinct_words: 4, lines: 2 },
    ],
    [
      "str_text_stats",
      { text: "" },
      { characters: 0, characters_without_whitespace: 0, words: 0, distinct_words: 0, lines: 0 },
    ],
    ["str_edit_distance", { first: "kitten", second: "sitting" }, { distance: 3, similarity: 0.5714 }],
    [
      "str_edit_distance",
      { first: "ABC", second: "abc", case_sensitive: false },
      { distance: 0, similarity: 1 },
    ],
    ["str_edit_distance", { first: "", second: "" }, { distance: 0, similarity: 1 }],
    ["str_slugify", { text: "Héllo, World!" }, { slug: "hello-world" }],
    ["str_slugify", { text: "Big News Today", separator: "_", max_length: 8 }, { slug: "big_news" }],
    ["str_truncate", { text: "hello world", max_length: 8 }, { result: "hello...", truncated: true }],
    ["str_truncate", { text: "short", max_length: 8 }, { result: "short", truncated: false }],
    [
      "str_truncate",
      { text: "hello wonderful world", max_length: 12, word_boundary: true },
      { result: "hello...", truncated: true },
    ],
    ["str_truncate", { text: "abcdef", max_length: 4, ellipsis: "…" }, { result: "abc…", truncated: true }],
  ])("%s %j", (name, args, expected) => {
    expect(callString(name, args)).toEqual(expected);
  });
});

describe("strings tools: errors", () => {
  const tooLong = "x".repeat(MAX_EDIT_DISTANCE_LENGTH + 1);
  it.each([
    ["str_replace", { text: "abc", find: "", replacement: "x" }, /find must not be empty/],
    ["str_pad", { text: "a", width: 3, fill: "ab" }, /fill must be exactly one character/],
    ["str_pad", { text: "a", width: 3, fill: "" }, /fill must be exactly one character/],
    ["str_count_occurrences", { text: "abc", substring: "" }, /must not be empty/],
    ["str_find_substring", { text: "abc", substring: "" }, /must not be empty/],
    [
      "str_find_substring",
      { text: "abc", substring: "a", start: 4 },
      /start 4 is past the end of the text \(length 3\)/,
    ],
    ["str_edit_distance", { first: tooLong, second: "a" }, /first has 5001 characters; at most 5000/],
    ["str_edit_distance", { first: "a", second: tooLong }, /second has 5001 characters/],
    ["str_slugify", { text: "!!! ???" }, /no letters or digits/],
    ["str_truncate", { text: "abcdefgh", max_length: 3 }, /leaves no room/],
  ])("%s %j", (name, args, message) => {
    expect(errorOf(() => callString(name, args))).toMatch(message);
  });

  it.each([
    ["str_change_case", { text: "a", style: "shouting" }],
    ["str_split", { text: "a", separator: ",", max_parts: 0 }],
    ["str_truncate", { text: "a" }],
    ["str_reverse", { text: "a", extra: 1 }],
  ])("schema rejects %s %j", (name, args) => {
    expect(() => callString(name, args)).toThrow();
  });
});

describe("strings tools: determinism", () => {
  it("every tool gives equal results for equal arguments", () => {
    const text = "Déjà vu, déjà VU! 😀 abc abc";
    const argsByTool: Record<string, Record<string, unknown>> = {
      str_reverse: { text },
      str_change_case: { text, style: "kebab" },
      str_split: { text, separator: " " },
      str_join: { parts: [text, text], separator: "|" },
      str_replace: { text, find: "abc", replacement: "z" },
      str_pad: { text, width: 40, side: "both" },
      str_count_occurrences: { text, substring: "déjà", case_sensitive: false },
      str_find_substring: { text, substring: "abc" },
      str_is_palindrome: { text },
      str_char_frequency: { text },
      str_text_stats: { text },
      str_edit_distance: { first: text, second: "deja vu" },
      str_slugify: { text },
      str_truncate: { text, max_length: 10 },
    };
    expect(Object.keys(argsByTool).sort()).toEqual(stringsDomain.tools.map((tool) => tool.name).sort());
    for (const [name, args] of Object.entries(argsByTool)) {
      expect(JSON.stringify(callString(name, args))).toBe(JSON.stringify(callString(name, args)));
    }
  });
});

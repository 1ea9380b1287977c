/** Strings tools that inspect text: search, counts, palindromes, frequencies, similarity, slugs. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { type StringsState, text } from "./state.ts";
import { codePointLength, codePoints, editDistance, findPositions, slugify } from "./text-helpers.ts";

/** Edit distance is quadratic; this bound keeps one call well under a second. */
export const MAX_EDIT_DISTANCE_LENGTH = 5_000;

export const strCountOccurrences = defineTool({
  name: "str_count_occurrences",
  description:
    "Count how many times a substring occurs in a text (non-overlapping unless overlapping is true).",
  parameters: {
    text: text("The text to search in."),
    substring: z.string().max(1000).describe("The substring to count; must not be empty."),
    case_sensitive: z.boolean().default(true).describe("Match letter case exactly (default true)."),
    overlapping: z
      .boolean()
      .default(false)
      .describe('Count overlapping matches ("aa" in "aaa" is 2, not 1).'),
  },
  latency: "fast",
  mutates: false,
  run: (_state: StringsState, args) => {
    const positions = findPositions(args.text, args.substring, {
      caseSensitive: args.case_sensitive,
      overlapping: args.overlapping,
    });
    return { count: positions.length };
  },
});

export const strFindSubstring = defineTool({
  name: "str_find_substring",
  description:
    "Find where a substring occurs in a text. Returns the first position (0-based, in characters; -1 when absent) " +
    "and every position where a match starts (overlapping matches included).",
  parameters: {
    text: text("The text to search in."),
    substring: z.string().max(1000).describe("The substring to look for; must not be empty."),
    start: z.number().int().min(0).default(0).describe("Position to start searching from (default 0)."),
    case_sensitive: z.boolean().default(true).describe("Match letter case exactly (default true)."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: StringsState, args) => {
    const length = codePointLength(args.text);
    if (args.start > length) {
      throw new ToolError(`start ${args.start} is past the end of the text (length ${length})`);
    }
    const positions = findPositions(args.text, args.substring, {
      caseSensitive: args.case_sensitive,
      overlapping: true,
      start: args.start,
    });
    return { found: positions.length > 0, first_index: positions[0] ?? -1, positions };
  },
});

export const strIsPalindrome = defineTool({
  name: "str_is_palindrome",
  description:
    "Check whether text reads the same forwards and backwards. By default letter case and everything that is " +
    "not a letter or digit are ignored, so 'A man, a plan, a canal: Panama' is a palindrome. Empty text is one.",
  parameters: {
    text: text("The text to check."),
    ignore_case: z.boolean().default(true).describe("Treat upper and lower case as equal (default true)."),
    ignore_non_alphanumeric: z
      .boolean()
      .default(true)
      .describe("Skip spaces, punctuation and symbols (default true)."),
  },
  latency: "instant",
  mutates: false,
  run: (_state: StringsState, args) => {
    let normalized = args.ignore_case ? args.text.toLowerCase() : args.text;
    if (args.ignore_non_alphanumeric) normalized = normalized.replace(/[^\p{L}\p{N}]/gu, "");
    const points = codePoints(normalized);
    const isPalindrome = points.every((point, index) => point === points[points.length - 1 - index]);
    return { is_palindrome: isPalindrome, normalized };
  },
});

export const strCharFrequency = defineTool({
  name: "str_char_frequency",
  description:
    "Count how often each character occurs. Returns characters sorted by count (highest first, ties in " +
    "character order), the number of distinct characters and the total counted.",
  parameters: {
    text: text("The text to analyse."),
    ignore_case: z
      .boolean()
      .default(false)
      .describe("Count upper and lower case as the same (lower-case) letter."),
    include_whitespace: z
      .boolean()
      .default(false)
      .describe("Also count spaces, tabs and newlines (default false)."),
    top: z.number().int().min(1).optional().describe("Return only the this many most frequent characters."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: StringsState, args) => {
    const counts = new Map<string, number>();
    for (const point of codePoints(args.ignore_case ? args.text.toLowerCase() : args.text)) {
      if (!args.include_whitespace && /\s/u.test(point)) continue;
      counts.set(point, (counts.get(point) ?? 0) + 1);
    }
    const all = [...counts.entries()]
      .map(([char, count]) => ({ char, count }))
      .sort((a, b) => b.count - a.count || compareCodePoints(a.char, b.char));
    const total = all.reduce((sum, entry) => sum + entry.count, 0);
    const frequencies = args.top === undefined ? all : all.slice(0, args.top);
    return { frequencies, distinct: all.length, total };
  },
});

function compareCodePoints(a: string, b: string): number {
  return (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0);
}

export const strTextStats = defineTool({
  name: "str_text_stats",
  description:
    "Basic statistics of a text: characters (with and without whitespace), words (runs of letters, digits and " +
    "apostrophes), distinct words (case-insensitive) and lines.",
  parameters: { text: text("The text to measure.") },
  latency: "fast",
  mutates: false,
  run: (_state: StringsState, args) => {
    const words = args.text.match(/[\p{L}\p{N}']+/gu) ?? [];
    return {
      characters: codePointLength(args.text),
      characters_without_whitespace: codePointLength(args.text.replace(/\s/gu, "")),
      words: words.length,
      distinct_words: new Set(words.map((word) => word.toLowerCase())).size,
      lines: args.text === "" ? 0 : args.text.split(/\r\n|\r|\n/).length,
    };
  },
});

export const strEditDistance = defineTool({
  name: "str_edit_distance",
  description:
    "Levenshtein edit distance between two strings (fewest single-character insertions, deletions and " +
    "substitutions turning one into the other) and a similarity 1 − distance / longer length, rounded to 4 " +
    `decimals. Each string may have at most ${MAX_EDIT_DISTANCE_LENGTH} characters.`,
  parameters: {
    first: text("The first string."),
    second: text("The second string."),
    case_sensitive: z.boolean().default(true).describe("Compare letter case exactly (default true)."),
  },
  latency: "medium",
  mutates: false,
  run: (_state: StringsState, args) => {
    for (const [label, value] of [
      ["first", args.first],
      ["second", args.second],
    ] as const) {
      const length = codePointLength(value);
      if (length > MAX_EDIT_DISTANCE_LENGTH) {
        throw new ToolError(
          `${label} has ${length} characters; at most ${MAX_EDIT_DISTANCE_LENGTH} are allowed`,
        );
      }
    }
    const first = args.case_sensitive ? args.first : args.first.toLowerCase();
    const second = args.case_sensitive ? args.second : args.second.toLowerCase();
    const distance = editDistance(first, second);
    const longer = Math.max(codePointLength(first), codePointLength(second));
    const similarity = longer === 0 ? 1 : Math.round((1 - distance / longer) * 10_000) / 10_000;
    return { distance, similarity };
  },
});

export const strSlugify = defineTool({
  name: "str_slugify",
  description:
    "Turn text into a URL slug: accents removed, lower case, every run of other characters replaced by one " +
    "separator, no separator at either end ('Héllo, World!' → 'hello-world').",
  parameters: {
    text: text("The text to turn into a slug."),
    separator: z.string().max(5).default("-").describe('Separator between words (default "-").'),
    max_length: z.number().int().min(1).optional().describe("Cut the slug to at most this many characters."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: StringsState, args) => {
    const slug = slugify(args.text, args.separator, args.max_length);
    if (slug === "") throw new ToolError("the text has no letters or digits to build a slug from");
    return { slug };
  },
});

export const strTruncate = defineTool({
  name: "str_truncate",
  description:
    "Shorten text to at most max_length characters, ending with an ellipsis when it was cut (the ellipsis counts " +
    "toward max_length). With word_boundary the cut moves back to the end of the last whole word.",
  parameters: {
    text: text("The text to shorten."),
    max_length: z.number().int().min(1).describe("Longest allowed result, in characters, ellipsis included."),
    ellipsis: z.string().max(10).default("...").describe('Appended when the text is cut (default "...").'),
    word_boundary: z.boolean().default(false).describe("Cut only between words (default false)."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: StringsState, args) => {
    const points = codePoints(args.text);
    if (points.length <= args.max_length) return { result: args.text, truncated: false };
    const room = args.max_length - codePointLength(args.ellipsis);
    if (room < 1) {
      throw new ToolError(
        `max_length ${args.max_length} leaves no room for any text before the ${codePointLength(args.ellipsis)}-character ellipsis`,
      );
    }
    let kept = points.slice(0, room).join("");
    if (args.word_boundary && !/\s/u.test(points[room] ?? " ")) {
      const lastSpace = kept.search(/\s\S*$/u);
      if (lastSpace > 0) kept = kept.slice(0, lastSpace);
    }
    return { result: kept.trimEnd() + args.ellipsis, truncated: true };
  },
});

export const ANALYSIS_TOOLS = [
  strCountOccurrences,
  strFindSubstring,
  strIsPalindrome,
  strCharFrequency,
  strTextStats,
  strEditDistance,
  strSlugify,
  strTruncate,
];

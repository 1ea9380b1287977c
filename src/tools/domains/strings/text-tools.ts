/** Strings tools that transform text: reverse, case, split/join, replace, pad. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { type StringsState, text } from "./state.ts";
import { CASE_STYLES, codePointLength, codePoints, convertCase, escapeRegExp } from "./text-helpers.ts";

export const strReverse = defineTool({
  name: "str_reverse",
  description: "Reverse a string character by character (emoji and other multi-unit characters stay whole).",
  parameters: { text: text("The text to reverse.") },
  latency: "instant",
  mutates: false,
  run: (_state: StringsState, args) => ({ result: codePoints(args.text).reverse().join("") }),
});

export const strChangeCase = defineTool({
  name: "str_change_case",
  description:
    "Convert text to a case style: upper, lower, title (Each Word), sentence (First word only), camel (camelCase), " +
    "pascal (PascalCase), snake (snake_case), kebab (kebab-case) or constant (CONSTANT_CASE).",
  parameters: {
    text: text("The text to convert."),
    style: z.enum(CASE_STYLES).describe("Target case style."),
  },
  latency: "instant",
  mutates: false,
  run: (_state: StringsState, args) => ({ result: convertCase(args.text, args.style) }),
});

export const strSplit = defineTool({
  name: "str_split",
  description:
    "Split text on a separator. An empty separator splits into single characters. Optionally trim each part, " +
    "drop empty parts, or stop after a number of parts (the last part keeps the rest of the text).",
  parameters: {
    text: text("The text to split."),
    separator: z
      .string()
      .max(100)
      .describe('Separator to split on, e.g. "," or " ". Empty means every character.'),
    max_parts: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("At most this many parts; the last keeps the remainder."),
    trim: z.boolean().default(false).describe("Trim whitespace around each part."),
    remove_empty: z.boolean().default(false).describe("Leave out parts that are empty (after trimming)."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: StringsState, args) => {
    let parts: string[];
    if (args.separator === "") {
      const characters = codePoints(args.text);
      const limit = args.max_parts ?? characters.length;
      parts = characters.slice(0, limit - 1);
      if (characters.length >= limit) parts.push(characters.slice(limit - 1).join(""));
    } else {
      const all = args.text.split(args.separator);
      const limit = Math.min(args.max_parts ?? all.length, all.length);
      parts = [...all.slice(0, limit - 1), all.slice(limit - 1).join(args.separator)];
    }
    if (args.trim) parts = parts.map((part) => part.trim());
    if (args.remove_empty) parts = parts.filter((part) => part.length > 0);
    return { parts, count: parts.length };
  },
});

export const strJoin = defineTool({
  name: "str_join",
  description: "Join a list of strings into one string with a separator between them.",
  parameters: {
    parts: z.array(z.string().max(10_000)).max(10_000).describe("The strings to join, in order."),
    separator: z
      .string()
      .max(100)
      .default("")
      .describe('Put between consecutive parts, e.g. ", ". Default "".'),
  },
  latency: "instant",
  mutates: false,
  run: (_state: StringsState, args) => ({ result: args.parts.join(args.separator) }),
});

export const strReplace = defineTool({
  name: "str_replace",
  description:
    "Replace occurrences of a substring (plain text, not a pattern) with another string, left to right. " +
    "Returns the new text and how many replacements were made.",
  parameters: {
    text: text("The text to edit."),
    find: z.string().max(1000).describe("The exact substring to replace; must not be empty."),
    replacement: z.string().max(1000).describe("What to put in its place (may be empty to delete)."),
    max_count: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("Replace at most this many occurrences (default all)."),
    case_sensitive: z.boolean().default(true).describe("Match letter case exactly (default true)."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: StringsState, args) => {
    if (args.find === "") throw new ToolError("find must not be empty: give the substring to replace");
    const pattern = new RegExp(escapeRegExp(args.find), args.case_sensitive ? "g" : "gi");
    let replacements = 0;
    const result = args.text.replace(pattern, (match) => {
      if (args.max_count !== undefined && replacements >= args.max_count) return match;
      replacements += 1;
      return args.replacement;
    });
    return { result, replacements };
  },
});

const PAD_SIDES = ["left", "right", "both"] as const;

export const strPad = defineTool({
  name: "str_pad",
  description:
    "Pad text with a fill character up to a width. Side left right-aligns the text, right left-aligns it, " +
    "both centres it (an odd extra character goes on the right). Text already at least that wide is unchanged.",
  parameters: {
    text: text("The text to pad."),
    width: z.number().int().min(0).max(10_000).describe("Target length in characters."),
    fill: z.string().default(" ").describe('A single fill character (default " ").'),
    side: z.enum(PAD_SIDES).default("left").describe("Where the fill goes: left, right or both."),
  },
  latency: "instant",
  mutates: false,
  run: (_state: StringsState, args) => {
    if (codePointLength(args.fill) !== 1) {
      throw new ToolError(`fill must be exactly one character, got "${args.fill}"`);
    }
    const missing = Math.max(0, args.width - codePointLength(args.text));
    const left = args.side === "left" ? missing : args.side === "both" ? Math.floor(missing / 2) : 0;
    const right = missing - left;
    return { result: args.fill.repeat(left) + args.text + args.fill.repeat(right) };
  },
});

export const TEXT_TOOLS = [strReverse, strChangeCase, strSplit, strJoin, strReplace, strPad];

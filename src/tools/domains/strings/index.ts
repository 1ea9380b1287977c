import { defineDomain } from "../../domain.ts";
import { ANALYSIS_TOOLS } from "./analysis-tools.ts";
import { StringsState } from "./state.ts";
import { TEXT_TOOLS } from "./text-tools.ts";

/** String manipulation in the spirit of NESTFUL's coding functions; every tool is a pure function. */
export const stringsDomain = defineDomain<StringsState>({
  name: "strings",
  description:
    "String manipulation: reverse, change case, split, join, replace, pad, count and find substrings, " +
    "palindromes, character frequency, text statistics, edit distance, slugs and truncation.",
  config: StringsState,
  tools: [...TEXT_TOOLS, ...ANALYSIS_TOOLS],
});

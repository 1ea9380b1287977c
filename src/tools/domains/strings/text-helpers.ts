/**
 * Pure string helpers for the strings domain. Lengths and positions count Unicode code points
 * (as Python does), not UTF-16 units, so an emoji is one character everywhere.
 */
import { ToolError } from "../../tool.ts";

export const CASE_STYLES = [
  "upper",
  "lower",
  "title",
  "sentence",
  "camel",
  "pascal",
  "snake",
  "kebab",
  "constant",
] as const;
export type CaseStyle = (typeof CASE_STYLES)[number];

export function codePoints(text: string): string[] {
  return Array.from(text);
}

export function codePointLength(text: string): number {
  return codePoints(text).length;
}

/** Split into words on anything that is not a letter or digit, and on camelCase boundaries. */
export function splitWords(text: string): string[] {
  const spaced = text
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2");
  return spaced.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

function capitalise(word: string): string {
  const [first = "", ...rest] = codePoints(word);
  return first.toUpperCase() + rest.join("").toLowerCase();
}

export function convertCase(text: string, style: CaseStyle): string {
  switch (style) {
    case "upper":
      return text.toUpperCase();
    case "lower":
      return text.toLowerCase();
    case "title":
      // Keep the original spacing and punctuation; only letters change.
      return text.replace(/[\p{L}\p{N}']+/gu, capitalise);
    case "sentence": {
      const lower = text.toLowerCase();
      return lower.replace(/\p{L}/u, (letter) => letter.toUpperCase());
    }
    case "camel": {
      const [first = "", ...rest] = splitWords(text);
      return first.toLowerCase() + rest.map(capitalise).join("");
    }
    case "pascal":
      return splitWords(text).map(capitalise).join("");
    case "snake":
      return splitWords(text)
        .map((word) => word.toLowerCase())
        .join("_");
    case "kebab":
      return splitWords(text)
        .map((word) => word.toLowerCase())
        .join("-");
    case "constant":
      return splitWords(text)
        .map((word) => word.toUpperCase())
        .join("_");
  }
}

/** Lower-case ASCII-ish slug: accents stripped, runs of other characters become one separator. */
export function slugify(text: string, separator: string, maxLength: number | undefined): string {
  const plain = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  const words = plain.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  let slug = words.join(separator);
  if (maxLength !== undefined && codePointLength(slug) > maxLength) {
    slug = codePoints(slug).slice(0, maxLength).join("");
    // Do not leave a dangling separator after the cut.
    while (separator.length > 0 && slug.endsWith(separator)) slug = slug.slice(0, -separator.length);
  }
  return slug;
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Start positions (in code points) of every match of `needle`, overlapping or not. */
export function findPositions(
  text: string,
  needle: string,
  options: { caseSensitive: boolean; overlapping: boolean; start?: number },
): number[] {
  if (needle.length === 0) throw new ToolError("the substring to look for must not be empty");
  const haystackPoints = codePoints(options.caseSensitive ? text : text.toLowerCase());
  const needlePoints = codePoints(options.caseSensitive ? needle : needle.toLowerCase());
  const positions: number[] = [];
  let index = options.start ?? 0;
  while (index + needlePoints.length <= haystackPoints.length) {
    let matches = true;
    for (let offset = 0; offset < needlePoints.length; offset++) {
      if (haystackPoints[index + offset] !== needlePoints[offset]) {
        matches = false;
        break;
      }
    }
    if (matches) {
      positions.push(index);
      index += options.overlapping ? 1 : needlePoints.length;
    } else {
      index += 1;
    }
  }
  return positions;
}

/** Levenshtein distance over code points, two rows of memory. */
export function editDistance(left: string, right: string): number {
  const a = codePoints(left);
  const b = codePoints(right);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

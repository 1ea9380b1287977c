import type { AnswerMatch } from "../dataset/schema.ts";
import { numbersClose, valuesMatch } from "./values.ts";

/**
 * Whether a submitted answer equals the gold answer under the task's `answerMatch` mode
 * (DESIGN §5). Models answer in text, so every mode but `exact` reads numbers and lists out of
 * strings. Tasks whose gold answer is null are not answer-checked (the caller skips them).
 */
export function answerMatches(submitted: unknown, gold: unknown, mode: AnswerMatch): boolean {
  switch (mode) {
    case "exact":
      return valuesMatch(submitted, gold);
    case "number":
      return numberMatches(submitted, gold);
    case "text":
      return normaliseText(submitted) === normaliseText(gold);
    case "set":
      return setMatches(submitted, gold);
    case "contains":
      return containsMatches(submitted, gold);
  }
}

const NUMBER_PATTERN = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;

/**
 * A number read from an answer: the number itself, or the only number in a string once thousands
 * separators are removed ("1,234.5 USD" → 1234.5). A string with several numbers is ambiguous: null.
 */
export function readNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean" || value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 1 ? readNumber(value[0]) : null;
  if (typeof value !== "string") return null;
  const text = value.replace(/(\d),(?=\d{3}\b)/g, "$1");
  const found = text.match(NUMBER_PATTERN);
  return found?.length === 1 ? Number(found[0]) : null;
}

function numberMatches(submitted: unknown, gold: unknown): boolean {
  const goldNumber = readNumber(gold);
  const submittedNumber = readNumber(submitted);
  if (goldNumber === null || submittedNumber === null) return valuesMatch(submitted, gold);
  return numbersClose(submittedNumber, goldNumber);
}

/** Lower case, collapsed whitespace, no surrounding quotes or trailing full stop. */
export function normaliseText(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? null);
  return text
    .trim()
    .replace(/^["'`]+|["'`]+$/g, "")
    .replace(/[.!]+$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Items of a list answer: an array, or a string split on commas, semicolons and new lines. */
function listItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") {
    return value
      .replace(/^\s*\[|\]\s*$/g, "")
      .split(/[,;\n]/)
      .map((item) => item.trim())
      .filter((item) => item !== "");
  }
  return value === null || value === undefined ? [] : [value];
}

function itemsEqual(a: unknown, b: unknown): boolean {
  const numberA = readNumber(a);
  const numberB = readNumber(b);
  if (typeof a === "number" || typeof b === "number") {
    return numberA !== null && numberB !== null && numbersClose(numberA, numberB);
  }
  return normaliseText(a) === normaliseText(b);
}

/** Same distinct items in any order (duplicates ignored). */
function setMatches(submitted: unknown, gold: unknown): boolean {
  const submittedItems = listItems(submitted);
  const goldItems = listItems(gold);
  const covers = (from: unknown[], to: unknown[]) =>
    from.every((item) => to.some((other) => itemsEqual(item, other)));
  return covers(submittedItems, goldItems) && covers(goldItems, submittedItems);
}

/** The submitted text contains the gold text (every item of a list gold). */
function containsMatches(submitted: unknown, gold: unknown): boolean {
  const haystack = normaliseText(submitted);
  const needles = Array.isArray(gold) ? gold : [gold];
  return needles.every((needle) => haystack.includes(normaliseText(needle)));
}

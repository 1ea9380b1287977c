/**
 * NESTFUL's ways of writing "the output of an earlier call" and its win-rate comparison of a final
 * value with `gold_answer`. Pure functions, shared by the replay and its tests.
 */
import { pythonRound } from "../../tools/domains/math/python-numbers.ts";

/**
 * A reference parsed from an argument string, or undefined for a literal. Dialects (README §4):
 * `$var_1.result$` (v2 math), `$var1.output_0$` (v2 coding), `$var1.skyId$` (v1), the whole-object
 * `$var3$` (v1), and `$var1.output_0` without the closing `$`, which upstream's scorer also accepts.
 */
export function parseReference(value: unknown): { label: string; field: string | undefined } | undefined {
  if (typeof value !== "string" || !value.startsWith("$")) return undefined;
  const closed = value.length > 1 && value.endsWith("$");
  if (!closed && !value.startsWith("$var")) return undefined;
  const body = closed ? value.slice(1, -1) : value.slice(1);
  const dot = body.indexOf(".");
  const label = dot === -1 ? body : body.slice(0, dot);
  if (!/^[A-Za-z_]\w*$/.test(label)) return undefined;
  return { label, field: dot === -1 ? undefined : body.slice(dot + 1) };
}

/** A call label without its `$` decorations: `$var_1` and `var_1` are the same label. */
export function labelKey(label: string): string {
  return label.replaceAll("$", "");
}

/** Resolve one argument against the outputs seen so far; throws when the reference is dangling. */
export function resolveArgument(
  value: unknown,
  outputs: ReadonlyMap<string, Record<string, unknown>>,
): unknown {
  const reference = parseReference(value);
  if (!reference) return value;
  const output = outputs.get(reference.label);
  if (!output) throw new Error(`reference ${String(value)}: no earlier call labelled ${reference.label}`);
  if (reference.field === undefined) return output;
  if (!Object.hasOwn(output, reference.field)) {
    throw new Error(`reference ${String(value)}: ${reference.label} has no output ${reference.field}`);
  }
  return output[reference.field];
}

/** A gold answer as NESTFUL's Python scorer sees it: the value plus whether it was a float. */
export interface GoldAnswer {
  value: unknown;
  /** The float's Python `str()` when the gold answer is a float, else undefined. */
  floatText: string | undefined;
}

/** Python's `repr`/`str` of a float: shortest round-trip digits, `.0` on whole numbers, exponent outside [1e-4, 1e16). */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const [mantissa, exponentText] = value.toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  const plain = value.toFixed(Math.max(0, (mantissa.split(".")[1]?.length ?? 0) - exponent));
  return plain.includes(".") ? plain : `${plain}.0`;
}

/**
 * NESTFUL's win-rate rule: when the gold answer is a float, the prediction is rounded to as many
 * decimals as the gold float prints (`len(str(gold).split(".")[1])`), then compared with `==`;
 * a tuple equals a list (both are arrays here). Rounding a whole-number prediction changes nothing,
 * so JSON's lost int/float distinction on our side does not matter.
 */
export function matchesGold(predicted: unknown, gold: GoldAnswer): boolean {
  if (gold.floatText !== undefined && typeof predicted === "number") {
    const decimals = gold.floatText.split(".")[1];
    if (decimals === undefined) return predicted === gold.value; // upstream would fail on "1e-05"
    return pythonEquals(pythonRound(predicted, decimals.length), gold.value);
  }
  return pythonEquals(predicted, gold.value);
}

/** Python `==` on JSON-like values: numbers by value (int 3 == float 3.0), containers element-wise. */
export function pythonEquals(a: unknown, b: unknown): boolean {
  if ((typeof a === "number" || typeof a === "bigint") && (typeof b === "number" || typeof b === "bigint")) {
    // biome-ignore lint/suspicious/noDoubleEquals: number == bigint compares mathematical values, as Python does.
    return a == b;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => pythonEquals(item, b[i]))
    );
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length &&
      keys.every((key) => Object.hasOwn(right, key) && pythonEquals(left[key], right[key]))
    );
  }
  return a === b;
}

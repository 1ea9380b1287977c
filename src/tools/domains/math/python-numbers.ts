/**
 * Python numeric semantics that the BFCL MathAPI and NESTFUL basic functions rely on, reproduced
 * on IEEE doubles: round() with ties-to-even on the exact binary value, `%` with the divisor's
 * sign, Decimal square roots at a given number of significant digits, and mpmath's logarithm at
 * a given number of decimal digits.
 */
import { ToolError } from "../../tool.ts";

/** A finite double as an exact fraction `numerator / denominator` in lowest terms (denominator a power of two). */
export function exactFraction(value: number): { numerator: bigint; denominator: bigint } {
  if (!Number.isFinite(value)) throw new RangeError(`exactFraction: ${value} is not finite`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const negative = high >>> 31 === 1;
  const biasedExponent = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent: number;
  if (biasedExponent === 0) {
    exponent = -1074; // subnormal
  } else {
    mantissa |= 1n << 52n;
    exponent = biasedExponent - 1075;
  }
  // Lowest terms: move the mantissa's trailing zero bits into the exponent.
  while (mantissa !== 0n && (mantissa & 1n) === 0n && exponent < 0) {
    mantissa >>= 1n;
    exponent += 1;
  }
  const signed = negative ? -mantissa : mantissa;
  if (exponent >= 0) return { numerator: signed << BigInt(exponent), denominator: 1n };
  return { numerator: signed, denominator: 1n << BigInt(-exponent) };
}

/** Round the non-negative fraction `numerator / denominator` to an integer, ties to even. */
function divideRoundHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twiceRemainder = 2n * (numerator - quotient * denominator);
  if (twiceRemainder > denominator) return quotient + 1n;
  if (twiceRemainder < denominator) return quotient;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
}

/** Python's `round(x, ndigits)` for a float: exact value, ties to even, result re-parsed. */
export function pythonRound(value: number, digits: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  // CPython returns the input unchanged past the precision a double can carry, and 0 below it.
  if (digits > 323) return value;
  if (digits < -308) return value < 0 ? -0 : 0;
  const { numerator, denominator } = exactFraction(Math.abs(value));
  const scale = 10n ** BigInt(Math.abs(digits));
  const rounded =
    digits >= 0
      ? divideRoundHalfEven(numerator * scale, denominator)
      : divideRoundHalfEven(numerator, denominator * scale);
  return Number(`${value < 0 ? "-" : ""}${rounded}e${-digits}`);
}

/** Python's `a % b`: the result takes the sign of the divisor. */
export function pythonModulo(dividend: number, divisor: number): number {
  if (divisor === 0) throw new ToolError("integer division or modulo by zero");
  const remainder = dividend % divisor;
  if (remainder === 0) return divisor < 0 ? -0 : 0;
  return remainder < 0 !== divisor < 0 ? remainder + divisor : remainder;
}

/** Integer square root of a non-negative bigint (Newton's method). */
export function bigintSqrt(value: bigint): bigint {
  if (value < 0n) throw new RangeError("bigintSqrt: negative input");
  if (value < 2n) return value;
  let guess = 1n << BigInt(Math.ceil(value.toString(2).length / 2));
  for (;;) {
    const next = (guess + value / guess) >> 1n;
    if (next >= guess) return guess;
    guess = next;
  }
}

/**
 * `Decimal(value).sqrt()` under a context of `digits` significant digits (ROUND_HALF_EVEN),
 * converted back to the nearest double. `value` must be non-negative.
 */
export function decimalSqrt(value: number, digits: number): number {
  if (value === 0) return 0;
  const { numerator, denominator } = exactFraction(value);
  // value = numerator / 2^k = numerator * 5^k / 10^k; make the decimal exponent even.
  const twoPower = denominator.toString(2).length - 1;
  let integer = numerator * 5n ** BigInt(twoPower);
  let tenPower = twoPower;
  if (tenPower % 2 === 1) {
    integer *= 10n;
    tenPower += 1;
  }
  const half = tenPower / 2; // sqrt(value) = sqrt(integer) / 10^half
  const rootDigits = Math.ceil(integer.toString().length / 2);
  const shift = Math.max(0, digits + 2 - rootDigits);
  const scaled = integer * 10n ** BigInt(2 * shift);
  const root = bigintSqrt(scaled); // sqrt(value) = (root + fraction) / 10^(half + shift)
  const exact = root * root === scaled;
  const drop = root.toString().length - digits;
  if (drop <= 0) return Number(`${root}e${-(half + shift)}`);
  const unit = 10n ** BigInt(drop);
  let kept = root / unit;
  const remainder = root - kept * unit;
  const midpoint = unit / 2n;
  const roundUp = remainder > midpoint || (remainder === midpoint && (!exact || kept % 2n === 1n));
  if (roundUp) kept += 1n;
  return Number(`${kept}e${drop - half - shift}`);
}

/** Round a double to `bits` significant binary digits, ties to even (mpmath's round-nearest). */
export function roundToBits(value: number, bits: number): number {
  if (value === 0 || !Number.isFinite(value) || bits >= 53) return value;
  let exponent = Math.floor(Math.log2(Math.abs(value)));
  if (2 ** exponent > Math.abs(value)) exponent -= 1;
  if (2 ** (exponent + 1) <= Math.abs(value)) exponent += 1;
  const scale = 2 ** (bits - 1 - exponent);
  const scaled = value * scale;
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  let rounded = floor;
  if (fraction > 0.5 || (fraction === 0.5 && floor % 2 !== 0)) rounded = floor + 1;
  return rounded / scale;
}

/** mpmath's binary precision for `mp.dps = digits`. */
export function mpmathBits(digits: number): number {
  return Math.max(1, Math.round((digits + 1) * 3.3219280948873626));
}

/** Significant digits mpmath prints in `repr` for a binary precision. */
export function mpmathReprDigits(bits: number): number {
  const decimal = Math.max(1, Math.round(bits / 3.3219280948873626) - 1);
  return decimal === 15 ? 17 : decimal + 3;
}

/**
 * `mpmath.log(value) / mpmath.log(base)` at `mp.dps = digits`, as the value its repr shows:
 * each operation rounds to the context's bits, then the repr keeps a few decimal digits.
 * Exact integer powers come out exact, as they do at mpmath's extra precision.
 */
export function mpmathLogRatio(value: number, base: number, digits: number): number {
  const bits = mpmathBits(digits);
  const ratio = roundToBits(roundToBits(Math.log(value), bits) / roundToBits(Math.log(base), bits), bits);
  const nearest = Math.round(ratio);
  if (Math.abs(ratio - nearest) < 1e-9 && base ** nearest === value) return nearest;
  if (bits >= 53) return ratio;
  return Number(ratio.toPrecision(Math.min(100, mpmathReprDigits(bits))));
}

/**
 * Python's `base ** exponent`. A whole, non-negative exponent is computed exactly and rounded
 * once (Python ints are exact; C's pow is correctly rounded in practice), so `r ** 2` equals
 * `r * r` as in CPython. Other exponents use floating point. Zero to a negative power is an error.
 */
export function pythonPower(base: number, exponent: number): number {
  if (base === 0 && exponent < 0) throw new ToolError("0.0 cannot be raised to a negative power");
  if (!Number.isInteger(exponent) || exponent < 0 || exponent > 1100 || !Number.isFinite(base)) {
    return base ** exponent;
  }
  if (Math.abs(base) > 1 && exponent * Math.log2(Math.abs(base)) > 1100) {
    return base < 0 && exponent % 2 === 1 ? -Infinity : Infinity;
  }
  const { numerator, denominator } = exactFraction(base);
  const twoPower = (denominator.toString(2).length - 1) * exponent;
  const numeratorBits = (numerator < 0n ? -numerator : numerator).toString(2).length;
  // Keep the exact path to sizes a double and a power-of-two scale can carry exactly.
  if (twoPower > 1000 || numeratorBits * exponent > 1000) return base ** exponent;
  return Number(numerator ** BigInt(exponent)) * 2 ** -twoPower;
}

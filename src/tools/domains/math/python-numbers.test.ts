import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ToolError } from "../../tool.ts";
import {
  bigintSqrt,
  decimalSqrt,
  exactFraction,
  mpmathBits,
  mpmathLogRatio,
  mpmathReprDigits,
  pythonModulo,
  pythonPower,
  pythonRound,
  roundToBits,
} from "./python-numbers.ts";

// Expected values are what CPython 3.11 / decimal / mpmath 1.3 print for the same inputs.
describe("pythonRound", () => {
  it.each([
    [2.5, 0, 2],
    [3.5, 0, 4],
    [-2.5, 0, -2],
    [0.125, 2, 0.12],
    [0.375, 2, 0.38],
    [2.675, 2, 2.67], // the double is just below 2.675
    [1234.5, -2, 1200],
    [1250, -2, 1200],
    [1350, -2, 1400],
    [0.1 + 0.2, 15, 0.3],
    [7999.999999999999, 1, 8000],
    [5e-324, 400, 5e-324],
    [123.456, -400, 0],
  ])("round(%d, %d) = %d", (value, digits, expected) => {
    expect(pythonRound(value, digits)).toBe(expected);
  });

  it("keeps the sign of a negative value rounded to zero", () => {
    expect(Object.is(pythonRound(-0.001, 1), -0)).toBe(true);
  });
});

describe("pythonModulo", () => {
  it.each([
    [-7, 3, 2],
    [7, -3, -2],
    [7, 3, 1],
    [-7.5, 2, 0.5],
    [5.5, -2, -0.5],
    [6, 3, 0],
  ])("%d %% %d = %d", (dividend, divisor, expected) => {
    expect(pythonModulo(dividend, divisor)).toBe(expected);
  });

  it("rejects a zero divisor", () => {
    expect(() => pythonModulo(1, 0)).toThrow(ToolError);
  });

  it("always lies between 0 and the divisor", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1000 }), (a, b) => {
        const positive = pythonModulo(a, b);
        const negative = pythonModulo(a, -b);
        return positive >= 0 && positive < b && negative <= 0 && negative > -b;
      }),
    );
  });
});

describe("exactFraction and bigintSqrt", () => {
  it("reduces to lowest terms", () => {
    expect(exactFraction(3)).toEqual({ numerator: 3n, denominator: 1n });
    expect(exactFraction(-0.75)).toEqual({ numerator: -3n, denominator: 4n });
    expect(exactFraction(2 ** 60)).toEqual({ numerator: 2n ** 60n, denominator: 1n });
  });

  it("gives floor square roots", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), (value) => {
        const root = bigintSqrt(value);
        return root * root <= value && (root + 1n) * (root + 1n) > value;
      }),
    );
  });
});

describe("decimalSqrt (Decimal(x).sqrt() at a precision)", () => {
  it.each([
    [3, 5, 1.7321],
    [2, 28, Math.SQRT2],
    [0.25, 3, 0.5],
    [10, 1, 3],
    [2.25, 1, 2], // 1.5 is a tie: half-even gives 2
    [6.25, 1, 2], // 2.5 is a tie: half-even gives 2
    [0.1, 3, 0.316],
    [1e300, 5, 1e150],
    [0, 4, 0],
  ])("sqrt(%d) at %d digits = %d", (value, digits, expected) => {
    expect(decimalSqrt(value, digits)).toBe(expected);
  });
});

describe("mpmath emulation", () => {
  it("maps decimal digits to bits and repr digits as mpmath does", () => {
    expect(mpmathBits(15)).toBe(53);
    expect(mpmathBits(2)).toBe(10);
    expect(mpmathReprDigits(53)).toBe(17);
    expect(mpmathReprDigits(10)).toBe(5);
  });

  it.each([
    [20, 10, 2, 1.3027],
    [36, 6, 4, 2],
    [630, 10, 5, 2.7993393],
    [980, 20, 10, 2.299121531134],
    [1000, 10, 20, 3],
    [0.01, 10, 30, -2],
  ])("log(%d) / log(%d) at dps %d = %d", (value, base, digits, expected) => {
    expect(mpmathLogRatio(value, base, digits)).toBe(expected);
  });

  it("rounds to a number of significant bits, ties to even", () => {
    expect(roundToBits(1.3021, 10)).toBe(667 / 512);
    expect(roundToBits(2.5, 2)).toBe(2);
    expect(roundToBits(3.5, 2)).toBe(4);
    expect(roundToBits(Math.PI, 53)).toBe(Math.PI);
  });
});

describe("pythonPower", () => {
  it("computes whole powers exactly, then rounds once", () => {
    expect(pythonPower(3, 40)).toBe(Number(3n ** 40n));
    expect(pythonPower(1.1, 2)).toBe(1.1 * 1.1);
    expect(pythonPower(0.1, 3)).toBe(0.0010000000000000002);
    expect(pythonPower(-2, 3)).toBe(-8);
    expect(pythonPower(0, 0)).toBe(1);
  });

  it("falls back to floating point for other exponents and overflows to Infinity", () => {
    expect(pythonPower(2, -1)).toBe(0.5);
    expect(pythonPower(4, 0.5)).toBe(2);
    expect(pythonPower(-8, 1 / 3)).toBeNaN();
    expect(pythonPower(10, 400)).toBe(Infinity);
    expect(pythonPower(-10, 401)).toBe(-Infinity);
  });

  it("rejects zero to a negative power", () => {
    expect(() => pythonPower(0, -1)).toThrow(ToolError);
  });
});

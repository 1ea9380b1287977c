import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fibonacci, integerRange, primes, primesBetween } from "./sequences.ts";
import { errorOf } from "./testing.ts";

function isPrimeNaive(value: number): boolean {
  if (value < 2) return false;
  for (let divisor = 2; divisor * divisor <= value; divisor++) if (value % divisor === 0) return false;
  return true;
}

describe("integerRange", () => {
  it.each([
    [0, 5, 1, [0, 1, 2, 3, 4]],
    [2, 10, 3, [2, 5, 8]],
    [5, 0, -2, [5, 3, 1]],
    [3, 3, 1, []],
    [5, 1, 1, []],
    [-2, 2, 1, [-2, -1, 0, 1]],
  ])("range(%i, %i, %i) = %j", (start, stop, step, expected) => {
    expect(integerRange(start, stop, step)).toEqual(expected);
  });

  it.each([
    [0, 5, 0, /step must not be 0/],
    [0, 10_001, 1, /the range has 10001 values; at most 10000/],
  ])("rejects range(%i, %i, %i)", (start, stop, step, message) => {
    expect(errorOf(() => integerRange(start, stop, step))).toMatch(message);
  });
});

describe("fibonacci", () => {
  it.each([
    [1, 0, 1, [0]],
    [8, 0, 1, [0, 1, 1, 2, 3, 5, 8, 13]],
    [5, 2, 1, [2, 1, 3, 4, 7]],
    [4, -1, -1, [-1, -1, -2, -3]],
  ])("%i terms from %i, %i", (count, first, second, expected) => {
    expect(fibonacci(count, first, second)).toEqual(expected);
  });

  it("allows the 79 exact terms and names the limit beyond them", () => {
    expect(fibonacci(79, 0, 1).at(-1)).toBe(8944394323791464);
    expect(errorOf(() => fibonacci(80, 0, 1))).toMatch(
      /term 80 exceeds 9007199254740991 .* at most 79 terms/,
    );
  });
});

describe("primes", () => {
  it("primesBetween agrees with trial division", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 300 }), (low, width) => {
        const expected: number[] = [];
        for (let value = low; value <= low + width; value++) if (isPrimeNaive(value)) expected.push(value);
        expect(primesBetween(low, low + width)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    [{ from: 2, count: 5 }, [2, 3, 5, 7, 11]],
    [{ from: 90, count: 3 }, [97, 101, 103]],
    [{ from: 2, upTo: 20 }, [2, 3, 5, 7, 11, 13, 17, 19]],
    [{ from: 24, upTo: 28 }, []],
    [{ from: 0, upTo: 1 }, []],
  ])("%j → %j", (options, expected) => {
    expect(primes(options)).toEqual(expected);
  });

  it("finds the 10000th prime across sieve windows", () => {
    expect(primes({ from: 2, count: 10_000 }).at(-1)).toBe(104_729);
  });

  it.each([
    [{ from: 2 }, /exactly one of count .* or up_to/],
    [{ from: 2, count: 3, upTo: 10 }, /exactly one of count .* or up_to/],
    [{ from: 2, upTo: 10_000_001 }, /up_to may be at most 10000000/],
    [{ from: 2, upTo: 200_000 }, /there are 17984 primes in that interval; at most 10000/],
    [{ from: 9_999_990, count: 10 }, /passed 10000000 before finding 10 primes/],
  ])("rejects %j", (options, message) => {
    expect(errorOf(() => primes(options))).toMatch(message);
  });
});

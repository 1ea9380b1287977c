/** Deterministic number sequences: ranges, Fibonacci, primes. */
import { ToolError } from "../../tool.ts";
import { MAX_VALUES } from "./state.ts";

/** Largest number the prime tools look at; a segmented sieve keeps memory small. */
export const MAX_PRIME_SEARCH = 10_000_000;

/** Python's range(start, stop, step) on integers. */
export function integerRange(start: number, stop: number, step: number): number[] {
  if (step === 0)
    throw new ToolError("step must not be 0 (use a positive step to count up, negative to count down)");
  const count = Math.max(0, Math.ceil((stop - start) / step));
  if (count > MAX_VALUES) {
    throw new ToolError(
      `the range has ${count} values; at most ${MAX_VALUES} are allowed (raise step or narrow it)`,
    );
  }
  return Array.from({ length: count }, (_, index) => start + index * step);
}

export function fibonacci(count: number, first: number, second: number): number[] {
  const values: number[] = [];
  let [a, b] = [first, second];
  for (let index = 0; index < count; index++) {
    if (!Number.isSafeInteger(a)) {
      throw new ToolError(
        `term ${index + 1} exceeds ${Number.MAX_SAFE_INTEGER} and cannot be exact; ask for at most ${index} terms`,
      );
    }
    values.push(a);
    [a, b] = [b, a + b];
  }
  return values;
}

function basePrimes(limit: number): number[] {
  const composite = new Uint8Array(limit + 1);
  const primes: number[] = [];
  for (let candidate = 2; candidate <= limit; candidate++) {
    if (composite[candidate]) continue;
    primes.push(candidate);
    for (let multiple = candidate * candidate; multiple <= limit; multiple += candidate)
      composite[multiple] = 1;
  }
  return primes;
}

/** Primes in [low, high] by a segmented sieve. */
export function primesBetween(low: number, high: number): number[] {
  const from = Math.max(2, low);
  if (high < from) return [];
  const composite = new Uint8Array(high - from + 1);
  for (const prime of basePrimes(Math.floor(Math.sqrt(high)))) {
    const firstMultiple = Math.max(prime * prime, Math.ceil(from / prime) * prime);
    for (let multiple = firstMultiple; multiple <= high; multiple += prime) composite[multiple - from] = 1;
  }
  const primes: number[] = [];
  for (let offset = 0; offset < composite.length; offset++)
    if (!composite[offset]) primes.push(from + offset);
  return primes;
}

/** Either the first `count` primes ≥ `from`, or every prime in [`from`, `upTo`]. */
export function primes(options: {
  from: number;
  count?: number | undefined;
  upTo?: number | undefined;
}): number[] {
  const { from, count, upTo } = options;
  if ((count === undefined) === (upTo === undefined)) {
    throw new ToolError("give exactly one of count (how many primes) or up_to (largest number to check)");
  }
  if (upTo !== undefined) {
    if (upTo > MAX_PRIME_SEARCH) throw new ToolError(`up_to may be at most ${MAX_PRIME_SEARCH}`);
    const found = primesBetween(from, upTo);
    if (found.length > MAX_VALUES) {
      throw new ToolError(
        `there are ${found.length} primes in that interval; at most ${MAX_VALUES} are returned (narrow it or use count)`,
      );
    }
    return found;
  }
  const wanted = count ?? 0;
  const found: number[] = [];
  const window = 100_000;
  for (let low = from; found.length < wanted; low += window) {
    if (low > MAX_PRIME_SEARCH)
      throw new ToolError(`the search passed ${MAX_PRIME_SEARCH} before finding ${wanted} primes`);
    found.push(...primesBetween(low, Math.min(low + window - 1, MAX_PRIME_SEARCH)));
  }
  return found.slice(0, wanted);
}

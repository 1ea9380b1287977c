/**
 * CPython's `random.Random` (MT19937) for integer seeds, bit-for-bit. Ports of Python classes that
 * draw ids and tokens from `random.Random(seed)` need it to reproduce the recorded values. The state
 * is plain JSON (`{ mt, index }`), so a domain can keep it in an `_random` field and resume it later.
 */
import { z } from "zod";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export const pythonRandomStateSchema = z.object({
  mt: z.array(z.number().int().min(0).max(0xffffffff)).length(N),
  index: z.number().int().min(0).max(N),
});
export type PythonRandomState = z.infer<typeof pythonRandomStateSchema>;

/** CPython's init_genrand. */
function initGenrand(seed: number): number[] {
  const mt = new Array<number>(N);
  mt[0] = seed >>> 0;
  for (let i = 1; i < N; i++) {
    const previous = mt[i - 1]!;
    mt[i] = (Math.imul(1812433253, (previous ^ (previous >>> 30)) >>> 0) + i) >>> 0;
  }
  return mt;
}

/** CPython's init_by_array, which `random.seed(int)` feeds with the seed's 32-bit chunks. */
function initByArray(key: readonly number[]): number[] {
  const mt = initGenrand(19650218);
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const previous = mt[i - 1]!;
    const mixed = Math.imul((previous ^ (previous >>> 30)) >>> 0, 1664525) >>> 0;
    mt[i] = (((mt[i]! ^ mixed) >>> 0) + key[j]! + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const previous = mt[i - 1]!;
    const mixed = Math.imul((previous ^ (previous >>> 30)) >>> 0, 1566083941) >>> 0;
    mt[i] = (((mt[i]! ^ mixed) >>> 0) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  return mt;
}

/** The seed's absolute value split into 32-bit words, least significant first (at least one word). */
function seedKey(seed: number | bigint): number[] {
  if (typeof seed === "number" && !Number.isSafeInteger(seed)) {
    throw new RangeError(`python-random: seed must be a safe integer or a bigint, got ${seed}`);
  }
  let rest = BigInt(seed);
  if (rest < 0n) rest = -rest;
  const key: number[] = [];
  do {
    key.push(Number(rest & 0xffffffffn));
    rest >>= 32n;
  } while (rest > 0n);
  return key;
}

/** Python's `int.bit_length()` for a non-negative safe integer. */
function bitLength(n: number): number {
  return n === 0 ? 0 : n.toString(2).length;
}

export class PythonRandom {
  #mt: number[];
  #index: number;

  private constructor(state: PythonRandomState) {
    this.#mt = [...state.mt];
    this.#index = state.index;
  }

  /** `random.Random(seed)` for an integer seed (negative seeds use their absolute value, as CPython does). */
  static seeded(seed: number | bigint): PythonRandom {
    return new PythonRandom({ mt: initByArray(seedKey(seed)), index: N });
  }

  /** Resume from a state returned by `getState()`. */
  static fromState(state: PythonRandomState): PythonRandom {
    return new PythonRandom(pythonRandomStateSchema.parse(state));
  }

  /** A JSON copy of the generator's state. */
  getState(): PythonRandomState {
    return { mt: [...this.#mt], index: this.#index };
  }

  /** One tempered 32-bit output (CPython's genrand_uint32). */
  nextUint32(): number {
    const mt = this.#mt;
    if (this.#index >= N) {
      for (let kk = 0; kk < N; kk++) {
        const y = (mt[kk]! & UPPER_MASK) | (mt[(kk + 1) % N]! & LOWER_MASK);
        mt[kk] = (mt[(kk + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)) >>> 0;
      }
      this.#index = 0;
    }
    let y = mt[this.#index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `random()`: a float in [0, 1) with 53 random bits. */
  random(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** `getrandbits(k)` as a bigint, for any k ≥ 0 (words are filled least significant first). */
  getrandbitsBig(k: number): bigint {
    if (!Number.isInteger(k) || k < 0)
      throw new RangeError("python-random: number of bits must be non-negative");
    if (k === 0) return 0n;
    if (k <= 32) return BigInt(this.nextUint32() >>> (32 - k));
    let result = 0n;
    let shift = 0n;
    for (let remaining = k; remaining > 0; remaining -= 32, shift += 32n) {
      let word = this.nextUint32();
      if (remaining < 32) word >>>= 32 - remaining;
      result |= BigInt(word) << shift;
    }
    return result;
  }

  /** `getrandbits(k)` for k ≤ 53, as a number. */
  getrandbits(k: number): number {
    if (k > 53)
      throw new RangeError("python-random: getrandbits(k) as a number needs k <= 53; use getrandbitsBig");
    if (k > 0 && k <= 32) return this.nextUint32() >>> (32 - k);
    return Number(this.getrandbitsBig(k));
  }

  /** `_randbelow_with_getrandbits(n)`: uniform integer in [0, n) by rejection sampling. */
  randbelow(n: number): number {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`python-random: bad bound ${n}`);
    if (n === 0) return 0;
    const k = bitLength(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /** `randrange(stop)` or `randrange(start, stop[, step])`, with Python's argument checks. */
  randrange(start: number, stop?: number, step = 1): number {
    for (const value of [start, stop ?? 0, step]) {
      if (!Number.isSafeInteger(value)) throw new RangeError(`python-random: non-integer argument ${value}`);
    }
    if (stop === undefined) {
      if (step !== 1) throw new TypeError("python-random: missing a non-None stop argument");
      if (start > 0) return this.randbelow(start);
      throw new RangeError("empty range for randrange()");
    }
    const width = stop - start;
    if (step === 1) {
      if (width > 0) return start + this.randbelow(width);
      throw new RangeError(`empty range in randrange(${start}, ${stop})`);
    }
    let n: number;
    if (step > 0) n = Math.floor((width + step - 1) / step);
    else if (step < 0) n = Math.floor((width + step + 1) / step);
    else throw new RangeError("zero step for randrange()");
    if (n <= 0) throw new RangeError(`empty range in randrange(${start}, ${stop}, ${step})`);
    return start + step * this.randbelow(n);
  }

  /** `randint(a, b)`: integer in [a, b], both inclusive. */
  randint(a: number, b: number): number {
    return this.randrange(a, b + 1);
  }

  /** `choice(seq)`. */
  choice<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("Cannot choose from an empty sequence");
    return items[this.randbelow(items.length)]!;
  }

  /** `uniform(a, b)`: `a + (b - a) * random()`. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /** `shuffle(x)` in place (Fisher–Yates from the end, as CPython does). */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.randbelow(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** `sample(population, k)`: k distinct picks, with CPython's pool-or-set strategy switch. */
  sample<T>(population: readonly T[], k: number): T[] {
    const n = population.length;
    if (!Number.isInteger(k) || k < 0 || k > n)
      throw new RangeError("Sample larger than population or is negative");
    const result: T[] = [];
    let setSize = 21;
    if (k > 5) setSize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setSize) {
      const pool = [...population];
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        result.push(pool[j]!);
        pool[j] = pool[n - i - 1]!;
      }
      return result;
    }
    const selected = new Set<number>();
    for (let i = 0; i < k; i++) {
      let j = this.randbelow(n);
      while (selected.has(j)) j = this.randbelow(n);
      selected.add(j);
      result.push(population[j]!);
    }
    return result;
  }
}

/** `random.Random(seed)`. */
export function createPythonRandom(seed: number | bigint): PythonRandom {
  return PythonRandom.seeded(seed);
}

/** Seeded randomness. Every value is a pure function of its seed and position, never Math.random. */
import { keyedRng } from "../../../core/rng.ts";
import { ToolError } from "../../tool.ts";

export interface DrawOptions {
  min: number;
  max: number;
  integer: boolean;
  decimals: number;
}

export function checkDrawOptions(options: DrawOptions): void {
  if (options.min > options.max) throw new ToolError(`min ${options.min} is greater than max ${options.max}`);
  if (options.integer && !(Number.isSafeInteger(options.min) && Number.isSafeInteger(options.max))) {
    throw new ToolError("integer draws need whole-number min and max (or set integer to false)");
  }
}

/**
 * Draw number `position` of the stream with this seed. gen_random_numbers and gen_stream_next share
 * the key, so a stream created with seed s yields exactly gen_random_numbers(seed: s).
 */
export function drawAt(seed: number, position: number, options: DrawOptions): number {
  const rng = keyedRng("data-generation:draw", seed, position);
  if (options.integer) return rng.int(options.min, options.max);
  const value = options.min + rng.next() * (options.max - options.min);
  const scale = 10 ** options.decimals;
  return Math.round(value * scale) / scale;
}

export function draws(seed: number, from: number, count: number, options: DrawOptions): number[] {
  checkDrawOptions(options);
  return Array.from({ length: count }, (_, index) => drawAt(seed, from + index, options));
}

const hex = (byte: number) => byte.toString(16).padStart(2, "0");

/** A version-4-shaped UUID whose bits come from a keyed stream. */
export function seededUuid(...key: ReadonlyArray<string | number>): string {
  const rng = keyedRng("data-generation:uuid", ...key);
  const bytes = Array.from({ length: 16 }, () => rng.int(0, 255));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const text = bytes.map(hex).join("");
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

export function seededShuffle<T>(seed: number, items: readonly T[]): T[] {
  return keyedRng("data-generation:shuffle", seed).shuffle(items);
}

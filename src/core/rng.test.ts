import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.ts";
import { keyedRng } from "./rng.ts";

describe("keyedRng", () => {
  it("is determined by its key alone", () => {
    const a = keyedRng(1, "latency", "add", "{}", 0);
    const b = keyedRng(1, "latency", "add", "{}", 0);
    expect([a.next(), a.next(), a.int(0, 9)]).toEqual([b.next(), b.next(), b.int(0, 9)]);
  });

  it("gives independent streams for different keys", () => {
    const draws = new Set([0, 1, 2, 3].map((occurrence) => keyedRng(1, "add", occurrence).next()));
    expect(draws.size).toBe(4);
    // Key parts are separated, so ("ab","c") and ("a","bc") differ.
    expect(keyedRng("ab", "c").next()).not.toBe(keyedRng("a", "bc").next());
  });

  it("draws uniform values in range with a plausible mean", () => {
    const rng = keyedRng("uniform");
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const value = rng.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      sum += value;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it("int covers both ends; normal has mean 0 and sd 1", () => {
    const rng = keyedRng("ints");
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(rng.int(1, 4));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
    const values = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(1, 1);
    expect(() => rng.int(3, 1)).toThrow(/bad range/);
  });
});

describe("canonicalJson", () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]}}'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    ["text", '"text"'],
  ])("%j → %s", (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

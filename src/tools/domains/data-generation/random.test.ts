import { describe, expect, it } from "vitest";
import { draws, seededShuffle, seededUuid } from "./random.ts";
import { errorOf } from "./testing.ts";

const dice = { min: 1, max: 6, integer: true, decimals: 4 };

describe("draws", () => {
  it("stays in range, uses every value, and is fixed by seed and position", () => {
    const values = draws(42, 0, 600, dice);
    expect(values.every((value) => Number.isInteger(value) && value >= 1 && value <= 6)).toBe(true);
    expect(new Set(values).size).toBe(6);
    expect(draws(42, 0, 600, dice)).toEqual(values);
    // Reading from a later position gives the tail of the same sequence.
    expect(draws(42, 100, 50, dice)).toEqual(values.slice(100, 150));
    expect(draws(43, 0, 600, dice)).not.toEqual(values);
  });

  it("rounds decimals to the requested digits and stays within bounds", () => {
    const values = draws(7, 0, 200, { min: -1, max: 1, integer: false, decimals: 2 });
    for (const value of values) {
      expect(value).toBeGreaterThanOrEqual(-1);
      expect(value).toBeLessThanOrEqual(1);
      expect(Math.round(value * 100) / 100).toBe(value);
    }
  });

  it.each([
    [{ min: 5, max: 1, integer: true, decimals: 4 }, /min 5 is greater than max 1/],
    [{ min: 0.5, max: 3, integer: true, decimals: 4 }, /integer draws need whole-number min and max/],
  ])("rejects %j", (options, message) => {
    expect(errorOf(() => draws(1, 0, 1, options))).toMatch(message);
  });
});

describe("seededUuid", () => {
  it("has the version 4 layout and depends only on its key", () => {
    const ids = Array.from({ length: 50 }, (_, index) => seededUuid("uuid", 9, index));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(50);
    expect(seededUuid("uuid", 9, 3)).toBe(ids[3]);
  });
});

describe("seededShuffle", () => {
  it("permutes the items the same way for the same seed", () => {
    const items = Array.from({ length: 20 }, (_, index) => index);
    const shuffled = seededShuffle(5, items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(seededShuffle(5, items)).toEqual(shuffled);
    expect(seededShuffle(6, items)).not.toEqual(shuffled);
  });
});

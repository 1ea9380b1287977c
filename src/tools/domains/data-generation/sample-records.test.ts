import { describe, expect, it } from "vitest";
import { type FieldSpec, sampleRecords } from "./sample-records.ts";
import { errorOf } from "./testing.ts";

const field = (spec: Partial<FieldSpec> & Pick<FieldSpec, "name" | "kind">): FieldSpec => spec as FieldSpec;

describe("sampleRecords", () => {
  const fields = [
    field({ name: "id", kind: "sequence", min: 100 }),
    field({ name: "name", kind: "full_name" }),
    field({ name: "email", kind: "email" }),
    field({ name: "age", kind: "integer", min: 18, max: 65 }),
    field({ name: "score", kind: "float", min: 0, max: 1, decimals: 3 }),
    field({ name: "active", kind: "boolean" }),
    field({ name: "joined", kind: "date", start_date: "2020-01-01", end_date: "2020-12-31" }),
    field({ name: "tier", kind: "choice", choices: ["gold", "silver"] }),
    field({ name: "key", kind: "uuid" }),
    field({ name: "city", kind: "city" }),
    field({ name: "company", kind: "company" }),
  ];

  it("produces values of the requested kinds and ranges", () => {
    const records = sampleRecords(11, 40, fields);
    expect(records).toHaveLength(40);
    records.forEach((record, row) => {
      expect(Object.keys(record)).toEqual(fields.map((spec) => spec.name));
      expect(record.id).toBe(100 + row);
      expect(record.name).toMatch(/^\S+ \S+$/);
      expect(record.email).toMatch(/^[a-z]+\.[a-z]+\d{1,2}@example\.com$/);
      expect(record.age).toBeGreaterThanOrEqual(18);
      expect(record.age).toBeLessThanOrEqual(65);
      expect(Number.isInteger(record.age)).toBe(true);
      expect(record.score).toBeGreaterThanOrEqual(0);
      expect(record.score).toBeLessThanOrEqual(1);
      expect(typeof record.active).toBe("boolean");
      expect(record.joined).toMatch(/^2020-\d{2}-\d{2}$/);
      expect(["gold", "silver"]).toContain(record.tier);
      expect(record.key).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  it("is deterministic, seed-dependent, and a field's values do not depend on the other fields", () => {
    const records = sampleRecords(11, 10, fields);
    expect(sampleRecords(11, 10, fields)).toEqual(records);
    expect(sampleRecords(12, 10, fields)).not.toEqual(records);
    const agesOnly = sampleRecords(11, 10, [field({ name: "age", kind: "integer", min: 18, max: 65 })]);
    expect(agesOnly.map((record) => record.age)).toEqual(records.map((record) => record.age));
  });

  it.each([
    [
      [field({ name: "a", kind: "city" }), field({ name: "a", kind: "country" })],
      /field name "a" appears twice/,
    ],
    [[field({ name: "n", kind: "integer", min: 5, max: 1 })], /min 5 is greater than max 1/],
    [[field({ name: "n", kind: "integer", min: 200 })], /min 200 is greater than max 100/],
    [[field({ name: "n", kind: "integer", min: 0.5, max: 3 })], /min and max must be whole numbers/],
    [[field({ name: "c", kind: "city", min: 1 })], /min and max apply only to integer, float and sequence/],
    [[field({ name: "s", kind: "sequence", max: 9 })], /a sequence has no max/],
    [[field({ name: "b", kind: "boolean", decimals: 2 })], /decimals apply only to float fields/],
    [[field({ name: "t", kind: "choice" })], /give the choices to pick from/],
    [[field({ name: "t", kind: "city", choices: ["x"] })], /choices apply only to choice fields/],
    [
      [field({ name: "d", kind: "email", start_date: "2020-01-01" })],
      /start_date and end_date apply only to date/,
    ],
    [
      [field({ name: "d", kind: "date", start_date: "2021-01-01", end_date: "2020-01-01" })],
      /start_date is after end_date/,
    ],
    [
      [field({ name: "d", kind: "date", start_date: "01/01/2020" })],
      /field "d" start_date "01\/01\/2020" is not an ISO 8601 date/,
    ],
  ])("rejects %j", (specs, message) => {
    expect(errorOf(() => sampleRecords(1, 3, specs))).toMatch(message);
  });
});

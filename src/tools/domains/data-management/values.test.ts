import { describe, expect, it } from "vitest";
import type { Column, Row } from "./state.ts";
import { errorOf } from "./testing.ts";
import { compareCells, compileFilter, type Filter, rowProblems } from "./values.ts";

const columns: Column[] = [
  { name: "name", type: "string", required: true },
  { name: "age", type: "integer", required: false },
  { name: "score", type: "number", required: false },
  { name: "active", type: "boolean", required: false },
];

const rows: Row[] = [
  { id: 1, name: "Ada", age: 36, score: 9.5, active: true },
  { id: 2, name: "Bob", age: null, score: 7, active: false },
  { id: 3, name: "Abe", age: 20, score: null, active: null },
];

const ids = (filter: Filter) => rows.filter(compileFilter(columns, filter, "people")).map((row) => row.id);

describe("compileFilter", () => {
  it.each([
    [{ column: "name", op: "eq", value: "Bob" }, [2]],
    [{ column: "age", op: "eq", value: null }, [2]],
    [{ column: "age", op: "ne", value: 36 }, [2, 3]],
    [{ column: "age", op: "gt", value: 20 }, [1]],
    [{ column: "age", op: "gte", value: 20 }, [1, 3]],
    [{ column: "score", op: "lt", value: 9.5 }, [2]],
    [{ column: "score", op: "lte", value: 9.5 }, [1, 2]],
    [{ column: "age", op: "lt", value: 30.5 }, [3]],
    [{ column: "name", op: "lt", value: "B" }, [1, 3]],
    [{ column: "name", op: "contains", value: "b" }, [2, 3]],
    [{ column: "name", op: "starts_with", value: "A" }, [1, 3]],
    [{ column: "name", op: "in", value: ["Ada", "Abe", "Zed"] }, [1, 3]],
    [{ column: "active", op: "eq", value: false }, [2]],
    [{ column: "id", op: "in", value: [2, 3] }, [2, 3]],
  ] as Array<[Filter, number[]]>)("%j matches %j", (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it.each([
    [
      { column: "salary", op: "eq", value: 1 },
      /table "people" has no column "salary" \(columns: id, name, age, score, active\)/,
    ],
    [
      { column: "age", op: "eq", value: "36" },
      /filter on "age" \(integer\) with op eq needs a integer value, got string "36"/,
    ],
    [{ column: "age", op: "gt", value: null }, /needs a integer value, got null/],
    [{ column: "active", op: "lt", value: true }, /cannot order boolean column "active"; use eq or ne/],
    [{ column: "age", op: "contains", value: "3" }, /op contains works on string columns/],
    [{ column: "name", op: "in", value: "Ada" }, /op in needs a list of values/],
    [{ column: "name", op: "eq", value: ["Ada"] }, /needs one value, not a list \(use op in\)/],
    [{ column: "name", op: "in", value: [1] }, /needs a string value, got number 1/],
  ] as Array<[Filter, RegExp]>)("rejects %j", (filter, message) => {
    expect(errorOf(() => compileFilter(columns, filter, "people"))).toMatch(message);
  });
});

describe("rowProblems", () => {
  it.each([
    [{ name: "Ann", age: 3 }, false, []],
    [{ age: 3 }, true, []],
    [{ age: 3 }, false, ['required column "name" is missing']],
    [{ name: null }, true, ['column "name" is required and cannot be null']],
    [{ name: "x", age: "3" }, false, ['column "age" holds integer values, got string "3"']],
    [{ name: "x", score: [1] }, false, ['column "score" holds number values, got a list']],
    [{ name: "x", id: 4 }, false, ['"id" is assigned automatically and cannot be set']],
    [{ name: "x", colour: "red" }, false, ['unknown column "colour" (columns: name, age, score, active)']],
  ])("%j (partial %s) → %j", (values, partial, problems) => {
    expect(rowProblems(columns, values, partial)).toEqual(problems);
  });
});

describe("compareCells", () => {
  it("orders numbers and strings ascending with null last", () => {
    expect([3, null, 1, 2].sort(compareCells)).toEqual([1, 2, 3, null]);
    expect(["b", null, "a"].sort(compareCells)).toEqual(["a", "b", null]);
    expect([true, false, null].sort(compareCells)).toEqual([false, true, null]);
  });
});

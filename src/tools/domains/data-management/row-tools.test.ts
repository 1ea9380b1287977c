import { describe, expect, it } from "vitest";
import { callTable, errorOf, staffState } from "./testing.ts";

type Rows = { rows: Array<Record<string, unknown>>; count: number };
const names = (result: unknown) => (result as Rows).rows.map((row) => row.name);

describe("table_insert / table_get_row", () => {
  it("assign increasing ids, fill missing columns with null, and never reuse ids", () => {
    const state = staffState();
    expect(
      callTable(
        "table_insert",
        { table: "staff", rows: [{ name: "Fay", level: 2 }, { name: "Gus" }] },
        state,
      ),
    ).toEqual({
      inserted: 2,
      ids: [6, 7],
    });
    expect(callTable("table_get_row", { table: "staff", id: 6 }, state)).toEqual({
      row: { id: 6, name: "Fay", team: null, salary: null, level: 2, remote: null },
    });
    callTable("table_delete", { table: "staff", filters: [{ column: "id", op: "gte", value: 6 }] }, state);
    expect(callTable("table_insert", { table: "staff", rows: [{ name: "Hal" }] }, state)).toEqual({
      inserted: 1,
      ids: [8],
    });
  });

  it.each([
    [
      { table: "staff", rows: [{ name: "ok" }, { team: "core" }] },
      /rows\[1\]: required column "name" is missing/,
    ],
    [
      { table: "staff", rows: [{ name: "x", level: "2" }] },
      /rows\[0\]: column "level" holds integer values, got string "2"/,
    ],
    [
      { table: "staff", rows: [{ name: "x", age: 4 }] },
      /unknown column "age" \(columns: name, team, salary, level, remote\)/,
    ],
    [{ table: "staff", rows: [{ name: "x", id: 99 }] }, /"id" is assigned automatically/],
    [{ table: "nope", rows: [{ name: "x" }] }, /there is no table named "nope"/],
  ])("insert rejects %j and inserts nothing", (args, message) => {
    const state = staffState();
    const before = structuredClone(state);
    expect(errorOf(() => callTable("table_insert", args, state))).toMatch(message);
    expect(state).toEqual(before);
  });

  it("get_row names a missing id", () => {
    expect(errorOf(() => callTable("table_get_row", { table: "staff", id: 42 }))).toMatch(
      /table "staff" has no row with id 42/,
    );
  });
});

describe("table_query", () => {
  it.each([
    [{ table: "staff" }, ["Ada", "Ben", "Cleo", "Dan", "Eve"]],
    [{ table: "staff", filters: [{ column: "team", value: "web" }] }, ["Cleo", "Dan"]],
    [
      {
        table: "staff",
        filters: [
          { column: "remote", value: true },
          { column: "level", op: "lt", value: 3 },
        ],
      },
      ["Cleo", "Eve"],
    ],
    [{ table: "staff", order_by: "salary" }, ["Eve", "Ben", "Cleo", "Ada", "Dan"]],
    [{ table: "staff", order_by: "salary", descending: true }, ["Ada", "Cleo", "Ben", "Eve", "Dan"]],
    [{ table: "staff", order_by: "level", descending: true }, ["Ada", "Ben", "Cleo", "Dan", "Eve"]],
    [{ table: "staff", order_by: "name", limit: 2, offset: 1 }, ["Ben", "Cleo"]],
  ])("%j → %j", (args, expected) => {
    expect(names(callTable("table_query", args))).toEqual(expected);
  });

  it("projects columns and counts matches before paging", () => {
    expect(
      callTable("table_query", { table: "staff", columns: ["name", "id"], order_by: "name", limit: 1 }),
    ).toEqual({
      rows: [{ name: "Ada", id: 1 }],
      count: 5,
    });
  });

  it.each([
    [{ table: "staff", order_by: "age" }, /table "staff" has no column "age"/],
    [{ table: "staff", columns: ["name", "email"] }, /has no column "email"/],
    [
      { table: "staff", filters: [{ column: "salary", op: "gt", value: "100" }] },
      /needs a number value, got string "100"/,
    ],
  ])("rejects %j", (args, message) => {
    expect(errorOf(() => callTable("table_query", args))).toMatch(message);
  });
});

describe("table_update / table_delete", () => {
  it("update changes only matching rows and reports their ids", () => {
    const state = staffState();
    expect(
      callTable(
        "table_update",
        { table: "staff", filters: [{ column: "team", value: "web" }], set: { level: 5 } },
        state,
      ),
    ).toEqual({ updated: 2, ids: [3, 4] });
    expect(
      names(callTable("table_query", { table: "staff", filters: [{ column: "level", value: 5 }] }, state)),
    ).toEqual(["Cleo", "Dan"]);
    expect(callTable("table_update", { table: "staff", filters: [], set: { remote: false } }, state)).toEqual(
      {
        updated: 5,
        ids: [1, 2, 3, 4, 5],
      },
    );
  });

  it("delete removes matching rows and an empty filter list empties the table", () => {
    const state = staffState();
    expect(
      callTable("table_delete", { table: "staff", filters: [{ column: "salary", value: null }] }, state),
    ).toEqual({
      deleted: 1,
      ids: [4],
    });
    expect(callTable("table_delete", { table: "staff", filters: [] }, state)).toEqual({
      deleted: 4,
      ids: [1, 2, 3, 5],
    });
    expect(state.tables.staff?.rows).toEqual([]);
  });

  it.each([
    ["table_update", { table: "staff", filters: [], set: {} }, /set is empty/],
    [
      "table_update",
      { table: "staff", filters: [], set: { name: null } },
      /set: column "name" is required and cannot be null/,
    ],
    [
      "table_update",
      { table: "staff", filters: [], set: { salary: "high" } },
      /set: column "salary" holds number values/,
    ],
    [
      "table_update",
      { table: "staff", filters: [{ column: "x", value: 1 }], set: { level: 1 } },
      /has no column "x"/,
    ],
    [
      "table_delete",
      { table: "staff", filters: [{ column: "remote", op: "gt", value: true }] },
      /cannot order boolean/,
    ],
    ["table_delete", { table: "nope", filters: [] }, /there is no table named "nope"/],
  ])("%s %j fails and changes nothing", (name, args, message) => {
    const state = staffState();
    const before = structuredClone(state);
    expect(errorOf(() => callTable(name, args, state))).toMatch(message);
    expect(state).toEqual(before);
  });

  it("schema requires filters on update and delete, so 'all rows' is always explicit", () => {
    expect(() => callTable("table_delete", { table: "staff" })).toThrow();
    expect(() => callTable("table_update", { table: "staff", set: { level: 1 } })).toThrow();
  });
});

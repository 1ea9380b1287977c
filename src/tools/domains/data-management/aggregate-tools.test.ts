import { describe, expect, it } from "vitest";
import { callTable, errorOf, staffState } from "./testing.ts";

describe("table_aggregate", () => {
  it.each([
    [{ function: "count" }, { value: 5, rows: 5 }],
    [
      { function: "count", column: "salary" },
      { value: 4, rows: 5 },
    ],
    [
      { function: "sum", column: "salary" },
      { value: 396.5, rows: 5 },
    ],
    [
      { function: "avg", column: "salary" },
      { value: 99.125, rows: 5 },
    ],
    [
      { function: "min", column: "salary" },
      { value: 80, rows: 5 },
    ],
    [
      { function: "max", column: "name" },
      { value: "Eve", rows: 5 },
    ],
    [
      { function: "avg", column: "level", filters: [{ column: "team", value: "core" }] },
      { value: 2.5, rows: 2 },
    ],
    [
      { function: "sum", column: "salary", filters: [{ column: "team", value: "nobody" }] },
      { value: 0, rows: 0 },
    ],
    [
      { function: "avg", column: "salary", filters: [{ column: "team", value: "nobody" }] },
      { value: null, rows: 0 },
    ],
  ])("%j → %j", (args, expected) => {
    expect(callTable("table_aggregate", { table: "staff", ...args })).toEqual(expected);
  });

  it.each([
    [{ function: "sum" }, /sum needs a column to work on/],
    [{ function: "avg", column: "name" }, /avg needs a number or integer column; "name" holds string values/],
    [{ function: "max", column: "remote" }, /max needs a number, integer or string column/],
    [{ function: "count", column: "bonus" }, /has no column "bonus"/],
  ])("rejects %j", (args, message) => {
    expect(errorOf(() => callTable("table_aggregate", { table: "staff", ...args }))).toMatch(message);
  });
});

describe("table_group_by", () => {
  it("aggregates per group, keys sorted with null last", () => {
    expect(
      callTable("table_group_by", { table: "staff", group_by: "team", function: "avg", column: "salary" }),
    ).toEqual({
      groups: [
        { key: "core", value: 107.75, rows: 2 },
        { key: "web", value: 101, rows: 2 },
        { key: null, value: 80, rows: 1 },
      ],
      group_count: 3,
    });
  });

  it("counts per boolean group after filtering", () => {
    expect(
      callTable("table_group_by", {
        table: "staff",
        group_by: "remote",
        function: "count",
        filters: [{ column: "level", op: "lte", value: 2 }],
      }),
    ).toEqual({
      groups: [
        { key: false, value: 2, rows: 2 },
        { key: true, value: 2, rows: 2 },
      ],
      group_count: 2,
    });
  });

  it.each([
    [{ group_by: "dept", function: "count" }, /has no column "dept"/],
    [{ group_by: "team", function: "sum", column: "remote" }, /sum needs a number or integer column/],
    [{ group_by: "team", function: "min" }, /min needs a column/],
  ])("rejects %j", (args, message) => {
    expect(errorOf(() => callTable("table_group_by", { table: "staff", ...args }))).toMatch(message);
  });
});

describe("data-management determinism", () => {
  it("the same script on equal states gives identical results and states", () => {
    const script: Array<[string, Record<string, unknown>]> = [
      [
        "table_create",
        {
          name: "log",
          columns: [
            { name: "event", type: "string" },
            { name: "weight", type: "number" },
          ],
        },
      ],
      [
        "table_insert",
        {
          table: "log",
          rows: [
            { event: "a", weight: 0.1 },
            { event: "b", weight: 0.2 },
            { event: "a", weight: 0.7 },
          ],
        },
      ],
      [
        "table_update",
        { table: "staff", filters: [{ column: "team", value: "core" }], set: { salary: 130.25 } },
      ],
      ["table_group_by", { table: "log", group_by: "event", function: "sum", column: "weight" }],
      ["table_delete", { table: "staff", filters: [{ column: "remote", value: false }] }],
      ["table_query", { table: "staff", order_by: "salary", descending: true }],
      ["table_aggregate", { table: "log", function: "avg", column: "weight" }],
      ["table_list", {}],
    ];
    const run = () => {
      const state = staffState();
      const results = script.map(([name, args]) => callTable(name, args, state));
      return JSON.stringify({ state, results });
    };
    expect(run()).toBe(run());
  });
});

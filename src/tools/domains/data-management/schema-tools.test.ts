import { describe, expect, it } from "vitest";
import { toolJsonSchema } from "../../tool.ts";
import { dataManagementDomain } from "./index.ts";
import { callTable, errorOf, freshState, resourcesOf, staffState } from "./testing.ts";

describe("data-management domain", () => {
  it("has at least 8 prefixed tools with JSON schemas", () => {
    expect(dataManagementDomain.tools.length).toBeGreaterThanOrEqual(8);
    for (const tool of dataManagementDomain.tools) {
      expect(tool.name).toMatch(/^table_/);
      expect(toolJsonSchema(tool).type).toBe("object");
    }
  });

  it.each([
    ["table_create", { name: "t", columns: [{ name: "x", type: "string" }] }, ["data-management:tables/t"]],
    ["table_drop", { table: "staff" }, ["data-management:tables/staff"]],
    ["table_list", {}, ["data-management:tables"]],
    ["table_describe", { table: "staff" }, ["data-management:tables/staff"]],
    ["table_insert", { table: "staff", rows: [{ name: "x" }] }, ["data-management:tables/staff"]],
    ["table_get_row", { table: "staff", id: 1 }, ["data-management:tables/staff"]],
    ["table_query", { table: "staff" }, ["data-management:tables/staff"]],
    ["table_update", { table: "staff", filters: [], set: { level: 1 } }, ["data-management:tables/staff"]],
    ["table_delete", { table: "staff", filters: [] }, ["data-management:tables/staff"]],
    ["table_aggregate", { table: "staff", function: "count" }, ["data-management:tables/staff"]],
    [
      "table_group_by",
      { table: "staff", function: "count", group_by: "team" },
      ["data-management:tables/staff"],
    ],
  ])("%s touches %j", (name, args, resources) => {
    expect(resourcesOf(name, args)).toEqual(resources);
  });
});

describe("table_create / table_list / table_describe / table_drop", () => {
  it("create an empty table that list and describe then show", () => {
    const state = freshState();
    const created = callTable(
      "table_create",
      {
        name: "orders",
        columns: [
          { name: "sku", type: "string", required: true },
          { name: "qty", type: "integer" },
        ],
      },
      state,
    );
    const described = {
      name: "orders",
      columns: [
        { name: "id", type: "integer", required: true },
        { name: "sku", type: "string", required: true },
        { name: "qty", type: "integer", required: false },
      ],
      row_count: 0,
      next_id: 1,
    };
    expect(created).toEqual(described);
    expect(callTable("table_describe", { table: "orders" }, state)).toEqual(described);
    expect(callTable("table_list", {}, state)).toEqual({
      tables: [{ name: "orders", row_count: 0, column_count: 3 }],
    });
  });

  it("list sorts by name and drop removes the table with its rows", () => {
    const state = staffState();
    callTable("table_create", { name: "alpha", columns: [{ name: "x", type: "boolean" }] }, state);
    expect(callTable("table_list", {}, state)).toEqual({
      tables: [
        { name: "alpha", row_count: 0, column_count: 2 },
        { name: "staff", row_count: 5, column_count: 6 },
      ],
    });
    expect(callTable("table_drop", { table: "staff" }, state)).toEqual({ dropped: "staff", rows_deleted: 5 });
    expect(Object.keys(state.tables)).toEqual(["alpha"]);
  });

  it.each([
    [
      "table_create",
      { name: "staff", columns: [{ name: "x", type: "string" }] },
      /a table named "staff" already exists/,
    ],
    ["table_create", { name: "t", columns: [{ name: "id", type: "integer" }] }, /"id" is reserved/],
    [
      "table_create",
      {
        name: "t",
        columns: [
          { name: "a", type: "string" },
          { name: "a", type: "number" },
        ],
      },
      /column "a" is listed twice/,
    ],
    [
      "table_describe",
      { table: "nope" },
      /there is no table named "nope"; call table_list .* or table_create/,
    ],
    ["table_drop", { table: "nope" }, /there is no table named "nope"/],
  ])("%s %j", (name, args, message) => {
    const state = staffState();
    const before = structuredClone(state);
    expect(errorOf(() => callTable(name, args, state))).toMatch(message);
    expect(state).toEqual(before);
  });

  it.each([
    ["table_create", { name: "Bad Name", columns: [{ name: "x", type: "string" }] }],
    ["table_create", { name: "t", columns: [] }],
    ["table_create", { name: "t", columns: [{ name: "x", type: "date" }] }],
    ["table_list", { verbose: true }],
  ])("schema rejects %s %j", (name, args) => {
    expect(() => callTable(name, args)).toThrow();
  });
});

/** data-management tools that manage tables: create, list, describe, drop. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { describeTable, getTable, tableParameter } from "./access.ts";
import {
  ALL_TABLES_RESOURCE,
  Column,
  columnProblems,
  type DataManagementState,
  TableName,
  tableResource,
} from "./state.ts";

export const tableCreate = defineTool({
  name: "table_create",
  description:
    "Create an empty table with typed columns. Every table also gets an automatic integer id column (1, 2, 3, …), " +
    'so "id" cannot be used as a column name.',
  parameters: {
    name: TableName.describe("Name of the new table (lower-case letters, digits and _)."),
    columns: z.array(Column).min(1).max(30).describe("The columns, in order."),
  },
  latency: "fast",
  mutates: true,
  resources: (args) => [tableResource(args.name)],
  run: (state: DataManagementState, args) => {
    if (state.tables[args.name]) {
      throw new ToolError(
        `a table named "${args.name}" already exists; insert into it or choose another name`,
      );
    }
    const problems = columnProblems(args.columns);
    if (problems.length > 0) throw new ToolError(problems.join("; "));
    const table = { columns: args.columns, rows: [], next_id: 1 };
    state.tables[args.name] = table;
    return describeTable(args.name, table);
  },
});

export const tableList = defineTool({
  name: "table_list",
  description: "List every table with its number of rows and columns, sorted by name.",
  parameters: {},
  latency: "fast",
  mutates: false,
  resources: () => [ALL_TABLES_RESOURCE],
  run: (state: DataManagementState) => ({
    tables: Object.keys(state.tables)
      .sort()
      .map((name) => {
        const table = getTable(state, name);
        return { name, row_count: table.rows.length, column_count: table.columns.length + 1 };
      }),
  }),
});

export const tableDescribe = defineTool({
  name: "table_describe",
  description:
    "Show a table's columns (name, type, required), its number of rows and the id the next row will get.",
  parameters: { table: tableParameter },
  latency: "fast",
  mutates: false,
  resources: (args) => [tableResource(args.table)],
  run: (state: DataManagementState, args) => describeTable(args.table, getTable(state, args.table)),
});

export const tableDrop = defineTool({
  name: "table_drop",
  description: "Delete a table and all its rows. This cannot be undone.",
  parameters: { table: tableParameter },
  latency: "fast",
  mutates: true,
  resources: (args) => [tableResource(args.table)],
  run: (state: DataManagementState, args) => {
    const table = getTable(state, args.table);
    delete state.tables[args.table];
    return { dropped: args.table, rows_deleted: table.rows.length };
  },
});

export const SCHEMA_TOOLS = [tableCreate, tableList, tableDescribe, tableDrop];

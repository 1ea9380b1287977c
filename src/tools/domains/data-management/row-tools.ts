/** data-management tools that read and write rows. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { filtersParameter, getTable, tableParameter } from "./access.ts";
import { Cell, type DataManagementState, normalizeRow, type Row, tableResource } from "./state.ts";
import { compareCells, findColumn, matchingRows, rowProblems } from "./values.ts";

const values = z.record(z.string(), Cell);

function checkValues(problems: string[], where: string): void {
  if (problems.length > 0) throw new ToolError(`${where}: ${problems.join("; ")}`);
}

export const tableInsert = defineTool({
  name: "table_insert",
  description:
    "Insert rows into a table. Each row maps column names to values of the column's type; missing columns are " +
    "null. Ids are assigned automatically and returned. All rows are checked first: if one is invalid, none is inserted.",
  parameters: {
    table: tableParameter,
    rows: z.array(values).min(1).max(1000).describe('The rows, e.g. [{"name": "Ada", "age": 36}].'),
  },
  latency: "medium",
  mutates: true,
  resources: (args) => [tableResource(args.table)],
  run: (state: DataManagementState, args) => {
    const table = getTable(state, args.table);
    args.rows.forEach((row, index) => {
      checkValues(rowProblems(table.columns, row, false), `rows[${index}]`);
    });
    const ids = args.rows.map((row) => {
      const id = table.next_id++;
      table.rows.push(normalizeRow(table.columns, id, row));
      return id;
    });
    return { inserted: ids.length, ids };
  },
});

export const tableGetRow = defineTool({
  name: "table_get_row",
  description: "Fetch one row of a table by its id.",
  parameters: { table: tableParameter, id: z.number().int().describe("The row's id.") },
  latency: "fast",
  mutates: false,
  resources: (args) => [tableResource(args.table)],
  run: (state: DataManagementState, args) => {
    const row = getTable(state, args.table).rows.find((candidate) => candidate.id === args.id);
    if (!row) throw new ToolError(`table "${args.table}" has no row with id ${args.id}`);
    return { row };
  },
});

export const tableQuery = defineTool({
  name: "table_query",
  description:
    "Find rows that meet every filter, optionally choosing columns, sorting (nulls last, ties by id) and paging. " +
    "Returns the rows and count, the number of matches before limit and offset.",
  parameters: {
    table: tableParameter,
    filters: filtersParameter.default([]),
    columns: z.array(z.string()).min(1).optional().describe("Columns to return (default all, id first)."),
    order_by: z.string().optional().describe("Column to sort by (default id)."),
    descending: z.boolean().default(false).describe("Sort from largest to smallest (default false)."),
    limit: z.number().int().min(1).max(1000).default(100).describe("Most rows to return (default 100)."),
    offset: z.number().int().min(0).default(0).describe("Matches to skip before returning rows (default 0)."),
  },
  latency: "medium",
  mutates: false,
  resources: (args) => [tableResource(args.table)],
  run: (state: DataManagementState, args) => {
    const table = getTable(state, args.table);
    const matches = matchingRows(table, args.filters, args.table);
    const orderBy = findColumn(table.columns, args.order_by ?? "id", args.table).name;
    const projection = args.columns?.map((name) => findColumn(table.columns, name, args.table).name);
    const sorted = [...matches].sort((a, b) => {
      const order = compareCells(a[orderBy], b[orderBy]);
      const directed = args.descending && a[orderBy] !== null && b[orderBy] !== null ? -order : order;
      return directed || a.id - b.id;
    });
    const page = sorted.slice(args.offset, args.offset + args.limit);
    const rows = projection
      ? page.map((row) => Object.fromEntries(projection.map((name) => [name, row[name] ?? null])))
      : page;
    return { rows, count: matches.length };
  },
});

export const tableUpdate = defineTool({
  name: "table_update",
  description:
    "Set new values on every row that meets the filters (an empty filter list updates every row). Returns how " +
    "many rows changed and their ids.",
  parameters: {
    table: tableParameter,
    filters: filtersParameter,
    set: values.describe('Column values to write, e.g. {"status": "shipped"}.'),
  },
  latency: "medium",
  mutates: true,
  resources: (args) => [tableResource(args.table)],
  run: (state: DataManagementState, args) => {
    const table = getTable(state, args.table);
    if (Object.keys(args.set).length === 0)
      throw new ToolError("set is empty: name at least one column to change");
    checkValues(rowProblems(table.columns, args.set, true), "set");
    const rows: Row[] = matchingRows(table, args.filters, args.table);
    for (const row of rows) Object.assign(row, args.set);
    return { updated: rows.length, ids: rows.map((row) => row.id) };
  },
});

export const tableDelete = defineTool({
  name: "table_delete",
  description:
    "Delete every row that meets the filters (an empty filter list empties the table). Ids of deleted rows are " +
    "not reused. Returns how many rows were deleted and their ids.",
  parameters: { table: tableParameter, filters: filtersParameter },
  latency: "medium",
  mutates: true,
  resources: (args) => [tableResource(args.table)],
  run: (state: DataManagementState, args) => {
    const table = getTable(state, args.table);
    const doomed = new Set(matchingRows(table, args.filters, args.table).map((row) => row.id));
    table.rows = table.rows.filter((row) => !doomed.has(row.id));
    return { deleted: doomed.size, ids: [...doomed] };
  },
});

export const ROW_TOOLS = [tableInsert, tableGetRow, tableQuery, tableUpdate, tableDelete];

/** data-management tools that summarise rows: one aggregate, or one per group. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { filtersParameter, getTable, tableParameter } from "./access.ts";
import { type Cell, type Column, type DataManagementState, type Row, tableResource } from "./state.ts";
import { compareCells, findColumn, matchingRows } from "./values.ts";

export const AGGREGATE_FUNCTIONS = ["count", "sum", "avg", "min", "max"] as const;
type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

const aggregateParameters = {
  table: tableParameter,
  function: z
    .enum(AGGREGATE_FUNCTIONS)
    .describe("count (rows, or non-null values of column), sum, avg, min or max (of column)."),
  column: z.string().optional().describe("Column to aggregate; required except for count."),
  filters: filtersParameter.default([]),
};

/** Check the column suits the function; returns it (undefined for a plain row count). */
function aggregateColumn(columns: Column[], fn: AggregateFunction, name: string | undefined, table: string) {
  if (name === undefined) {
    if (fn !== "count") throw new ToolError(`${fn} needs a column to work on`);
    return undefined;
  }
  const column = findColumn(columns, name, table);
  const numeric = column.type === "number" || column.type === "integer";
  if ((fn === "sum" || fn === "avg") && !numeric) {
    throw new ToolError(`${fn} needs a number or integer column; "${name}" holds ${column.type} values`);
  }
  if ((fn === "min" || fn === "max") && column.type === "boolean") {
    throw new ToolError(`${fn} needs a number, integer or string column; "${name}" holds boolean values`);
  }
  return column;
}

/** The aggregate over rows; sums run in id order so float results are reproducible. Empty → null (count → 0). */
function aggregate(rows: readonly Row[], fn: AggregateFunction, column: Column | undefined): Cell {
  if (column === undefined) return rows.length;
  const cells = rows.map((row) => row[column.name] ?? null).filter((cell) => cell !== null);
  if (fn === "count") return cells.length;
  if (cells.length === 0) return fn === "sum" ? 0 : null;
  if (fn === "sum" || fn === "avg") {
    const sum = (cells as number[]).reduce((total, cell) => total + cell, 0);
    return fn === "sum" ? sum : sum / cells.length;
  }
  const sorted = [...cells].sort(compareCells);
  return (fn === "min" ? sorted[0] : sorted[sorted.length - 1]) ?? null;
}

export const tableAggregate = defineTool({
  name: "table_aggregate",
  description:
    "Compute count, sum, avg, min or max over the rows that meet the filters. Null values are skipped; over no " +
    "values sum is 0 and avg/min/max are null.",
  parameters: aggregateParameters,
  latency: "medium",
  mutates: false,
  resources: (args) => [tableResource(args.table)],
  run: (state: DataManagementState, args) => {
    const table = getTable(state, args.table);
    const column = aggregateColumn(table.columns, args.function, args.column, args.table);
    const rows = matchingRows(table, args.filters, args.table);
    return { value: aggregate(rows, args.function, column), rows: rows.length };
  },
});

export const tableGroupBy = defineTool({
  name: "table_group_by",
  description:
    "Group the rows that meet the filters by one column and compute count, sum, avg, min or max per group. " +
    "Groups are sorted by key (null last); each has its key, value and number of rows.",
  parameters: {
    ...aggregateParameters,
    group_by: z.string().describe("Column whose values form the groups."),
  },
  latency: "slow",
  mutates: false,
  resources: (args) => [tableResource(args.table)],
  run: (state: DataManagementState, args) => {
    const table = getTable(state, args.table);
    const column = aggregateColumn(table.columns, args.function, args.column, args.table);
    const key = findColumn(table.columns, args.group_by, args.table).name;
    const groups = new Map<Cell, Row[]>();
    for (const row of matchingRows(table, args.filters, args.table)) {
      const cell = row[key] ?? null;
      groups.set(cell, [...(groups.get(cell) ?? []), row]);
    }
    const result = [...groups.entries()]
      .sort(([left], [right]) => compareCells(left, right))
      .map(([cell, rows]) => ({
        key: cell,
        value: aggregate(rows, args.function, column),
        rows: rows.length,
      }));
    return { groups: result, group_count: result.length };
  },
});

export const AGGREGATE_TOOLS = [tableAggregate, tableGroupBy];

/** Shared parameter schemas and table lookup for the data-management tools. */
import { z } from "zod";
import { ToolError } from "../../tool.ts";
import { Cell, type DataManagementState, type Table } from "./state.ts";
import { FILTER_OPERATORS } from "./values.ts";

export const tableParameter = z.string().describe("Name of the table.");

export const FilterParameter = z.strictObject({
  column: z.string().describe('Column to test (the automatic "id" column included).'),
  op: z
    .enum(FILTER_OPERATORS)
    .default("eq")
    .describe(
      "eq, ne, lt, lte, gt, gte (numbers and strings), contains / starts_with (strings, case-sensitive), " +
        "in (value is a list). Default eq.",
    ),
  value: z
    .union([Cell, z.array(Cell)])
    .describe("Value to compare with, of the column's type (a list for in)."),
});

export const filtersParameter = z
  .array(FilterParameter)
  .max(20)
  .describe("Conditions a row must all meet. An empty list matches every row.");

export function getTable(state: DataManagementState, name: string): Table {
  const table = state.tables[name];
  if (!table) {
    throw new ToolError(
      `there is no table named "${name}"; call table_list to see the tables or table_create to add one`,
    );
  }
  return table;
}

export function describeTable(name: string, table: Table) {
  return {
    name,
    columns: [{ name: "id", type: "integer", required: true }, ...table.columns],
    row_count: table.rows.length,
    next_id: table.next_id,
  };
}

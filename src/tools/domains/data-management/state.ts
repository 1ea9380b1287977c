import { z } from "zod";
import { rowProblems } from "./values.ts";

export const IDENTIFIER_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const identifierMessage =
  "use lower-case letters, digits and _, starting with a letter (at most 40 characters)";
export const TableName = z.string().regex(IDENTIFIER_PATTERN, `table names: ${identifierMessage}`);
export const ColumnName = z.string().regex(IDENTIFIER_PATTERN, `column names: ${identifierMessage}`);

export const COLUMN_TYPES = ["string", "number", "integer", "boolean"] as const;
export const ColumnType = z.enum(COLUMN_TYPES);
export type ColumnType = z.infer<typeof ColumnType>;

export const Column = z.strictObject({
  name: ColumnName.describe("Column name."),
  type: ColumnType.describe("Type of the values: string, number, integer or boolean."),
  required: z.boolean().default(false).describe("Whether every row must have a value (default false)."),
});
export type Column = z.infer<typeof Column>;

export const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof Cell>;
/** A stored row: the automatic integer `id` plus one entry per column (null when empty). */
export type Row = Record<string, Cell> & { id: number };

export interface Table {
  columns: Column[];
  rows: Row[];
  /** The id the next inserted row gets; ids are never reused. */
  next_id: number;
}

/** Problems with a column list: duplicates and the reserved `id`. */
export function columnProblems(columns: readonly Column[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (column.name === "id")
      problems.push('"id" is reserved: every table gets an automatic integer id column');
    else if (seen.has(column.name)) problems.push(`column "${column.name}" is listed twice`);
    seen.add(column.name);
  }
  return problems;
}

/** A row with every column present, in column order, after its id. */
export function normalizeRow(columns: readonly Column[], id: number, values: Record<string, unknown>): Row {
  const row: Row = { id };
  for (const column of columns) row[column.name] = (values[column.name] ?? null) as Cell;
  return row;
}

/** Config for one table: rows may omit ids (they are numbered in order) and empty columns. */
const TableConfig = z
  .strictObject({
    columns: z.array(Column).min(1).max(30),
    rows: z.array(z.record(z.string(), Cell)).default([]),
    next_id: z.number().int().min(1).optional(),
  })
  .superRefine((table, context) => {
    for (const message of columnProblems(table.columns))
      context.addIssue({ code: "custom", message, path: ["columns"] });
    const ids = new Set<number>();
    table.rows.forEach((row, index) => {
      const { id, ...values } = row;
      if (id !== undefined && id !== null && !(Number.isInteger(id) && (id as number) >= 1)) {
        context.addIssue({
          code: "custom",
          message: "id must be a positive integer",
          path: ["rows", index, "id"],
        });
      } else if (typeof id === "number") {
        if (ids.has(id))
          context.addIssue({
            code: "custom",
            message: `id ${id} is used twice`,
            path: ["rows", index, "id"],
          });
        ids.add(id);
      }
      for (const message of rowProblems(table.columns, values, false)) {
        context.addIssue({ code: "custom", message, path: ["rows", index] });
      }
    });
  })
  .transform((table): Table => {
    let nextId = Math.max(
      table.next_id ?? 1,
      ...table.rows.map((row) => (typeof row.id === "number" ? row.id + 1 : 1)),
    );
    const rows = table.rows.map((row) => {
      const id = typeof row.id === "number" ? row.id : nextId++;
      return normalizeRow(table.columns, id, row);
    });
    return { columns: table.columns, rows, next_id: nextId };
  });

/** Tables keyed by name, so tasks that use different tables merge into one world without conflict. */
export const DataManagementState = z.strictObject({
  tables: z.record(TableName, TableConfig).default({}),
});
export type DataManagementState = z.infer<typeof DataManagementState>;

/**
 * Each table is the resource `data-management:tables/<name>`. Listing reads every table, so it
 * touches the parent `data-management:tables`, which overlaps each table by path prefix (the
 * composer's rule): a table_list task never shares a scenario with a task that creates or drops a
 * table, while tasks on different tables stay disjoint.
 */
export const ALL_TABLES_RESOURCE = "data-management:tables";
export const tableResource = (name: string) => `${ALL_TABLES_RESOURCE}/${name}`;

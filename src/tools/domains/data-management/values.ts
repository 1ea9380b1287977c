/** Type checks for cells and filters; every message says what was wrong and what is allowed. */
import { ToolError } from "../../tool.ts";
import type { Cell, Column, ColumnType, Row } from "./state.ts";

export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function fitsType(value: unknown, type: ColumnType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isSafeInteger(value);
    case "boolean":
      return typeof value === "boolean";
  }
}

/** What is wrong with a row's values (unknown columns, wrong types, missing required values). */
export function rowProblems(
  columns: readonly Column[],
  values: Record<string, unknown>,
  partial: boolean,
): string[] {
  const problems: string[] = [];
  const byName = new Map(columns.map((column) => [column.name, column]));
  for (const [name, value] of Object.entries(values)) {
    const column = byName.get(name);
    if (name === "id") problems.push('"id" is assigned automatically and cannot be set');
    else if (!column)
      problems.push(`unknown column "${name}" (columns: ${columns.map((c) => c.name).join(", ")})`);
    else if (value === null) {
      if (column.required) problems.push(`column "${name}" is required and cannot be null`);
    } else if (!fitsType(value, column.type)) {
      problems.push(`column "${name}" holds ${column.type} values, got ${describeValue(value)}`);
    }
  }
  if (!partial) {
    for (const column of columns) {
      if (column.required && values[column.name] === undefined)
        problems.push(`required column "${column.name}" is missing`);
    }
  }
  return problems;
}

export const FILTER_OPERATORS = [
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "contains",
  "starts_with",
  "in",
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface Filter {
  column: string;
  op: FilterOperator;
  value: Cell | Cell[];
}

const ID_COLUMN: Column = { name: "id", type: "integer", required: true };

/** The column a name refers to, including the automatic id; throws naming the real columns. */
export function findColumn(columns: readonly Column[], name: string, table: string): Column {
  if (name === "id") return ID_COLUMN;
  const column = columns.find((candidate) => candidate.name === name);
  if (!column) {
    throw new ToolError(
      `table "${table}" has no column "${name}" (columns: id, ${columns.map((c) => c.name).join(", ")})`,
    );
  }
  return column;
}

function checkComparable(column: Column, value: unknown, filter: Filter): void {
  if (value === null || !fitsType(value, column.type === "integer" ? "number" : column.type)) {
    throw new ToolError(
      `filter on "${filter.column}" (${column.type}) with op ${filter.op} needs a ${column.type} value, got ${describeValue(value)}`,
    );
  }
}

/** Validate a filter against the table's columns and turn it into a row predicate. */
export function compileFilter(
  columns: readonly Column[],
  filter: Filter,
  table: string,
): (row: Row) => boolean {
  const column = findColumn(columns, filter.column, table);
  const name = column.name;
  const { op, value } = filter;
  if (op === "in") {
    if (!Array.isArray(value)) throw new ToolError(`filter on "${name}" with op in needs a list of values`);
    for (const item of value) if (item !== null) checkComparable(column, item, filter);
    return (row) => value.includes(row[name] ?? null);
  }
  if (Array.isArray(value))
    throw new ToolError(`filter on "${name}" with op ${op} needs one value, not a list (use op in)`);
  if (op === "eq" || op === "ne") {
    if (value !== null) checkComparable(column, value, filter);
    return op === "eq" ? (row) => (row[name] ?? null) === value : (row) => (row[name] ?? null) !== value;
  }
  if (op === "contains" || op === "starts_with") {
    if (column.type !== "string" || typeof value !== "string") {
      throw new ToolError(
        `op ${op} works on string columns with a string value; "${name}" is ${column.type}`,
      );
    }
    return (row) => {
      const cell = row[name];
      return typeof cell === "string" && (op === "contains" ? cell.includes(value) : cell.startsWith(value));
    };
  }
  if (column.type === "boolean")
    throw new ToolError(`op ${op} cannot order boolean column "${name}"; use eq or ne`);
  checkComparable(column, value, filter);
  const bound = value as string | number;
  return (row) => {
    const cell = row[name];
    if (cell === null || cell === undefined || typeof cell === "boolean") return false;
    if (op === "lt") return cell < bound;
    if (op === "lte") return cell <= bound;
    if (op === "gt") return cell > bound;
    return cell >= bound;
  };
}

export function matchingRows(
  table: { columns: Column[]; rows: Row[] },
  filters: readonly Filter[],
  name: string,
): Row[] {
  const predicates = filters.map((filter) => compileFilter(table.columns, filter, name));
  return table.rows.filter((row) => predicates.every((predicate) => predicate(row)));
}

/** Ascending order with nulls last; used by queries and group keys. */
export function compareCells(left: Cell | undefined, right: Cell | undefined): number {
  const a = left ?? null;
  const b = right ?? null;
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === "boolean" || typeof b === "boolean") return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

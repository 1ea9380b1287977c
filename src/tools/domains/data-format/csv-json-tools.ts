/** data-format tools for CSV and JSON documents. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { csvToRecords, recordsToCsv } from "./csv.ts";
import { type DataFormatState, MAX_DOCUMENT } from "./state.ts";

const delimiter = z
  .string()
  .default(",")
  .describe('Field delimiter, one character (default ","; use "\\t" for TSV).');

export const csvToRecordsTool = defineTool({
  name: "csv_to_records",
  description:
    "Parse CSV text (RFC 4180 quoting, CRLF or LF line ends, blank lines skipped) into a list of records keyed by " +
    "column name. Without a header, columns are named column_1, column_2, …",
  parameters: {
    csv: z.string().max(MAX_DOCUMENT).describe("The CSV text."),
    delimiter,
    header: z.boolean().default(true).describe("The first row holds column names (default true)."),
    infer_types: z
      .boolean()
      .default(false)
      .describe(
        'Turn "12"/"1.5" into numbers, "true"/"false" into booleans and empty cells into null (default false).',
      ),
  },
  latency: "medium",
  mutates: false,
  run: (_state: DataFormatState, args) => {
    const { columns, records } = csvToRecords(args.csv, {
      delimiter: args.delimiter,
      header: args.header,
      inferTypes: args.infer_types,
    });
    return { columns, records, row_count: records.length };
  },
});

export const recordsToCsvTool = defineTool({
  name: "records_to_csv",
  description:
    "Write a list of records (objects of text, numbers, booleans or null) as CSV with LF line ends, quoting " +
    "fields that need it. Missing fields and null become empty cells.",
  parameters: {
    records: z
      .array(z.record(z.string(), z.unknown()))
      .max(10_000)
      .describe("The records, one object per row."),
    columns: z
      .array(z.string())
      .min(1)
      .optional()
      .describe("Columns in output order (default: every field name, in first-seen order)."),
    delimiter,
    header: z.boolean().default(true).describe("Write a header row with the column names (default true)."),
  },
  latency: "medium",
  mutates: false,
  run: (_state: DataFormatState, args) => {
    const { csv, columns } = recordsToCsv(args.records, {
      columns: args.columns,
      delimiter: args.delimiter,
      header: args.header,
    });
    return { csv, columns, row_count: args.records.length };
  },
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ToolError(`json_text is not valid JSON: ${(error as Error).message}`);
  }
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeysDeep((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export const jsonPretty = defineTool({
  name: "json_pretty",
  description:
    "Re-format JSON text: pretty-print with an indent (0 gives compact one-line JSON), optionally sorting object " +
    "keys at every depth.",
  parameters: {
    json_text: z.string().max(MAX_DOCUMENT).describe("The JSON document as text."),
    indent: z
      .number()
      .int()
      .min(0)
      .max(8)
      .default(2)
      .describe("Spaces per level; 0 for compact output (default 2)."),
    sort_keys: z.boolean().default(false).describe("Sort object keys alphabetically (default false)."),
  },
  latency: "fast",
  mutates: false,
  run: (_state: DataFormatState, args) => {
    const parsed = parseJson(args.json_text);
    const value = args.sort_keys ? sortKeysDeep(parsed) : parsed;
    return { result: JSON.stringify(value, null, args.indent === 0 ? undefined : args.indent) };
  },
});

/** "a.b[0].c" and "a.b.0.c" both become ["a", "b", "0", "c"]. */
function pathSegments(path: string): string[] {
  if (path.trim() === "") return [];
  return path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .map((segment) => segment.trim())
    .filter((segment, index) => segment !== "" || index > 0);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export const jsonGetPath = defineTool({
  name: "json_get_path",
  description:
    'Read one value out of a JSON document by path: keys separated by dots, list items by index ("orders[0].id" ' +
    'or "orders.0.id"). An empty path returns the whole document. Returns the value and its JSON type.',
  parameters: {
    json_text: z.string().max(MAX_DOCUMENT).describe("The JSON document as text."),
    path: z.string().max(1000).describe('Path to the value, e.g. "user.address.city" or "items[2].price".'),
  },
  latency: "fast",
  mutates: false,
  run: (_state: DataFormatState, args) => {
    let current = parseJson(args.json_text);
    const segments = pathSegments(args.path);
    segments.forEach((segment, index) => {
      const where = segments.slice(0, index).join(".") || "(root)";
      if (Array.isArray(current)) {
        const position = /^\d+$/.test(segment) ? Number(segment) : Number.NaN;
        if (!(position < current.length)) {
          throw new ToolError(
            `${where} is a list of ${current.length} items; "${segment}" is not a valid index`,
          );
        }
        current = current[position];
      } else if (current !== null && typeof current === "object") {
        const object = current as Record<string, unknown>;
        if (!Object.hasOwn(object, segment)) {
          const keys = Object.keys(object);
          const shown = keys.slice(0, 20).join(", ") + (keys.length > 20 ? ", …" : "");
          throw new ToolError(`${where} has no key "${segment}" (keys: ${shown || "none"})`);
        }
        current = object[segment];
      } else {
        throw new ToolError(`${where} is a ${typeName(current)}, so it has no "${segment}"`);
      }
    });
    return { value: current, type: typeName(current) };
  },
});

export const CSV_JSON_TOOLS = [csvToRecordsTool, recordsToCsvTool, jsonPretty, jsonGetPath];

/**
 * RFC 4180 CSV: fields separated by a one-character delimiter, rows by CRLF or LF, fields with the
 * delimiter, a quote or a line break wrapped in double quotes with inner quotes doubled.
 */
import { ToolError } from "../../tool.ts";

export type CsvScalar = string | number | boolean | null;
export type CsvRecord = Record<string, CsvScalar>;

/** Split CSV text into rows of raw string fields. A final line break does not start an empty row. */
export function parseCsvRows(text: string, delimiter: string): string[][] {
  checkDelimiter(delimiter);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quotedInRow = false;
  let line = 1;
  let index = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    quotedInRow = false;
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (char === '"' && field === "") {
      const startLine = line;
      quotedInRow = true;
      index += 1;
      for (;;) {
        if (index >= text.length)
          throw new ToolError(`unterminated quoted field starting on line ${startLine}`);
        const inner = text[index] as string;
        if (inner === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        if (inner === "\n") line += 1;
        field += inner;
        index += 1;
      }
      const next = text[index];
      if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") {
        throw new ToolError(
          `line ${line}: unexpected "${next}" after a closing quote (expected the delimiter or a line end)`,
        );
      }
      // An empty quoted field must still count as a field even though `field` is "".
      if (next === undefined) {
        endRow();
        return rows;
      }
      continue;
    }
    if (char === delimiter) {
      endField();
      index += 1;
    } else if (char === "\r" || char === "\n") {
      // Blank lines separate nothing; skip them as most CSV readers do.
      if (row.length > 0 || field !== "" || quotedInRow) endRow();
      index += char === "\r" && text[index + 1] === "\n" ? 2 : 1;
      line += 1;
    } else {
      field += char;
      index += 1;
    }
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

function checkDelimiter(delimiter: string): void {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new ToolError(
      `delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`,
    );
  }
}

/**
 * "42" → 42, "true" → true, "" → null; anything else stays text. Numbers with a leading zero
 * ("007", zip codes) stay text because a number would lose the zero.
 */
export function inferScalar(raw: string): CsvScalar {
  if (raw === "") return null;
  if (raw === "true" || raw === "false") return raw === "true";
  const trimmed = raw.trim();
  if (/^[+-]?0\d/.test(trimmed)) return raw;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  return raw;
}

export function csvToRecords(
  text: string,
  options: { delimiter: string; header: boolean; inferTypes: boolean },
): { columns: string[]; records: CsvRecord[] } {
  const rows = parseCsvRows(text, options.delimiter);
  if (rows.length === 0) throw new ToolError("the CSV text is empty");
  const width = (rows[0] as string[]).length;
  const columns = options.header
    ? (rows[0] as string[]).map((name) => name.trim())
    : Array.from({ length: width }, (_, index) => `column_${index + 1}`);
  if (options.header) checkColumnNames(columns);
  const body = options.header ? rows.slice(1) : rows;
  const records = body.map((fields, rowIndex) => {
    if (fields.length !== width) {
      throw new ToolError(
        `record ${rowIndex + 1} has ${fields.length} fields but the ${options.header ? "header" : "first row"} has ${width}`,
      );
    }
    const record: CsvRecord = {};
    columns.forEach((column, columnIndex) => {
      const raw = fields[columnIndex] as string;
      record[column] = options.inferTypes ? inferScalar(raw) : raw;
    });
    return record;
  });
  return { columns, records };
}

function checkColumnNames(columns: string[]): void {
  const seen = new Set<string>();
  columns.forEach((name, index) => {
    if (name === "") throw new ToolError(`header column ${index + 1} has no name`);
    if (seen.has(name)) throw new ToolError(`header names column "${name}" twice`);
    seen.add(name);
  });
}

function quoteField(value: CsvScalar, delimiter: string): string {
  const text = value === null ? "" : String(value);
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records to CSV with LF line ends. Columns default to every key in first-seen order. */
export function recordsToCsv(
  records: Array<Record<string, unknown>>,
  options: { columns?: string[] | undefined; delimiter: string; header: boolean },
): { csv: string; columns: string[] } {
  checkDelimiter(options.delimiter);
  const columns = options.columns ?? [...new Set(records.flatMap((record) => Object.keys(record)))];
  if (columns.length === 0)
    throw new ToolError("nothing to write: no columns given and the records have no fields");
  const lines: string[] = [];
  if (options.header)
    lines.push(columns.map((column) => quoteField(column, options.delimiter)).join(options.delimiter));
  records.forEach((record, recordIndex) => {
    const fields = columns.map((column) => {
      const value = record[column] ?? null;
      if (value !== null && typeof value === "object") {
        throw new ToolError(
          `records[${recordIndex}].${column} is ${Array.isArray(value) ? "a list" : "an object"}; CSV cells hold only text, numbers, booleans or null`,
        );
      }
      return quoteField(value as CsvScalar, options.delimiter);
    });
    const line = fields.join(options.delimiter);
    // A lone empty cell would be a blank line, which readers skip; quote it so the row survives.
    lines.push(line === "" ? '""' : line);
  });
  return { csv: lines.length === 0 ? "" : `${lines.join("\n")}\n`, columns };
}

/** Seeded fake records. Each cell is drawn from its own stream (seed, row, field name), so adding a field changes no other. */
import { z } from "zod";
import { keyedRng, type Rng } from "../../../core/rng.ts";
import { ToolError } from "../../tool.ts";
import { formatIso, MS_PER_DAY, parseIso } from "../data-format/calendar.ts";
import { seededUuid } from "./random.ts";

const FIRST_NAMES = [
  "Ada",
  "Ben",
  "Chloe",
  "Dev",
  "Elena",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kira",
  "Liam",
  "Maya",
  "Noah",
  "Olu",
  "Priya",
  "Quinn",
  "Rosa",
  "Sami",
  "Tara",
];
const LAST_NAMES = [
  "Adams",
  "Banerjee",
  "Costa",
  "Dubois",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Haddad",
  "Ito",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Müller",
  "Nakamura",
  "Okafor",
  "Petrov",
  "Quispe",
  "Rossi",
  "Silva",
  "Tanaka",
];
const CITIES = [
  "Amsterdam",
  "Bogotá",
  "Cairo",
  "Denver",
  "Edinburgh",
  "Fukuoka",
  "Geneva",
  "Hanoi",
  "Istanbul",
  "Jakarta",
  "Kyiv",
  "Lagos",
  "Madrid",
  "Nairobi",
  "Oslo",
  "Perth",
  "Quito",
  "Riga",
  "Seoul",
  "Toronto",
];
const COUNTRIES = [
  "Argentina",
  "Brazil",
  "Canada",
  "Denmark",
  "Egypt",
  "France",
  "Ghana",
  "India",
  "Japan",
  "Kenya",
  "Mexico",
  "Norway",
  "Peru",
  "Spain",
  "Thailand",
  "Uganda",
  "Vietnam",
];
const COMPANIES = [
  "Acme",
  "Globex",
  "Initech",
  "Umbrella",
  "Stark",
  "Wayne",
  "Hooli",
  "Vandelay",
  "Soylent",
  "Tyrell",
];
const COMPANY_SUFFIXES = ["Ltd", "Inc", "GmbH", "Group", "Labs", "Systems"];

export const FIELD_KINDS = [
  "first_name",
  "last_name",
  "full_name",
  "email",
  "city",
  "country",
  "company",
  "integer",
  "float",
  "boolean",
  "date",
  "choice",
  "uuid",
  "sequence",
] as const;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

export const FieldSpec = z.strictObject({
  name: z.string().min(1).max(40).describe("Field name in the generated records."),
  kind: z.enum(FIELD_KINDS).describe("What to generate."),
  min: z
    .number()
    .optional()
    .describe("integer/float: smallest value (default 0); sequence: first value (default 1)."),
  max: z.number().optional().describe("integer/float: largest value (default 100)."),
  decimals: z.number().int().min(0).max(10).optional().describe("float: digits after the point (default 2)."),
  choices: z.array(Scalar).min(1).max(100).optional().describe("choice: the values to pick from (required)."),
  start_date: z.string().optional().describe("date: earliest date, YYYY-MM-DD (default 2000-01-01)."),
  end_date: z.string().optional().describe("date: latest date, YYYY-MM-DD (default 2025-12-31)."),
});
export type FieldSpec = z.infer<typeof FieldSpec>;

const NUMERIC = new Set(["integer", "float", "sequence"]);

/** Reject option combinations that would be silently ignored or cannot be satisfied. */
export function validateFields(fields: readonly FieldSpec[]): void {
  const seen = new Set<string>();
  for (const field of fields) {
    const where = `field "${field.name}" (${field.kind})`;
    if (seen.has(field.name)) throw new ToolError(`field name "${field.name}" appears twice`);
    seen.add(field.name);
    if (!NUMERIC.has(field.kind) && (field.min !== undefined || field.max !== undefined)) {
      throw new ToolError(`${where}: min and max apply only to integer, float and sequence fields`);
    }
    if (field.kind === "sequence" && field.max !== undefined)
      throw new ToolError(`${where}: a sequence has no max`);
    if (field.kind === "integer" || field.kind === "float") {
      const { min, max } = numericRange(field);
      if (min > max) throw new ToolError(`${where}: min ${min} is greater than max ${max}`);
      if (field.kind === "integer" && !(Number.isSafeInteger(min) && Number.isSafeInteger(max))) {
        throw new ToolError(`${where}: min and max must be whole numbers`);
      }
    }
    if (field.decimals !== undefined && field.kind !== "float")
      throw new ToolError(`${where}: decimals apply only to float fields`);
    if (field.kind === "choice" && field.choices === undefined)
      throw new ToolError(`${where}: give the choices to pick from`);
    if (field.kind !== "choice" && field.choices !== undefined)
      throw new ToolError(`${where}: choices apply only to choice fields`);
    const hasDates = field.start_date !== undefined || field.end_date !== undefined;
    if (field.kind !== "date" && hasDates)
      throw new ToolError(`${where}: start_date and end_date apply only to date fields`);
    if (field.kind === "date") dateRange(field);
  }
}

function numericRange(field: FieldSpec): { min: number; max: number } {
  return { min: field.min ?? 0, max: field.max ?? 100 };
}

function dateRange(field: FieldSpec): { first: number; last: number } {
  const start = parseIso(field.start_date ?? "2000-01-01", `field "${field.name}" start_date`);
  const end = parseIso(field.end_date ?? "2025-12-31", `field "${field.name}" end_date`);
  if (start.ms > end.ms) throw new ToolError(`field "${field.name}": start_date is after end_date`);
  return { first: Math.floor(start.ms / MS_PER_DAY), last: Math.floor(end.ms / MS_PER_DAY) };
}

function ascii(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function cell(field: FieldSpec, rng: Rng, seed: number, row: number): string | number | boolean {
  switch (field.kind) {
    case "first_name":
      return rng.pick(FIRST_NAMES);
    case "last_name":
      return rng.pick(LAST_NAMES);
    case "full_name":
      return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    case "email":
      return `${ascii(rng.pick(FIRST_NAMES))}.${ascii(rng.pick(LAST_NAMES))}${rng.int(1, 99)}@example.com`;
    case "city":
      return rng.pick(CITIES);
    case "country":
      return rng.pick(COUNTRIES);
    case "company":
      return `${rng.pick(COMPANIES)} ${rng.pick(COMPANY_SUFFIXES)}`;
    case "integer": {
      const { min, max } = numericRange(field);
      return rng.int(min, max);
    }
    case "float": {
      const { min, max } = numericRange(field);
      const scale = 10 ** (field.decimals ?? 2);
      return Math.round((min + rng.next() * (max - min)) * scale) / scale;
    }
    case "boolean":
      return rng.next() < 0.5;
    case "date": {
      const { first, last } = dateRange(field);
      return formatIso({ ms: rng.int(first, last) * MS_PER_DAY, hasTime: false });
    }
    case "choice":
      return rng.pick(field.choices ?? []);
    case "uuid":
      return seededUuid("records", seed, row, field.name);
    case "sequence":
      return (field.min ?? 1) + row;
  }
}

export function sampleRecords(
  seed: number,
  count: number,
  fields: readonly FieldSpec[],
): Array<Record<string, unknown>> {
  validateFields(fields);
  return Array.from({ length: count }, (_, row) =>
    Object.fromEntries(
      fields.map((field) => [
        field.name,
        cell(field, keyedRng("data-generation:records", seed, row, field.name), seed, row),
      ]),
    ),
  );
}

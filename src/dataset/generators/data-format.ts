import type { Rng } from "../../core/rng.ts";
import { MONTHS } from "../../tools/domains/data-format/calendar.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

// data-format tools are pure: every task only reads its own arguments, so any two tasks compose.

const two = (value: number) => String(value).padStart(2, "0");
const places = (count: number) => (count === 1 ? "1 decimal" : `${count} decimals`);

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const randomDate = (rng: Rng): CalendarDate => ({
  year: rng.int(2019, 2027),
  month: rng.int(1, 12),
  day: rng.int(1, 28),
});

/** A date written in one of several human layouts, with the pattern that reads it back. */
function writtenDate(rng: Rng, date: CalendarDate): { text: string; pattern: string } {
  const month = MONTHS[date.month - 1] as string;
  const layouts = [
    { text: `${two(date.day)}/${two(date.month)}/${date.year}`, pattern: "DD/MM/YYYY" },
    { text: `${two(date.month)}-${two(date.day)}-${date.year}`, pattern: "MM-DD-YYYY" },
    { text: `${month.slice(0, 3)} ${date.day}, ${date.year}`, pattern: "MMM D, YYYY" },
    { text: `${date.day} ${month} ${date.year}`, pattern: "D MMMM YYYY" },
  ];
  return rng.pick(layouts);
}

const OUTPUT_PATTERNS = ["dddd, MMMM D, YYYY", "DD.MM.YYYY", "YYYY/MM/DD", "MMM D YYYY", "D MMMM YYYY"];

const UNIT_GROUPS: ReadonlyArray<{ from: string; to: readonly string[]; min: number; max: number }> = [
  { from: "km", to: ["mi", "m", "ft", "yd"], min: 2, max: 400 },
  { from: "kg", to: ["lb", "oz", "g", "t"], min: 1, max: 250 },
  { from: "l", to: ["gal", "qt", "cup", "ml"], min: 1, max: 80 },
  { from: "mph", to: ["km/h", "m/s", "knot"], min: 5, max: 120 },
  { from: "gb", to: ["mb", "mib", "gib", "kb"], min: 1, max: 900 },
  { from: "h", to: ["min", "s", "day", "week"], min: 1, max: 500 },
];

const PRODUCTS = [
  "lamp",
  "desk",
  "chair",
  "cable",
  "router",
  "monitor",
  "keyboard",
  "tripod",
  "kettle",
  "heater",
];

/** 1234567 → "1,234,567" without depending on the host's locale data. */
const grouped = (value: number) => String(value).replace(/\B(?=(\d{3})+$)/g, ",");

const price = (rng: Rng) => rng.int(500, 500_000) / 100;

const templates: TaskTemplate[] = [
  {
    id: "data-format/json-lookup-format",
    pattern: "chain",
    build: (rng) => {
      const items = rng
        .shuffle(PRODUCTS)
        .slice(0, rng.int(2, 4))
        .map((sku) => ({ sku, price: price(rng), quantity: rng.int(1, 9) }));
      const order = { order: { id: rng.int(1000, 9999), customer: rng.pick(["Ada", "Lin", "Omar"]), items } };
      const index = rng.int(0, items.length - 1);
      const path = `order.items[${index}].price`;
      const decimals = rng.int(0, 2);
      const separator = rng.pick([",", " ", "'"]);
      return {
        instruction: phrase(
          rng,
          [
            "From the JSON {json}, read the value at {path} and format it with {places} and '{separator}' as the thousands separator.",
            "Look up {path} in this order document: {json}. Then write that number with {places}, grouping thousands with '{separator}'.",
            "Extract the price at path {path} from {json} and give it back formatted ({places}, thousands separator '{separator}').",
          ],
          { json: JSON.stringify(order), path, places: places(decimals), separator },
        ),
        plan: [
          { id: "s1", tool: "json_get_path", args: { json_text: JSON.stringify(order), path } },
          {
            id: "s2",
            tool: "number_format",
            args: { value: ref("s1.result.value"), decimals, thousands_separator: separator },
          },
        ],
        answer: ref("s2.result.result"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "data-format/date-shift",
    pattern: "chain",
    build: (rng) => {
      const written = writtenDate(rng, randomDate(rng));
      const amount = rng.int(2, 40) * (rng.next() < 0.25 ? -1 : 1);
      const unit = rng.pick(["days", "weeks", "months"]);
      const output = rng.pick(OUTPUT_PATTERNS);
      return {
        instruction: phrase(
          rng,
          [
            'Parse the date "{date}" (layout {pattern}), add {amount} {unit} to it, and write the result using the layout "{output}".',
            'What date is {amount} {unit} after "{date}"? The input follows {pattern}; give the answer in the form "{output}".',
            'Read "{date}" as {pattern}, shift it by {amount} {unit}, and format the new date as "{output}".',
          ],
          { date: written.text, pattern: written.pattern, amount, unit, output },
        ),
        plan: [
          { id: "s1", tool: "date_parse", args: { date: written.text, pattern: written.pattern } },
          { id: "s2", tool: "date_add", args: { date: ref("s1.result.iso"), amount, unit } },
          { id: "s3", tool: "date_format", args: { date: ref("s2.result.result"), pattern: output } },
        ],
        answer: ref("s3.result.result"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "data-format/days-between",
    pattern: "fan-in",
    build: (rng) => {
      const start = writtenDate(rng, randomDate(rng));
      const end = writtenDate(rng, randomDate(rng));
      const unit = rng.pick(["days", "weeks", "months"]);
      return {
        instruction: phrase(
          rng,
          [
            'How many {unit} lie between "{start}" (written as {startPattern}) and "{end}" (written as {endPattern})? Parse both dates first.',
            'Parse "{start}" with the layout {startPattern} and "{end}" with {endPattern}, then compute the difference from the first to the second in {unit}.',
            'I have two dates in different layouts: "{start}" ({startPattern}) and "{end}" ({endPattern}). Give the time from the first to the second in {unit}.',
          ],
          { start: start.text, startPattern: start.pattern, end: end.text, endPattern: end.pattern, unit },
        ),
        plan: [
          { id: "s1", tool: "date_parse", args: { date: start.text, pattern: start.pattern } },
          { id: "s2", tool: "date_parse", args: { date: end.text, pattern: end.pattern } },
          {
            id: "s3",
            tool: "date_diff",
            args: { start: ref("s1.result.iso"), end: ref("s2.result.iso"), unit },
          },
        ],
        answer: ref("s3.result.difference"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "data-format/unit-fan-out",
    pattern: "fan-out",
    build: (rng) => {
      const group = rng.pick(UNIT_GROUPS);
      const value = rng.int(group.min * 10, group.max * 10) / 10;
      const targets = rng.shuffle(group.to).slice(0, 3);
      const [first] = targets as [string];
      return {
        instruction: phrase(
          rng,
          [
            "Convert {value} {from} into each of {targets}. Report the value in {first}.",
            "Express {value} {from} in {targets} (three separate conversions); which number do you get for {first}?",
            "I need {value} {from} converted to {targets}. Give me the {first} figure as the answer.",
          ],
          { value, from: group.from, targets: targets.join(", "), first },
        ),
        plan: targets.map((to, index) => ({
          id: `s${index + 1}`,
          tool: "unit_convert",
          args: { value, from_unit: group.from, to_unit: to },
        })),
        answer: ref("s1.result.value"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "data-format/parse-convert-format",
    pattern: "mixed",
    build: (rng) => {
      const kilograms = rng.int(100_000, 9_999_999) / 100;
      const text = `${grouped(Math.trunc(kilograms))}.${two(Math.round((kilograms % 1) * 100))}`;
      const decimals = rng.int(0, 2);
      return {
        instruction: phrase(
          rng,
          [
            'A shipment weighs "{text}" kg. Parse that number, convert it to pounds and to tonnes, and format the pound figure with {places}.',
            'Read the weight "{text}" (kilograms, comma thousands separator), convert it to lb and to t, then format the lb value to {places}.',
            'Turn "{text}" kg into a number, express it both in pounds and in metric tonnes, and write the pounds nicely with {places}.',
          ],
          { text, places: places(decimals) },
        ),
        plan: [
          { id: "s1", tool: "number_parse", args: { text } },
          {
            id: "s2",
            tool: "unit_convert",
            args: { value: ref("s1.result.value"), from_unit: "kg", to_unit: "lb" },
          },
          {
            id: "s3",
            tool: "unit_convert",
            args: { value: ref("s1.result.value"), from_unit: "kg", to_unit: "t" },
          },
          { id: "s4", tool: "number_format", args: { value: ref("s2.result.value"), decimals } },
        ],
        answer: ref("s4.result.result"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "data-format/csv-select-columns",
    pattern: "chain",
    build: (rng) => {
      const rows = rng
        .shuffle(PRODUCTS)
        .slice(0, rng.int(3, 5))
        .map((name) => `${name},${rng.int(1, 60)},${price(rng)}`);
      const csv = ["product,stock,price", ...rows].join("\n");
      const columns = rng.pick([
        ["price", "product"],
        ["product", "stock"],
        ["stock", "price", "product"],
      ]);
      const delimiter = rng.pick([";", "|", "\t"]);
      const shown = delimiter === "\t" ? "a tab" : `"${delimiter}"`;
      return {
        instruction: phrase(
          rng,
          [
            "Parse this CSV (with type inference):\n{csv}\nThen write it back as CSV with only the columns {columns}, in that order, separated by {shown}.",
            "Turn the CSV below into records, inferring number types, and re-export it keeping just {columns} with {shown} as the delimiter.\n{csv}",
            "Re-shape this table: read it as CSV with typed values, then output CSV with columns {columns} and delimiter {shown}.\n{csv}",
          ],
          { csv, columns: columns.join(", "), shown },
        ),
        plan: [
          { id: "s1", tool: "csv_to_records", args: { csv, infer_types: true } },
          {
            id: "s2",
            tool: "records_to_csv",
            args: { records: ref("s1.result.records"), columns, delimiter },
          },
        ],
        answer: ref("s2.result.csv"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "data-format/json-normalise",
    pattern: "single",
    build: (rng) => {
      const keys = rng
        .shuffle(["zone", "name", "port", "active", "tags", "owner", "limit"])
        .slice(0, rng.int(3, 6));
      const document: Record<string, unknown> = {};
      for (const key of keys) document[key] = rng.next() < 0.5 ? rng.int(1, 999) : rng.pick(PRODUCTS);
      const indent = rng.pick([0, 2, 4]);
      return {
        instruction: phrase(
          rng,
          [
            "Re-format the JSON {json} with its keys sorted alphabetically and an indent of {indent}.",
            "Normalise {json}: sort the object keys and pretty-print it with indent {indent}.",
            "Give me {json} again with sorted keys, using {indent} spaces of indentation (0 means compact).",
          ],
          { json: JSON.stringify(document), indent },
        ),
        plan: [
          {
            id: "s1",
            tool: "json_pretty",
            args: { json_text: JSON.stringify(document), indent, sort_keys: true },
          },
        ],
        answer: ref("s1.result.result"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "data-format/milestone-plan",
    pattern: "mixed",
    build: (rng) => {
      const written = writtenDate(rng, randomDate(rng));
      const days = rng.int(5, 30);
      const weeks = rng.int(5, 20);
      const output = rng.pick(OUTPUT_PATTERNS);
      return {
        instruction: phrase(
          rng,
          [
            'A project starts on "{date}" ({pattern}). Milestone A is {days} days later, milestone B {weeks} weeks later. Write both milestone dates as "{output}" and tell me how many days lie between A and B.',
            'Parse the start date "{date}" using {pattern}; compute the dates {days} days and {weeks} weeks after it, format each as "{output}", and give the number of days from the first milestone to the second.',
            'Starting from "{date}" (layout {pattern}), find the day {days} days on and the day {weeks} weeks on. Show both in the layout "{output}" and report the gap between them in days.',
          ],
          { date: written.text, pattern: written.pattern, days, weeks, output },
        ),
        plan: [
          { id: "s1", tool: "date_parse", args: { date: written.text, pattern: written.pattern } },
          { id: "s2", tool: "date_add", args: { date: ref("s1.result.iso"), amount: days, unit: "days" } },
          { id: "s3", tool: "date_add", args: { date: ref("s1.result.iso"), amount: weeks, unit: "weeks" } },
          { id: "s4", tool: "date_format", args: { date: ref("s2.result.result"), pattern: output } },
          { id: "s5", tool: "date_format", args: { date: ref("s3.result.result"), pattern: output } },
          {
            id: "s6",
            tool: "date_diff",
            args: { start: ref("s2.result.result"), end: ref("s3.result.result"), unit: "days" },
          },
        ],
        answer: ref("s6.result.difference"),
        answerMatch: "number",
      };
    },
  },
];

export const dataFormatGenerator: DomainGenerator = {
  domain: "data-format",
  templates,
  probes: [
    { tool: "date_parse", args: { date: "2024-02-29" }, phrase: "find out which weekday 2024-02-29 was" },
    {
      tool: "unit_convert",
      args: { value: 26.2, from_unit: "mi", to_unit: "km" },
      phrase: "convert 26.2 miles to kilometres",
    },
    {
      tool: "number_format",
      args: { value: 1234567.891, decimals: 2 },
      phrase: "format 1234567.891 with two decimals and thousands separators",
    },
    {
      tool: "date_diff",
      args: { start: "2025-01-01", end: "2025-12-25", unit: "days" },
      phrase: "count the days from 2025-01-01 to 2025-12-25",
    },
  ],
};

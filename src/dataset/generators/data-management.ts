import type { Rng } from "../../core/rng.ts";
import type { Step } from "../schema.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

// The default store is empty, so every task creates its own tables, named from `unique`
// (`stock_dat1f`): tasks on different tables touch disjoint resources and compose freely.

const ITEMS = [
  "bolts",
  "nuts",
  "washers",
  "hinges",
  "screws",
  "rivets",
  "brackets",
  "springs",
  "clamps",
  "pins",
];
const REGIONS = ["north", "south", "east", "west", "central"];
const CUSTOMERS = ["Ada", "Bruno", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivo", "Jun"];
const SENSORS = ["s1", "s2", "s3", "s4"];

const pickSome = <Item>(rng: Rng, items: readonly Item[], min: number, max: number): Item[] =>
  rng.shuffle(items).slice(0, rng.int(min, max));
/** `"item:string! quantity:integer"` → column definitions; `!` marks a required column. */
const columns = (spec: string) =>
  spec.split(" ").map((entry) => {
    const [name, type] = entry.replace("!", "").split(":");
    return entry.endsWith("!") ? { name, type, required: true } : { name, type };
  });
const createStep = (id: string, name: string, spec: string): Step => ({
  id,
  tool: "table_create",
  args: { name, columns: columns(spec) },
});
/** A call on the table that step `creator` made; it uses the table's name from that result. */
const onTable = (
  id: string,
  tool: string,
  creator: string,
  args: Record<string, unknown>,
  after?: string,
): Step => ({
  id,
  tool,
  args: { table: ref(`${creator}.result.name`), ...args },
  ...(after ? { after: [after] } : {}),
});
/** Rows as compact JSON for the instruction, so an agent has every value it must insert. */
const show = (rows: readonly object[]) => JSON.stringify(rows);

const STOCK_COLUMNS = "item:string! quantity:integer price:number";
const stockRows = (rng: Rng) =>
  pickSome(rng, ITEMS, 3, 6).map((item) => ({
    item,
    quantity: rng.int(0, 400),
    price: rng.int(5, 5000) / 100,
  }));

const templates: TaskTemplate[] = [
  {
    id: "data-management/create-table",
    pattern: "single",
    build: (rng, unique) => {
      const name = `notes_${unique}`;
      const columns = [
        { name: "title", type: "string", required: true },
        ...pickSome(
          rng,
          [
            { name: "body", type: "string" },
            { name: "pinned", type: "boolean" },
            { name: "priority", type: "integer" },
            { name: "score", type: "number" },
          ],
          1,
          3,
        ),
      ];
      const list = columns.map((column) => `${column.name} (${column.type})`).join(", ");
      return {
        instruction: phrase(
          rng,
          [
            "Create a table named {name} with the columns {list}; title is required.",
            "Set up an empty table {name}. Columns: {list}. Make title a required column.",
            "I need a new table called {name} holding {list}, where every row must have a title.",
          ],
          { name, list },
        ),
        plan: [{ id: "s1", tool: "table_create", args: { name, columns } }],
        answer: null,
        answerMatch: "exact",
      };
    },
  },
  {
    id: "data-management/stock-total",
    pattern: "chain",
    build: (rng, unique) => {
      const name = `stock_${unique}`;
      const rows = stockRows(rng);
      return {
        instruction: phrase(
          rng,
          [
            "Create a table {name} (item: required string, quantity: integer, price: number), insert the rows {rows}, and tell me the total quantity in stock.",
            "Make an inventory table called {name} with columns item (string, required), quantity (integer) and price (number). Add {rows}, then sum the quantity column.",
            "Load {rows} into a new table {name} (item required text, quantity integer, price number) and report how many units there are altogether.",
          ],
          { name, rows: show(rows) },
        ),
        plan: [
          createStep("s1", name, STOCK_COLUMNS),
          onTable("s2", "table_insert", "s1", { rows }),
          onTable("s3", "table_aggregate", "s1", { function: "sum", column: "quantity" }, "s2"),
        ],
        answer: ref("s3.result.value"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "data-management/region-totals",
    pattern: "chain",
    build: (rng, unique) => {
      const name = `sales_${unique}`;
      const regions = pickSome(rng, REGIONS, 2, 4);
      const rows = Array.from({ length: rng.int(4, 8) }, () => ({
        region: rng.pick(regions),
        amount: rng.int(100, 90_000) / 100,
      }));
      const fn = rng.pick(["sum", "max", "count"]);
      // Groups come back sorted by key, so the asked-for region's position is known in advance.
      const present = [...new Set(rows.map((row) => row.region))].sort();
      const region = rng.pick(present);
      return {
        instruction: phrase(
          rng,
          [
            "Create a table {name} with columns region (string) and amount (number), insert {rows}, and compute the {fn} of amount for each region. What is it for {region}?",
            "Put these sales {rows} into a new table {name} (region: string, amount: number), then group by region and work out the {fn} of the amounts per group. Report the {region} figure.",
            "Set up {name} (region text, amount number), load {rows}, and compute the per-region {fn} of amount; tell me the value for {region}.",
          ],
          { name, rows: show(rows), fn, region },
        ),
        plan: [
          createStep("s1", name, "region:string amount:number"),
          onTable("s2", "table_insert", "s1", { rows }),
          onTable("s3", "table_group_by", "s1", { function: fn, column: "amount", group_by: "region" }, "s2"),
        ],
        answer: ref(`s3.result.groups.${present.indexOf(region)}.value`),
        answerMatch: "number",
      };
    },
  },
  {
    id: "data-management/ship-pending",
    pattern: "chain",
    build: (rng, unique) => {
      const name = `orders_${unique}`;
      const rows = pickSome(rng, CUSTOMERS, 4, 7).map((customer) => ({
        customer,
        status: rng.pick(["pending", "pending", "shipped", "cancelled"]),
        total: rng.int(1000, 50_000) / 100,
      }));
      rows[0] = { ...(rows[0] as (typeof rows)[number]), status: "pending" };
      return {
        instruction: phrase(
          rng,
          [
            'Create a table {name} (customer: string, status: string, total: number) and insert {rows}. Mark every "pending" order as "shipped", then list the shipped orders by total, largest first. How many shipped orders are there?',
            'Load the orders {rows} into a new table {name} with columns customer, status (both strings) and total (number). Set status to "shipped" wherever it is "pending", and query the shipped ones sorted by descending total. Report their number.',
            'In a fresh table {name} (customer text, status text, total number) holding {rows}, ship all pending orders (status becomes "shipped"), then fetch all shipped orders, biggest total first, and say how many there are.',
          ],
          { name, rows: show(rows) },
        ),
        plan: [
          createStep("s1", name, "customer:string status:string total:number"),
          onTable("s2", "table_insert", "s1", { rows }),
          onTable(
            "s3",
            "table_update",
            "s1",
            { filters: [{ column: "status", op: "eq", value: "pending" }], set: { status: "shipped" } },
            "s2",
          ),
          onTable(
            "s4",
            "table_query",
            "s1",
            {
              filters: [{ column: "status", op: "eq", value: "shipped" }],
              order_by: "total",
              descending: true,
            },
            "s3",
          ),
        ],
        answer: ref("s4.result.count"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "data-management/price-stats",
    pattern: "mixed",
    build: (rng, unique) => {
      const name = `catalog_${unique}`;
      const rows = stockRows(rng);
      return {
        instruction: phrase(
          rng,
          [
            "Create {name} (item: required string, quantity: integer, price: number), insert {rows}, then find the average, the lowest and the highest price. Answer with the average.",
            "Store {rows} in a new table {name} with columns item (required string), quantity (integer), price (number). Compute min, max and mean of price; report the mean.",
            "After loading {rows} into a fresh table {name} (item required text, quantity integer, price number), get the price average, minimum and maximum. What is the average price?",
          ],
          { name, rows: show(rows) },
        ),
        plan: [
          createStep("s1", name, STOCK_COLUMNS),
          onTable("s2", "table_insert", "s1", { rows }),
          ...["avg", "min", "max"].map((fn, index) =>
            onTable(`s${index + 3}`, "table_aggregate", "s1", { function: fn, column: "price" }, "s2"),
          ),
        ],
        answer: ref("s3.result.value"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "data-management/sensor-summary",
    pattern: "fan-in",
    build: (rng, unique) => {
      const readings = `readings_${unique}`;
      const summary = `summary_${unique}`;
      const rows = Array.from({ length: rng.int(4, 8) }, () => ({
        sensor: rng.pick(SENSORS),
        value: rng.int(-200, 800) / 10,
      }));
      return {
        instruction: phrase(
          rng,
          [
            'Create a table {readings} (sensor: string, value: number) and insert {rows}. Compute the sum and the maximum of value. Then create a table {summary} (metric: string, value: number), store the two results in it as the rows "total" (first) and "peak", and read the summary table back. What total does it hold?',
            'Record the readings {rows} in a new table {readings} (sensor text, value number). Work out their total and their peak value, save both into a second new table {summary} with columns metric (string) and value (number) under the metrics "total" and "peak" (in that order), then query {summary} and report the stored total.',
            'Load {rows} into {readings} (sensor: string, value: number); aggregate the sum and the max of value; write them as metrics "total" and "peak" into a new table {summary} (metric: string, value: number); finally list the rows of {summary} and give the value of its first row.',
          ],
          { readings, summary, rows: show(rows) },
        ),
        plan: [
          createStep("s1", readings, "sensor:string value:number"),
          onTable("s2", "table_insert", "s1", { rows }),
          onTable("s3", "table_aggregate", "s1", { function: "sum", column: "value" }, "s2"),
          onTable("s4", "table_aggregate", "s1", { function: "max", column: "value" }, "s2"),
          createStep("s5", summary, "metric:string value:number"),
          onTable("s6", "table_insert", "s5", {
            rows: [
              { metric: "total", value: ref("s3.result.value") },
              { metric: "peak", value: ref("s4.result.value") },
            ],
          }),
          onTable("s7", "table_query", "s5", {}, "s6"),
        ],
        answer: ref("s7.result.rows.0.value"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "data-management/prune-old",
    pattern: "chain",
    build: (rng, unique) => {
      const name = `events_${unique}`;
      const rows = Array.from({ length: rng.int(4, 8) }, (_, index) => ({
        label: `event ${index + 1}`,
        year: rng.int(2015, 2025),
      }));
      const cutoff = rng.int(2017, 2023);
      return {
        instruction: phrase(
          rng,
          [
            "Create a table {name} (label: string, year: integer), insert {rows}, delete every event from before {cutoff}, and then describe the table. How many rows are left?",
            "Store {rows} in a new table {name} with columns label (string) and year (integer). Remove the rows whose year is less than {cutoff}, then check the table description for the remaining row count.",
            "Set up {name} (label text, year integer) with the rows {rows}; prune events older than {cutoff} (year < {cutoff}) and report how many rows the table still has.",
          ],
          { name, rows: show(rows), cutoff },
        ),
        plan: [
          createStep("s1", name, "label:string year:integer"),
          onTable("s2", "table_insert", "s1", { rows }),
          onTable(
            "s3",
            "table_delete",
            "s1",
            { filters: [{ column: "year", op: "lt", value: cutoff }] },
            "s2",
          ),
          onTable("s4", "table_describe", "s1", {}, "s3"),
        ],
        answer: ref("s4.result.row_count"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "data-management/three-tables",
    pattern: "fan-out",
    build: (rng, unique) => {
      const names = pickSome(rng, ["users", "projects", "tasks", "invoices", "teams", "assets"], 3, 3);
      const tables = names.map((base) => ({
        name: `${base}_${unique}`,
        extra: rng.pick(["owner", "status", "kind"]),
      }));
      const plan = tables.map((table, index) =>
        createStep(`s${index + 1}`, table.name, `name:string! ${table.extra}:string`),
      );
      const described = tables
        .map((table) => `${table.name} (name: required string, ${table.extra}: string)`)
        .join("; ");
      return {
        instruction: phrase(
          rng,
          [
            "Create these three independent tables: {described}.",
            "Set up three empty tables at once: {described}.",
            "I need three new tables, none depending on another: {described}.",
          ],
          { described },
        ),
        plan,
        answer: null,
        answerMatch: "exact",
      };
    },
  },
];

export const dataManagementGenerator: DomainGenerator = {
  domain: "data-management",
  templates,
  // table_list is the only read-only call that succeeds on the empty default store.
  probes: [{ tool: "table_list", args: {}, phrase: "list the tables in the store" }],
};

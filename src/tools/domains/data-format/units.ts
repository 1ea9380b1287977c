/** Unit conversion by category; every unit is a factor to the category's base unit (temperature is affine). */
import { ToolError } from "../../tool.ts";

interface UnitDefinition {
  readonly category: string;
  /** Value in base units = value × factor + offset. */
  readonly factor: number;
  readonly offset?: number;
  readonly aliases: readonly string[];
}

const UNITS: Record<string, UnitDefinition> = {
  // length, base metre
  mm: { category: "length", factor: 0.001, aliases: ["millimeter", "millimetre"] },
  cm: { category: "length", factor: 0.01, aliases: ["centimeter", "centimetre"] },
  m: { category: "length", factor: 1, aliases: ["meter", "metre"] },
  km: { category: "length", factor: 1000, aliases: ["kilometer", "kilometre"] },
  in: { category: "length", factor: 0.0254, aliases: ["inch", "inches"] },
  ft: { category: "length", factor: 0.3048, aliases: ["foot", "feet"] },
  yd: { category: "length", factor: 0.9144, aliases: ["yard"] },
  mi: { category: "length", factor: 1609.344, aliases: ["mile"] },
  // mass, base kilogram
  mg: { category: "mass", factor: 1e-6, aliases: ["milligram"] },
  g: { category: "mass", factor: 0.001, aliases: ["gram"] },
  kg: { category: "mass", factor: 1, aliases: ["kilogram"] },
  t: { category: "mass", factor: 1000, aliases: ["tonne", "metric_ton"] },
  oz: { category: "mass", factor: 0.028349523125, aliases: ["ounce"] },
  lb: { category: "mass", factor: 0.45359237, aliases: ["pound", "lbs"] },
  // volume, base litre (US customary gallons, quarts and fluid ounces)
  ml: { category: "volume", factor: 0.001, aliases: ["milliliter", "millilitre"] },
  l: { category: "volume", factor: 1, aliases: ["liter", "litre"] },
  fl_oz: { category: "volume", factor: 0.0295735295625, aliases: ["fluid_ounce"] },
  cup: { category: "volume", factor: 0.2365882365, aliases: [] },
  qt: { category: "volume", factor: 0.946352946, aliases: ["quart"] },
  gal: { category: "volume", factor: 3.785411784, aliases: ["gallon"] },
  // time, base second
  ms: { category: "time", factor: 0.001, aliases: ["millisecond"] },
  s: { category: "time", factor: 1, aliases: ["sec", "second"] },
  min: { category: "time", factor: 60, aliases: ["minute"] },
  h: { category: "time", factor: 3600, aliases: ["hr", "hour"] },
  day: { category: "time", factor: 86_400, aliases: ["d"] },
  week: { category: "time", factor: 604_800, aliases: ["wk"] },
  // data size, base byte (KB = 1000 B, KiB = 1024 B)
  b: { category: "data", factor: 1, aliases: ["byte"] },
  kb: { category: "data", factor: 1e3, aliases: ["kilobyte"] },
  mb: { category: "data", factor: 1e6, aliases: ["megabyte"] },
  gb: { category: "data", factor: 1e9, aliases: ["gigabyte"] },
  tb: { category: "data", factor: 1e12, aliases: ["terabyte"] },
  kib: { category: "data", factor: 1024, aliases: ["kibibyte"] },
  mib: { category: "data", factor: 1024 ** 2, aliases: ["mebibyte"] },
  gib: { category: "data", factor: 1024 ** 3, aliases: ["gibibyte"] },
  // speed, base metre per second
  "m/s": { category: "speed", factor: 1, aliases: ["mps"] },
  "km/h": { category: "speed", factor: 1000 / 3600, aliases: ["kph", "kmh"] },
  mph: { category: "speed", factor: 0.44704, aliases: [] },
  knot: { category: "speed", factor: 1852 / 3600, aliases: ["kn", "kt"] },
  // temperature, base kelvin
  c: { category: "temperature", factor: 1, offset: 273.15, aliases: ["celsius", "°c"] },
  f: { category: "temperature", factor: 5 / 9, offset: 273.15 - (32 * 5) / 9, aliases: ["fahrenheit", "°f"] },
  k: { category: "temperature", factor: 1, offset: 0, aliases: ["kelvin"] },
};

const LOOKUP = new Map<string, string>();
for (const [symbol, definition] of Object.entries(UNITS)) {
  for (const name of [symbol, ...definition.aliases]) {
    LOOKUP.set(name, symbol);
    // Plural names ("meters", "pounds", "days") are accepted too.
    if (name.length >= 3 && /[a-z]$/.test(name) && !name.endsWith("s")) LOOKUP.set(`${name}s`, symbol);
  }
}

/** Units grouped by category, for error messages and the tool description. */
export function unitCatalogue(): string {
  const byCategory = new Map<string, string[]>();
  for (const [symbol, definition] of Object.entries(UNITS)) {
    byCategory.set(definition.category, [...(byCategory.get(definition.category) ?? []), symbol]);
  }
  return [...byCategory.entries()]
    .map(([category, symbols]) => `${category}: ${symbols.join(", ")}`)
    .join("; ");
}

function resolve(unit: string, label: string): { symbol: string; definition: UnitDefinition } {
  const symbol = LOOKUP.get(unit.trim().toLowerCase().replaceAll(" ", "_"));
  const definition = symbol === undefined ? undefined : UNITS[symbol];
  if (symbol === undefined || definition === undefined) {
    throw new ToolError(`unknown ${label} ${JSON.stringify(unit)}; known units are ${unitCatalogue()}`);
  }
  return { symbol, definition };
}

/** Convert and round to 10 significant digits so 0.1 ft does not come back as 0.030480000000000004 m. */
export function convertUnits(
  value: number,
  fromUnit: string,
  toUnit: string,
): { value: number; from_unit: string; to_unit: string; category: string } {
  const from = resolve(fromUnit, "from_unit");
  const to = resolve(toUnit, "to_unit");
  if (from.definition.category !== to.definition.category) {
    throw new ToolError(
      `cannot convert ${from.symbol} (${from.definition.category}) to ${to.symbol} (${to.definition.category}); both units must measure the same thing`,
    );
  }
  const base = value * from.definition.factor + (from.definition.offset ?? 0);
  const converted = (base - (to.definition.offset ?? 0)) / to.definition.factor;
  const rounded = converted === 0 ? 0 : Number(converted.toPrecision(10));
  return { value: rounded, from_unit: from.symbol, to_unit: to.symbol, category: from.definition.category };
}

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BadInputError, describeZodError } from "../core/errors.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import { REGISTRY } from "../tools/registry.ts";
import { Scenario } from "./schema.ts";
import { scenarioProblems } from "./validate-scenario.ts";

/** The shipped dataset folder (`data/` at the package root). */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../data");

/** Parse and check scenarios from one file (`.json` array or `.jsonl`); errors name the file, line and field. */
export function parseScenarioFile(path: string, catalog: ToolCatalog = REGISTRY): Scenario[] {
  const { scenarios, errors } = readScenarioRecords(path, catalog);
  if (errors.length > 0) throw new BadInputError(errors.map((error) => error.message).join("\n"));
  return scenarios;
}

export interface RecordError {
  /** The scenario id, when the record had one. */
  id: string | undefined;
  message: string;
}

/** Like parseScenarioFile, but collects every bad record instead of stopping at the first. */
export function readScenarioRecords(
  path: string,
  catalog: ToolCatalog = REGISTRY,
): { scenarios: Scenario[]; errors: RecordError[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new BadInputError(`${path}: cannot read scenario file (${(error as Error).message})`);
  }
  const records: Array<{ value: unknown; where: string }> = [];
  const errors: RecordError[] = [];
  if (path.endsWith(".jsonl")) {
    text.split("\n").forEach((line, index) => {
      if (line.trim() === "") return;
      try {
        records.push({ value: parseJson(line, `${path}:${index + 1}`), where: `${path}:${index + 1}` });
      } catch (error) {
        errors.push({ id: undefined, message: (error as Error).message });
      }
    });
  } else {
    const value = parseJson(text, path);
    if (!Array.isArray(value)) throw new BadInputError(`${path}: (root): expected an array of scenarios`);
    value.forEach((item, index) => {
      records.push({ value: item, where: `${path}: [${index}]` });
    });
  }
  const seen = new Set<string>();
  const scenarios: Scenario[] = [];
  for (const { value, where } of records) {
    const id = idOf(value);
    const label = `${where}${id === undefined ? "" : ` (scenario ${id})`}`;
    const parsed = Scenario.safeParse(value);
    if (!parsed.success) {
      errors.push({ id, message: describeZodError(parsed.error, label) });
      continue;
    }
    const problems = scenarioProblems(parsed.data, catalog);
    if (problems.length > 0) {
      errors.push({ id, message: problems.map((problem) => `${label}: ${problem}`).join("\n") });
      continue;
    }
    if (seen.has(parsed.data.id)) {
      errors.push({ id, message: `${label}: duplicate scenario id` });
      continue;
    }
    seen.add(parsed.data.id);
    scenarios.push(parsed.data);
  }
  return { scenarios, errors };
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadInputError(`${where}: not valid JSON: ${(error as Error).message}`);
  }
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : undefined;
}

/** Split names shipped under `data/` (folders holding scenarios.json or scenarios.jsonl). */
export function listSplits(dataDir = DATA_DIR): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && splitFile(join(dataDir, entry.name)) !== undefined)
    .map((entry) => entry.name)
    .sort();
}

function splitFile(dir: string): string | undefined {
  for (const name of ["scenarios.jsonl", "scenarios.json"]) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Load a shipped split by name, or any scenario file by path. */
export function loadSplit(
  nameOrPath: string,
  options: { dataDir?: string; catalog?: ToolCatalog } = {},
): Scenario[] {
  const dataDir = options.dataDir ?? DATA_DIR;
  if (/\.jsonl?$/.test(nameOrPath)) return parseScenarioFile(nameOrPath, options.catalog);
  const file = splitFile(join(dataDir, nameOrPath));
  if (!file) {
    const known = listSplits(dataDir);
    throw new BadInputError(
      `unknown split "${nameOrPath}" (shipped: ${known.join(", ") || "none"}; or pass a .json/.jsonl file)`,
    );
  }
  return parseScenarioFile(file, options.catalog);
}

/** Pick scenarios by id; unknown ids are an error naming the split. */
export function selectScenarios(scenarios: Scenario[], ids: readonly string[], split: string): Scenario[] {
  if (ids.length === 0) return scenarios;
  return ids.map((id) => {
    const found = scenarios.find((scenario) => scenario.id === id);
    if (!found) throw new BadInputError(`scenario "${id}" is not in split ${split}`);
    return found;
  });
}

import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { Condition } from "./condition.ts";
import { BadInputError, parseOrThrow } from "./errors.ts";
import { CONDITION_PRESETS, findPreset } from "./presets.ts";

/** Read a condition from a JSON or YAML file; errors name the file and the field path. */
export function loadConditionFile(path: string): Condition {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new BadInputError(`${path}: cannot read condition file (${(error as Error).message})`);
  }
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new BadInputError(
      `${path}: not valid ${/\.ya?ml$/i.test(path) ? "YAML" : "JSON"}: ${(error as Error).message}`,
    );
  }
  return parseOrThrow(Condition, value, path);
}

/** A preset name, or a path to a JSON/YAML condition file. */
export function resolveCondition(nameOrPath: string): Condition {
  const preset = findPreset(nameOrPath);
  if (preset) return preset;
  if (/\.(json|ya?ml)$/i.test(nameOrPath)) return loadConditionFile(nameOrPath);
  const names = CONDITION_PRESETS.map((condition) => condition.name).join(", ");
  throw new BadInputError(`unknown condition "${nameOrPath}": use one of ${names}, or a .json/.yaml file`);
}

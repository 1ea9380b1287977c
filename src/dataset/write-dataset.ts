import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GENERATOR_VERSION, type GeneratedDataset } from "./build-splits.ts";
import type { Scenario } from "./schema.ts";

export const GENERATED_SPLITS = ["v1", "stress", "single"] as const;

/** One scenario per line, keys in schema order: byte-stable for the same dataset. */
export function scenariosToJsonl(scenarios: readonly Scenario[]): string {
  return (
    scenarios.map((scenario) => JSON.stringify(scenario)).join("\n") + (scenarios.length > 0 ? "\n" : "")
  );
}

/** The manifest: seed, generator version, counts and filter statistics (no timestamps, so it is reproducible). */
export function manifestOf(dataset: GeneratedDataset): Record<string, unknown> {
  return {
    generator: GENERATOR_VERSION,
    seed: dataset.seed,
    singleTasks: Object.fromEntries(dataset.singleReports.map((report) => [report.domain, report.tasks])),
    splits: Object.fromEntries(GENERATED_SPLITS.map((name) => [name, dataset.splits[name].length])),
    filters: dataset.filters,
  };
}

/** Write `DIR/<split>/scenarios.jsonl` for every generated split, and `DIR/manifest.json`. */
export function writeDataset(dir: string, dataset: GeneratedDataset): string[] {
  const written: string[] = [];
  for (const name of GENERATED_SPLITS) {
    mkdirSync(join(dir, name), { recursive: true });
    const path = join(dir, name, "scenarios.jsonl");
    writeFileSync(path, scenariosToJsonl(dataset.splits[name]));
    written.push(path);
  }
  const manifest = join(dir, "manifest.json");
  writeFileSync(manifest, `${JSON.stringify(manifestOf(dataset), null, 2)}\n`);
  written.push(manifest);
  return written;
}

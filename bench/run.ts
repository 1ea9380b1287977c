import { mkdirSync, writeFileSync } from "node:fs";
import { benchDataset } from "./dataset.bench.ts";
import { benchEpisodes } from "./episodes.bench.ts";
import { benchGrading } from "./grading.bench.ts";
import { benchMockThroughput } from "./mock-throughput.bench.ts";
import { benchReport } from "./report.bench.ts";
import { benchRunner } from "./runner.bench.ts";
import { type BenchResult, meetsTarget } from "./stats.ts";

/**
 * `npm run bench`: every benchmark, reported as medians with min–max spread and, where an issue
 * sets one, the target. Results also go to bench/results/latest.json.
 */
const suites: Array<[string, () => Promise<BenchResult[]>]> = [
  ["environment", () => benchEpisodes()],
  ["grading", async () => [await benchGrading()]],
  ["dataset", () => benchDataset()],
  ["runner", () => benchRunner()],
  ["mock-throughput", () => benchMockThroughput()],
  ["report", () => benchReport()],
];

// `npm run bench -- NAME` runs only the suites whose name contains NAME.
const only = process.argv[2];
const all: BenchResult[] = [];
for (const [name, run] of suites) {
  if (only && !name.includes(only)) continue;
  process.stdout.write(`# ${name}\n`);
  const results = await run();
  for (const result of results) {
    const verdict = meetsTarget(result);
    const target = result.target
      ? ` (target ${result.target.atLeast !== undefined ? `≥ ${result.target.atLeast}` : `≤ ${result.target.atMost}`}: ${verdict ? "met" : "MISSED"})`
      : "";
    const spread = `${format(result.min)}–${format(result.max)}`;
    process.stdout.write(
      `${result.name}: median ${format(result.median)} ${result.unit} [${spread}]${target}\n`,
    );
  }
  all.push(...results);
}
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/latest.json", import.meta.url),
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), results: all }, null, 2)}\n`,
);

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

import { Command } from "commander";
import {
  DEMO_CONDITIONS,
  DEMO_MODELS,
  DEMO_REFERENCE_AGENTS,
  DEMO_V1_SLICE,
  runDemo,
} from "../runner/demo.ts";
import { withInterruptHandler } from "../runner/interrupt.ts";
import { createProgress } from "../runner/progress.ts";
import { reportRun, runFacts, summaryTable } from "../runner/report-run.ts";
import { nonNegativeInteger, positiveInteger } from "./options.ts";

interface DemoCliOptions {
  split?: string;
  limit?: number;
  out?: string;
  store: boolean;
  stream?: boolean;
  latencyMs?: number;
  json?: boolean;
  progress: boolean;
}

export function demoCommand(): Command {
  return new Command("demo")
    .description(
      "The whole benchmark with no API key and no network: starts the mock OpenAI-compatible server on a free " +
        "localhost port, runs the reference agents directly and scripted models through real HTTP (official openai " +
        "SDK), grades and stores every episode, and prints the leaderboard.",
    )
    .option(
      "--split <name|file>",
      `scenarios (default: the first ${DEMO_V1_SLICE} of v1 when shipped, else examples)`,
    )
    .option("--limit <n>", "run only the first n scenarios", positiveInteger)
    .option("--out <dir>", "store directory (default runs/<run-id>)")
    .option("--no-store", "do not write a store")
    .option("--stream", "stream the scripted models' responses (same traces as without)")
    .option("--latency-ms <n>", "delay of every mock response in milliseconds", nonNegativeInteger, 0)
    .option("--no-progress", "no progress output on stderr")
    .option("--json", "print the leaderboard and run facts as JSON")
    .addHelpText(
      "after",
      `
Agents: ${[...DEMO_REFERENCE_AGENTS, ...DEMO_MODELS].join(", ")}
Conditions: ${DEMO_CONDITIONS.join(", ")}
The scripted models replay the reference agents' decisions: mock-oracle should score Overall 1,
mock-eager shows dependency violations, mock-forgetful task neglect.

Examples:
  asynctool demo
  asynctool demo --stream --latency-ms 50 --out runs/demo
  asynctool export runs/demo --out demo.jsonl`,
    )
    .action(async (options: DemoCliOptions) => {
      const demo = await withInterruptHandler((signal) =>
        runDemo({
          split: options.split,
          limit: options.limit,
          out: options.out,
          noStore: !options.store,
          stream: options.stream,
          latencyMs: options.latencyMs,
          progress: createProgress(process.stderr, { quiet: !options.progress }),
          signal,
        }),
      );
      const run = reportRun(demo.session, { json: true });
      if (options.json) {
        const facts = runFacts(demo.session);
        process.stdout.write(
          `${JSON.stringify({ split: demo.split, leaderboard: demo.leaderboard, run: facts }, null, 2)}\n`,
        );
      } else {
        process.stdout.write(
          `Leaderboard (split ${demo.split}, ${demo.session.records.length} episodes)\n\n${summaryTable(demo.leaderboard)}\n`,
        );
      }
      if (run.stderr) process.stderr.write(run.stderr);
      if (run.exitCode !== 0) process.exitCode = run.exitCode;
    });
}

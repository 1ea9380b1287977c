import { Command, InvalidArgumentError } from "commander";
import { REFERENCE_AGENTS, referenceAgent } from "../agents/reference/index.ts";
import { BadInputError } from "../core/errors.ts";
import { resolveCondition } from "../core/load-condition.ts";
import { DEFAULT_CONDITION } from "../core/presets.ts";
import { loadSplit, selectScenarios } from "../dataset/loader.ts";
import { createGrader } from "../runner/grading-bridge.ts";
import { withInterruptHandler } from "../runner/interrupt.ts";
import { type AgentSpec, modelSpec, RunConfig, scenariosHash } from "../runner/plan.ts";
import { createProgress } from "../runner/progress.ts";
import { type RunReport, reportRun } from "../runner/report-run.ts";
import { DEFAULT_CACHE_FILE } from "../runner/response-cache.ts";
import { runSession } from "../runner/session.ts";
import { collect, nonNegativeInteger, positiveInteger } from "./options.ts";

interface RunOptions {
  agent?: string[];
  model?: string[];
  baseUrl?: string;
  stream?: boolean;
  condition?: string[];
  scenario?: string[];
  split: string;
  limit?: number;
  trials: number;
  seed?: number;
  concurrency?: Record<string, number>;
  maxAttempts: number;
  out?: string;
  resume?: string;
  cache?: string | boolean;
  store: boolean;
  traceOut?: string;
  json?: boolean;
  progress: boolean;
}

/** Flags that define what a run is; a resumed run takes them from its store instead. */
const PLAN_FLAGS = [
  "agent",
  "model",
  "stream",
  "condition",
  "scenario",
  "split",
  "limit",
  "trials",
  "seed",
  "out",
  "maxAttempts",
];

export function runCommand(): Command {
  return new Command("run")
    .description(
      "Run agents or models on scenarios under one or more conditions; store every trace and score, and report " +
        "makespan, turns, calls and idle time per episode (plus the summary per agent × condition).",
    )
    .option("-a, --agent <name>", `reference agent, repeatable (${REFERENCE_AGENTS.join(", ")})`, collect)
    .option(
      "-m, --model <id>",
      "model, repeatable: openai:MODEL, anthropic:MODEL, google:MODEL, openai-compatible:MODEL (with --base-url), prompt:…",
      collect,
    )
    .option(
      "--base-url <url>",
      "server for openai-compatible models (vLLM, SGLang, Ollama, llama.cpp, OpenRouter, the mock)",
    )
    .option("--stream", "stream model responses (same trace as without)")
    .option(
      "-c, --condition <name|file>",
      `condition preset or JSON/YAML file, repeatable (default ${DEFAULT_CONDITION}; see \`asynctool list conditions\`)`,
      collect,
    )
    .option("-s, --scenario <id>", "scenario id, repeatable (default: every scenario of the split)", collect)
    .option("--split <name|file>", "shipped split name or a scenarios .json/.jsonl file", "examples")
    .option("--limit <n>", "run only the first n scenarios", positiveInteger)
    .option("--trials <n>", "trials per scenario × agent × condition", positiveInteger, 1)
    .option(
      "--seed <n>",
      "run seed mixed into every scenario seed (latencies, faults, retry jitter)",
      nonNegativeInteger,
    )
    .option(
      "--concurrency <n|provider=n>",
      "episodes in flight per provider, repeatable (defaults: openai 8, openai-compatible 8, anthropic 4, google 4, local 4)",
      concurrencyOption,
    )
    .option(
      "--max-attempts <n>",
      "whole-episode attempts when the provider fails (never scored as the model's fault)",
      positiveInteger,
      3,
    )
    .option("--out <dir>", "store directory (default runs/<run-id>)")
    .option(
      "--resume <run>",
      "continue a stopped run (run id or directory): stored episodes are skipped, never duplicated",
    )
    .option(
      "--cache [file]",
      `answer repeated model requests from a response cache (default file ${DEFAULT_CACHE_FILE})`,
    )
    .option("--no-store", "do not write a store (quick runs)")
    .option("--trace-out <dir>", "also write one JSON file per episode: {scenario, condition, trace}")
    .option("--no-progress", "no progress output on stderr")
    .option("--json", "print machine-readable results and summary")
    .addHelpText(
      "after",
      `
Progress goes to stderr (a bar on a terminal, one line per episode otherwise); results to stdout.
API keys come from the usual environment variables (OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY,
OPENAI_COMPATIBLE_API_KEY); the store records the variable's name, never the key.
Ctrl-C stops cleanly: finished episodes stay stored, and the command to continue is printed.

Examples:
  asynctool run --agent oracle --agent sequential
  asynctool run --agent oracle -c sync -c async-round --split examples --json
  asynctool run --model openai:gpt-4.1-mini --trials 3 --cache
  asynctool run --model openai-compatible:llama3:8b --base-url http://localhost:11434/v1 --concurrency 2
  asynctool run --resume runs/20250101-120000-ab12cd
  asynctool run --agent eager --scenario ex-cross-three --no-store --trace-out traces/`,
    )
    .action(async function (this: Command, options: RunOptions) {
      if (options.resume !== undefined) {
        const given = PLAN_FLAGS.filter((flag) => this.getOptionValueSource(flag) === "cli");
        if (given.length > 0)
          throw new BadInputError(
            `--resume continues the stored run as it was planned; drop ${given.map(flagName).join(", ")}`,
          );
      }
      if (!options.store && options.out !== undefined)
        throw new BadInputError("--out names the store directory; it cannot go with --no-store");
      const config = options.resume === undefined ? buildConfig(options) : null;
      const report = await withInterruptHandler((signal) =>
        runSession({
          config: config?.config ?? null,
          scenarios: config?.scenarios ?? [],
          resume: options.resume,
          out: options.out,
          noStore: !options.store,
          concurrency: options.concurrency,
          baseUrl: options.baseUrl,
          cacheFile: options.cache === true ? DEFAULT_CACHE_FILE : options.cache || undefined,
          traceOut: options.traceOut,
          grade: createGrader(),
          progress: createProgress(process.stderr, { quiet: !options.progress }),
          signal,
        }),
      );
      const output: RunReport = reportRun(report, { json: options.json === true });
      process.stdout.write(output.stdout);
      if (output.stderr) process.stderr.write(output.stderr);
      if (output.exitCode !== 0) process.exitCode = output.exitCode;
    });
}

function buildConfig(options: RunOptions) {
  const agents: AgentSpec[] = [
    ...(options.agent ?? []).map((name): AgentSpec => {
      referenceAgent(name); // validates the name
      return { kind: "reference", name };
    }),
    ...(options.model ?? []).map((modelId) => modelSpec(modelId, options.baseUrl, options.stream === true)),
  ];
  if (agents.length === 0)
    agents.push({ kind: "reference", name: "oracle" }, { kind: "reference", name: "sequential" });
  let scenarios = selectScenarios(loadSplit(options.split), options.scenario ?? [], options.split);
  if (options.limit !== undefined) scenarios = scenarios.slice(0, options.limit);
  const config = RunConfig.parse({
    configVersion: 1,
    agents,
    split: options.split,
    scenarioIds: scenarios.map((scenario) => scenario.id),
    scenariosHash: scenariosHash(scenarios),
    conditions: (options.condition ?? [DEFAULT_CONDITION]).map(resolveCondition),
    trials: options.trials,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    concurrency: options.concurrency ?? {},
    maxEpisodeAttempts: options.maxAttempts,
    createdAt: new Date().toISOString(),
  });
  return { config, scenarios };
}

function concurrencyOption(value: string, previous: Record<string, number> = {}): Record<string, number> {
  const match = /^(?:([\w.-]+)=)?(\d+)$/.exec(value.trim());
  const count = Number(match?.[2]);
  if (!match || !Number.isInteger(count) || count <= 0)
    throw new InvalidArgumentError("expected a positive integer or PROVIDER=N (e.g. openai=4)");
  return { ...previous, [match[1] ?? "*"]: count };
}

function flagName(camel: string): string {
  return `--${camel.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

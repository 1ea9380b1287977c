import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { REFERENCE_AGENTS, referenceAgent } from "../agents/reference/index.ts";
import { resolveCondition } from "../core/load-condition.ts";
import { DEFAULT_CONDITION } from "../core/presets.ts";
import { loadSplit, selectScenarios } from "../dataset/loader.ts";
import { type EpisodeSummary, runEpisode } from "../env/episode.ts";
import { formatTable } from "./format-table.ts";
import { collect, nonNegativeInteger, positiveInteger } from "./options.ts";

interface RunOptions {
  agent?: string[];
  condition?: string[];
  scenario?: string[];
  split: string;
  limit?: number;
  trials: number;
  seed?: number;
  traceOut?: string;
  json?: boolean;
}

export function runCommand(): Command {
  return new Command("run")
    .description(
      "Run agents on scenarios under one or more conditions and report makespan, turns, calls and idle time.",
    )
    .option(
      "-a, --agent <name>",
      `agent to run, repeatable (reference agents: ${REFERENCE_AGENTS.join(", ")})`,
      collect,
    )
    .option(
      "-c, --condition <name|file>",
      `condition preset or JSON/YAML file, repeatable (default ${DEFAULT_CONDITION}; see \`asynctool list conditions\`)`,
      collect,
    )
    .option("-s, --scenario <id>", "scenario id, repeatable (default: every scenario of the split)", collect)
    .option("--split <name|file>", "shipped split name or a scenarios .json/.jsonl file", "examples")
    .option("--limit <n>", "run only the first n scenarios", positiveInteger)
    .option("--trials <n>", "trials per scenario × agent × condition", positiveInteger, 1)
    .option("--seed <n>", "run seed mixed into every scenario seed (latencies, faults)", nonNegativeInteger)
    .option(
      "--trace-out <dir>",
      "write one self-contained JSON file per episode (scenario, condition, trace)",
    )
    .option("--json", "print machine-readable results")
    .addHelpText(
      "after",
      "\nExamples:\n  asynctool run --agent oracle --agent sequential\n  asynctool run --agent oracle -c sync -c async-round --split examples --json",
    )
    .action(async (options: RunOptions) => {
      const agents = (options.agent ?? ["oracle", "sequential"]).map((name) => referenceAgent(name));
      const conditions = (options.condition ?? [DEFAULT_CONDITION]).map(resolveCondition);
      let scenarios = selectScenarios(loadSplit(options.split), options.scenario ?? [], options.split);
      if (options.limit !== undefined) scenarios = scenarios.slice(0, options.limit);
      if (options.traceOut) mkdirSync(options.traceOut, { recursive: true });

      const results: EpisodeSummary[] = [];
      for (const scenario of scenarios) {
        for (const condition of conditions) {
          for (let trial = 0; trial < options.trials; trial++) {
            for (const agent of agents) {
              const episode = await runEpisode({
                scenario,
                condition,
                agent,
                trial,
                ...(options.seed === undefined ? {} : { runSeed: options.seed }),
              });
              results.push(episode.summary);
              if (options.traceOut) {
                const file = join(
                  options.traceOut,
                  `${scenario.id}__${agent.name}__${condition.name}__t${trial}.json`,
                );
                writeFileSync(file, `${JSON.stringify({ scenario, condition, trace: episode.trace })}\n`);
              }
            }
          }
        }
      }
      if (options.json) {
        const rows = results.map(
          ({ scenario, agent, condition, trial, makespan, turns, calls, idleTicks, reason }) => ({
            scenario,
            agent,
            condition,
            trial,
            makespan,
            turns,
            calls,
            idleTicks,
            reason,
          }),
        );
        process.stdout.write(`${JSON.stringify({ results: rows }, null, 2)}\n`);
        return;
      }
      const headers = [
        "scenario",
        "agent",
        "condition",
        "trial",
        "makespan",
        "turns",
        "calls",
        "idle",
        "end",
      ];
      const rows = results.map((row) => [
        row.scenario,
        row.agent,
        row.condition,
        row.trial,
        row.makespan,
        row.turns,
        row.calls,
        row.idleTicks,
        row.reason,
      ]);
      process.stdout.write(`${formatTable(headers, rows)}\n`);
    });
}

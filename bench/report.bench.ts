import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AgentFactory } from "../src/agents/agent.ts";
import { referenceAgent } from "../src/agents/reference/index.ts";
import { loadSplit } from "../src/dataset/loader.ts";
import { buildReport } from "../src/report/build-report.ts";
import type { ReportEpisode, ReportInput } from "../src/report/report-episode.ts";
import { hasChromium, launchChromium, MISSING_CHROMIUM, openReport } from "../src/report/testing/browser.ts";
import { condition, episodeOf } from "../src/report/testing/fixtures.ts";
import { writeReportFiles } from "../src/report/write-report.ts";
import { type BenchResult, median } from "./stats.ts";

/**
 * Issue 7: size and load time in headless chromium of report.html for a 1,000-episode run
 * (targets < 15 MB, < 3 s). Episodes are the four reference agents on the examples split under
 * sync and async-realistic, over as many trials as it takes, each graded. Reference agents write
 * no text, so every turn is given 200 characters of (varying) text, as a model would write: a
 * report of real model runs is closer to this than to silent agents.
 */
export const EPISODES = 1000;
const TEXT_PER_TURN = 200;

/** Wrap an agent so each of its turns also says something (deterministic, different every turn). */
function talkative(factory: AgentFactory): AgentFactory {
  return {
    name: factory.name,
    create: (context) => {
      const agent = factory.create(context);
      return {
        name: agent.name,
        async act(observation, signal) {
          const response = await agent.act(observation, signal);
          const seed = `${context.scenario.id} ${context.episode.conditionName} t${context.episode.trial} turn ${observation.turn}: `;
          const text = `${seed}${"I will work on the pending tasks while results are in flight. ".repeat(4)}`;
          return { ...response, text: text.slice(0, TEXT_PER_TURN) };
        },
      };
    },
  };
}

export async function thousandEpisodeInput(count = EPISODES): Promise<ReportInput> {
  const scenarios = loadSplit("examples");
  const conditionNames = ["sync", "async-realistic"];
  const agents = ["oracle", "sequential", "eager", "forgetful"].map((name) =>
    talkative(referenceAgent(name)),
  );
  const episodes: ReportEpisode[] = [];
  for (let trial = 0; episodes.length < count; trial++)
    for (const agent of agents)
      for (const conditionName of conditionNames)
        for (const scenario of scenarios)
          if (episodes.length < count) episodes.push(await episodeOf(scenario, conditionName, agent, trial));
  return {
    sources: [`bench-${count}`],
    episodes,
    scenarios,
    conditions: conditionNames.map(condition),
    warnings: [],
  };
}

function row(name: string, values: number[], unit: string, target?: BenchResult["target"]): BenchResult {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    name,
    median: median(sorted),
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    unit,
    target,
  };
}

export async function benchReport(options: { loads?: number; count?: number } = {}): Promise<BenchResult[]> {
  const count = options.count ?? EPISODES;
  const dir = mkdtempSync(join(tmpdir(), "asynctool-bench-report-"));
  try {
    const input = await thousandEpisodeInput(count);
    const file = join(dir, "report.html");
    const builds: number[] = [];
    for (let repeat = 0; repeat < 3; repeat++) {
      const start = performance.now();
      writeReportFiles(await buildReport(input), { html: file });
      builds.push((performance.now() - start) / 1000);
    }
    const megabytes = statSync(file).size / 1e6;
    const results = [
      row(`report.html size (${count} episodes)`, [megabytes], "MB", { atMost: 15 }),
      row(`report build time in Node (${count} episodes)`, builds, "s"),
    ];
    if (!hasChromium()) {
      process.stderr.write(`${MISSING_CHROMIUM}; load time not measured\n`);
      return results;
    }
    const browser = await launchChromium();
    try {
      const loads: number[] = [];
      for (let repeat = 0; repeat < (options.loads ?? 5); repeat++) {
        const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
        const start = performance.now();
        // Ready = parsed, list of every episode drawn, first timeline and transcript drawn.
        await openReport(page, pathToFileURL(file).href);
        loads.push((performance.now() - start) / 1000);
        await page.close();
      }
      results.push(
        row(`report.html load time in headless chromium (${count} episodes)`, loads, "s", { atMost: 3 }),
      );
    } finally {
      await browser.close();
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Condition } from "../core/condition.ts";
import { BadInputError, describeZodError } from "../core/errors.ts";
import { findPreset } from "../core/presets.ts";
import { TraceEvent } from "../core/trace.ts";
import { loadSplit } from "../dataset/loader.ts";
import type { Scenario } from "../dataset/schema.ts";
import { gradeEpisode } from "../grading/grade.ts";
import { EpisodeScore } from "../grading/score-schema.ts";
import { RunStore } from "../runner/store.ts";
import { joinInputs, type ReportEpisode, type ReportInput } from "./report-episode.ts";

/**
 * Thin I/O: read runs into the report's input contract. A run is a store (run id or directory,
 * see runner/store.ts) or, as a fallback, a JSONL export (`asynctool export`), whose lines carry
 * no scenarios: those come from `split` when given. Episodes stored without a score (or with one
 * from another grader version) are graded here when their scenario and condition are known.
 */
export interface LoadOptions {
  runsRoot?: string;
  /** Split name or scenario file for JSONL exports (which do not hold scenarios). */
  split?: string | undefined;
}

/** One line of `asynctool export`. */
export const ExportLine = z.object({
  scenario: z.string(),
  agent: z.string(),
  condition: z.string(),
  trial: z.number().int().nonnegative(),
  score: z.unknown().optional(),
  inputTokens: z.number().int().nonnegative().default(0),
  outputTokens: z.number().int().nonnegative().default(0),
  costUsd: z.number().nullable().default(null),
  trace: z.array(TraceEvent),
});

interface RawEpisode {
  scenario: string;
  agent: string;
  condition: string;
  trial: number;
  score: unknown;
  trace: unknown;
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
}

export async function loadRuns(refs: readonly string[], options: LoadOptions = {}): Promise<ReportInput> {
  if (refs.length === 0) throw new BadInputError("report needs at least one run");
  const inputs: ReportInput[] = [];
  for (const ref of refs) inputs.push(await loadRunEpisodes(ref, options));
  return joinInputs(inputs);
}

/** Load one run: a store, or a `.jsonl` export. */
export async function loadRunEpisodes(ref: string, options: LoadOptions = {}): Promise<ReportInput> {
  if (ref.endsWith(".jsonl")) return loadJsonlEpisodes(ref, options);
  const store = RunStore.open(ref, options.runsRoot);
  try {
    const config = store.config();
    const raw: RawEpisode[] = [];
    for (const record of store.episodes()) raw.push(record);
    return await toInput(raw, {
      source: store.runId,
      where: store.dir,
      scenarios: store.scenarios(),
      conditions: config?.conditions ?? [],
    });
  } finally {
    store.close();
  }
}

export async function loadJsonlEpisodes(path: string, options: LoadOptions = {}): Promise<ReportInput> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new BadInputError(`${path}: cannot read (${(error as Error).message})`);
  }
  const raw: RawEpisode[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new BadInputError(`${path}:${index + 1}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = ExportLine.safeParse(value);
    if (!parsed.success) throw new BadInputError(describeZodError(parsed.error, `${path}:${index + 1}`));
    raw.push({ ...parsed.data, score: parsed.data.score ?? null });
  });
  const scenarios = options.split === undefined ? [] : loadSplit(options.split);
  const input = await toInput(raw, { source: path, where: path, scenarios, conditions: [] });
  if (options.split === undefined)
    input.warnings.push(
      `${path}: a JSONL export holds no scenarios; pass --split to attribute calls to tasks by the gold plan`,
    );
  return input;
}

async function toInput(
  raw: readonly RawEpisode[],
  context: { source: string; where: string; scenarios: Scenario[]; conditions: Condition[] },
): Promise<ReportInput> {
  const scenarioById = new Map(context.scenarios.map((scenario) => [scenario.id, scenario]));
  const conditionByName = new Map(context.conditions.map((condition) => [condition.name, condition]));
  const episodes: ReportEpisode[] = [];
  const warnings: string[] = [];
  const usedConditions = new Map<string, Condition>();
  let ungraded = 0;
  for (const record of raw) {
    const label = `${context.where}: ${record.scenario} × ${record.agent} × ${record.condition} (t${record.trial})`;
    const trace = z.array(TraceEvent).safeParse(record.trace);
    if (!trace.success) {
      warnings.push(`${label}: trace does not match the trace schema; episode left out`);
      continue;
    }
    const condition = conditionByName.get(record.condition) ?? findPreset(record.condition);
    if (condition) usedConditions.set(condition.name, condition);
    let score = EpisodeScore.safeParse(record.score).data ?? null;
    const scenario = scenarioById.get(record.scenario);
    if (score === null && scenario && condition) {
      try {
        score = await gradeEpisode({ scenario, condition, trace: trace.data });
      } catch (error) {
        warnings.push(`${label}: could not be graded (${(error as Error).message})`);
      }
    }
    if (score === null) ungraded += 1;
    episodes.push({
      scenario: record.scenario,
      agent: record.agent,
      condition: record.condition,
      trial: record.trial,
      score,
      trace: trace.data,
      inputTokens: record.inputTokens,
      outputTokens: record.outputTokens,
      costUsd: record.costUsd,
    });
  }
  if (ungraded > 0)
    warnings.push(
      `${context.where}: ${ungraded} episodes have no score (unknown scenario or condition); they are listed but left out of the leaderboard`,
    );
  return {
    sources: [context.source],
    episodes,
    scenarios: context.scenarios,
    conditions: [...usedConditions.values()],
    warnings,
  };
}

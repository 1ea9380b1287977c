import type { Condition } from "../core/condition.ts";
import { BadInputError } from "../core/errors.ts";
import type { TraceEvent } from "../core/trace.ts";
import type { Scenario } from "../dataset/schema.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import { REGISTRY } from "../tools/registry.ts";
import { attributeCalls } from "./attribution.ts";
import { efficiency, type ReferenceTimes, type TokenPrice } from "./efficiency.ts";
import { detectFailures } from "./failures.ts";
import { latePrerequisites } from "./failures-task.ts";
import { matchCalls } from "./matching.ts";
import { checkState, scenarioSuccess, subtaskOutcome } from "./outcomes.ts";
import { referenceTimes } from "./references.ts";
import { scenarioGold } from "./scenario-gold.ts";
import { type EpisodeScore, GRADER_VERSION } from "./score-schema.ts";
import { stepMetrics } from "./step-metrics.ts";
import { readTrace } from "./trace-view.ts";

export interface GradeInput {
  scenario: Scenario;
  condition: Condition;
  trace: readonly TraceEvent[];
  /** The tools the episode ran with (default: the shipped registry). */
  catalog?: ToolCatalog;
  /** Price per token, for the cost metric (null cost without it). */
  price?: TokenPrice;
}

/**
 * Grade one episode from its trace and its scenario's gold (DESIGN §6). Pure apart from an
 * in-memory cache; `references` are the oracle and sequential makespans (null: efficiency ratios
 * stay null).
 */
export function gradeTrace(input: GradeInput & { references: ReferenceTimes | null }): EpisodeScore {
  const { scenario, condition } = input;
  const catalog = input.catalog ?? REGISTRY;
  const view = readTrace(input.trace);
  checkPairing(view.start, scenario, condition);
  const gold = scenarioGold(scenario, catalog);
  const matching = matchCalls(gold, view);
  const attribution = attributeCalls(gold, view, matching);
  const state = checkState(gold, view.end.finalWorld);
  const premature = new Set(latePrerequisites({ gold, view, matching, attribution }).keys());
  const subtasks = gold.tasks.map((task) =>
    subtaskOutcome(task, view, matching, attribution, state, premature),
  );
  const success = !view.infraError && scenarioSuccess(subtasks, state);
  const failures = detectFailures({ gold, view, matching, attribution, subtasks });
  return {
    grader: GRADER_VERSION,
    scenario: scenario.id,
    agent: view.start.agent,
    condition: condition.name,
    trial: view.start.trial,
    seed: view.start.seed,
    split: scenario.split,
    composition: scenario.composition,
    taskCount: scenario.tasks.length,
    domains: unique(scenario.tasks.map((task) => task.domain)),
    patterns: unique(scenario.tasks.flatMap((task) => task.tags)),
    reason: view.end.reason,
    infraError: view.infraError,
    success,
    subtaskSuccess: subtasks.filter((subtask) => subtask.success).length / subtasks.length,
    subtasks,
    collateralDamage: state.collateral.length > 0,
    stateDifferences: state.differences.slice(0, 20),
    steps: stepMetrics(gold, view, matching),
    efficiency: efficiency({
      view,
      attribution,
      references: input.references,
      success,
      turnCost: condition.turnCost,
      price: input.price,
    }),
    failures: failures.counts,
    failureDetails: failures.instances.slice(0, 50),
  };
}

/**
 * Grade one episode, running (or reusing) the oracle and sequential references under the same
 * condition, trial and seed. This is what `asynctool run` and `asynctool score` call.
 */
export async function gradeEpisode(input: GradeInput): Promise<EpisodeScore> {
  const catalog = input.catalog ?? REGISTRY;
  const view = readTrace(input.trace);
  checkPairing(view.start, input.scenario, input.condition);
  const references = await referenceTimes(
    input.scenario,
    input.condition,
    { trial: view.start.trial, seed: view.start.seed },
    catalog,
  );
  return gradeTrace({ ...input, catalog, references });
}

function checkPairing(
  start: { scenarioId: string; condition: string },
  scenario: Scenario,
  condition: Condition,
) {
  if (start.scenarioId !== scenario.id) {
    throw new BadInputError(`trace is of scenario ${start.scenarioId}, not ${scenario.id}`);
  }
  if (start.condition !== condition.name) {
    throw new BadInputError(`trace ran under condition ${start.condition}, not ${condition.name}`);
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

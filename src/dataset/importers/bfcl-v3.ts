/**
 * BFCL v3 multi-turn base → asynctool scenarios (decision 0007). One scenario per entry with one
 * task per API class the gold calls use: our tasks have one domain, and BFCL's classes are
 * independent states, so a two-class entry is a two-task cross-domain scenario. A task's plan is its
 * class's gold calls in upstream order; literal values an earlier call of the same task returned
 * become `$ref`s, and `after` edges keep every state conflict (plan-order.ts). Every entry is
 * executed on our domains from the recorded initial state and must reproduce upstream's recorded
 * result of every call, before and after the rewrite, in two different valid orders.
 */
import { canonicalJson } from "../../core/canonical-json.ts";
import { BadInputError } from "../../core/errors.ts";
import type { ToolCatalog } from "../../tools/catalog.ts";
import { REGISTRY } from "../../tools/registry.ts";
import { buildWorld } from "../../tools/world.ts";
import { upstreamResultValue, valuesEqual } from "../conformance/values.ts";
import { executePlan } from "../gold.ts";
import { Scenario, type Step, type Task } from "../schema.ts";
import { isErrorResult } from "../single-tasks.ts";
import { scenarioProblems } from "../validate-scenario.ts";
import { bfclClass } from "./bfcl-classes.ts";
import { type BfclCall, type BfclEntry, readBfclEntries } from "./bfcl-v3-source.ts";
import { type ImportResult, reasonOf, seedFromId, withGold } from "./imported-task.ts";
import { applyFlows, type LiteralFlow, literalFlows, type ProducedResult } from "./literal-refs.ts";
import { planPattern, withConflictOrder } from "./plan-order.ts";

export const BFCL_SPLIT = "import-bfcl-v3";

export interface BfclImportStats {
  entries: number;
  scenarios: number;
  tasks: number;
  /** Literal arguments turned into references. */
  refs: number;
  entriesWithRefs: number;
  /** Literals another task of the same entry produced: left literal (a reference cannot cross tasks). */
  crossTaskLiterals: number;
  entriesWithCrossTaskLiterals: number;
  /** Pure-ordering edges added for state conflicts. */
  afterEdges: number;
  /** Gold calls whose recorded result is an `{"error": …}` value (upstream gold keeps them). */
  errorResults: number;
  /** Entries whose user turns and gold turns differ in number: each task gets every user turn. */
  unaligned: string[];
}

/** One gold call executed in upstream order, before the rewrite. */
interface ExecutedCall {
  call: BfclCall;
  turn: number;
  step: Step;
  result: unknown;
  writes: boolean;
}

/** What one entry became. */
export interface ImportedEntry {
  scenario: Scenario;
  refs: LiteralFlow[];
  crossTaskLiterals: LiteralFlow[];
  errorResults: number;
}

/** Import every BFCL v3 multi-turn base entry under `dir` (the `bfcl_v3/` folder or the peer-data folder). */
export function importBfclV3(dir: string, catalog: ToolCatalog = REGISTRY): ImportResult<BfclImportStats> {
  const sources = readBfclEntries(dir);
  const result: ImportResult<BfclImportStats> = {
    scenarios: [],
    failures: [],
    stats: {
      entries: sources.length,
      scenarios: 0,
      tasks: 0,
      refs: 0,
      entriesWithRefs: 0,
      crossTaskLiterals: 0,
      entriesWithCrossTaskLiterals: 0,
      afterEdges: 0,
      errorResults: 0,
      unaligned: [],
    },
  };
  const { stats } = result;
  for (const source of sources) {
    if ("error" in source) {
      result.failures.push({ record: source.id, reason: source.error });
      continue;
    }
    try {
      const imported = importBfclEntry(source.entry, catalog);
      result.scenarios.push(imported.scenario);
      stats.scenarios += 1;
      stats.tasks += imported.scenario.tasks.length;
      stats.refs += imported.refs.length;
      if (imported.refs.length > 0) stats.entriesWithRefs += 1;
      stats.crossTaskLiterals += imported.crossTaskLiterals.length;
      if (imported.crossTaskLiterals.length > 0) stats.entriesWithCrossTaskLiterals += 1;
      stats.afterEdges += imported.scenario.tasks.reduce(
        (sum, task) => sum + task.plan.reduce((count, step) => count + (step.after?.length ?? 0), 0),
        0,
      );
      stats.errorResults += imported.errorResults;
      if (!source.entry.aligned) stats.unaligned.push(source.entry.id);
    } catch (error) {
      result.failures.push({ record: source.id, reason: reasonOf(error) });
    }
  }
  return result;
}

const domainOf = (className: string) => bfclClass(className).domain;

/** Convert one entry; throws (BadInputError) with the reason when it cannot reproduce upstream. */
export function importBfclEntry(entry: BfclEntry, catalog: ToolCatalog = REGISTRY): ImportedEntry {
  const executed = executeLiterally(entry, catalog);
  const classes = [...new Set(executed.map((item) => item.call.className))];
  const initialWorld: Record<string, unknown> = {};
  for (const className of classes) {
    const state = entry.initialState[className];
    if (state) initialWorld[domainOf(className)] = state;
  }
  const text = entry.userTurns.join("\n");
  const refs: LiteralFlow[] = [];
  const crossTaskLiterals: LiteralFlow[] = [];
  const rewritten = executed.map((item, index) => {
    const before = executed.slice(0, index).filter((earlier) => !isErrorResult(earlier.result));
    const produced = (same: boolean): ProducedResult[] =>
      before
        .filter((earlier) => (earlier.call.className === item.call.className) === same)
        .map((earlier) => ({ stepId: earlier.step.id, result: earlier.result }));
    const flows = literalFlows(item.step.args, produced(true), text);
    const args = applyFlows(item.step.args, flows);
    refs.push(...flows);
    crossTaskLiterals.push(...literalFlows(args, produced(false), text));
    return { ...item, step: { ...item.step, args } };
  });
  const turnsOf = userTurnsByClass(entry);
  const tasks = classes.map((className, index) => {
    const own = rewritten.filter((item) => item.call.className === className);
    const writes = new Set(own.filter((item) => item.writes).map((item) => item.step.id));
    const plan = withConflictOrder(
      own.map((item) => item.step),
      writes,
    );
    const draft: Task = {
      id: `T${index + 1}`,
      domain: domainOf(className),
      instruction: numbered((turnsOf.get(className) ?? []).map((turn) => entry.userTurns[turn]!)),
      plan,
      answer: null,
      answerMatch: "exact",
      resources: [],
      tags: [planPattern(plan)],
      origin: `bfcl-v3:${entry.id}#${className}`,
    };
    const { task, run } = withGold(draft, initialWorld, catalog, `bfcl-v3 ${entry.id}`);
    checkSameResults(`${draft.id} (${className})`, own, run.results);
    const reversed = executePlan(
      { ...task, plan: [...task.plan].reverse() },
      buildWorld(catalog, [task.domain], initialWorld, `bfcl-v3 ${entry.id}`),
      catalog,
    );
    checkSameResults(`${draft.id} (${className}) in another valid order`, own, reversed.results);
    return task;
  });
  const scenario = Scenario.parse({
    id: `bfcl-v3-${entry.id}`,
    seed: seedFromId(entry.id),
    tasks,
    initialWorld,
    composition: tasks.length > 1 ? "cross-domain" : "single",
    split: BFCL_SPLIT,
    description: `BFCL v3 multi-turn base ${entry.id} (${classes.join(" + ")})`,
  });
  const problems = scenarioProblems(scenario, catalog);
  if (problems.length > 0) throw new BadInputError(`scenario problems: ${problems.join("; ")}`);
  return {
    scenario,
    refs,
    crossTaskLiterals,
    errorResults: executed.filter((item) => isErrorResult(item.result)).length,
  };
}

/**
 * Run every gold call with its literal arguments, in upstream order, on one world built from the
 * recorded initial state; each result must equal upstream's recorded one. A step "writes" when its
 * tool declares it or when it changed its domain's state (internal RNG fields included).
 */
function executeLiterally(entry: BfclEntry, catalog: ToolCatalog): ExecutedCall[] {
  const classes = [...new Set(entry.goldTurns.flat().map((call) => call.className))];
  const configs = Object.fromEntries(classes.map((name) => [domainOf(name), entry.initialState[name] ?? {}]));
  const world = buildWorld(catalog, classes.map(domainOf), configs, `bfcl-v3 ${entry.id}`);
  const counters = new Map<string, number>();
  return entry.goldTurns.flatMap((calls, turn) =>
    calls.map((call): ExecutedCall => {
      const domain = domainOf(call.className);
      const registered = catalog.findTool(call.functionName);
      if (!registered || registered.domain.name !== domain)
        throw new BadInputError(`${call.text}: no tool ${call.functionName} in domain ${domain}`);
      const number = (counters.get(call.className) ?? 0) + 1;
      counters.set(call.className, number);
      const step: Step = { id: `s${number}`, tool: call.functionName, args: call.args };
      const before = canonicalJson(world[domain]);
      const run = executePlan(probeTask(domain, step), world, catalog);
      const [gold] = run.steps;
      if (!gold || gold.error !== undefined) throw new BadInputError(`${call.text} raised: ${gold?.error}`);
      const expected = upstreamResultValue(call.recorded);
      if (!valuesEqual(expected, gold.result)) {
        throw new BadInputError(
          `${call.text}: result ${canonicalJson(gold.result)} differs from upstream's ${canonicalJson(expected)}`,
        );
      }
      const writes = registered.tool.mutates || canonicalJson(world[domain]) !== before;
      return { call, turn, step, result: gold.result, writes };
    }),
  );
}

/** A one-step task, to execute one call through the same code path gold uses. */
function probeTask(domain: string, step: Step): Task {
  return {
    id: "T1",
    domain,
    instruction: "-",
    plan: [step],
    answer: null,
    answerMatch: "exact",
    resources: [],
    tags: [],
  };
}

function checkSameResults(
  label: string,
  own: readonly ExecutedCall[],
  results: ReadonlyMap<string, unknown>,
) {
  for (const item of own) {
    const actual = results.get(item.step.id);
    if (!valuesEqual(item.result, actual)) {
      throw new BadInputError(
        `${label} step ${item.step.id} (${item.call.text}): rewritten plan gives ${canonicalJson(actual)}, literal call gave ${canonicalJson(item.result)}`,
      );
    }
  }
}

/**
 * Which user turns each class's task gets: the turns in which its gold calls are. A turn without
 * gold calls (upstream expects a clarification) joins the task(s) of the nearest earlier turn with
 * calls, else the nearest later one. When user and gold turns do not line up, every task gets every turn.
 */
export function userTurnsByClass(entry: BfclEntry): Map<string, number[]> {
  const classesOfTurn = entry.goldTurns.map((calls) => new Set(calls.map((call) => call.className)));
  const all = new Set(classesOfTurn.flatMap((classes) => [...classes]));
  const byClass = new Map<string, number[]>([...all].map((className) => [className, []]));
  entry.userTurns.forEach((_text, turn) => {
    let owners: Set<string> = all;
    if (entry.aligned) {
      const nearest = [
        ...Array.from({ length: turn + 1 }, (_, back) => turn - back),
        ...Array.from({ length: classesOfTurn.length - turn - 1 }, (_, ahead) => turn + 1 + ahead),
      ].find((candidate) => (classesOfTurn[candidate]?.size ?? 0) > 0);
      owners = nearest === undefined ? all : classesOfTurn[nearest]!;
    }
    for (const className of owners) byClass.get(className)!.push(turn);
  });
  return byClass;
}

/** `1. first turn\n2. second turn` (a single turn is left unnumbered). */
export function numbered(turns: readonly string[]): string {
  if (turns.length === 1) return turns[0]!;
  return turns.map((turn, index) => `${index + 1}. ${turn}`).join("\n");
}

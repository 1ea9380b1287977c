import { createHash } from "node:crypto";
import { oracleFactory } from "../agents/reference/oracle.ts";
import { sequentialFactory } from "../agents/reference/sequential.ts";
import { canonicalJson } from "../core/canonical-json.ts";
import type { Condition } from "../core/condition.ts";
import type { Scenario } from "../dataset/schema.ts";
import { runEpisode } from "../env/episode.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import type { ReferenceTimes } from "./efficiency.ts";

const cache = new WeakMap<ToolCatalog, Map<string, Promise<ReferenceTimes | null>>>();
const objectKeys = new WeakMap<object, string>();

/**
 * T_opt and T_seq (DESIGN §6.7): the oracle and sequential agents run through the real
 * environment on the same scenario, condition, trial and episode seed as the graded episode, so
 * they meet the same latencies and faults. `seed` is the episode seed from the trace (the scenario
 * seed already mixed with any run seed). Cached in memory; null when a reference run does not
 * complete (its budget ran out), since no ratio can then be trusted.
 */
export function referenceTimes(
  scenario: Scenario,
  condition: Condition,
  episode: { trial: number; seed: number },
  catalog: ToolCatalog,
): Promise<ReferenceTimes | null> {
  let perCatalog = cache.get(catalog);
  if (!perCatalog) {
    perCatalog = new Map();
    cache.set(catalog, perCatalog);
  }
  const key = [digestOf(scenario), digestOf(condition), episode.trial, episode.seed].join("\u0000");
  let pending = perCatalog.get(key);
  if (!pending) {
    pending = runReferences(scenario, condition, episode, catalog);
    perCatalog.set(key, pending);
  }
  return pending;
}

async function runReferences(
  scenario: Scenario,
  condition: Condition,
  episode: { trial: number; seed: number },
  catalog: ToolCatalog,
): Promise<ReferenceTimes | null> {
  // Without a run seed the episode seed is the scenario's own, so this reproduces the graded episode's draws.
  const seeded: Scenario = { ...scenario, seed: episode.seed };
  const run = (agent: typeof oracleFactory) =>
    runEpisode({ scenario: seeded, condition, agent, trial: episode.trial, catalog, validateTrace: false });
  const oracle = await run(oracleFactory);
  const sequential = await run(sequentialFactory);
  if (oracle.summary.reason !== "completed" || sequential.summary.reason !== "completed") return null;
  return { tOpt: oracle.summary.makespan, tSeq: sequential.summary.makespan };
}

/** A content digest per object (memoised), so the cache keys stay small however large the scenario. */
function digestOf(value: object): string {
  let key = objectKeys.get(value);
  if (key === undefined) {
    key = createHash("sha256").update(canonicalJson(value)).digest("hex");
    objectKeys.set(value, key);
  }
  return key;
}

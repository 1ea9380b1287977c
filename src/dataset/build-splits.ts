import { keyedRng, type Rng } from "../core/rng.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import {
  canonicalForm,
  HeadroomError,
  headroom,
  orderDependence,
  resourceClash,
} from "./evolution/filters.ts";
import { compose, deepen, retime, widen } from "./evolution/operators.ts";
import type { DomainGenerator } from "./generators/contract.ts";
import { type Paraphraser, paraphrasePool } from "./paraphrase.ts";
import type { Scenario, Task } from "./schema.ts";
import { generateSingleTasks, type PoolTask, refreshGold, type SingleTaskReport } from "./single-tasks.ts";

/** The seed of the shipped splits. `asynctool generate --seed` with another seed gives a private split. */
export const DEFAULT_DATASET_SEED = 20261123;
export const GENERATOR_VERSION = "asynctool-generator-v1";

export interface SplitPlan {
  /** Single tasks per domain. */
  perDomain: number;
  v1: number;
  stress: number;
  /** Minimum T_seq / T_opt under async-realistic. */
  minHeadroom: number;
}

export const DEFAULT_PLAN: SplitPlan = { perDomain: 32, v1: 720, stress: 110, minHeadroom: 1.25 };

export interface FilterStats {
  candidates: number;
  kept: number;
  rejected: Record<"resources" | "order" | "headroom" | "duplicate" | "reference", number>;
  /** Candidates the reference agents could not finish (a generator bug; should stay empty). */
  referenceFailures: string[];
}

export interface GeneratedDataset {
  seed: number;
  pool: PoolTask[];
  singleReports: SingleTaskReport[];
  splits: Record<"v1" | "stress" | "single", Scenario[]>;
  filters: Record<"v1" | "stress", FilterStats>;
}

/**
 * Evolve one pool task: with some probability deepen, widen or re-time it (DESIGN §7). A
 * structurally changed task is re-executed so its resources and gold include the new step; if it
 * no longer runs cleanly the original is kept.
 */
function evolve(task: Task, generator: DomainGenerator | undefined, rng: Rng, catalog: ToolCatalog): Task {
  let evolved = task;
  const probes = generator?.probes ?? [];
  const roll = rng.next();
  if (probes.length > 0 && roll < 0.15) evolved = deepen(evolved, rng.pick(probes));
  else if (probes.length > 0 && roll < 0.3) evolved = widen(evolved, rng.pick(probes));
  if (evolved !== task) evolved = refreshGold(evolved, catalog) ?? task;
  if (rng.next() < 0.2) evolved = retime(evolved, rng);
  return evolved;
}

async function composeSplit(options: {
  name: "v1" | "stress";
  count: number;
  taskCounts: readonly number[];
  pool: readonly PoolTask[];
  generators: readonly DomainGenerator[];
  seed: number;
  plan: SplitPlan;
  catalog: ToolCatalog;
}): Promise<{ scenarios: Scenario[]; stats: FilterStats }> {
  const { pool, catalog } = options;
  const rng = keyedRng(options.seed, "split", options.name);
  const byDomain = new Map<string, PoolTask[]>();
  for (const entry of pool)
    byDomain.set(entry.task.domain, [...(byDomain.get(entry.task.domain) ?? []), entry]);
  const domains = [...byDomain.keys()];
  // Every pool task leads some scenario before any repeats, so the split uses the whole pool.
  let queue = rng.shuffle(pool);
  const stats: FilterStats = {
    candidates: 0,
    kept: 0,
    rejected: { resources: 0, order: 0, headroom: 0, duplicate: 0, reference: 0 },
    referenceFailures: [],
  };
  const seen = new Set<string>();
  const scenarios: Scenario[] = [];
  const maxCandidates = options.count * 30;
  while (scenarios.length < options.count && stats.candidates < maxCandidates) {
    stats.candidates += 1;
    if (queue.length === 0) queue = rng.shuffle(pool);
    const lead = queue.shift() as PoolTask;
    const size = options.taskCounts[stats.candidates % options.taskCounts.length] as number;
    const sameDomain = options.name === "v1" && stats.candidates % 2 === 0;
    const picks: PoolTask[] = [lead];
    while (picks.length < size) {
      const domain = sameDomain ? lead.task.domain : rng.pick(domains);
      const candidate = rng.pick(byDomain.get(domain) as PoolTask[]);
      if (!picks.includes(candidate)) picks.push(candidate);
      else if ((byDomain.get(domain) as PoolTask[]).length <= picks.length) break;
    }
    if (picks.length < size) continue;
    const tasks = rng.shuffle(picks).map((entry) =>
      evolve(
        entry.task,
        options.generators.find((g) => g.domain === entry.task.domain),
        rng,
        catalog,
      ),
    );
    const id = `${options.name}-${String(scenarios.length + 1).padStart(4, "0")}`;
    const scenario = compose(tasks, { id, seed: rng.int(0, 2 ** 31 - 1), split: options.name });
    if (resourceClash(scenario.tasks)) {
      stats.rejected.resources += 1;
      continue;
    }
    const form = canonicalForm(scenario);
    if (seen.has(form)) {
      stats.rejected.duplicate += 1;
      continue;
    }
    if (orderDependence(scenario, catalog)) {
      stats.rejected.order += 1;
      continue;
    }
    let room: Awaited<ReturnType<typeof headroom>>;
    try {
      room = await headroom(scenario, catalog);
    } catch (error) {
      if (!(error instanceof HeadroomError)) throw error;
      stats.rejected.reference += 1;
      stats.referenceFailures.push(`${id}: ${error.message}`);
      continue;
    }
    if (room.ratio < options.plan.minHeadroom) {
      stats.rejected.headroom += 1;
      continue;
    }
    seen.add(form);
    scenarios.push({ ...scenario, headroom: { tOpt: room.tOpt, tSeq: room.tSeq } });
    stats.kept += 1;
  }
  return { scenarios, stats };
}

/** Generate every split from one seed. Deterministic: the same seed and code give the same bytes. */
export async function generateDataset(options: {
  seed: number;
  generators: readonly DomainGenerator[];
  catalog: ToolCatalog;
  plan?: SplitPlan;
  /** Optional rewording of each pool task's instruction (e.g. through a model); see paraphrase.ts. */
  paraphrase?: Paraphraser;
}): Promise<GeneratedDataset> {
  const plan = options.plan ?? DEFAULT_PLAN;
  const generated = generateSingleTasks({
    seed: options.seed,
    perDomain: plan.perDomain,
    generators: options.generators,
    catalog: options.catalog,
  });
  const reports = generated.reports;
  const pool = options.paraphrase ? await paraphrasePool(generated.pool, options.paraphrase) : generated.pool;
  const common = { pool, generators: options.generators, seed: options.seed, plan, catalog: options.catalog };
  const v1 = await composeSplit({ ...common, name: "v1", count: plan.v1, taskCounts: [2, 3] });
  const stress = await composeSplit({
    ...common,
    name: "stress",
    count: plan.stress,
    taskCounts: [4, 5, 6, 7, 8],
  });
  const single = pool.map((entry, index) =>
    compose([entry.task], {
      id: `single-${entry.key}`,
      seed: keyedRng(options.seed, "single", index).int(0, 2 ** 31 - 1),
      split: "single",
    }),
  );
  return {
    seed: options.seed,
    pool,
    singleReports: reports,
    splits: { v1: v1.scenarios, stress: stress.scenarios, single },
    filters: { v1: v1.stats, stress: stress.stats },
  };
}

import { BadInputError } from "../core/errors.ts";
import { type EpisodeKey, episodeKeyString } from "./plan.ts";
import { collectProvenance } from "./provenance.ts";
import { type RunSource, RunStore } from "./store.ts";

/**
 * Join runs made on several machines into one store. Episodes are deduplicated on their key
 * (scenario, agent, condition, trial): an identical trace is a plain duplicate; a different trace
 * under the same key is a conflict, reported, and the first run's episode is kept.
 */
export interface MergeReport {
  out: string;
  sources: RunSource[];
  inserted: number;
  duplicates: number;
  conflicts: Array<EpisodeKey & { keptFrom: string; droppedFrom: string }>;
}

export function mergeRuns(out: string, refs: readonly string[], runsRoot = "runs"): MergeReport {
  if (refs.length === 0) throw new BadInputError("merge needs at least one run to read");
  const sources: RunStore[] = [];
  let target: RunStore;
  try {
    for (const ref of refs) sources.push(RunStore.open(ref, runsRoot));
    const dirs = new Set(sources.map((source) => source.dir));
    if (dirs.size < sources.length) throw new BadInputError("merge: the same run is given twice");
    target = RunStore.create(out, {
      runId: `merged-${sources.map((source) => source.runId).join("+")}`.slice(0, 200),
      config: null,
      provenance: collectProvenance(),
      sources: sources.map((source) => ({
        runId: source.runId,
        dir: source.dir,
        episodes: source.episodeCount,
      })),
    });
  } catch (error) {
    for (const source of sources) source.close();
    throw error;
  }
  const report: MergeReport = {
    out: target.dir,
    sources: target.sources(),
    inserted: 0,
    duplicates: 0,
    conflicts: [],
  };
  const keptFrom = new Map<string, string>();
  try {
    for (const source of sources) {
      target.saveScenarios(source.scenarios());
      for (const record of source.episodes()) {
        const key = episodeKeyString(record);
        const outcome = target.mergeEpisode(record);
        if (outcome === "inserted") {
          report.inserted += 1;
          keptFrom.set(key, source.runId);
        } else if (outcome === "duplicate") report.duplicates += 1;
        else
          report.conflicts.push({
            scenario: record.scenario,
            agent: record.agent,
            condition: record.condition,
            trial: record.trial,
            keptFrom: keptFrom.get(key) ?? "?",
            droppedFrom: source.runId,
          });
      }
    }
  } finally {
    for (const source of sources) source.close();
    target.close();
  }
  return report;
}

import { RunStore } from "./store.ts";

/** One JSONL line per stored episode: key, summary, score, usage and the full trace. */
export function* exportLines(store: RunStore): Generator<string> {
  for (const record of store.episodes()) {
    yield JSON.stringify({
      scenario: record.scenario,
      agent: record.agent,
      condition: record.condition,
      trial: record.trial,
      summary: record.summary,
      score: record.score,
      inputTokens: record.inputTokens,
      outputTokens: record.outputTokens,
      costUsd: record.costUsd,
      attempts: record.attempts,
      trace: record.trace,
    });
  }
}

/** Write a run's episodes as JSONL through `write`; returns the number of lines. */
export function exportRun(ref: string, write: (line: string) => void, runsRoot = "runs"): number {
  const store = RunStore.open(ref, runsRoot);
  let count = 0;
  try {
    for (const line of exportLines(store)) {
      write(`${line}\n`);
      count += 1;
    }
  } finally {
    store.close();
  }
  return count;
}

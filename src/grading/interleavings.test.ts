import { describe, expect, it } from "vitest";
import type { Agent, AgentFactory, Observation } from "../agents/agent.ts";
import { oracleFactory } from "../agents/reference/oracle.ts";
import { StepBook } from "../agents/reference/step-book.ts";
import type { ToolCallRequest } from "../core/messages.ts";
import { CONDITION_PRESETS } from "../core/presets.ts";
import { keyedRng } from "../core/rng.ts";
import { eventsOf } from "../core/trace.ts";
import { runEpisode } from "../env/episode.ts";
import { gradeEpisode } from "./grade.ts";
import type { EpisodeScore } from "./score-schema.ts";
import { gradingSuites } from "./testing/suites.ts";

/**
 * A valid but unpredictable agent: each turn it issues a random non-empty subset of the ready gold
 * steps (inputs delivered) across all tasks, in random order, submits finished tasks at random
 * later turns, and waits only when it has nothing else to do. It never acts on an unseen result.
 */
function randomValidFactory(seed: number): AgentFactory {
  return {
    name: `random-${seed}`,
    create: ({ scenario }): Agent => {
      const book = new StepBook(scenario.tasks);
      const rng = keyedRng("random-valid-agent", seed, scenario.id);
      return {
        name: `random-${seed}`,
        act: (observation: Observation) => {
          book.absorb(observation.feedback);
          const ready = scenario.tasks.flatMap((task) =>
            book.isSubmitted(task.id) ? [] : book.readySteps(task.id).map((step) => ({ task, step })),
          );
          const finished = scenario.tasks.filter(
            (task) => !book.isSubmitted(task.id) && book.isComplete(task.id),
          );
          const picked = rng.shuffle(ready).slice(0, ready.length === 0 ? 0 : rng.int(1, ready.length));
          const idle = picked.length === 0 && book.inFlight() === 0;
          const calls: ToolCallRequest[] = picked.flatMap(({ task, step }) => book.call(task.id, step) ?? []);
          for (const task of finished) if (idle || rng.next() < 0.5) calls.push(book.submit(task.id));
          if (calls.length === 0) calls.push(book.wait());
          return { text: null, toolCalls: rng.shuffle(calls) };
        },
      };
    },
  };
}

// At least the counter scenario and four examples: a suite that shrank to nothing would prove nothing.
const suites = gradingSuites();

/** Everything that says whether the agent was right, leaving out time. */
function correctness(score: EpisodeScore) {
  const { success, subtaskSuccess, subtasks, collateralDamage, stateDifferences, steps, failures, reason } =
    score;
  return { success, subtaskSuccess, subtasks, collateralDamage, stateDifferences, steps, failures, reason };
}

function callOrder(trace: Awaited<ReturnType<typeof runEpisode>>["trace"]): string {
  return eventsOf(trace, "tool-call")
    .filter((event) => event.tool !== "wait")
    .map((event) => `${event.turn}:${event.tool}:${JSON.stringify(event.arguments)}`)
    .join("|");
}

describe("no single reference trajectory", () => {
  it("random valid interleavings score exactly as the oracle on correctness", async () => {
    let differing = 0;
    for (const { scenario, catalog } of suites) {
      for (const condition of CONDITION_PRESETS) {
        const oracle = await runEpisode({ scenario, condition, agent: oracleFactory, catalog });
        const oracleScore = await gradeEpisode({ scenario, condition, trace: oracle.trace, catalog });
        for (const seed of [1, 2, 3]) {
          const run = await runEpisode({ scenario, condition, agent: randomValidFactory(seed), catalog });
          const score = await gradeEpisode({ scenario, condition, trace: run.trace, catalog });
          expect(correctness(score), `${scenario.id} × ${condition.name} × seed ${seed}`).toEqual(
            correctness(oracleScore),
          );
          if (callOrder(run.trace) !== callOrder(oracle.trace)) differing += 1;
        }
      }
    }
    expect(differing).toBeGreaterThanOrEqual(50);
  });
});

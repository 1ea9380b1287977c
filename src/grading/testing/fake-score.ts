import { emptyCounts } from "../failure-types.ts";
import { type EpisodeScore, GRADER_VERSION } from "../score-schema.ts";

/** A complete, schema-valid score for aggregation tests; override what the test is about. */
export function fakeScore(
  overrides: Partial<EpisodeScore> & { f1?: number; ae?: number | null } = {},
): EpisodeScore {
  const { f1 = 1, ae = null, ...rest } = overrides;
  const success = rest.success ?? true;
  return {
    grader: GRADER_VERSION,
    scenario: "s1",
    agent: "a",
    condition: "async-round",
    trial: 0,
    seed: 1,
    split: "test",
    composition: "same-domain",
    taskCount: 1,
    domains: ["counter"],
    patterns: ["chain"],
    reason: "completed",
    infraError: false,
    success,
    subtaskSuccess: success ? 1 : 0,
    subtasks: [
      {
        taskId: "T1",
        domain: "counter",
        patterns: ["chain"],
        started: true,
        submitted: true,
        steps: 1,
        stepsMatched: 1,
        dependencyViolations: 0,
        premature: false,
        answerCorrect: success,
        stateCorrect: true,
        success,
      },
    ],
    collateralDamage: false,
    stateDifferences: [],
    steps: {
      goldSteps: 1,
      agentCalls: 1,
      matched: 1,
      precision: f1,
      recall: f1,
      f1,
      nameMatched: 1,
      nameF1: 1,
      argumentAccuracy: 1,
    },
    efficiency: {
      tAgent: 4,
      tOpt: 4,
      tSeq: 8,
      asyncEfficiency: ae,
      speedup: ae === null ? null : 2,
      idleTicks: 0,
      idleRatio: 0,
      overlap: 0,
      sameTaskStreak: 1,
      switches: 0,
      turns: 3,
      inputTokens: null,
      outputTokens: null,
      cost: null,
    },
    failures: emptyCounts(),
    failureDetails: [],
    ...rest,
  };
}

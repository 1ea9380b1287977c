/** Grading (DESIGN §6): pure functions over a trace and the scenario's gold. */
export {
  aggregate,
  bootstrapMean,
  type Dimension,
  type GroupRow,
  type Interval,
  passHatK,
} from "./aggregate.ts";
export { asyncGap, type GapRow } from "./async-gap.ts";
export { type ReferenceTimes, TokenPrice } from "./efficiency.ts";
export { FAILURE_KINDS, type FailureKind } from "./failure-types.ts";
export { FAILURE_RULES } from "./failures.ts";
export { type GradeInput, gradeEpisode, gradeTrace } from "./grade.ts";
export { referenceTimes } from "./references.ts";
export { scenarioGold } from "./scenario-gold.ts";
export { EpisodeScore, GRADER_VERSION, SummaryRow } from "./score-schema.ts";
export { summarize } from "./summarize.ts";

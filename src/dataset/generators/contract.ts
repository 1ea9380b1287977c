import type { Rng } from "../../core/rng.ts";
import type { AnswerMatch, PlanPattern, Step } from "../schema.ts";

/** What a template produces: one single task, before verification. */
export interface TaskDraft {
  instruction: string;
  plan: Step[];
  /** A literal, a `{"$ref": …}` to a step result, or null for pure actions. */
  answer: unknown;
  answerMatch: AnswerMatch;
}

/**
 * A seeded task template of one domain. `build` draws its parameters and phrasing from `rng` only,
 * so the same seed gives the same task. Tasks must start from the domain's default state and
 * either only read it or create and use resources named from `unique` (so tasks composed into one
 * scenario touch disjoint resources).
 */
export interface TaskTemplate {
  /** Stable id, `domain/name`. */
  readonly id: string;
  readonly pattern: PlanPattern;
  build(rng: Rng, unique: string): TaskDraft;
}

/**
 * A read-only call that is valid on the domain's default state, used by the deepen and widen
 * operators. `phrase` completes a sentence: "also, {phrase}."
 */
export interface Probe {
  readonly tool: string;
  readonly args: Record<string, unknown>;
  readonly phrase: string;
}

export interface DomainGenerator {
  readonly domain: string;
  readonly templates: readonly TaskTemplate[];
  /** Read-only calls for deepen/widen; none means the operators skip this domain. */
  readonly probes?: readonly Probe[];
}

/** Pick one phrasing and fill `{name}` placeholders. */
export function phrase(
  rng: Rng,
  phrasings: readonly string[],
  values: Record<string, string | number>,
): string {
  return rng.pick(phrasings).replace(/\{(\w+)\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`phrase: no value for {${key}}`);
    return String(value);
  });
}

export const ref = (path: string) => ({ $ref: path });

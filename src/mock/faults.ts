import { z } from "zod";
import { keyedRng } from "../core/rng.ts";

/**
 * Faults on demand. HTTP faults (429 with retry-after, 500, a 200 whose body has no choices) fail
 * the first `times` attempts of a matching request and then let it through, which is how a
 * provider's burst looks to a client that retries. Model faults (bad JSON arguments, unknown
 * tool) replace the policy's answer once per request. A rule matches by turn (assistant messages
 * in the request) and scenario; `probability` makes it fire on a seeded share of requests.
 */
export const HttpFaultKind = z.enum(["rate-limit", "server-error", "broken-body"]);
export const ModelFaultKind = z.enum(["bad-arguments", "unknown-tool"]);
export const FaultKind = z.enum([...HttpFaultKind.options, ...ModelFaultKind.options]);
export type FaultKind = z.infer<typeof FaultKind>;

export const FaultRule = z.strictObject({
  kind: FaultKind,
  turn: z.number().int().nonnegative().optional(),
  scenario: z.string().optional(),
  times: z.number().int().positive().default(1),
  retryAfterSeconds: z.number().nonnegative().default(1),
  probability: z.number().min(0).max(1).optional(),
});
export type FaultRule = z.infer<typeof FaultRule>;
export type FaultRuleInput = z.input<typeof FaultRule>;

export const FaultPlan = z.array(FaultRule);

/** `rate-limit;times=3;retry-after=0.2;turn=1, unknown-tool;turn=2` (the x-mock-fault header). */
export function parseFaultHeader(value: string): FaultRule[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const [kind, ...options] = part.split(";").map((piece) => piece.trim());
      const rule: Record<string, unknown> = { kind };
      for (const option of options) {
        const [name, raw] = option.split("=").map((piece) => piece.trim());
        const field = {
          times: "times",
          "retry-after": "retryAfterSeconds",
          turn: "turn",
          scenario: "scenario",
          p: "probability",
        }[name ?? ""];
        if (!field) throw new Error(`x-mock-fault: unknown option "${name}" in "${part}"`);
        rule[field] = field === "scenario" ? raw : Number(raw);
      }
      const parsed = FaultRule.safeParse(rule);
      if (!parsed.success) throw new Error(`x-mock-fault: "${part}": ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export type FaultDecision =
  | { kind: "none" }
  | { kind: "rate-limit"; retryAfterSeconds: number }
  | { kind: "server-error" }
  | { kind: "broken-body" }
  | { kind: "bad-arguments" }
  | { kind: "unknown-tool" };

/** Remembers how often each request was seen and served; the only state of the mock server. */
export class FaultScheduler {
  readonly #attempts = new Map<string, number>();
  readonly #served = new Set<string>();
  readonly #seed: number;

  constructor(seed = 0) {
    this.#seed = seed;
  }

  decide(
    rules: readonly FaultRule[],
    request: { key: string; turn: number; scenario: string },
  ): FaultDecision {
    const attempt = (this.#attempts.get(request.key) ?? 0) + 1;
    this.#attempts.set(request.key, attempt);
    const matching = rules
      .map((rule, index) => ({ rule, index }))
      .filter(({ rule, index }) => {
        if (rule.turn !== undefined && rule.turn !== request.turn) return false;
        if (rule.scenario !== undefined && rule.scenario !== request.scenario) return false;
        if (rule.probability === undefined) return true;
        return keyedRng("mock-fault", this.#seed, request.key, index).next() < rule.probability;
      })
      .map(({ rule }) => rule);
    for (const rule of matching) {
      if (!HttpFaultKind.safeParse(rule.kind).success || attempt > rule.times) continue;
      if (rule.kind === "rate-limit")
        return { kind: "rate-limit", retryAfterSeconds: rule.retryAfterSeconds };
      return { kind: rule.kind as "server-error" | "broken-body" };
    }
    const first = !this.#served.has(request.key);
    this.#served.add(request.key);
    for (const rule of matching) {
      if (first && (rule.kind === "bad-arguments" || rule.kind === "unknown-tool"))
        return { kind: rule.kind };
    }
    return { kind: "none" };
  }
}

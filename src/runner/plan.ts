import { createHash } from "node:crypto";
import { z } from "zod";
import { PROVIDERS, parseModelId, requireBaseUrl } from "../agents/llm/model-id.ts";
import { canonicalJson } from "../core/canonical-json.ts";
import { Condition } from "../core/condition.ts";
import { BadInputError } from "../core/errors.ts";
import type { Scenario } from "../dataset/schema.ts";
import { redactUrl } from "./redact.ts";

/**
 * What a run is: agents × scenarios × conditions × trials. The config is stored with the run (and
 * read back by `--resume`), so it holds everything needed to rebuild the plan and nothing secret:
 * API keys are named by their environment variable, never copied.
 */
export const AgentSpec = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("reference"), name: z.string().min(1) }),
  z.strictObject({
    kind: z.literal("model"),
    modelId: z.string().min(1),
    /** Credentials and query strings are stripped before this is stored (see redact.ts). */
    baseUrl: z.string().optional(),
    /** The environment variable the key is read from; the key itself is never stored. */
    apiKeyEnv: z.string().optional(),
    stream: z.boolean().optional(),
  }),
]);
export type AgentSpec = z.infer<typeof AgentSpec>;

export const RunConfig = z.strictObject({
  configVersion: z.literal(1),
  agents: z.array(AgentSpec).min(1),
  /** Split name or scenario file path, as given. */
  split: z.string(),
  /** The selected scenarios in run order (after --scenario and --limit). */
  scenarioIds: z.array(z.string()).min(1),
  /** Hash of the selected scenarios' content: a resumed run refuses a split that changed. */
  scenariosHash: z.string(),
  /** Full condition objects, so a resumed run uses the same ones even if a condition file changed. */
  conditions: z.array(Condition).min(1),
  trials: z.number().int().positive(),
  seed: z.number().int().nonnegative().optional(),
  /** Per-provider concurrency overrides ("*" applies to every provider). */
  concurrency: z.record(z.string(), z.number().int().positive()).default({}),
  /** Attempts per episode when it ends in an infrastructure error. */
  maxEpisodeAttempts: z.number().int().positive().default(3),
  createdAt: z.string(),
});
export type RunConfig = z.infer<typeof RunConfig>;

/** One episode's identity: the UNIQUE key of the store. */
export const EpisodeKey = z.strictObject({
  scenario: z.string(),
  agent: z.string(),
  condition: z.string(),
  trial: z.number().int().nonnegative(),
});
export type EpisodeKey = z.infer<typeof EpisodeKey>;

export interface PlannedEpisode extends EpisodeKey {
  /** Index in run order (0-based). */
  index: number;
  agentSpec: AgentSpec;
  scenarioData: Scenario;
  conditionData: Condition;
}

/** The name an agent goes by in results, keys and summaries. */
export function agentLabel(spec: AgentSpec): string {
  return spec.kind === "reference" ? spec.name : spec.modelId;
}

/** The provider that rate-limits an agent; reference agents run locally. */
export function providerOf(spec: AgentSpec): string {
  return spec.kind === "reference" ? "local" : parseModelId(spec.modelId).provider;
}

/**
 * A model agent as stored: the model id is checked now (a typo fails before any episode runs),
 * the base URL loses any credentials, and the key is named by its environment variable.
 */
export function modelSpec(
  modelId: string,
  baseUrl: string | undefined,
  stream: boolean,
  env: NodeJS.ProcessEnv = process.env,
): AgentSpec {
  const parsed = parseModelId(modelId);
  requireBaseUrl(parsed, baseUrl);
  const keyEnv = PROVIDERS[parsed.provider].keyEnv;
  const apiKeyEnv = keyEnv.find((name) => (env[name] ?? "") !== "") ?? keyEnv[0];
  return {
    kind: "model",
    modelId,
    ...(baseUrl === undefined ? {} : { baseUrl: redactUrl(baseUrl) }),
    ...(apiKeyEnv === undefined ? {} : { apiKeyEnv }),
    ...(stream ? { stream } : {}),
  };
}

export function episodeKeyString(key: EpisodeKey): string {
  return canonicalJson({
    agent: key.agent,
    condition: key.condition,
    scenario: key.scenario,
    trial: key.trial,
  });
}

/** `<scenario>__<agent>__<condition>__t<trial>`, with path separators in model ids made safe. */
export function episodeFileStem(key: EpisodeKey): string {
  const safe = (part: string) => part.replace(/[/\\]/g, "_");
  return `${safe(key.scenario)}__${safe(key.agent)}__${safe(key.condition)}__t${key.trial}`;
}

export function scenariosHash(scenarios: readonly Scenario[]): string {
  return createHash("sha256").update(canonicalJson(scenarios)).digest("hex").slice(0, 16);
}

/** Scenario → condition → trial → agent, the order results are printed in. */
export function buildPlan(config: RunConfig, scenarios: readonly Scenario[]): PlannedEpisode[] {
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  checkUnique(
    config.conditions.map((condition) => condition.name),
    "condition",
  );
  checkUnique(config.agents.map(agentLabel), "agent");
  const plan: PlannedEpisode[] = [];
  for (const scenarioId of config.scenarioIds) {
    const scenarioData = byId.get(scenarioId);
    if (!scenarioData) throw new BadInputError(`scenario "${scenarioId}" is not in split ${config.split}`);
    for (const conditionData of config.conditions) {
      for (let trial = 0; trial < config.trials; trial++) {
        for (const agentSpec of config.agents) {
          plan.push({
            index: plan.length,
            scenario: scenarioId,
            agent: agentLabel(agentSpec),
            condition: conditionData.name,
            trial,
            agentSpec,
            scenarioData,
            conditionData,
          });
        }
      }
    }
  }
  return plan;
}

function checkUnique(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new BadInputError(`${what} "${name}" is given twice in one run`);
    seen.add(name);
  }
}

/** Concurrency for a provider: an explicit override, else the given default. */
export function concurrencyFor(config: RunConfig, provider: string, fallback: number): number {
  return config.concurrency[provider] ?? config.concurrency["*"] ?? fallback;
}

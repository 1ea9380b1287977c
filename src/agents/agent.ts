import type { AgentResponse, CanonicalMessage, ToolSpec } from "../core/messages.ts";
import type { Scenario } from "../dataset/schema.ts";

/** The answer to one tool call of the previous turn, as its tool message says it. */
export type ToolResponse =
  | { status: "pending"; call_id: string }
  | { status: "ok"; result: unknown }
  | { status: "error"; error: string; retryable?: boolean };

/** One completed call, as the notification message says it. */
export interface Delivery {
  call_id: string;
  tool: string;
  status: "ok" | "error";
  result?: unknown;
  error?: string;
  retryable?: boolean;
  /** Only when the condition echoes arguments. */
  arguments?: Record<string, unknown>;
}

/** The structured content of the messages added since the agent last acted. */
export interface Feedback {
  toolResponses: Array<{ requestId: string; tool: string; response: ToolResponse }>;
  deliveries: Delivery[];
  reminder: string | null;
}

export interface Observation {
  /** 0-based turn number. */
  readonly turn: number;
  /** Virtual time at the start of this turn. */
  readonly time: number;
  /** The whole conversation so far, ending with the new messages. */
  readonly messages: readonly CanonicalMessage[];
  /** How many of `messages` (at the end) are new this turn. */
  readonly newMessageCount: number;
  readonly feedback: Feedback;
}

export interface EpisodeInfo {
  readonly scenarioId: string;
  readonly tasks: ReadonlyArray<{ id: string; instruction: string }>;
  readonly tools: readonly ToolSpec[];
  readonly protocol: "sync" | "async";
  readonly conditionName: string;
  readonly seed: number;
  readonly trial: number;
}

/** Anything that maps observations to actions (DESIGN §8). */
export interface Agent {
  readonly name: string;
  act(observation: Observation, signal?: AbortSignal): AgentResponse | Promise<AgentResponse>;
}

/**
 * Makes a fresh agent per episode. Reference agents read the scenario's gold plans (what to do);
 * they learn results only from the observations, like every other agent.
 */
export interface AgentFactory {
  readonly name: string;
  create(context: { scenario: Scenario; episode: EpisodeInfo }): Agent;
}

/** The act function of a wrapped agent: it may call the inner agent's `act` or answer itself. */
export type ActWrapper = (
  inner: Agent,
  context: { scenario: Scenario; episode: EpisodeInfo },
) => Agent["act"];

/** Decorate every agent a factory makes (caching, rate limiting, …); name and creation stay the inner's. */
export function wrapAgentFactory(factory: AgentFactory, wrap: ActWrapper): AgentFactory {
  return {
    name: factory.name,
    create(context) {
      const inner = factory.create(context);
      return { name: inner.name, act: wrap(inner, context) };
    },
  };
}

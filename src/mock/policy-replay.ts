import type { EpisodeInfo, Feedback } from "../agents/agent.ts";
import { REFERENCE_AGENTS, type ReferenceAgentName, referenceAgent } from "../agents/reference/index.ts";
import type { AgentResponse, CanonicalMessage, ToolCallRequest, ToolSpec } from "../core/messages.ts";
import type { Scenario } from "../dataset/schema.ts";
import { renderSystemPrompt, renderTaskList } from "../env/render.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import {
  type AssistantMessage,
  emptyFeedback,
  mergeFeedback,
  readTranscript,
  TranscriptError,
} from "./transcript.ts";

/**
 * A policy is a reference agent's decisions played back as model responses. Each request is
 * answered by replaying the whole conversation through a fresh agent: at every earlier turn the
 * agent must produce exactly the response the transcript holds (else the conversation is not
 * this policy's and we say so), and its answer at the open turn is the reply. Tool-call ids are
 * the agent's own (`r1`, `r2`, …), so they are deterministic.
 */
export const POLICIES = REFERENCE_AGENTS;
export type PolicyName = ReferenceAgentName;

/**
 * Injected malformed responses carry this text and call ids with this prefix: replay skips their
 * turns (the agent never made them).
 */
export const FAULT_ID_PREFIX = "mockfault_";
export const FAULT_TEXT_PREFIX = "[mock fault";

export class ScenarioIndex {
  readonly #byTaskList = new Map<string, Scenario[]>();
  readonly #byId = new Map<string, Scenario>();

  constructor(scenarios: readonly Scenario[]) {
    for (const scenario of scenarios) {
      this.#byId.set(scenario.id, scenario);
      const key = renderTaskList(scenario.tasks);
      const list = this.#byTaskList.get(key) ?? [];
      list.push(scenario);
      this.#byTaskList.set(key, list);
    }
  }

  get size(): number {
    return this.#byId.size;
  }

  /** The scenario by explicit id, else by its task list; ambiguity that matters is an error. */
  find(taskList: string, scenarioId?: string): Scenario {
    if (scenarioId !== undefined) {
      const found = this.#byId.get(scenarioId);
      if (!found) throw new TranscriptError(`unknown scenario id "${scenarioId}"`);
      return found;
    }
    const candidates = this.#byTaskList.get(taskList) ?? [];
    const [first] = candidates;
    if (!first) throw new TranscriptError("the task list matches no loaded scenario");
    const behaviour = (scenario: Scenario) => JSON.stringify([scenario.tasks, scenario.initialWorld]);
    if (candidates.some((candidate) => behaviour(candidate) !== behaviour(first))) {
      const ids = candidates.map((candidate) => candidate.id).join(", ");
      throw new TranscriptError(
        `the task list matches several scenarios (${ids}); send the x-asynctool-scenario header`,
      );
    }
    return first;
  }
}

export interface ReplayInput {
  policy: PolicyName;
  scenarios: ScenarioIndex;
  catalog: ToolCatalog;
  messages: readonly CanonicalMessage[];
  tools: readonly ToolSpec[];
  scenarioId?: string | undefined;
}

export interface ReplayResult {
  scenario: Scenario;
  /** Index of the turn being answered (= assistant messages so far). */
  turn: number;
  response: AgentResponse;
}

export async function replayPolicy(input: ReplayInput): Promise<ReplayResult> {
  const transcript = readTranscript(input.messages);
  const scenario = input.scenarios.find(transcript.taskList, input.scenarioId);
  const protocol = transcript.system === renderSystemPrompt("sync") ? "sync" : "async";
  const episode: EpisodeInfo = {
    scenarioId: scenario.id,
    tasks: scenario.tasks.map((task) => ({ id: task.id, instruction: task.instruction })),
    tools: input.tools,
    protocol,
    conditionName: "mock",
    seed: scenario.seed,
    trial: 0,
  };
  const agent = referenceAgent(input.policy, input.catalog).create({ scenario, episode });
  let carried: Feedback = emptyFeedback();
  let agentTurn = 0;
  // The client may name calls its own way (prompt mode numbers them call_N): recorded id → agent id.
  const ids = new Map<string, string>();
  const act = async (feedback: Feedback, time: number) => {
    const toolResponses = feedback.toolResponses.map((entry) => ({
      ...entry,
      requestId: ids.get(entry.requestId) ?? entry.requestId,
    }));
    const observation = {
      turn: agentTurn,
      time,
      messages: input.messages,
      newMessageCount: 0,
      feedback: { ...feedback, toolResponses },
    };
    agentTurn += 1;
    return await agent.act(observation);
  };
  const turns = transcript.turns;
  for (const [index, turn] of turns.entries()) {
    const feedback = mergeFeedback(carried, turn.feedback);
    const recorded = turn.response;
    if (!recorded) return { scenario, turn: index, response: await act(feedback, turn.time) };
    if (isFaultResponse(recorded)) {
      // The agent never made this response: what followed it is news for its next turn.
      carried = feedback;
      continue;
    }
    carried = emptyFeedback();
    const produced = await act(feedback, turn.time);
    if (!sameCalls(produced.toolCalls, recorded.toolCalls)) {
      throw new TranscriptError(
        `turn ${index}: the conversation is not the ${input.policy} policy's (expected ${describe(produced.toolCalls)}, found ${describe(recorded.toolCalls)})`,
      );
    }
    recorded.toolCalls.forEach((call, i) => {
      ids.set(call.id, produced.toolCalls[i]?.id ?? call.id);
    });
  }
  throw new TranscriptError("the conversation ends with an assistant message: nothing to answer");
}

/** An injected fault, known by its text marker (prompt mode keeps no ids) or its call ids. */
export function isFaultResponse(message: AssistantMessage): boolean {
  if (message.content?.startsWith(FAULT_TEXT_PREFIX)) return true;
  return (
    message.toolCalls.length > 0 && message.toolCalls.every((call) => call.id.startsWith(FAULT_ID_PREFIX))
  );
}

/** Same tools and arguments in the same order; ids may differ (they are mapped). */
function sameCalls(a: readonly ToolCallRequest[], b: readonly ToolCallRequest[]): boolean {
  return (
    a.length === b.length &&
    a.every((call, i) => call.name === b[i]?.name && call.arguments === b[i]?.arguments)
  );
}

function describe(calls: readonly ToolCallRequest[]): string {
  return calls.length === 0 ? "no calls" : calls.map((call) => `${call.id} ${call.name}`).join(", ");
}

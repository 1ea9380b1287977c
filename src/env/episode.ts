import type { Agent, AgentFactory, Delivery, EpisodeInfo, Feedback } from "../agents/agent.ts";
import { type Clock, SleepingClock, VirtualClock } from "../core/clock.ts";
import type { Condition } from "../core/condition.ts";
import { InfraError } from "../core/errors.ts";
import type { AgentResponse, CanonicalMessage } from "../core/messages.ts";
import type { EpisodeEndReason, TraceEvent } from "../core/trace.ts";
import type { Scenario } from "../dataset/schema.ts";
import type { ToolCatalog } from "../tools/catalog.ts";
import { REGISTRY } from "../tools/registry.ts";
import { buildWorld } from "../tools/world.ts";
import { defaultMaxTurns, episodeInfo, latencyOverrides, scenarioDomains } from "./episode-setup.ts";
import { type Completion, Executor } from "./executor.ts";
import {
  renderNotification,
  renderReminder,
  renderSystemPrompt,
  renderTaskList,
  renderToolResponse,
  SYSTEM_PROMPT_VERSION,
} from "./render.ts";
import { TraceRecorder } from "./trace-recorder.ts";
import { TurnHandler } from "./turn-handler.ts";

export interface EpisodeOptions {
  scenario: Scenario;
  condition: Condition;
  agent: AgentFactory;
  trial?: number;
  /** Mixed into the scenario seed (the CLI's --seed). */
  runSeed?: number;
  catalog?: ToolCatalog;
  clock?: Clock;
  signal?: AbortSignal;
  /**
   * Validate every event against the trace schema as it is emitted. Off by default: emission is
   * typed, and traces are validated where they cross a boundary (loading, re-grading); the
   * property tests switch it on. See docs/decisions/0004.
   */
  validateTrace?: boolean;
  onEvent?: (event: TraceEvent) => void;
}

export interface EpisodeSummary {
  scenario: string;
  agent: string;
  condition: string;
  trial: number;
  reason: EpisodeEndReason;
  makespan: number;
  turns: number;
  /** Domain tool calls the agent made (valid or not); control tools excluded. */
  calls: number;
  idleTicks: number;
}

export interface EpisodeResult {
  info: EpisodeInfo;
  trace: TraceEvent[];
  summary: EpisodeSummary;
}

/** Run one agent on one scenario under one condition (DESIGN §4). Errors inside the episode are trace events. */
export async function runEpisode(options: EpisodeOptions): Promise<EpisodeResult> {
  const { scenario, condition } = options;
  const catalog = options.catalog ?? REGISTRY;
  const trial = options.trial ?? 0;
  const info = episodeInfo(scenario, condition, catalog, { trial, runSeed: options.runSeed });
  const clock =
    options.clock ??
    (condition.wallClockMsPerTick ? new SleepingClock(condition.wallClockMsPerTick) : new VirtualClock());
  const recorder = new TraceRecorder({
    validate: options.validateTrace ?? false,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const world = buildWorld(
    catalog,
    scenarioDomains(scenario, catalog),
    scenario.initialWorld,
    `scenario ${scenario.id}`,
  );
  const executor = new Executor({
    condition,
    seedKey: [info.seed, trial],
    world,
    latencyOverrides: latencyOverrides(scenario),
  });
  const maxTurns = condition.budgets.maxTurns ?? defaultMaxTurns(scenario);
  const agent: Agent = options.agent.create({ scenario, episode: info });
  const turns = new TurnHandler({ info, catalog, executor, recorder, clock });

  recorder.emit({
    type: "episode-start",
    t: clock.now(),
    scenarioId: scenario.id,
    agent: options.agent.name,
    condition: condition.name,
    protocol: condition.protocol,
    trial,
    seed: info.seed,
    tasks: info.tasks.map((task) => task.id),
    tools: info.tools.map((tool) => tool.name),
    maxTurns,
    systemPromptVersion: SYSTEM_PROMPT_VERSION,
  });

  const transcript: CanonicalMessage[] = [
    { role: "system", content: renderSystemPrompt(condition.protocol) },
    { role: "user", content: renderTaskList(info.tasks) },
  ];
  let newMessageCount = 2;
  let feedback: Feedback = { toolResponses: [], deliveries: [], reminder: null };
  let consecutiveReminders = 0;
  let turn = 0;
  let idleTicks = 0;
  let reason: EpisodeEndReason;

  for (;;) {
    if (turns.allSubmitted) {
      reason = "completed";
      break;
    }
    if (turn >= maxTurns) {
      reason = "max-turns";
      break;
    }
    if (condition.budgets.maxTicks !== undefined && clock.now() >= condition.budgets.maxTicks) {
      reason = "max-ticks";
      break;
    }
    if (options.signal?.aborted) {
      reason = "aborted";
      break;
    }
    const now = clock.now();
    recorder.emit({
      type: "model-request",
      t: now,
      turn,
      messages: transcript.slice(transcript.length - newMessageCount),
    });
    let response: AgentResponse;
    try {
      const observation = { turn, time: now, messages: transcript.slice(), newMessageCount, feedback };
      response = await agent.act(observation, options.signal);
    } catch (error) {
      if (!(error instanceof InfraError)) throw error;
      recorder.emit({
        type: "infra-error",
        t: now,
        turn,
        message: error.message,
        retryable: error.retryable,
      });
      reason = "infra-error";
      break;
    }
    recorder.emit({
      type: "model-response",
      t: now,
      turn,
      text: response.text,
      toolCalls: response.toolCalls,
      ...(response.usage ? { usage: response.usage } : {}),
      ...(response.unparseableCalls ? { unparseableCalls: response.unparseableCalls } : {}),
    });
    transcript.push({ role: "assistant", content: response.text, toolCalls: response.toolCalls });

    const outcome = turns.handle(turn, response);
    let next = now + condition.turnCost;
    const noCalls = response.toolCalls.length === 0;
    const waiting = outcome.waitRequested || (noCalls && executor.pendingCount > 0);
    if (condition.protocol === "sync") {
      next = Math.max(next, ...outcome.issued.map((call) => call.completesAt));
    } else if (waiting && executor.pendingCount > 0) {
      next = Math.max(next, executor.nextCompletion() as number);
      const idle = next - (now + condition.turnCost);
      idleTicks += idle;
      recorder.emit({ type: "wait", t: now, until: next, idleTicks: idle, implicit: !outcome.waitRequested });
    }
    const completions = executor.completeUntil(next);
    for (const completion of completions) emitCompletion(recorder, completion);
    clock.advanceTo(next);
    if (clock instanceof SleepingClock) await clock.settled();

    const added: CanonicalMessage[] = [];
    const toolResponses = turns.finishResponses(outcome, completions);
    for (const entry of toolResponses) {
      added.push({
        role: "tool",
        toolCallId: entry.requestId,
        name: entry.tool,
        content: renderToolResponse(entry.response),
      });
    }
    let deliveries: Delivery[] = [];
    if (condition.protocol === "async" && completions.length > 0) {
      deliveries = completions.map((completion) => toDelivery(completion, condition.echoArguments));
      recorder.emit({
        type: "notification",
        t: next,
        callIds: deliveries.map((d) => d.call_id),
        via: "notification",
      });
      added.push({ role: "user", content: renderNotification(next, deliveries) });
    } else if (condition.protocol === "sync" && outcome.issued.length > 0) {
      recorder.emit({
        type: "notification",
        t: next,
        callIds: outcome.issued.map((c) => c.callId),
        via: "tool-result",
      });
    }
    let reminder: string | null = null;
    if (noCalls && !waiting) {
      consecutiveReminders += 1;
      if (consecutiveReminders > condition.budgets.maxReminders) {
        reason = "unresponsive";
        turn += 1;
        break;
      }
      const open = turns.openTasks();
      reminder = renderReminder(open);
      recorder.emit({ type: "reminder", t: next, openTasks: open, count: consecutiveReminders });
      added.push({ role: "user", content: reminder });
    } else {
      consecutiveReminders = 0;
    }
    transcript.push(...added);
    newMessageCount = added.length;
    feedback = { toolResponses, deliveries, reminder };
    turn += 1;
  }

  const endTime = clock.now();
  let lastTime = endTime;
  for (const completion of executor.drain()) {
    emitCompletion(recorder, completion);
    lastTime = Math.max(lastTime, completion.call.completesAt);
  }
  const makespan = reason === "completed" ? turns.lastSubmitTime : endTime;
  recorder.emit({ type: "episode-end", t: lastTime, reason, turns: turn, makespan, finalWorld: world });
  return {
    info,
    trace: recorder.events,
    summary: {
      scenario: scenario.id,
      agent: options.agent.name,
      condition: condition.name,
      trial,
      reason,
      makespan,
      turns: turn,
      calls: turns.domainCalls,
      idleTicks,
    },
  };
}

function emitCompletion(recorder: TraceRecorder, completion: Completion): void {
  recorder.emit({
    type: "tool-complete",
    t: completion.call.completesAt,
    callId: completion.call.callId,
    tool: completion.call.registered.tool.name,
    status: completion.status,
    ...(completion.status === "ok" ? { result: completion.result } : { error: completion.error as string }),
    fault: completion.call.fault,
    issuedAt: completion.call.issuedAt,
  });
}

function toDelivery(completion: Completion, echoArguments: boolean): Delivery {
  const delivery: Delivery = {
    call_id: completion.call.callId,
    tool: completion.call.registered.tool.name,
    status: completion.status,
  };
  if (completion.status === "ok") delivery.result = completion.result;
  else {
    delivery.error = completion.error as string;
    if (completion.retryable) delivery.retryable = true;
  }
  if (echoArguments) delivery.arguments = completion.call.args;
  return delivery;
}

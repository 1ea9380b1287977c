import { FAILURE_KINDS } from "../grading/failure-types.ts";
import type { EpisodeDetail, EpisodeItem, PageData, Text } from "./page-data.ts";
import { protocolOf, type ReportEpisode, type ReportInput } from "./report-episode.ts";
import { FAILURE_LABELS } from "./tables.ts";
import { episodeTimeline } from "./timeline.ts";

/**
 * The page's data: one list item and one timeline per episode, in a stable order (agent,
 * condition, scenario, trial). Long texts that occur more than once anywhere in the run (system
 * prompts, task lists, repeated arguments) are stored once in `strings`.
 */
export const INTERN_MIN_LENGTH = 32;

export function sortEpisodes(episodes: readonly ReportEpisode[]): ReportEpisode[] {
  return [...episodes].sort(
    (a, b) =>
      a.agent.localeCompare(b.agent) ||
      a.condition.localeCompare(b.condition) ||
      a.scenario.localeCompare(b.scenario) ||
      a.trial - b.trial,
  );
}

export function episodeItem(episode: ReportEpisode): EpisodeItem {
  const { score } = episode;
  const start = episode.trace.find((event) => event.type === "episode-start");
  const end = episode.trace.findLast((event) => event.type === "episode-end");
  return {
    scenario: episode.scenario,
    agent: episode.agent,
    condition: episode.condition,
    trial: episode.trial,
    protocol: protocolOf(episode),
    success: score ? score.success : null,
    subtaskSuccess: score ? score.subtaskSuccess : null,
    asyncEfficiency: score?.efficiency.asyncEfficiency ?? null,
    makespan: end?.type === "episode-end" ? end.makespan : null,
    turns: end?.type === "episode-end" ? end.turns : null,
    failureKinds: score ? FAILURE_KINDS.filter((kind) => score.failures[kind] > 0) : [],
    domains: score?.domains ?? [],
    taskCount: score?.taskCount ?? (start?.type === "episode-start" ? start.tasks.length : 0),
    reason: end?.type === "episode-end" ? end.reason : "unfinished",
    tokens: episode.inputTokens + episode.outputTokens,
  };
}

/** Build the page data; `inlineDetails: false` leaves the timelines to be served one by one (the viewer). */
export function buildPageData(
  input: ReportInput,
  options: { title?: string; inlineDetails?: boolean; detailsUrl?: string } = {},
): { data: PageData; details: EpisodeDetail[] } {
  const episodes = sortEpisodes(input.episodes);
  const scenarios = new Map(input.scenarios.map((scenario) => [scenario.id, scenario]));
  const conditions = new Map(input.conditions.map((condition) => [condition.name, condition]));
  const raw = episodes.map((episode) =>
    episodeTimeline(episode, scenarios.get(episode.scenario), {
      turnCost: conditions.get(episode.condition)?.turnCost ?? 1,
    }),
  );
  const { strings, details } = intern(raw);
  const inline = options.inlineDetails ?? true;
  return {
    data: {
      version: 1,
      title: options.title ?? "asynctool report",
      sources: input.sources,
      episodes: episodes.map(episodeItem),
      details: inline ? details : null,
      detailsUrl: inline ? null : (options.detailsUrl ?? "episodes/"),
      strings,
      failureLabels: { ...FAILURE_LABELS },
    },
    details,
  };
}

/** Replace every long text that occurs at least twice by its index in a shared table. */
export function intern(details: readonly EpisodeDetail[]): { strings: string[]; details: EpisodeDetail[] } {
  const counts = new Map<string, number>();
  const count = (text: Text | null) => {
    if (typeof text === "string" && text.length >= INTERN_MIN_LENGTH)
      counts.set(text, (counts.get(text) ?? 0) + 1);
  };
  for (const detail of details) {
    for (const task of detail.tasks) count(task.instruction);
    for (const message of detail.transcript) {
      count(message.content);
      for (const call of message.toolCalls ?? []) count(call.arguments);
    }
  }
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (text: Text | null): Text | null => {
    if (typeof text !== "string" || (counts.get(text) ?? 0) < 2) return text;
    let at = index.get(text);
    if (at === undefined) {
      at = strings.length;
      strings.push(text);
      index.set(text, at);
    }
    return at;
  };
  const interned = details.map(
    (detail): EpisodeDetail => ({
      ...detail,
      tasks: detail.tasks.map((task) => ({ ...task, instruction: ref(task.instruction) ?? "" })),
      transcript: detail.transcript.map((message) => ({
        ...message,
        content: ref(message.content),
        ...(message.toolCalls
          ? {
              toolCalls: message.toolCalls.map((call) => ({ ...call, arguments: ref(call.arguments) ?? "" })),
            }
          : {}),
      })),
    }),
  );
  return { strings, details: interned };
}

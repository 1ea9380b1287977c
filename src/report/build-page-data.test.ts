import { beforeAll, describe, expect, it } from "vitest";
import { loadSplit } from "../dataset/loader.ts";
import { buildPageData, INTERN_MIN_LENGTH, intern, sortEpisodes } from "./build-page-data.ts";
import { type EpisodeDetail, PageData, type Text } from "./page-data.ts";
import type { ReportInput } from "./report-episode.ts";
import { fakeEpisode } from "./testing/fake-episode.ts";
import { referenceInput } from "./testing/fixtures.ts";

let input: ReportInput;
beforeAll(async () => {
  input = await referenceInput({
    agents: ["oracle", "forgetful"],
    scenarios: loadSplit("examples").slice(0, 2),
  });
});

function resolve(strings: readonly string[], text: Text | null): string | null {
  return typeof text === "number" ? (strings[text] ?? "MISSING") : text;
}

/** Replace every string-table reference by its text, so interned and raw details compare equal. */
function expand(strings: readonly string[], detail: EpisodeDetail): EpisodeDetail {
  return {
    ...detail,
    tasks: detail.tasks.map((task) => ({ ...task, instruction: resolve(strings, task.instruction) ?? "" })),
    transcript: detail.transcript.map((message) => ({
      ...message,
      content: resolve(strings, message.content),
      ...(message.toolCalls
        ? {
            toolCalls: message.toolCalls.map((call) => ({
              ...call,
              arguments: resolve(strings, call.arguments) ?? "",
            })),
          }
        : {}),
    })),
  };
}

describe("buildPageData", () => {
  it("lists every episode once, sorted, with a matching timeline, and fits the page schema", () => {
    const { data, details } = buildPageData(input);
    expect(PageData.parse(data)).toEqual(data);
    expect(data.episodes).toHaveLength(input.episodes.length);
    expect(data.details).toHaveLength(input.episodes.length);
    expect(details).toEqual(data.details);
    const keys = data.episodes.map((item) => `${item.agent}/${item.condition}/${item.scenario}`);
    expect(keys).toEqual([...keys].sort());
    for (const [index, item] of data.episodes.entries())
      expect(details[index]?.tasks).toHaveLength(item.taskCount);
    const forgetful = data.episodes.filter((item) => item.agent === "forgetful");
    expect(
      forgetful.every((item) => item.success === false && item.failureKinds.includes("taskNeglect")),
    ).toBe(true);
  });

  it("leaves timelines out for the served viewer", () => {
    const { data, details } = buildPageData(input, { inlineDetails: false });
    expect(data.details).toBeNull();
    expect(data.detailsUrl).toBe("episodes/");
    expect(details).toHaveLength(input.episodes.length);
  });

  it("interns each repeated long text once, and only those", () => {
    const { data } = buildPageData(input);
    expect(new Set(data.strings).size).toBe(data.strings.length);
    expect(data.strings.every((text) => text.length >= INTERN_MIN_LENGTH)).toBe(true);
    // The system prompt is in every episode: interned.
    expect(data.strings.some((text) => text.startsWith("You are an agent working on several"))).toBe(true);
  });
});

describe("intern", () => {
  it("round-trips: resolving the references gives back the original details", () => {
    const { details: raw } = buildPageData(input);
    const expanded = raw.map((detail) => expand(buildPageData(input).data.strings, detail));
    const { strings, details } = intern(expanded);
    expect(details.map((detail) => expand(strings, detail))).toEqual(expanded);
  });

  it("keeps short or unique texts inline", () => {
    const long = "x".repeat(INTERN_MIN_LENGTH);
    const detail = (content: string): EpisodeDetail => ({
      tasks: [],
      attribution: "none",
      calls: [],
      idle: [],
      answers: [],
      turns: [],
      reminders: [],
      infraErrors: [],
      end: null,
      failures: [],
      transcript: [{ role: "user", turn: 0, t: 0, content }],
    });
    const { strings, details } = intern([
      detail("short"),
      detail("short"),
      detail(long),
      detail(long),
      detail(`${long}!`),
    ]);
    expect(strings).toEqual([long]);
    expect(details.map((item) => item.transcript[0]?.content)).toEqual(["short", "short", 0, 0, `${long}!`]);
  });
});

describe("sortEpisodes", () => {
  it("orders by agent, condition, scenario, trial", () => {
    const episodes = [
      fakeEpisode({ agent: "b", scenario: "s1" }),
      fakeEpisode({ agent: "a", scenario: "s2", trial: 1 }),
      fakeEpisode({ agent: "a", scenario: "s2", trial: 0 }),
      fakeEpisode({ agent: "a", scenario: "s1", condition: "sync" }),
    ];
    expect(sortEpisodes(episodes).map((e) => `${e.agent}/${e.condition}/${e.scenario}/${e.trial}`)).toEqual([
      "a/async-round/s2/0",
      "a/async-round/s2/1",
      "a/sync/s1/0",
      "b/async-round/s1/0",
    ]);
  });
});

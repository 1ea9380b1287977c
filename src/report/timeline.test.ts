import { beforeAll, describe, expect, it } from "vitest";
import { eagerFactory } from "../agents/reference/eager.ts";
import { forgetfulFactory, oracleFactory } from "../agents/reference/oracle.ts";
import { sequentialFactory } from "../agents/reference/sequential.ts";
import { eventsOf } from "../core/trace.ts";
import { loadSplit } from "../dataset/loader.ts";
import type { Scenario } from "../dataset/schema.ts";
import { counterCatalog } from "../env/testing/counter-domain.ts";
import { add, preset, runScript, submit, twoAddsScenario, wait } from "../grading/testing/scripted.ts";
import { createCatalog } from "../tools/catalog.ts";
import { EpisodeDetail } from "./page-data.ts";
import type { ReportEpisode } from "./report-episode.ts";
import { episodeOf } from "./testing/fixtures.ts";
import { domainCalls, episodeTimeline, idleSpans, taskByPlan } from "./timeline.ts";
import { rebuildTranscript } from "./transcript.ts";

const scenarios = loadSplit("examples");
const three = scenarios.find((scenario) => scenario.tasks.length === 3) as Scenario;
let oracle: ReportEpisode;
let eager: ReportEpisode;
let forgetful: ReportEpisode;
let sequentialSync: ReportEpisode;

beforeAll(async () => {
  oracle = await episodeOf(three, "async-realistic", oracleFactory);
  eager = await episodeOf(three, "async-realistic", eagerFactory());
  forgetful = await episodeOf(three, "async-realistic", forgetfulFactory);
  sequentialSync = await episodeOf(three, "sync", sequentialFactory);
});

describe("episodeTimeline", () => {
  it("puts every oracle call on a task row, with bars that end when the call completes", () => {
    const detail = EpisodeDetail.parse(episodeTimeline(oracle, three));
    expect(detail.attribution).toBe("grader");
    expect(detail.tasks.map((task) => task.id)).toEqual(three.tasks.map((task) => task.id));
    const goldSteps = three.tasks.reduce((sum, task) => sum + task.plan.length, 0);
    expect(detail.calls).toHaveLength(goldSteps);
    for (const [row, task] of three.tasks.entries()) {
      expect(detail.calls.filter((call) => call.row === row)).toHaveLength(task.plan.length);
    }
    for (const call of detail.calls) {
      expect(call.status).toBe("ok");
      expect(call.step).toMatch(/^T\d+\.\w+$/);
      expect(call.completedAt).toBeGreaterThanOrEqual(call.issuedAt);
      expect(call.deliveredAt).toBeGreaterThanOrEqual(call.completedAt ?? 0);
      expect(call.flags).toEqual([]);
    }
    expect(detail.answers.map((answer) => answer.correct)).toEqual(three.tasks.map(() => true));
    expect(detail.tasks.every((task) => task.success)).toBe(true);
  });

  it("flags exactly the calls the grader found violating", () => {
    const detail = episodeTimeline(eager, three);
    const flagged = detail.calls.filter((call) => call.flags.includes("dependencyViolation"));
    const expected = (eager.score?.failureDetails ?? []).filter(
      (failure) => failure.kind === "dependencyViolation",
    );
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.map((call) => call.requestId).sort()).toEqual(
      expected.map((failure) => failure.requestId).sort(),
    );
    expect(detail.failures.length).toBe(eager.score?.failureDetails.length);
  });

  it("shows a neglected task as a row with no bars and no answer", () => {
    const detail = episodeTimeline(forgetful, three);
    const last = three.tasks.length - 1;
    expect(detail.calls.some((call) => call.row === last)).toBe(false);
    expect(detail.answers.some((answer) => answer.row === last)).toBe(false);
    expect(detail.tasks[last]).toMatchObject({ submitted: false, success: false });
  });

  it("shades waits under async and blocking turns under sync", () => {
    const waits = eventsOf(oracle.trace, "wait").filter((wait) => wait.until > wait.t);
    expect(episodeTimeline(oracle, three).idle).toEqual(
      waits.map((wait) => ({ from: wait.t, to: wait.until, kind: "wait" })),
    );
    const blocked = episodeTimeline(sequentialSync, three).idle;
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((span) => span.kind === "blocked" && span.to > span.from)).toBe(true);
  });

  it("falls back to the gold plan's tools when gold does not compute", () => {
    // An empty catalog makes gold fail, as a run against changed tools would.
    const detail = episodeTimeline(oracle, three, { catalog: createCatalog([]) });
    expect(detail.attribution).toBe("gold-plan");
    const grader = episodeTimeline(oracle, three);
    expect(detail.calls.map((call) => call.row)).toEqual(grader.calls.map((call) => call.row));
  });

  it("without the scenario, keeps every call on one extra row", () => {
    const detail = episodeTimeline(oracle, undefined);
    expect(detail.attribution).toBe("none");
    expect(detail.tasks.map((task) => task.id)).toEqual(three.tasks.map((task) => task.id));
    expect(new Set(detail.calls.map((call) => call.row))).toEqual(new Set([three.tasks.length]));
  });
});

describe("hand-made traces (counter domain)", () => {
  const asEpisode = (scenario: Scenario, run: Awaited<ReturnType<typeof runScript>>): ReportEpisode => ({
    scenario: scenario.id,
    agent: "scripted",
    condition: "async-round",
    trial: 0,
    score: run.score,
    trace: run.trace,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: null,
  });

  it("flags tool confusion on both calls when two tasks' arguments are swapped", async () => {
    const scenario = twoAddsScenario();
    const run = await runScript(scenario, preset("async-round"), [
      [add("x", 11), add("y", 7)],
      [wait],
      [submit("T1", 111), submit("T2", 207)],
    ]);
    const detail = episodeTimeline(asEpisode(scenario, run), scenario, { catalog: counterCatalog });
    expect(detail.calls.map((call) => call.flags.includes("toolConfusion"))).toEqual([true, true]);
    expect(detail.answers.map((answer) => answer.correct)).toEqual([false, false]);
  });

  it("shows invalid calls as invalid, and an unknown tool on the no-task row", async () => {
    const scenario = twoAddsScenario();
    const run = await runScript(scenario, preset("async-round"), [
      [{ name: "no_such_tool" }, { name: "counter_add", raw: "{oops" }, add("x", 7), add("y", 11)],
      [wait],
      [submit("T1", 107), submit("T2", 211)],
    ]);
    const detail = episodeTimeline(asEpisode(scenario, run), scenario, { catalog: counterCatalog });
    expect(detail.calls.map((call) => [call.tool, call.status, call.row])).toEqual([
      ["no_such_tool", "invalid", 2],
      ["counter_add", "invalid", 0],
      ["counter_add", "ok", 0],
      ["counter_add", "ok", 1],
    ]);
    expect(detail.calls[0]?.flags).toContain("invalidCall");
    expect(detail.calls[0]?.completedAt).toBeNull();
  });
});

describe("taskByPlan", () => {
  const scenario = {
    tasks: [
      { id: "T1", plan: [{ id: "s1", tool: "add", args: { a: 1, b: 2 } }] },
      { id: "T2", plan: [{ id: "s1", tool: "add", args: { a: 5, b: { $ref: "s0.result" } } }] },
    ],
  } as unknown as Scenario;
  it.each([
    [{ tool: "add", args: { a: 5, b: 9 } }, "T2"],
    [{ tool: "add", args: { a: 1, b: 2 } }, "T1"],
    [{ tool: "add", args: null }, "T1"],
    [{ tool: "multiply", args: { a: 5 } }, null],
  ])("%j → %s", (call, expected) => {
    expect(taskByPlan(scenario, call)).toBe(expected);
  });
});

describe("domainCalls and idleSpans", () => {
  it("leave control tools out and time each call", () => {
    const calls = domainCalls(oracle.trace);
    expect(calls.some((call) => call.tool === "wait" || call.tool === "submit_answer")).toBe(false);
    const acks = eventsOf(oracle.trace, "tool-ack");
    for (const call of calls) {
      const ack = acks.find((candidate) => candidate.requestId === call.requestId);
      expect(call.completedAt).toBe(ack?.completesAt);
    }
  });

  it("uses the turn cost for blocked spans", () => {
    expect(idleSpans(sequentialSync.trace, 1)).not.toEqual(idleSpans(sequentialSync.trace, 2));
  });
});

describe("rebuildTranscript", () => {
  it("is the requests' messages with each response as an assistant turn, in order", () => {
    const transcript = rebuildTranscript(eager.trace);
    const responses = eventsOf(eager.trace, "model-response");
    const requests = eventsOf(eager.trace, "model-request");
    expect(transcript.map((message) => message.role).slice(0, 2)).toEqual(["system", "user"]);
    expect(transcript.filter((message) => message.role === "assistant")).toHaveLength(responses.length);
    expect(transcript).toHaveLength(
      requests.reduce((sum, request) => sum + request.messages.length, 0) + responses.length,
    );
    const calls = transcript.flatMap((message) => message.toolCalls ?? []);
    expect(calls.map((call) => call.id)).toEqual(
      responses.flatMap((response) => response.toolCalls.map((c) => c.id)),
    );
    const turns = transcript.map((message) => message.turn);
    expect(turns).toEqual([...turns].sort((a, b) => a - b));
  });
});

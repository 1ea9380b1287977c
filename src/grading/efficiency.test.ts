import { describe, expect, it } from "vitest";
import { counterScenario } from "../env/testing/counter-scenarios.ts";
import type { Attribution } from "./attribution.ts";
import { efficiency, idleBefore, mergeIntervals, overlap, streaks } from "./efficiency.ts";
import { add, double, get, preset, runScript, submit, wait } from "./testing/scripted.ts";
import type { CallRecord, TraceView } from "./trace-view.ts";

/** A view with just what the efficiency metrics read: calls (task, issue, delivery), turn times, end. */
function view(
  calls: Array<
    [task: string | null, issued: number, delivered: number | null, status?: CallRecord["status"]]
  >,
  options: { turnTimes?: number[]; makespan?: number; usage?: TraceView["usage"] } = {},
): { view: TraceView; attribution: Attribution } {
  const records = calls.map(
    ([, t, deliveredAt, status], index): CallRecord => ({
      index,
      seq: index,
      t,
      turn: t,
      requestId: `r${index}`,
      tool: "counter_get",
      args: {},
      status: status ?? "accepted",
      callId: `c${index}`,
      completion:
        deliveredAt === null ? undefined : { t: deliveredAt, status: "ok", result: null, fault: false },
      deliveredAt,
    }),
  );
  const taskOfCall = new Map(calls.map(([task], index) => [index, task]));
  return {
    view: {
      calls: records,
      controlCalls: [],
      turnTimes: options.turnTimes ?? [],
      end: { makespan: options.makespan ?? 10, turns: options.turnTimes?.length ?? 0 },
      usage: options.usage ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, reported: false },
    } as unknown as TraceView,
    attribution: { taskOfCall, nearest: new Map() },
  };
}

describe("efficiency helpers", () => {
  it.each([
    [[], []],
    [
      [
        [0, 2],
        [2, 4],
      ],
      [[0, 4]],
    ],
    [
      [
        [3, 5],
        [0, 1],
        [4, 9],
      ],
      [
        [0, 1],
        [3, 9],
      ],
    ],
  ] as Array<[Array<[number, number]>, Array<[number, number]>]>)("mergeIntervals(%j)", (input, expected) => {
    expect(mergeIntervals(input)).toEqual(expected);
  });

  it.each([
    ["no gaps", [0, 1, 2, 3], 3, 1, 0],
    ["a wait from 1 to 5", [0, 1, 5, 6], 6, 1, 3],
    ["turns after T_agent ignored", [0, 4, 9], 4, 1, 3],
    ["turn cost 2", [0, 2, 7], 7, 2, 3],
  ])("idleBefore: %s", (_, times, until, turnCost, expected) => {
    expect(idleBefore(times as number[], until as number, turnCost as number)).toBe(expected);
  });

  it.each([
    [
      "one task",
      [
        ["T1", 0, 4],
        ["T1", 2, 6],
      ],
      10,
      0,
    ],
    [
      "two tasks overlapping 2..4",
      [
        ["T1", 0, 4],
        ["T2", 2, 6],
      ],
      10,
      0.2,
    ],
    [
      "back to back",
      [
        ["T1", 0, 2],
        ["T2", 2, 4],
      ],
      10,
      0,
    ],
    [
      "clipped at T_agent",
      [
        ["T1", 0, 20],
        ["T2", 0, 20],
      ],
      10,
      1,
    ],
    [
      "rejected calls are not in flight",
      [
        ["T1", 0, 4],
        ["T2", 0, null, "rejected"],
      ],
      10,
      0,
    ],
    [
      "unattributed calls ignored",
      [
        ["T1", 0, 4],
        [null, 0, 4],
      ],
      10,
      0,
    ],
  ] as const)("overlap: %s", (_, calls, makespan, expected) => {
    const { view: v, attribution } = view(calls.map((call) => [...call]) as never, { makespan });
    expect(overlap(v, attribution, makespan)).toBeCloseTo(expected);
  });

  it.each([
    [[], null, 0],
    [["T1", "T1", "T2", "T1"], 4 / 3, 2],
    [["T1", "T1", "T1"], 3, 0],
  ])("streaks of %j", (tasks, mean, switches) => {
    const { view: v, attribution } = view(tasks.map((task, index) => [task, index, index + 1]));
    expect(streaks(v, attribution)).toEqual({ mean, switches });
  });
});

describe("efficiency of an episode", () => {
  const base = view(
    [
      ["T1", 0, 2],
      ["T2", 0, 2],
    ],
    { turnTimes: [0, 1, 2, 3, 7], makespan: 8 },
  );
  it.each([
    ["optimal", 8, 8, 20, true, 1, 20 / 8],
    ["sequential", 20, 8, 20, true, 0, 1],
    ["halfway", 14, 8, 20, true, 0.5, 20 / 14],
    ["worse than blocking", 26, 8, 20, true, -0.5, 20 / 26],
    ["failed scenario", 8, 8, 20, false, null, null],
    ["no head-room", 8, 8, 8, true, null, 1],
  ])("AE and speed-up: %s", (_, tAgent, tOpt, tSeq, success, asyncEfficiency, speedup) => {
    const withMakespan = { ...base.view, end: { ...base.view.end, makespan: tAgent } } as TraceView;
    const result = efficiency({
      view: withMakespan,
      attribution: base.attribution,
      references: { tOpt: tOpt as number, tSeq: tSeq as number },
      success: success as boolean,
      turnCost: 1,
    });
    expect(result.asyncEfficiency).toBe(asyncEfficiency);
    expect(result.speedup).toBe(speedup);
  });

  it("without references the ratios are null", () => {
    const result = efficiency({ ...base, references: null, success: true, turnCost: 1 });
    expect(result).toMatchObject({
      tAgent: 8,
      tOpt: null,
      asyncEfficiency: null,
      speedup: null,
      idleTicks: 3,
    });
    expect(result.idleRatio).toBe(3 / 8);
  });

  it("measures a hand-made episode: overlap, idle, streaks, turns", async () => {
    // async-round: calls complete two ticks after issue. T1's chain runs alone from t=4.
    const { score } = await runScript(counterScenario(), preset("async-round"), [
      [get("a"), double(3), double(4), add("c", 5)],
      [wait],
      [double(1), add("b", 3), submit("T3", "")],
      [wait],
      [add("a", 2), submit("T2", 13)],
      [wait],
      [submit("T1", 3)],
    ]);
    expect(score.efficiency).toMatchObject({
      tAgent: 6,
      idleTicks: 0,
      overlap: 4 / 6,
      sameTaskStreak: 7 / 6,
      switches: 5,
      turns: 7,
      inputTokens: null,
      cost: null,
    });
  });
});

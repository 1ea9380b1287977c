import { describe, expect, it } from "vitest";
import type { Condition } from "../core/condition.ts";
import { findPreset } from "../core/presets.ts";
import { Executor } from "./executor.ts";
import { counterCatalog } from "./testing/counter-domain.ts";

const realistic = findPreset("async-realistic") as Condition;
const tool = (name: string) => {
  const found = counterCatalog.findTool(name);
  if (!found) throw new Error(name);
  return found;
};
const world = () => ({ counter: { counters: { a: 1 } } });

function issueAll(executor: Executor, calls: Array<[string, Record<string, unknown>]>, now = 0) {
  return calls.map(([name, args]) => {
    const outcome = executor.issue(tool(name), args, now);
    if (!outcome.ok) throw new Error(outcome.error);
    return outcome.call;
  });
}

describe("Executor", () => {
  it("gives the same call the same latency whatever the issue order (fairness key)", () => {
    const calls: Array<[string, Record<string, unknown>]> = [
      ["slow_double", { x: 1 }],
      ["slow_double", { x: 2 }],
      ["counter_get", { name: "a" }],
      ["slow_double", { x: 1 }],
    ];
    const forward = issueAll(new Executor({ condition: realistic, seedKey: [42, 0], world: world() }), calls);
    const reversed = issueAll(
      new Executor({ condition: realistic, seedKey: [42, 0], world: world() }),
      [...calls].reverse(),
    );
    const latency = (call: { completesAt: number; issuedAt: number }) => call.completesAt - call.issuedAt;
    // The first and second occurrence of slow_double(1) are distinct keys: compare by (call, occurrence).
    expect(latency(forward[0]!)).toBe(latency(reversed[0]!));
    expect(latency(forward[1]!)).toBe(latency(reversed[2]!));
    expect(latency(forward[2]!)).toBe(latency(reversed[1]!));
    expect(latency(forward[3]!)).toBe(latency(reversed[3]!));
    // Argument key order does not matter either.
    const a = issueAll(new Executor({ condition: realistic, seedKey: [42, 0], world: world() }), [
      ["counter_add", { name: "a", amount: 1 }],
    ]);
    const b = issueAll(new Executor({ condition: realistic, seedKey: [42, 0], world: world() }), [
      ["counter_add", { amount: 1, name: "a" }],
    ]);
    expect(a[0]?.completesAt).toBe(b[0]?.completesAt);
  });

  it("different seeds draw different latencies", () => {
    const draws = new Set<number>();
    for (let seed = 0; seed < 20; seed++) {
      const [call] = issueAll(new Executor({ condition: realistic, seedKey: [seed, 0], world: world() }), [
        ["slow_double", { x: 1 }],
      ]);
      draws.add(call!.completesAt);
    }
    expect(draws.size).toBeGreaterThan(3);
  });

  it("applies effects in (completion time, issue order); later calls see earlier effects", () => {
    const condition: Condition = {
      ...realistic,
      latency: { ...realistic.latency, medium: { kind: "fixed", ticks: 2 } },
    };
    const executor = new Executor({ condition, seedKey: [1, 0], world: world() });
    issueAll(executor, [
      ["counter_add", { name: "a", amount: 10 }],
      ["counter_add", { name: "a", amount: 100 }],
    ]);
    const done = executor.completeUntil(10);
    expect(done.map((completion) => completion.result)).toEqual([{ value: 11 }, { value: 111 }]);
  });

  it("queues calls beyond a tool's capacity: latency starts when a slot frees", () => {
    const condition: Condition = {
      ...realistic,
      latency: { ...realistic.latency, medium: { kind: "fixed", ticks: 3 } },
      contention: { mode: "queue", capacity: {} },
    };
    const executor = new Executor({ condition, seedKey: [1, 0], world: world() });
    const [first, second, third] = issueAll(executor, [
      ["single_lane", { value: 1 }],
      ["single_lane", { value: 2 }],
      ["single_lane", { value: 3 }],
    ]);
    expect([first?.completesAt, second?.completesAt, third?.completesAt]).toEqual([4, 8, 12]);
    expect(second?.startsAt).toBe(4);
  });

  it("rejects calls beyond capacity with a retryable busy error when the condition says reject", () => {
    const condition: Condition = { ...realistic, contention: { mode: "reject", capacity: {} } };
    const executor = new Executor({ condition, seedKey: [1, 0], world: world() });
    expect(executor.issue(tool("single_lane"), { value: 1 }, 0).ok).toBe(true);
    const busy = executor.issue(tool("single_lane"), { value: 2 }, 0);
    expect(busy).toMatchObject({ ok: false, retryable: true, error: expect.stringMatching(/^busy/) });
    expect(executor.pendingCount).toBe(1);
  });

  it("faulted calls complete with a retryable error and no effect", () => {
    const condition: Condition = { ...realistic, faults: { probability: 1 } };
    const state = world();
    const executor = new Executor({ condition, seedKey: [1, 0], world: state });
    issueAll(executor, [["counter_add", { name: "a", amount: 5 }]]);
    const [done] = executor.drain();
    expect(done).toMatchObject({ status: "error", retryable: true });
    expect(state.counter.counters.a).toBe(1);
  });
});

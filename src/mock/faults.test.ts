import { describe, expect, it } from "vitest";
import { FaultPlan, FaultScheduler, parseFaultHeader } from "./faults.ts";

describe("parseFaultHeader", () => {
  it.each([
    ["rate-limit", [{ kind: "rate-limit", times: 1, retryAfterSeconds: 1 }]],
    [
      "rate-limit;times=3;retry-after=0.2;turn=1",
      [{ kind: "rate-limit", times: 3, retryAfterSeconds: 0.2, turn: 1 }],
    ],
    [
      "server-error;times=2, unknown-tool;turn=4;scenario=s1",
      [
        { kind: "server-error", times: 2, retryAfterSeconds: 1 },
        { kind: "unknown-tool", times: 1, retryAfterSeconds: 1, turn: 4, scenario: "s1" },
      ],
    ],
    ["bad-arguments;p=0.5", [{ kind: "bad-arguments", times: 1, retryAfterSeconds: 1, probability: 0.5 }]],
  ])("%s", (header, rules) => {
    expect(parseFaultHeader(header)).toEqual(rules);
  });

  it.each(["teapot", "rate-limit;colour=red", "rate-limit;times=0", "server-error;p=2"])(
    "rejects %s",
    (header) => {
      expect(() => parseFaultHeader(header)).toThrow(/x-mock-fault/);
    },
  );
});

describe("FaultScheduler", () => {
  const request = { key: "k1", turn: 2, scenario: "s" };

  it("an HTTP fault fails the first `times` attempts of a request, then lets it through", () => {
    const scheduler = new FaultScheduler();
    const rules = FaultPlan.parse([{ kind: "rate-limit", times: 2, retryAfterSeconds: 0.5 }]);
    const decisions = [1, 2, 3, 4].map(() => scheduler.decide(rules, request).kind);
    expect(decisions).toEqual(["rate-limit", "rate-limit", "none", "none"]);
    expect(scheduler.decide(rules, { ...request, key: "k2" }).kind).toBe("rate-limit");
  });

  it("rules match by turn and scenario", () => {
    const scheduler = new FaultScheduler();
    const rules = FaultPlan.parse([
      { kind: "server-error", turn: 1 },
      { kind: "broken-body", scenario: "other" },
    ]);
    expect(scheduler.decide(rules, request).kind).toBe("none");
    expect(scheduler.decide(rules, { ...request, key: "k3", turn: 1 }).kind).toBe("server-error");
    expect(scheduler.decide(rules, { ...request, key: "k4", scenario: "other" }).kind).toBe("broken-body");
  });

  it("a model fault replaces the first answer served for a request, after any HTTP faults", () => {
    const scheduler = new FaultScheduler();
    const rules = FaultPlan.parse([{ kind: "server-error" }, { kind: "bad-arguments" }]);
    const decisions = [1, 2, 3].map(() => scheduler.decide(rules, request).kind);
    expect(decisions).toEqual(["server-error", "bad-arguments", "none"]);
  });

  it("probabilistic rules are seeded: same seed, same requests faulted", () => {
    const rules = FaultPlan.parse([{ kind: "server-error", probability: 0.5 }]);
    const run = (seed: number) => {
      const scheduler = new FaultScheduler(seed);
      return Array.from({ length: 40 }, (_, i) => scheduler.decide(rules, { ...request, key: `k${i}` }).kind);
    };
    expect(run(1)).toEqual(run(1));
    const faulted = run(1).filter((kind) => kind === "server-error").length;
    expect(faulted).toBeGreaterThan(8);
    expect(faulted).toBeLessThan(32);
  });
});

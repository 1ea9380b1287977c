import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BadInputError } from "./errors.ts";
import { loadConditionFile, resolveCondition } from "./load-condition.ts";
import { CONDITION_PRESETS } from "./presets.ts";

const dir = mkdtempSync(join(tmpdir(), "asynctool-condition-"));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const latency = {
  instant: { kind: "fixed", ticks: 0 },
  fast: { kind: "fixed", ticks: 1 },
  medium: { kind: "uniform", min: 1, max: 4 },
  slow: { kind: "lognormal", median: 6, sigma: 0.4 },
  "very-slow": { kind: "pareto", scale: 10, shape: 2, max: 80 },
};

describe("conditions", () => {
  it("ships six valid presets", () => {
    expect(CONDITION_PRESETS.map((condition) => condition.name)).toEqual([
      "sync",
      "async-zero",
      "async-round",
      "async-realistic",
      "async-contention",
      "async-faults",
    ]);
  });

  it("loads a JSON condition and fills defaults", () => {
    const path = write("ok.json", JSON.stringify({ name: "mine", protocol: "async", latency }));
    const condition = loadConditionFile(path);
    expect(condition).toMatchObject({
      name: "mine",
      turnCost: 1,
      budgets: { maxReminders: 2 },
      echoArguments: false,
    });
  });

  it("loads YAML", () => {
    const yaml = `name: yaml-one\nprotocol: sync\nlatency:\n${Object.entries(latency)
      .map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`)
      .join("\n")}\nfaults:\n  probability: 0.2\n`;
    expect(resolveCondition(write("c.yaml", yaml)).faults?.probability).toBe(0.2);
  });

  it("names the file and the field path of a bad value", () => {
    const bad = {
      name: "bad",
      protocol: "async",
      latency: { ...latency, slow: { kind: "lognormal", median: -1, sigma: 1 } },
    };
    const path = write("bad.json", JSON.stringify(bad));
    expect(() => loadConditionFile(path)).toThrow(BadInputError);
    expect(() => loadConditionFile(path)).toThrow(`${path}: latency.slow.median`);
  });

  it("names a missing latency class and bad protocol", () => {
    const { slow: _slow, ...partial } = latency;
    const path = write("partial.json", JSON.stringify({ name: "p", protocol: "later", latency: partial }));
    let message = "";
    try {
      loadConditionFile(path);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`${path}: protocol`);
    expect(message).toContain(`${path}: latency.slow`);
  });

  it("reports unparseable files and unknown presets clearly", () => {
    expect(() => loadConditionFile(write("broken.json", "{"))).toThrow(/broken\.json: not valid JSON/);
    expect(() => resolveCondition("async-fast")).toThrow(/unknown condition "async-fast"/);
  });
});

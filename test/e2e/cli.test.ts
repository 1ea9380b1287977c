import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const bin = join(import.meta.dirname, "../../bin/asynctool.js");

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("asynctool CLI", () => {
  it("runs the reference agents and prints the documented JSON", () => {
    const { code, stdout } = cli("run", "--agent", "oracle", "--agent", "sequential", "--no-store", "--json");
    expect(code).toBe(0);
    const { results } = JSON.parse(stdout) as { results: Array<Record<string, unknown>> };
    expect(results.length).toBe(12);
    for (const row of results) {
      for (const field of [
        "scenario",
        "agent",
        "condition",
        "trial",
        "makespan",
        "turns",
        "calls",
        "idleTicks",
      ]) {
        expect(row, field).toHaveProperty(field);
      }
      expect(row.condition).toBe("async-realistic");
    }
    const makespan = (scenario: unknown, agent: string) =>
      results.find((row) => row.scenario === scenario && row.agent === agent)?.makespan as number;
    for (const row of results.filter((r) => r.agent === "oracle")) {
      expect(makespan(row.scenario, "oracle")).toBeLessThan(makespan(row.scenario, "sequential"));
    }
  });

  it("prints a human table with the four columns", () => {
    const { code, stdout } = cli(
      "run",
      "--agent",
      "oracle",
      "--scenario",
      "ex-cross-three",
      "--condition",
      "sync",
      "--no-store",
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/makespan\s+turns\s+calls\s+idle/);
    expect(stdout).toContain("ex-cross-three");
  });

  it.each(["conditions", "domains", "tools", "scenarios"])("list %s --json", (what) => {
    const { code, stdout } = cli("list", what, "--json");
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as Record<string, unknown[]>;
    expect((parsed[what] as unknown[]).length).toBeGreaterThan(0);
  });

  it("lists 12 domains and every tool with its schema and latency class", () => {
    const { domains } = JSON.parse(cli("list", "domains", "--json").stdout) as { domains: unknown[] };
    expect(domains).toHaveLength(12);
    const { tools } = JSON.parse(cli("list", "tools", "--json").stdout) as {
      tools: Array<{ latency: string; parameters: { type: string } }>;
    };
    expect(tools.length).toBeGreaterThan(200);
    for (const tool of tools) {
      expect(tool.parameters.type).toBe("object");
      expect(["instant", "fast", "medium", "slow", "very-slow"]).toContain(tool.latency);
    }
  });

  it("names the file and field of a bad condition file, exit code 2, no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "asynctool-cli-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(file, "name: x\nprotocol: async\nlatency: {}\n");
    const { code, stderr } = cli("run", "--condition", file, "--no-store");
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: latency.instant`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects an unknown scenario id and an unknown agent clearly", () => {
    const missing = cli("run", "--scenario", "nope", "--no-store");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('scenario "nope" is not in split examples');
    const agent = cli("run", "--agent", "genius", "--no-store");
    expect(agent.code).not.toBe(0);
    expect(agent.stderr).toMatch(/genius/);
  });
});

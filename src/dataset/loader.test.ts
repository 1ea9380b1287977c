import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { counterCatalog } from "../env/testing/counter-domain.ts";
import { counterScenario } from "../env/testing/counter-scenarios.ts";
import { parseScenarioFile } from "./loader.ts";

const dir = mkdtempSync(join(tmpdir(), "asynctool-scenarios-"));
function writeScenarios(name: string, scenarios: unknown[], jsonl = false): string {
  const path = join(dir, name);
  writeFileSync(path, jsonl ? scenarios.map((s) => JSON.stringify(s)).join("\n") : JSON.stringify(scenarios));
  return path;
}
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "";
}
/** A valid scenario as plain JSON, to break by hand. */
const valid = () => JSON.parse(JSON.stringify(counterScenario()));

describe("parseScenarioFile", () => {
  it("loads valid .json and .jsonl files", () => {
    expect(parseScenarioFile(writeScenarios("ok.json", [valid()]), counterCatalog)).toHaveLength(1);
    const second = { ...valid(), id: "second" };
    expect(
      parseScenarioFile(writeScenarios("ok.jsonl", [valid(), second], true), counterCatalog),
    ).toHaveLength(2);
  });

  const broken: Array<[string, (scenario: ReturnType<typeof valid>) => void, string]> = [
    ["a wrong field type", (s) => (s.tasks[0].plan[0].tool = 5), "tasks.0.plan.0.tool"],
    ["a missing instruction", (s) => delete s.tasks[1].instruction, "tasks.1.instruction"],
    [
      "an unknown tool",
      (s) => (s.tasks[0].plan[1].tool = "teleport"),
      'tasks.0.plan.1.tool: unknown tool "teleport"',
    ],
    [
      "a broken reference",
      (s) => (s.tasks[0].plan[1].args.x = { $ref: "s9.result.value" }),
      "tasks.0.plan.1.args: reference to unknown step s9",
    ],
    [
      "a malformed reference",
      (s) => (s.tasks[0].plan[1].args.x = { $ref: "s1.value" }),
      'tasks.0.plan.1.args: malformed reference(s) "s1.value"',
    ],
    ["a cycle", (s) => (s.tasks[1].plan[0].after = ["s3"]), "tasks.1.plan: plan has a cycle"],
    ["misnumbered task ids", (s) => (s.tasks[2].id = "T7"), "tasks.2.id: expected T3"],
    ["an unknown domain", (s) => (s.tasks[2].domain = "weather"), 'tasks.2.domain: unknown domain "weather"'],
  ];
  it.each(broken)("rejects %s, naming file, scenario and field", (_label, breakIt, field) => {
    const scenario = valid();
    breakIt(scenario);
    const path = writeScenarios("broken.jsonl", [valid(), { ...scenario, id: "broken-one" }], true);
    const message = errorOf(() => parseScenarioFile(path, counterCatalog));
    expect(message).toContain(`${path}:2 (scenario broken-one)`);
    expect(message).toContain(field);
  });

  it("rejects unparseable JSON with the line number", () => {
    const path = join(dir, "garbage.jsonl");
    writeFileSync(path, `${JSON.stringify(valid())}\n{"id": oops}\n`);
    expect(errorOf(() => parseScenarioFile(path, counterCatalog))).toMatch(
      /garbage\.jsonl:2: not valid JSON/,
    );
  });

  it("rejects duplicate ids", () => {
    const path = writeScenarios("dup.json", [valid(), valid()]);
    expect(errorOf(() => parseScenarioFile(path, counterCatalog))).toContain("duplicate scenario id");
  });
});

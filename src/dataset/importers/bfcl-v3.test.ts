/**
 * The BFCL v3 importer on a hand-made miniature (bookkeeping: split by class, references, ordering,
 * instructions, failures) and on the real peer data (all 200 base entries must import, load as a
 * split, and reproduce upstream's recorded result of every gold call from the imported plans).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGISTRY } from "../../tools/registry.ts";
import { buildWorld } from "../../tools/world.ts";
import { BFCL_V3_FILES, locatePeerData, PEER_FILES } from "../conformance/peer-data.ts";
import { upstreamResultValue, valuesEqual } from "../conformance/values.ts";
import { executePlan } from "../gold.ts";
import { loadSplit } from "../loader.ts";
import { resolveRefs } from "../refs.ts";
import { isRef, type Scenario, type Task } from "../schema.ts";
import { bfclClass, bindArguments, loadFuncDocs } from "./bfcl-classes.ts";
import { type BfclImportStats, importBfclV3 } from "./bfcl-v3.ts";
import type { ImportResult } from "./imported-task.ts";
import { parsePythonCall } from "./python-call.ts";
import { writeBfclFixture } from "./testing.ts";

describe("importBfclV3 on a hand-made miniature", () => {
  let root: string;
  let result: ImportResult<BfclImportStats>;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "bfcl-import-"));
    result = importBfclV3(writeBfclFixture(root));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const scenario = (id: string) => result.scenarios.find((item) => item.id === `bfcl-v3-${id}`)!;

  it("splits a two-class entry into one task per class, in order of first call", () => {
    const imported = scenario("multi_turn_base_0");
    expect(imported.composition).toBe("cross-domain");
    expect(imported.split).toBe("import-bfcl-v3");
    expect(imported.tasks.map((task) => [task.id, task.domain, task.origin])).toEqual([
      ["T1", "filesystem", "bfcl-v3:multi_turn_base_0#GorillaFileSystem"],
      ["T2", "math", "bfcl-v3:multi_turn_base_0#MathAPI"],
    ]);
    // Math is stateless: the trace records no state for it, so only the filesystem is configured.
    expect(Object.keys(imported.initialWorld)).toEqual(["filesystem"]);
  });

  it("turns produced literals into references and orders writes after the reads before them", () => {
    const [files, math] = scenario("multi_turn_base_0").tasks as [Task, Task];
    expect(files.plan).toEqual([
      { id: "s1", tool: "ls", args: {} },
      { id: "s2", tool: "cat", args: { file_name: { $ref: "s1.result.current_directory_content.0" } } },
      {
        id: "s3",
        tool: "wc",
        args: { file_name: { $ref: "s1.result.current_directory_content.0" }, mode: "w" },
      },
      { id: "s4", tool: "mkdir", args: { dir_name: "backup" }, after: ["s2", "s3"] },
    ]);
    expect(files.tags).toEqual(["mixed"]);
    // 3 came from the filesystem task's wc: a reference cannot cross tasks, so it stays literal.
    expect(math.plan).toEqual([{ id: "s1", tool: "add", args: { a: 3, b: 10 } }]);
    expect(math.tags).toEqual(["single"]);
    expect(result.stats.crossTaskLiterals).toBe(1);
    expect(result.stats.entriesWithCrossTaskLiterals).toBe(1);
  });

  it("gives each task the user turns of its calls; a turn without calls joins the previous turn's tasks", () => {
    const [files, math] = scenario("multi_turn_base_0").tasks as [Task, Task];
    expect(files.instruction).toBe(
      "1. What files are in my home folder?\n2. Print the first one.\n3. Count its words and add ten to the count.\n" +
        "4. Now make a folder called backup.\n5. Thanks, that is all.",
    );
    expect(math.instruction).toBe("Count its words and add ten to the count.");
  });

  it("records gold (null answer, resources, state digest) and exact matching", () => {
    const [files] = scenario("multi_turn_base_0").tasks as [Task];
    expect(files.answer).toBeNull();
    expect(files.answerMatch).toBe("exact");
    expect(files.gold?.answer).toBeNull();
    expect(files.gold?.stateDigest).toMatch(/^[0-9a-f]{16}$/);
    expect(files.resources.length).toBeGreaterThan(0);
  });

  it("gives an unaligned entry every user turn and still references produced values", () => {
    const imported = scenario("multi_turn_base_2");
    expect(imported.composition).toBe("single");
    const [task] = imported.tasks as [Task];
    expect(task.instruction).toBe("Add two and two, then multiply the sum by 5.");
    expect(task.plan[1]).toEqual({
      id: "s2",
      tool: "multiply",
      args: { a: { $ref: "s1.result.result" }, b: 5 },
    });
    expect(result.stats.unaligned).toEqual(["multi_turn_base_2"]);
  });

  it("fails an entry whose recorded result our domain does not reproduce, naming it and the call", () => {
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]!.record).toBe("multi_turn_base_1");
    expect(result.failures[0]!.reason).toContain("add(a=1, b=1)");
    expect(result.failures[0]!.reason).toContain("differs from upstream");
    expect(result.stats).toMatchObject({ entries: 3, scenarios: 2, tasks: 3, refs: 3, entriesWithRefs: 2 });
  });

  it("derives seeds from record ids", () => {
    const again = importBfclV3(join(root, "bfcl_v3"));
    expect(again.scenarios.map((item) => item.seed)).toEqual(result.scenarios.map((item) => item.seed));
    expect(new Set(result.scenarios.map((item) => item.seed)).size).toBe(result.scenarios.length);
  });
});

const location = locatePeerData(BFCL_V3_FILES);
const skipReason = location.found
  ? ""
  : ` — SKIPPED: peer data not found (tried ${location.tried.join(", ")}); set ASYNCTOOL_PEER_DATA`;

interface TraceStep {
  call: string;
  class: string;
  function: string;
  result: string;
}

function countRefs(value: unknown): number {
  if (isRef(value)) return 1;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countRefs(item), 0);
  if (value !== null && typeof value === "object")
    return Object.values(value).reduce((sum: number, item) => sum + countRefs(item), 0);
  return 0;
}

describe.skipIf(!location.found)(`importBfclV3 on the BFCL v3 peer data${skipReason}`, () => {
  const peerDir = location.found ? location.dir : "";
  let result: ImportResult<BfclImportStats>;
  let loaded: Scenario[];
  let traces: Map<string, TraceStep[]>;
  let work: string;
  beforeAll(() => {
    result = importBfclV3(join(peerDir, "bfcl_v3"));
    work = mkdtempSync(join(tmpdir(), "bfcl-import-peer-"));
    const file = join(work, "bfcl.jsonl");
    writeFileSync(file, result.scenarios.map((scenario) => `${JSON.stringify(scenario)}\n`).join(""));
    loaded = loadSplit(file);
    const lines = readLines(join(peerDir, PEER_FILES.bfclTrace));
    traces = new Map(
      lines.map((line) => {
        const entry = JSON.parse(line) as { id: string; turns: Array<{ steps: TraceStep[] }> };
        return [entry.id, entry.turns.flatMap((turn) => turn.steps)];
      }),
    );
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("imports all 200 entries without failures and loads them back as a split (schema and scenarioProblems)", () => {
    expect(result.failures).toEqual([]);
    expect(result.scenarios).toHaveLength(traces.size);
    expect(loaded).toHaveLength(traces.size);
    console.info(
      `BFCL import: ${result.stats.scenarios} scenarios, ${result.stats.tasks} tasks, ${result.stats.refs} literal→$ref conversions in ` +
        `${result.stats.entriesWithRefs} entries, ${result.stats.crossTaskLiterals} cross-task literals in ` +
        `${result.stats.entriesWithCrossTaskLiterals} entries, ${result.stats.afterEdges} after edges`,
    );
  });

  it("reports exactly the references it wrote", () => {
    const written = loaded.reduce(
      (sum, scenario) => sum + scenario.tasks.reduce((inner, task) => inner + countRefs(task.plan), 0),
      0,
    );
    expect(written).toBe(result.stats.refs);
    expect(written).toBeGreaterThan(0);
  });

  it("reproduces every recorded result and every gold argument from the imported plans, in two valid orders", () => {
    const docs = new Map<string, ReturnType<typeof loadFuncDocs>>();
    const docsOf = (className: string) => {
      if (!docs.has(className)) docs.set(className, loadFuncDocs(peerDir, className));
      return docs.get(className)!;
    };
    let checked = 0;
    const problems: string[] = [];
    for (const scenario of loaded) {
      const entryId = scenario.id.replace(/^bfcl-v3-/, "");
      const trace = traces.get(entryId)!;
      for (const task of scenario.tasks) {
        const className = task.origin!.split("#")[1]!;
        expect(bfclClass(className).domain).toBe(task.domain);
        const expected = trace.filter((step) => step.class === className);
        expect(task.plan).toHaveLength(expected.length);
        const world = () => buildWorld(REGISTRY, [task.domain], scenario.initialWorld, scenario.id);
        const forward = executePlan(task, world(), REGISTRY);
        const backward = executePlan({ ...task, plan: [...task.plan].reverse() }, world(), REGISTRY);
        task.plan.forEach((step, index) => {
          const upstream = expected[index]!;
          const recorded = upstreamResultValue(upstream.result);
          const args = resolveRefs(step.args, forward.results);
          const goldArgs = bindArguments(
            parsePythonCall(upstream.call),
            docsOf(className).get(upstream.function)!,
          );
          if (step.tool !== upstream.function || !valuesEqual(goldArgs, args))
            problems.push(
              `${scenario.id} ${task.id} ${step.id}: ${JSON.stringify(args)} is not ${upstream.call}`,
            );
          if (!valuesEqual(recorded, forward.results.get(step.id)))
            problems.push(`${scenario.id} ${task.id} ${step.id}: result differs from upstream`);
          if (!valuesEqual(recorded, backward.results.get(step.id)))
            problems.push(`${scenario.id} ${task.id} ${step.id}: result differs in the reversed order`);
          checked += 1;
        });
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe([...traces.values()].reduce((sum, steps) => sum + steps.length, 0));
  });

  it("gives every user turn to at least one task and one scenario per entry", () => {
    const questions = readLines(join(peerDir, "bfcl_v3/data/BFCL_v3_multi_turn_base.json")).map(
      (line) => JSON.parse(line) as { id: string; question: Array<Array<{ content: string }>> },
    );
    for (const question of questions) {
      const scenario = loaded.find((item) => item.id === `bfcl-v3-${question.id}`)!;
      const instructions = scenario.tasks.map((task) => task.instruction).join("\n");
      for (const turn of question.question) expect(instructions).toContain(turn[0]!.content);
    }
  });
});

function readLines(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
}

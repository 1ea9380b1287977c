/**
 * NESTFUL v2 math records → asynctool scenarios, one single-task scenario per record. Each gold call
 * becomes a step on our math domain's `basic_` tool (NESTFUL_MATH_TOOLS); arguments bind by
 * position, as upstream passes them; `$var_N.result$` (and the other dialects) becomes
 * `{"$ref": "sK.result.result"}` (our basic tools return `{"result": value}`); the answer refers to
 * the last call's first output, which is what upstream's win rate compares with `gold_answer`. The
 * functions are pure, so a call repeating an earlier one exactly is folded into that step (else an
 * agent that reuses a result would miss a gold step, and one that repeats it would be a duplicate).
 * Coding records (functions outside the map) are skipped, not failed.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { canonicalJson } from "../../core/canonical-json.ts";
import { BadInputError, parseOrThrow } from "../../core/errors.ts";
import type { ToolCatalog } from "../../tools/catalog.ts";
import { NESTFUL_MATH_TOOLS } from "../../tools/domains/math/index.ts";
import { REGISTRY } from "../../tools/registry.ts";
import { buildWorld } from "../../tools/world.ts";
import { goldAnswerOf } from "../conformance/nestful.ts";
import { labelKey, matchesGold, parseReference } from "../conformance/nestful-references.ts";
import { executePlan } from "../gold.ts";
import { isRef, Scenario, type Step, type Task } from "../schema.ts";
import { scenarioProblems } from "../validate-scenario.ts";
import { type ImportResult, reasonOf, seedFromId, withGold } from "./imported-task.ts";
import { planPattern } from "./plan-order.ts";

export const NESTFUL_SPLIT = "import-nestful";

export interface NestfulImportStats {
  /** Records in the file. */
  records: number;
  /** Records with a function outside the math map (NESTFUL's coding records). */
  skipped: number;
  scenarios: number;
  /** `$ref`s in the imported plans (from `$var…$` references; after merging repeated calls). */
  refs: number;
  /** Gold calls that repeat an earlier call exactly (same function, same inputs): folded into that step. */
  mergedCalls: number;
}

const callSchema = z.looseObject({
  name: z.string(),
  label: z.string(),
  arguments: z.record(z.string(), z.unknown()),
});
const recordSchema = z.looseObject({
  sample_id: z.string(),
  input: z.string(),
  output: z.array(callSchema).min(1),
  tools: z.array(
    z.looseObject({
      name: z.string(),
      // Math specs spell it `output_parameter`, coding specs `output_parameters` (peer-data README §4).
      output_parameter: z.record(z.string(), z.unknown()).optional(),
      output_parameters: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});
export type NestfulRecord = z.infer<typeof recordSchema>;

/** Import the math records of a NESTFUL v2 JSONL file. */
export function importNestful(
  file: string,
  catalog: ToolCatalog = REGISTRY,
  nestfulTools: Readonly<Record<string, string>> = NESTFUL_MATH_TOOLS,
): ImportResult<NestfulImportStats> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new BadInputError(`${file}: cannot read (${(error as Error).message})`);
  }
  const result: ImportResult<NestfulImportStats> = {
    scenarios: [],
    failures: [],
    stats: { records: 0, skipped: 0, scenarios: 0, refs: 0, mergedCalls: 0 },
  };
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    result.stats.records += 1;
    const where = `${file}:${index + 1}`;
    let record: NestfulRecord;
    try {
      record = parseOrThrow(recordSchema, JSON.parse(line), where);
    } catch (error) {
      result.failures.push({ record: where, reason: reasonOf(error) });
      return;
    }
    if (!record.output.every((call) => Object.hasOwn(nestfulTools, call.name))) {
      result.stats.skipped += 1;
      return;
    }
    try {
      const { scenario, refs, merged } = importNestfulRecord(record, line, catalog, nestfulTools);
      result.scenarios.push(scenario);
      result.stats.scenarios += 1;
      result.stats.refs += refs;
      result.stats.mergedCalls += merged;
    } catch (error) {
      result.failures.push({ record: record.sample_id, reason: reasonOf(error) });
    }
  });
  return result;
}

/** Output field names a record's spec declares for `name` (flat map or JSON-Schema-like `properties`). */
function outputFields(record: NestfulRecord, name: string): string[] {
  const spec = record.tools.find((tool) => tool.name === name);
  const declared = spec?.output_parameters ?? spec?.output_parameter ?? {};
  const properties = declared.properties;
  return Object.keys(properties !== null && typeof properties === "object" ? properties : declared);
}

/**
 * The path below `sK.result` of upstream output `field`: our result's own field when it has one,
 * else the whole result (a tool whose single declared output is its plain value).
 */
function outputPath(result: unknown, field: string | undefined): string {
  if (field === undefined) return "";
  if (result !== null && typeof result === "object" && !Array.isArray(result) && Object.hasOwn(result, field))
    return `.${field}`;
  return "";
}

/** Convert one math record; `line` is its raw JSON text (the gold answer's float/int spelling matters). */
export function importNestfulRecord(
  record: NestfulRecord,
  line: string,
  catalog: ToolCatalog = REGISTRY,
  nestfulTools: Readonly<Record<string, string>> = NESTFUL_MATH_TOOLS,
): { scenario: Scenario; refs: number; merged: number } {
  const stepOfLabel = new Map<string, string>();
  const plan: Step[] = [];
  let results: ReadonlyMap<string, unknown> = new Map();
  let merged = 0;
  const draft = (steps: Step[], answer: unknown): Task => ({
    id: "T1",
    domain: "math",
    instruction: record.input,
    plan: steps,
    answer,
    answerMatch: "exact",
    resources: [],
    tags: [],
    origin: `nestful:${record.sample_id}`,
  });
  for (const call of record.output) {
    const toolName = nestfulTools[call.name]!;
    const registered = catalog.findTool(toolName);
    if (!registered) throw new BadInputError(`${call.label}: no tool ${toolName} for NESTFUL ${call.name}`);
    const names = Object.keys(registered.tool.parameters.shape);
    const values = Object.values(call.arguments);
    if (values.length > names.length)
      throw new BadInputError(
        `${call.label}: ${values.length} arguments for ${toolName}(${names.join(", ")})`,
      );
    const args: Record<string, unknown> = {};
    values.forEach((value, position) => {
      const reference = parseReference(value);
      if (!reference) {
        if (typeof value === "string" && value.includes("$var"))
          throw new BadInputError(
            `${call.label}: a reference inside a longer string is not supported: ${value}`,
          );
        args[names[position]!] = value;
        return;
      }
      const stepId = stepOfLabel.get(labelKey(reference.label));
      if (stepId === undefined) throw new BadInputError(`${call.label}: ${value} names no earlier call`);
      args[names[position]!] = {
        $ref: `${stepId}.result${outputPath(results.get(stepId), reference.field)}`,
      };
    });
    // The math tools are pure: a repeated call (same tool, same inputs) is the earlier step again.
    const same = plan.find(
      (step) => step.tool === toolName && canonicalJson(step.args) === canonicalJson(args),
    );
    if (same) {
      stepOfLabel.set(labelKey(call.label), same.id);
      merged += 1;
      continue;
    }
    const step: Step = { id: `s${plan.length + 1}`, tool: toolName, args };
    plan.push(step);
    stepOfLabel.set(labelKey(call.label), step.id);
    // Run the plan so far: the next reference's path depends on this step's result shape.
    const run = executePlan(draft(plan, null), buildWorld(catalog, ["math"], {}, record.sample_id), catalog);
    const failed = run.steps.find((gold) => gold.error !== undefined);
    if (failed) throw new BadInputError(`${call.label} (${call.name}) failed: ${failed.error}`);
    results = run.results;
  }
  const last = plan.at(-1)!;
  const firstOutput = outputFields(record, record.output.at(-1)!.name)[0];
  const answer = { $ref: `${last.id}.result${outputPath(results.get(last.id), firstOutput ?? "result")}` };
  const gold = goldAnswerOf(line);
  const task: Task = {
    ...draft(plan, answer),
    answerMatch: typeof gold.value === "number" ? "number" : "exact",
    tags: [planPattern(plan)],
  };
  const { task: withRecordedGold, run } = withGold(task, {}, catalog, `nestful ${record.sample_id}`);
  if (!matchesGold(run.answer, gold))
    throw new BadInputError(
      `final value ${JSON.stringify(run.answer)} does not match gold_answer ${JSON.stringify(gold.value)}`,
    );
  const scenario = Scenario.parse({
    id: `nestful-${record.sample_id}`,
    seed: seedFromId(record.sample_id),
    tasks: [withRecordedGold],
    initialWorld: {},
    composition: "single",
    split: NESTFUL_SPLIT,
    description: `NESTFUL v2 math record ${record.sample_id}`,
  });
  const problems = scenarioProblems(scenario, catalog);
  if (problems.length > 0) throw new BadInputError(`scenario problems: ${problems.join("; ")}`);
  return {
    scenario,
    refs: plan.reduce((sum, step) => sum + Object.values(step.args).filter(isRef).length, 0),
    merged,
  };
}

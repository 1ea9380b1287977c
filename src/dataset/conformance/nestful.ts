/**
 * NESTFUL conformance: replay the gold call sequence of every math record of the v2 toy sample on
 * our math domain's NESTFUL functions (references resolved as upstream's scorer does) and compare
 * the final value with `gold_answer` under upstream's rounding rule.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { parseOrThrow } from "../../core/errors.ts";
import type { ToolCatalog } from "../../tools/catalog.ts";
import { initialState } from "../../tools/domain.ts";
import { NESTFUL_MATH_TOOLS } from "../../tools/domains/math/index.ts";
import { REGISTRY } from "../../tools/registry.ts";
import type { AnyTool } from "../../tools/tool.ts";
import { parsePythonLiteral } from "../importers/python-call.ts";
import {
  type GoldAnswer,
  labelKey,
  matchesGold,
  pythonFloatRepr,
  resolveArgument,
} from "./nestful-references.ts";
import { PEER_FILES } from "./peer-data.ts";
import type { NestfulMismatch, NestfulReport } from "./report.ts";
import { ourResultValue } from "./values.ts";

const callSchema = z.looseObject({
  name: z.string(),
  label: z.string(),
  arguments: z.record(z.string(), z.unknown()),
});
const toolSpecSchema = z.looseObject({
  name: z.string(),
  // Math specs spell it `output_parameter`, coding specs `output_parameters` (README §4).
  output_parameter: z.record(z.string(), z.unknown()).optional(),
  output_parameters: z.record(z.string(), z.unknown()).optional(),
});
const recordSchema = z.looseObject({
  sample_id: z.string(),
  output: z.array(callSchema),
  tools: z.array(toolSpecSchema),
  gold_answer: z.unknown(),
});
type NestfulRecord = z.infer<typeof recordSchema>;

/** Marks a float literal so the gold answer keeps Python's float/int distinction that JSON.parse loses. */
class FloatLiteral {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {}
}

/** The gold answer of one JSON line, read with float literals kept apart from ints. */
export function goldAnswerOf(line: string): GoldAnswer {
  const parsed = parsePythonLiteral(line, {
    json: true,
    float: (value, text) => new FloatLiteral(value, text),
  });
  const raw = (parsed as Record<string, unknown>).gold_answer;
  const unwrap = (value: unknown): unknown => {
    if (value instanceof FloatLiteral) return value.value;
    if (Array.isArray(value)) return value.map(unwrap);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, unwrap(member)]));
    }
    return value;
  };
  // Python's str() of the float decides the decimals; json.loads gives the same float as the text.
  return {
    value: unwrap(raw),
    floatText: raw instanceof FloatLiteral ? pythonFloatRepr(raw.value) : undefined,
  };
}

/** Output field names a spec declares (flat map, or JSON-Schema-like `properties`). */
function outputFields(spec: z.infer<typeof toolSpecSchema> | undefined): string[] {
  const declared = spec?.output_parameters ?? spec?.output_parameter ?? {};
  const properties = declared.properties;
  if (properties !== null && typeof properties === "object") return Object.keys(properties);
  return Object.keys(declared);
}

/** Replay one record; returns the final value or the mismatch that stopped it. */
function replayRecord(
  record: NestfulRecord,
  toolFor: (name: string) => AnyTool | undefined,
  state: unknown,
): { value: unknown } | { step: string; error: string } {
  const outputs = new Map<string, Record<string, unknown>>();
  let last: Record<string, unknown> = {};
  for (const call of record.output) {
    const tool = toolFor(call.name);
    if (!tool) return { step: call.label, error: `no tool for NESTFUL function ${call.name}` };
    try {
      // Upstream passes arguments by position in the record's order; bind them to our parameter order.
      const values = Object.values(call.arguments).map((value) => resolveArgument(value, outputs));
      const names = Object.keys(tool.parameters.shape);
      if (values.length > names.length)
        throw new Error(`${values.length} arguments for ${names.length} parameters`);
      const parsed = tool.parameters.safeParse(
        Object.fromEntries(values.map((value, index) => [names[index]!, value])),
      );
      if (!parsed.success) {
        const issues = parsed.error.issues.map(
          (issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`,
        );
        throw new Error(`invalid arguments: ${issues.join("; ")}`);
      }
      const args = parsed.data;
      const result = ourResultValue(tool.run(state, args, { time: 0 }));
      const fields = outputFields(record.tools.find((spec) => spec.name === call.name));
      const isRecord = result !== null && typeof result === "object" && !Array.isArray(result);
      const covers = isRecord && fields.every((field) => Object.hasOwn(result, field));
      last = covers ? (result as Record<string, unknown>) : { [fields[0] ?? "result"]: result };
      outputs.set(labelKey(call.label), last);
    } catch (error) {
      return { step: call.label, error: `${call.name}: ${(error as Error).message}` };
    }
  }
  // Upstream's final answer: the first output value of the last call.
  return { value: Object.values(last)[0] };
}

/**
 * Replay NESTFUL's math records from `peerDir`. `nestfulTools` maps a NESTFUL function name to
 * our tool name (default: the math domain's map); a record is "math" when every call is in that map.
 */
export function replayNestful(
  peerDir: string,
  catalog: ToolCatalog = REGISTRY,
  nestfulTools: Readonly<Record<string, string>> = NESTFUL_MATH_TOOLS,
): NestfulReport {
  const path = join(peerDir, PEER_FILES.nestfulData);
  const lines = readFileSync(path, "utf8").split("\n");
  const report: NestfulReport = { records: { matched: 0, total: 0 }, mismatches: [] };
  const toolFor = (name: string) => {
    const toolName = nestfulTools[name];
    return toolName === undefined ? undefined : catalog.findTool(toolName)?.tool;
  };
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const record = parseOrThrow(recordSchema, JSON.parse(line), `${path}:${index + 1}`);
    if (!record.output.every((call) => Object.hasOwn(nestfulTools, call.name))) return; // a coding record
    const gold = goldAnswerOf(line);
    report.records.total += 1;
    const domain = catalog.findTool(nestfulTools[record.output[0]!.name]!)?.domain;
    const state = domain ? initialState(domain, {}, `NESTFUL ${record.sample_id}`) : {};
    const outcome = replayRecord(record, toolFor, state);
    let mismatch: NestfulMismatch | undefined;
    if ("error" in outcome) {
      mismatch = {
        record: record.sample_id,
        step: outcome.step,
        expected: gold.value,
        actual: { error: outcome.error },
      };
    } else if (!matchesGold(outcome.value, gold)) {
      mismatch = { record: record.sample_id, expected: gold.value, actual: outcome.value };
    }
    if (mismatch) report.mismatches.push(mismatch);
    else report.records.matched += 1;
  });
  return report;
}

/**
 * Test-side replay of one BFCL v3 class on its port, from the recorded gold trace (peer data).
 * Each entry's state is built from the question's partial `initial_config` (so class defaults are
 * exercised) and must equal the recorded initial state; every recorded call of the class then runs
 * with upstream's argument binding, and each result and the public state after every turn (changed
 * or not) must equal the recording exactly. Stricter than `asynctool conformance`, which allows
 * float noise, sorts set fields and only checks the states a turn changed.
 */
import { join } from "node:path";
import { z } from "zod";
import { canonicalJson } from "../../../core/canonical-json.ts";
import { PEER_FILES } from "../../../dataset/conformance/peer-data.ts";
import { errorValue, type Tally } from "../../../dataset/conformance/report.ts";
import { ourResultValue, publicFields, upstreamResultValue } from "../../../dataset/conformance/values.ts";
import { bindArguments, type FuncDoc, loadFuncDocs } from "../../../dataset/importers/bfcl-classes.ts";
import { parsePythonCall } from "../../../dataset/importers/python-call.ts";
import { type AnyDomain, initialState } from "../../domain.ts";
import { ToolError, toolJsonSchema } from "../../tool.ts";
import { readJsonLines } from "./peer-data.ts";

/** The BFCL v3 base question file (initial configs), relative to the peer-data folder. */
export const QUESTION_FILE = "bfcl_v3/data/BFCL_v3_multi_turn_base.json";
/** What the replay reads. */
export const BFCL_REPLAY_FILES = [PEER_FILES.bfclTrace, PEER_FILES.bfclFuncDocs, QUESTION_FILE];

const JsonObject = z.record(z.string(), z.unknown());
const Question = z.looseObject({ id: z.string(), initial_config: z.record(z.string(), JsonObject) });
const Entry = z.looseObject({
  id: z.string(),
  involved_classes: z.array(z.string()),
  initial_state: z.record(z.string(), JsonObject),
  turns: z.array(
    z.looseObject({
      steps: z.array(z.looseObject({ call: z.string(), class: z.string(), result: z.string() })),
      changed_state_after_turn: z.record(z.string(), JsonObject),
    }),
  ),
});
type Entry = z.infer<typeof Entry>;

export interface ClassReplay {
  calls: Tally;
  /** Initial states plus one state after each turn of every entry using the class (none for a stateless class). */
  states: Tally;
  mismatches: string[];
}

/** `keyOrder`: also require upstream's key order in states, where it is observable (a directory listing). */
export interface ReplayOptions {
  keyOrder?: boolean;
}

function traceEntries(peerDir: string, className: string): Entry[] {
  return readJsonLines(join(peerDir, PEER_FILES.bfclTrace))
    .map(({ value }) => Entry.parse(value))
    .filter((entry) => entry.involved_classes.includes(className));
}

/** `initial_config[className]` of every base question, by entry id (undefined: upstream's defaults). */
function questionConfigs(peerDir: string, className: string): Map<string, unknown> {
  return new Map(
    readJsonLines(join(peerDir, QUESTION_FILE)).map(({ value }) => {
      const question = Question.parse(value);
      return [question.id, question.initial_config[className]];
    }),
  );
}

/** Run one recorded call; a failure becomes the `{status:"error"}` value, which no recording holds. */
function runCall(domain: AnyDomain, docs: Map<string, FuncDoc>, state: unknown, text: string, time: number) {
  try {
    const call = parsePythonCall(text);
    const doc = docs.get(call.name);
    if (!doc) return errorValue(`${call.name} is not in the func doc`);
    const tool = domain.tools.find((candidate) => candidate.name === call.name);
    if (!tool) return errorValue(`domain ${domain.name} has no tool ${call.name}`);
    return ourResultValue(tool.run(state, tool.parameters.parse(bindArguments(call, doc)), { time }));
  } catch (error) {
    const prefix = error instanceof ToolError ? "" : `${(error as Error).name}: `;
    return errorValue(`${prefix}${(error as Error).message}`);
  }
}

/** Replay every recorded call of `className` on `domain`. */
export function replayBfclClass(
  peerDir: string,
  className: string,
  domain: AnyDomain,
  options: ReplayOptions = {},
): ClassReplay {
  const docs = loadFuncDocs(peerDir, className);
  const configs = questionConfigs(peerDir, className);
  const report: ClassReplay = {
    calls: { matched: 0, total: 0 },
    states: { matched: 0, total: 0 },
    mismatches: [],
  };
  const same = (expected: unknown, actual: unknown) =>
    options.keyOrder
      ? JSON.stringify(expected) === JSON.stringify(actual)
      : canonicalJson(expected) === canonicalJson(actual);
  const check = (tally: Tally, expected: unknown, actual: unknown, where: string) => {
    tally.total += 1;
    if (same(expected, actual)) tally.matched += 1;
    else
      report.mismatches.push(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  };
  for (const entry of traceEntries(peerDir, className)) {
    // A stateless class (MathAPI) has no recorded state; its questions' configs are not ours to parse.
    let expected: unknown = entry.initial_state[className];
    const config = expected === undefined ? {} : configs.get(entry.id);
    const state = initialState(domain, config, `${entry.id} initial_config.${className}`);
    if (expected !== undefined)
      check(report.states, expected, publicFields(state), `${entry.id} initial state`);
    let time = 0;
    entry.turns.forEach((turn, turnIndex) => {
      for (const step of turn.steps) {
        if (step.class !== className) continue;
        const actual = runCall(domain, docs, state, step.call, time);
        time += 1;
        check(
          report.calls,
          upstreamResultValue(step.result),
          actual,
          `${entry.id} turn ${turnIndex} ${step.call}`,
        );
      }
      if (expected === undefined) return;
      expected = turn.changed_state_after_turn[className] ?? expected;
      check(report.states, expected, publicFields(state), `${entry.id} state after turn ${turnIndex}`);
    });
  }
  return report;
}

export interface RecordedStart {
  id: string;
  /** `initial_config[className]` of the question file (may be absent: upstream then uses its defaults). */
  config: unknown;
  /** The public state upstream built from it, as the gold trace records it. */
  initialState: Record<string, unknown>;
}

/** For every base entry that records a state of `className`: its config and the state upstream loaded. */
export function recordedStarts(peerDir: string, className: string): RecordedStart[] {
  const configs = questionConfigs(peerDir, className);
  return traceEntries(peerDir, className).flatMap((entry) => {
    const recorded = entry.initial_state[className];
    return recorded === undefined
      ? []
      : [{ id: entry.id, config: configs.get(entry.id), initialState: recorded }];
  });
}

export interface Signature {
  name: string;
  parameters: Record<string, string>;
  required: string[];
}

/** Upstream's Python-flavoured type names in JSON Schema terms. */
const JSON_TYPES: Readonly<Record<string, string>> = { dict: "object", float: "number" };

/** Upstream's signatures from the class's function docs. */
export function funcDocSignatures(peerDir: string, className: string): Signature[] {
  return [...loadFuncDocs(peerDir, className).values()]
    .map((doc) => {
      const properties = doc.parameters.properties as Record<string, { type: string }>;
      return {
        name: doc.name,
        parameters: Object.fromEntries(
          Object.entries(properties).map(([name, property]) => [
            name,
            JSON_TYPES[property.type] ?? property.type,
          ]),
        ),
        required: [...((doc.parameters.required as string[] | undefined) ?? [])].sort(),
      };
    })
    .sort((left, right) => left.name.localeCompare(right.name));
}

const nonNullType = (type: string | string[] | undefined): string | undefined =>
  Array.isArray(type) ? type.find((name) => name !== "null") : type;

/** Our tools' signatures; a nullable parameter is listed by its non-null type. */
export function domainSignatures(domain: AnyDomain): Signature[] {
  return domain.tools
    .map((tool) => {
      const schema = toolJsonSchema(tool) as {
        properties?: Record<string, { type?: string | string[]; anyOf?: { type?: string }[] }>;
        required?: string[];
      };
      const parameters = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [
          name,
          nonNullType(property.type) ?? property.anyOf?.find((option) => option.type !== "null")?.type ?? "",
        ]),
      );
      return { name: tool.name, parameters, required: [...(schema.required ?? [])].sort() };
    })
    .sort((left, right) => left.name.localeCompare(right.name));
}

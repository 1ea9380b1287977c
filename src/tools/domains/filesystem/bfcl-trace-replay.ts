/**
 * Conformance check against the recorded BFCL v3 gold trace (peer data, never copied into the
 * project): every recorded call of one upstream class is run on our port from the entry's
 * `initial_state`, and results (by value) and public state after each turn are compared.
 * Shared by the filesystem, social and tickets conformance tests.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { canonicalJson } from "../../../core/canonical-json.ts";
import { parsePythonCall, parsePythonLiteral } from "../../../dataset/importers/python-call.ts";
import { type AnyDomain, initialState } from "../../domain.ts";
import { ToolError } from "../../tool.ts";

export const TRACE_RELATIVE_PATH = "bfcl_v3/derived/BFCL_v3_multi_turn_base.gold_trace.jsonl";

/** The trace file, or undefined when the peer data is not on this machine. */
export function findGoldTrace(): string | undefined {
  const root = process.env.ASYNCTOOL_PEER_DATA ?? path.resolve(process.cwd(), "../shared/peer-data");
  const file = path.join(root, TRACE_RELATIVE_PATH);
  return existsSync(file) ? file : undefined;
}

interface TraceStep {
  call: string;
  class: string;
  function: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  result: string;
}
interface TraceEntry {
  id: string;
  initial_state: Record<string, unknown>;
  turns: { steps: TraceStep[]; changed_state_after_turn: Record<string, unknown> }[];
}

export interface ReplayReport {
  calls: number;
  matchedCalls: number;
  states: number;
  matchedStates: number;
  mismatches: string[];
}

/**
 * Upstream's result string as a value: JSON for dicts, a Python repr for lists (`str()`), "None"
 * for None; text that is neither stays a string.
 */
export function resultValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parsePythonLiteral(text);
    } catch {
      return text;
    }
  }
}

/** Public state: fields whose names start with `_` are internal. */
export function publicState(state: unknown): unknown {
  return Object.fromEntries(
    Object.entries(state as Record<string, unknown>).filter(([key]) => !key.startsWith("_")),
  );
}

/**
 * `keyOrder`: also require the same key order as the trace (Python insertion order), for states
 * whose order is observable (a directory listing).
 */
export function replayClass(
  file: string,
  className: string,
  domain: AnyDomain,
  keyOrder = false,
): ReplayReport {
  const report: ReplayReport = { calls: 0, matchedCalls: 0, states: 0, matchedStates: 0, mismatches: [] };
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const entry = JSON.parse(line) as TraceEntry;
    if (!(className in entry.initial_state)) continue;
    replayEntry(entry, className, domain, report, keyOrder);
  }
  return report;
}

function replayEntry(
  entry: TraceEntry,
  className: string,
  domain: AnyDomain,
  report: ReplayReport,
  keyOrder: boolean,
): void {
  let expected = entry.initial_state[className];
  const state = initialState(domain, structuredClone(expected), `${entry.id}.initial_state.${className}`);
  entry.turns.forEach((turn, turnIndex) => {
    for (const step of turn.steps) {
      if (step.class !== className) continue;
      report.calls += 1;
      const actual = runStep(domain, state, step);
      if (canonicalJson(actual) === canonicalJson(resultValue(step.result))) report.matchedCalls += 1;
      else
        report.mismatches.push(
          `${entry.id} turn ${turnIndex} ${step.call}: got ${JSON.stringify(actual)}, want ${step.result}`,
        );
    }
    expected = turn.changed_state_after_turn[className] ?? expected;
    report.states += 1;
    const actual = publicState(state);
    const same = keyOrder
      ? JSON.stringify(actual) === JSON.stringify(expected)
      : canonicalJson(actual) === canonicalJson(expected);
    if (same) report.matchedStates += 1;
    else report.mismatches.push(`${entry.id} state after turn ${turnIndex}: got ${JSON.stringify(actual)}`);
  });
}

/**
 * Arguments come from the call text: the recorded `args`/`kwargs` were serialised after the run,
 * and upstream keeps some argument lists in its state, so a later call can have changed them.
 * Positional arguments follow the order of the tool's parameter shape, as upstream's signatures do.
 */
function runStep(domain: AnyDomain, state: unknown, step: TraceStep): unknown {
  const call = parsePythonCall(step.call);
  const tool = domain.tools.find((candidate) => candidate.name === call.name);
  if (tool === undefined) return { replayError: `no tool ${call.name}` };
  const names = Object.keys(tool.parameters.shape);
  const args: Record<string, unknown> = { ...call.kwargs };
  call.args.forEach((value, index) => {
    const name = names[index];
    if (name !== undefined) args[name] = value;
  });
  try {
    return callTool(domain, state, call.name, args);
  } catch (error) {
    if (error instanceof ToolError) return { toolError: error.message };
    return { replayError: String(error) };
  }
}

/**
 * Validate `args` against the tool's schema (defaults filled in) and run it on `state`, as the
 * environment does. Throws the schema error or the tool's ToolError.
 */
export function callTool(
  domain: AnyDomain,
  state: unknown,
  name: string,
  args: Record<string, unknown> = {},
): unknown {
  const tool = domain.tools.find((candidate) => candidate.name === name);
  if (tool === undefined) throw new Error(`domain ${domain.name} has no tool ${name}`);
  return tool.run(state, tool.parameters.parse(args), { time: 0 });
}

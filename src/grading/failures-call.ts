import type { z } from "zod";
import { isControlTool } from "../env/control-tools.ts";
import type { FailureContext, FailureInstance } from "./failure-types.ts";
import { clip } from "./failures-task.ts";
import type { CallRecord } from "./trace-view.ts";
import { addScalarKeys, scalarKey, scalarLeaves, valuesMatch } from "./values.ts";

/**
 * Call-level failure rules (DESIGN §6.8). Each is a pure function of the failure context and is
 * documented with an example trace in docs/metrics.md. The value rules look only at the
 * arguments in which an unmatched call departs from the gold step it most resembles, so values
 * shared with the right step (or filled in by defaults) never count against it.
 */

/** The values (scalar leaves) of the arguments where `call` departs from its nearest gold step. */
function departingValues(context: FailureContext, call: CallRecord): unknown[] {
  const near = context.attribution.nearest.get(call.index);
  if (!near || call.args === null) return [];
  return near.differingKeys.flatMap((key) => scalarLeaves((call.args as Record<string, unknown>)[key]));
}

function isUnmatchedValid(context: FailureContext, call: CallRecord): boolean {
  return call.status !== "invalid" && call.args !== null && !context.matching.stepOfCall.has(call.index);
}

/**
 * Tool confusion: an unmatched call, attributed to task A, whose departing arguments carry a value
 * that only another task B's gold contains (arguments or results): A's tool with B's values, or a
 * tool of A's domain fed B's data. One occurrence per call.
 */
export function toolConfusion(context: FailureContext): FailureInstance[] {
  const found: FailureInstance[] = [];
  for (const call of context.view.calls) {
    const owner = confusedWith(context, call);
    if (!owner) continue;
    found.push({
      kind: "toolConfusion",
      ...taskOf(context, call),
      requestId: call.requestId,
      detail: `${call.tool} call for ${context.attribution.taskOfCall.get(call.index) ?? "no task"} carries ${owner.value} from ${owner.taskId}`,
    });
  }
  return found;
}

function confusedWith(context: FailureContext, call: CallRecord): { taskId: string; value: string } | null {
  if (!isUnmatchedValid(context, call)) return null;
  const ownTask = context.attribution.taskOfCall.get(call.index);
  for (const value of departingValues(context, call)) {
    const key = scalarKey(value);
    if (key === null) continue;
    for (const [taskId, exclusive] of context.gold.exclusiveValues) {
      if (taskId !== ownTask && exclusive.has(key)) return { taskId, value: clip(value) };
    }
  }
  return null;
}

/**
 * Hallucinated argument: an unmatched call whose departing arguments hold a value the agent had
 * not been given: not in any instruction (numbers as numerals, strings as text), not a literal
 * argument of the gold plans, not in any result delivered before the call, not the tool's
 * default, and not another task's value (that is tool confusion). Values the agent computed itself
 * count: the benchmark asks it to use the tools. One occurrence per call.
 */
export function hallucinatedArguments(context: FailureContext): FailureInstance[] {
  const found: FailureInstance[] = [];
  const { gold, view } = context;
  for (const call of view.calls) {
    if (!isUnmatchedValid(context, call) || confusedWith(context, call)) continue;
    const delivered = deliveredBefore(view.calls, call.t);
    const near = context.attribution.nearest.get(call.index);
    const defaults = toolDefaults(context, call.tool);
    const unknown: unknown[] = [];
    for (const argument of near?.differingKeys ?? []) {
      const value = (call.args as Record<string, unknown>)[argument];
      if (argument in defaults && valuesMatch(value, defaults[argument])) continue;
      for (const leaf of scalarLeaves(value)) {
        const key = scalarKey(leaf);
        if (key === null || gold.givenValues.has(key) || delivered.keys.has(key)) continue;
        if (typeof leaf === "string") {
          const text = leaf.trim().toLowerCase();
          if (gold.instructionText.includes(text) || delivered.text.includes(text)) continue;
        }
        unknown.push(leaf);
      }
    }
    if (unknown.length === 0) continue;
    found.push({
      kind: "hallucinatedArgument",
      ...taskOf(context, call),
      requestId: call.requestId,
      detail: `${call.tool} uses ${unknown.map(clip).join(", ")}, never given to the agent`,
    });
  }
  return found;
}

/** Scalar keys and lower-cased JSON text of every result delivered to the agent by time `t`. */
function deliveredBefore(calls: readonly CallRecord[], t: number): { keys: Set<string>; text: string } {
  const keys = new Set<string>();
  const texts: string[] = [];
  for (const call of calls) {
    if (call.deliveredAt === null || call.deliveredAt > t || !call.completion) continue;
    addScalarKeys(call.completion.result, keys);
    texts.push(JSON.stringify(call.completion.result ?? null).toLowerCase());
  }
  return { keys, text: texts.join("\n") };
}

/** Default values of a tool's arguments (those its schema fills in when absent). */
function toolDefaults(context: FailureContext, tool: string): Record<string, unknown> {
  const shape = context.gold.catalog.findTool(tool)?.tool.parameters.shape ?? {};
  const defaults: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const parsed = (schema as z.ZodType).safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) defaults[name] = parsed.data;
  }
  return defaults;
}

/** Invalid call: a call the environment refused as invalid (unknown tool, bad arguments, a wait with nothing pending, a second submission). */
export function invalidCalls(context: FailureContext): FailureInstance[] {
  return [...context.view.calls, ...context.view.controlCalls]
    .filter((call) => call.status === "invalid" && call.args !== null)
    .sort((a, b) => a.seq - b.seq)
    .map((call) => ({
      kind: "invalidCall" as const,
      ...taskOf(context, call),
      requestId: call.requestId,
      detail: `${call.tool} was invalid at t=${call.t}`,
    }));
}

/**
 * Unparseable response: a call whose arguments were not a JSON object at all, or (prompt mode) a
 * tool-call block in the text that could not be parsed into a call.
 */
export function unparseableResponses(context: FailureContext): FailureInstance[] {
  const badArguments = [...context.view.calls, ...context.view.controlCalls]
    .filter((call) => call.args === null)
    .sort((a, b) => a.seq - b.seq)
    .map((call) => ({
      kind: "unparseableResponse" as const,
      requestId: call.requestId,
      detail: `arguments of ${call.tool} at t=${call.t} are not a JSON object`,
    }));
  const badBlocks = context.view.unparseableTurns.map((turn) => ({
    kind: "unparseableResponse" as const,
    detail: `turn ${turn.turn} at t=${turn.t}: ${turn.count} tool-call block(s) in the text could not be parsed`,
  }));
  return [...badArguments, ...badBlocks];
}

/**
 * Duplicate call: an unmatched call of a side-effecting tool with the same tool and arguments as
 * an earlier accepted call that did not fault (a retry after a fault or a busy rejection is
 * legitimate; a gold plan that repeats a call matches both). One occurrence per repeat.
 */
export function duplicateCalls(context: FailureContext): FailureInstance[] {
  const found: FailureInstance[] = [];
  const earlier: CallRecord[] = [];
  for (const call of context.view.calls) {
    const effective = call.status === "accepted" && call.args !== null && call.completion?.fault !== true;
    const mutates = context.gold.catalog.findTool(call.tool)?.tool.mutates === true;
    if (effective && mutates && !context.matching.stepOfCall.has(call.index)) {
      const first = earlier.find((other) => other.tool === call.tool && valuesMatch(other.args, call.args));
      if (first) {
        found.push({
          kind: "duplicateCall",
          ...taskOf(context, call),
          requestId: call.requestId,
          detail: `${call.tool} repeated at t=${call.t} (first issued at t=${first.t} as ${first.requestId})`,
        });
      }
    }
    if (effective) earlier.push(call);
  }
  return found;
}

function taskOf(context: FailureContext, call: CallRecord): { taskId?: string } {
  // Control calls are indexed apart from domain calls; only a submission names its task.
  const taskId = isControlTool(call.tool)
    ? call.args?.task_id
    : context.attribution.taskOfCall.get(call.index);
  return typeof taskId === "string" ? { taskId } : {};
}

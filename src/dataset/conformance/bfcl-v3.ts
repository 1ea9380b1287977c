/**
 * BFCL v3 multi-turn (base) conformance: replay every gold call of the 200 entries on our domains,
 * starting from the recorded upstream state, and compare each result and each recorded post-turn
 * state with what upstream's own classes produced. No resynchronisation after a difference: like
 * upstream's checker, a divergent state stays divergent for the rest of the entry.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { BadInputError, parseOrThrow } from "../../core/errors.ts";
import type { ToolCatalog } from "../../tools/catalog.ts";
import { type AnyDomain, initialState } from "../../tools/domain.ts";
import { REGISTRY } from "../../tools/registry.ts";
import { ToolError } from "../../tools/tool.ts";
import {
  type BfclClass,
  bfclClass,
  bindArguments,
  type FuncDoc,
  loadFuncDocs,
} from "../importers/bfcl-classes.ts";
import { parsePythonCall } from "../importers/python-call.ts";
import { PEER_FILES } from "./peer-data.ts";
import { type BfclMismatch, type BfclReport, errorValue, type Tally } from "./report.ts";
import {
  differingFields,
  ourResultValue,
  publicFields,
  sortSetFields,
  upstreamResultValue,
  valuesEqual,
} from "./values.ts";

const traceStepSchema = z.looseObject({
  call: z.string(),
  class: z.string(),
  function: z.string(),
  result: z.string(),
});
const traceEntrySchema = z.looseObject({
  id: z.string(),
  involved_classes: z.array(z.string()),
  initial_state: z.record(z.string(), z.record(z.string(), z.unknown())),
  turns: z.array(
    z.looseObject({
      turn: z.number().int(),
      steps: z.array(traceStepSchema),
      changed_state_after_turn: z.record(z.string(), z.record(z.string(), z.unknown())),
    }),
  ),
});
type TraceEntry = z.infer<typeof traceEntrySchema>;
const answerSchema = z.looseObject({ id: z.string(), ground_truth: z.array(z.array(z.string())) });

function readJsonLines<T extends z.ZodType>(path: string, schema: T): Array<z.infer<T>> {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, index }) => parseOrThrow(schema, JSON.parse(line), `${path}:${index + 1}`));
}

/** One class inside one entry: our domain, its live state, and the upstream func docs. */
interface ClassWorld {
  readonly spec: BfclClass;
  readonly domain: AnyDomain | undefined;
  readonly docs: Map<string, FuncDoc>;
  /** Our live state; undefined when the domain is missing or rejected the recorded state. */
  state: unknown;
  /** Why there is no state. */
  problem: string | undefined;
}

function buildWorld(
  entry: TraceEntry,
  catalog: ToolCatalog,
  docsOf: (className: string) => Map<string, FuncDoc>,
) {
  const worlds = new Map<string, ClassWorld>();
  for (const className of entry.involved_classes) {
    const spec = bfclClass(className);
    const domain = catalog.findDomain(spec.domain);
    const docs = docsOf(className);
    const world: ClassWorld = { spec, domain, docs, state: undefined, problem: undefined };
    if (!domain) {
      world.problem = `domain "${spec.domain}" is not registered`;
    } else {
      try {
        // MathAPI is stateless: the trace records no initial state for it.
        world.state = initialState(domain, entry.initial_state[className] ?? {}, `${entry.id} ${className}`);
      } catch (error) {
        world.problem = `recorded initial state rejected: ${(error as Error).message}`;
      }
    }
    worlds.set(className, world);
  }
  return worlds;
}

/** Run one gold call on our side; failures become `{status:"error"}` values. */
function runCall(world: ClassWorld, callText: string, time: number): unknown {
  if (world.problem !== undefined) return errorValue(world.problem);
  try {
    const call = parsePythonCall(callText);
    const doc = world.docs.get(call.name);
    if (!doc) return errorValue(`${call.name} is not in ${world.spec.className}'s func doc`);
    const tool = world.domain!.tools.find((candidate) => candidate.name === call.name);
    if (!tool) return errorValue(`domain "${world.spec.domain}" has no tool ${call.name}`);
    const parsed = tool.parameters.safeParse(bindArguments(call, doc));
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`,
      );
      return errorValue(`invalid arguments: ${issues.join("; ")}`);
    }
    return ourResultValue(tool.run(world.state, parsed.data, { time }));
  } catch (error) {
    const prefix = error instanceof ToolError ? "" : `${(error as Error).name}: `;
    return errorValue(`${prefix}${(error as Error).message}`);
  }
}

/** The class whose func doc defines `functionName` among the entry's classes. */
function classOf(functionName: string, worlds: Map<string, ClassWorld>): ClassWorld | undefined {
  return [...worlds.values()].find((world) => world.docs.has(functionName));
}

const emptyTally = (): Tally => ({ matched: 0, total: 0 });

/** Replay BFCL v3 multi-turn base from `peerDir` on the domains of `catalog` (default: the shipped registry). */
export function replayBfclV3(peerDir: string, catalog: ToolCatalog = REGISTRY): BfclReport {
  const entries = readJsonLines(join(peerDir, PEER_FILES.bfclTrace), traceEntrySchema);
  const answers = new Map(
    readJsonLines(join(peerDir, PEER_FILES.bfclAnswers), answerSchema).map((answer) => [answer.id, answer]),
  );
  const docsByClass = new Map<string, Map<string, FuncDoc>>();
  const docsOf = (className: string) => {
    if (!docsByClass.has(className)) docsByClass.set(className, loadFuncDocs(peerDir, className));
    return docsByClass.get(className)!;
  };
  const report: BfclReport = { calls: emptyTally(), states: emptyTally(), byClass: {}, mismatches: [] };
  const tally = (className: string, kind: "calls" | "states", matched: boolean) => {
    report.byClass[className] ??= { calls: emptyTally(), states: emptyTally() };
    for (const target of [report[kind], report.byClass[className][kind]]) {
      target.total += 1;
      if (matched) target.matched += 1;
    }
  };
  const mismatch = (item: BfclMismatch) => report.mismatches.push(item);

  for (const entry of entries) {
    const answer = answers.get(entry.id);
    if (!answer) throw new BadInputError(`${PEER_FILES.bfclAnswers}: no ground truth for ${entry.id}`);
    if (answer.ground_truth.length !== entry.turns.length) {
      throw new BadInputError(
        `${entry.id}: ${answer.ground_truth.length} gold turns but ${entry.turns.length} traced`,
      );
    }
    const worlds = buildWorld(entry, catalog, docsOf);
    let time = 0;
    entry.turns.forEach((turn, turnIndex) => {
      const goldCalls = answer.ground_truth[turnIndex]!;
      if (goldCalls.length !== turn.steps.length) {
        throw new BadInputError(
          `${entry.id} turn ${turnIndex}: gold and trace disagree on the number of calls`,
        );
      }
      goldCalls.forEach((callText, stepIndex) => {
        const step = turn.steps[stepIndex]!;
        if (step.call !== callText)
          throw new BadInputError(`${entry.id}: gold call "${callText}" traced as "${step.call}"`);
        const world = classOf(step.function, worlds);
        if (!world || world.spec.className !== step.class) {
          throw new BadInputError(
            `${entry.id}: ${step.function} is not a function of ${step.class} in this entry`,
          );
        }
        const expected = upstreamResultValue(step.result);
        const actual = runCall(world, callText, time);
        time += 1;
        const matched = valuesEqual(expected, actual);
        tally(step.class, "calls", matched);
        if (!matched)
          mismatch({
            entry: entry.id,
            turn: turn.turn,
            class: step.class,
            call: callText,
            expected,
            actual,
            kind: "call",
          });
      });
      for (const [className, recorded] of Object.entries(turn.changed_state_after_turn)) {
        const world = worlds.get(className);
        const setFields = world?.spec.setFields ?? [];
        const expected = sortSetFields(recorded, setFields);
        const actual =
          world?.state === undefined ? undefined : sortSetFields(publicFields(world.state), setFields);
        const matched = actual !== undefined && valuesEqual(expected, actual);
        tally(className, "states", matched);
        if (matched) continue;
        const shown =
          actual === undefined
            ? { expected, actual: errorValue(world?.problem ?? "no state") }
            : differingFields(expected, actual);
        mismatch({ entry: entry.id, turn: turn.turn, class: className, ...shown, kind: "state" });
      }
    });
  }
  return report;
}

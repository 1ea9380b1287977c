/**
 * Reading BFCL v3 multi-turn base from a `bfcl_v3/` folder: the questions (user turns), the ground
 * truth (gold call strings per turn), our derived gold trace (recorded `initial_state` with class
 * defaults, the class of every call, upstream's result strings) and the func docs (positional
 * argument order). Each entry is assembled separately, so one bad entry fails alone.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { BadInputError, parseOrThrow } from "../../core/errors.ts";
import { PEER_FILES } from "../conformance/peer-data.ts";
import { BFCL_CLASSES, bindArguments, type FuncDoc, funcDocSchema } from "./bfcl-classes.ts";
import { parsePythonCall } from "./python-call.ts";

/** A gold call with its class, keyword arguments and upstream's recorded result string. */
export interface BfclCall {
  text: string;
  className: string;
  functionName: string;
  args: Record<string, unknown>;
  recorded: string;
}

export interface BfclEntry {
  id: string;
  involvedClasses: string[];
  /** Public state per class after upstream loaded `initial_config` and its defaults (MathAPI: none). */
  initialState: Record<string, Record<string, unknown>>;
  /** The user's turns, one text each. */
  userTurns: string[];
  /** Gold calls per gold turn. Usually one gold turn per user turn; not always (see `aligned`). */
  goldTurns: BfclCall[][];
  /** Whether gold turn i answers user turn i (false for upstream's multi_turn_base_154: 5 user turns, 6 gold turns). */
  aligned: boolean;
}

const questionSchema = z.looseObject({
  id: z.string(),
  question: z.array(z.array(z.looseObject({ role: z.string(), content: z.string() }))),
});
const answerSchema = z.looseObject({ id: z.string(), ground_truth: z.array(z.array(z.string())) });
const traceSchema = z.looseObject({
  id: z.string(),
  involved_classes: z.array(z.string()),
  initial_state: z.record(z.string(), z.record(z.string(), z.unknown())),
  turns: z.array(
    z.looseObject({
      steps: z.array(
        z.looseObject({ call: z.string(), class: z.string(), function: z.string(), result: z.string() }),
      ),
    }),
  ),
});

/** Accept the `bfcl_v3/` folder itself or the peer-data folder that contains it. */
export function bfclFolder(dir: string): string {
  return !existsSync(join(dir, "data")) && existsSync(join(dir, "bfcl_v3")) ? join(dir, "bfcl_v3") : dir;
}

/** The question file, relative to the `bfcl_v3/` folder (the conformance replay does not read it). */
const QUESTIONS = "data/BFCL_v3_multi_turn_base.json";

const inFolder = (dir: string, peerPath: string) => join(dir, peerPath.replace(/^bfcl_v3\//, ""));

function readJsonLines<T extends z.ZodType>(path: string, schema: T): Array<z.infer<T>> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new BadInputError(`${path}: cannot read (${(error as Error).message})`);
  }
  return text
    .split("\n")
    .map((line, index) => ({ line, where: `${path}:${index + 1}` }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, where }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new BadInputError(`${where}: not valid JSON: ${(error as Error).message}`);
      }
      return parseOrThrow(schema, value, where);
    });
}

/** Every class's func docs from `<dir>/data/multi_turn_func_doc/`, keyed by function name (names are unique across classes). */
function readFuncDocs(dir: string): Map<string, FuncDoc> {
  const docs = new Map<string, FuncDoc>();
  for (const spec of BFCL_CLASSES) {
    const path = join(inFolder(dir, PEER_FILES.bfclFuncDocs), spec.funcDocFile);
    for (const doc of readJsonLines(path, funcDocSchema)) docs.set(doc.name, doc);
  }
  return docs;
}

/** One entry, or the BadInputError explaining why it cannot be assembled. */
export type BfclSourceEntry = { id: string; entry: BfclEntry } | { id: string; error: string };

/** Read and assemble every entry of the base category under `dir` (in the question file's order). */
export function readBfclEntries(dir: string): BfclSourceEntry[] {
  const folder = bfclFolder(dir);
  const questions = readJsonLines(join(folder, QUESTIONS), questionSchema);
  const answers = new Map(
    readJsonLines(inFolder(folder, PEER_FILES.bfclAnswers), answerSchema).map((item) => [item.id, item]),
  );
  const traces = new Map(
    readJsonLines(inFolder(folder, PEER_FILES.bfclTrace), traceSchema).map((item) => [item.id, item]),
  );
  const docs = readFuncDocs(folder);
  return questions.map((question) => {
    try {
      return {
        id: question.id,
        entry: assemble(question, answers.get(question.id), traces.get(question.id), docs),
      };
    } catch (error) {
      return { id: question.id, error: (error as Error).message };
    }
  });
}

function assemble(
  question: z.infer<typeof questionSchema>,
  answer: z.infer<typeof answerSchema> | undefined,
  trace: z.infer<typeof traceSchema> | undefined,
  docs: Map<string, FuncDoc>,
): BfclEntry {
  if (!answer) throw new BadInputError("no ground truth for this id");
  if (!trace) throw new BadInputError("no gold trace for this id (derived file)");
  if (answer.ground_truth.length !== trace.turns.length)
    throw new BadInputError(`${answer.ground_truth.length} gold turns but ${trace.turns.length} traced`);
  const goldTurns = answer.ground_truth.map((calls, turnIndex) => {
    const traced = trace.turns[turnIndex]!.steps;
    if (calls.length !== traced.length)
      throw new BadInputError(`turn ${turnIndex}: gold and trace disagree on the number of calls`);
    return calls.map((text, callIndex): BfclCall => {
      const step = traced[callIndex]!;
      if (step.call !== text) throw new BadInputError(`gold call "${text}" traced as "${step.call}"`);
      const call = parsePythonCall(text);
      const doc = docs.get(call.name);
      if (!doc) throw new BadInputError(`${call.name} is in no func doc`);
      if (!trace.involved_classes.includes(step.class))
        throw new BadInputError(`${call.name}: class ${step.class} is not involved in this entry`);
      return {
        text,
        className: step.class,
        functionName: call.name,
        args: bindArguments(call, doc),
        recorded: step.result,
      };
    });
  });
  return {
    id: question.id,
    involvedClasses: trace.involved_classes,
    initialState: trace.initial_state,
    userTurns: question.question.map((turn) => turn.map((message) => message.content).join("\n")),
    goldTurns,
    aligned: question.question.length === goldTurns.length,
  };
}

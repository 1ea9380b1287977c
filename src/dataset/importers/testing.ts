/**
 * Hand-made miniature BFCL v3 and NESTFUL inputs for the importer tests, in the upstream file
 * layouts, so the importers' bookkeeping is tested without the peer data. Results are written the
 * way upstream records them (`json.dumps` of dicts, `None`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BFCL_CLASSES } from "./bfcl-classes.ts";

const jsonLines = (items: readonly unknown[]) => `${items.map((item) => JSON.stringify(item)).join("\n")}\n`;

const funcDoc = (name: string, parameters: string[]) => ({
  name,
  description: `${name} (test double doc)`,
  parameters: { type: "dict", properties: Object.fromEntries(parameters.map((p) => [p, {}])), required: [] },
});

const DOCS: Record<string, ReturnType<typeof funcDoc>[]> = {
  "gorilla_file_system.json": [
    funcDoc("ls", ["a"]),
    funcDoc("cat", ["file_name"]),
    funcDoc("wc", ["file_name", "mode"]),
    funcDoc("mkdir", ["dir_name"]),
  ],
  "math_api.json": [funcDoc("add", ["a", "b"]), funcDoc("multiply", ["a", "b"])],
};

const FILESYSTEM = {
  long_context: false,
  root: {
    home: { type: "directory", contents: { "notes.txt": { type: "file", content: "one two three" } } },
  },
};

interface FixtureEntry {
  id: string;
  classes: string[];
  turns: string[];
  /** Gold turns: [call, class, recorded result] per call. */
  gold: Array<Array<[string, string, string]>>;
  initialState: Record<string, unknown>;
}

/**
 * Three entries: `multi_turn_base_0` (filesystem + math, literal flows within and across classes,
 * a positional call, a turn without gold calls), `multi_turn_base_1` (a recorded result our math
 * domain does not reproduce), `multi_turn_base_2` (one user turn but two gold turns).
 */
export const BFCL_FIXTURE: readonly FixtureEntry[] = [
  {
    id: "multi_turn_base_0",
    classes: ["GorillaFileSystem", "MathAPI"],
    turns: [
      "What files are in my home folder?",
      "Print the first one.",
      "Count its words and add ten to the count.",
      "Now make a folder called backup.",
      "Thanks, that is all.",
    ],
    gold: [
      [["ls()", "GorillaFileSystem", '{"current_directory_content": ["notes.txt"]}']],
      [["cat(file_name='notes.txt')", "GorillaFileSystem", '{"file_content": "one two three"}']],
      [
        ["wc(file_name='notes.txt', mode='w')", "GorillaFileSystem", '{"count": 3, "type": "words"}'],
        ["add(a=3, b=10)", "MathAPI", '{"result": 13}'],
      ],
      [["mkdir('backup')", "GorillaFileSystem", "None"]],
      [],
    ],
    initialState: { GorillaFileSystem: FILESYSTEM },
  },
  {
    id: "multi_turn_base_1",
    classes: ["MathAPI"],
    turns: ["Add one and one."],
    gold: [[["add(a=1, b=1)", "MathAPI", '{"result": 3}']]],
    initialState: {},
  },
  {
    id: "multi_turn_base_2",
    classes: ["MathAPI"],
    turns: ["Add two and two, then multiply the sum by 5."],
    gold: [
      [["add(a=2, b=2)", "MathAPI", '{"result": 4}']],
      [["multiply(a=4, b=5)", "MathAPI", '{"result": 20}']],
    ],
    initialState: {},
  },
];

/** Write the fixture as a `bfcl_v3/` folder under `root`; returns that folder. */
export function writeBfclFixture(root: string): string {
  const dir = join(root, "bfcl_v3");
  const docDir = join(dir, "data", "multi_turn_func_doc");
  mkdirSync(join(dir, "data", "possible_answer"), { recursive: true });
  mkdirSync(join(dir, "derived"), { recursive: true });
  mkdirSync(docDir, { recursive: true });
  for (const spec of BFCL_CLASSES)
    writeFileSync(join(docDir, spec.funcDocFile), jsonLines(DOCS[spec.funcDocFile] ?? []));
  writeFileSync(
    join(dir, "data", "BFCL_v3_multi_turn_base.json"),
    jsonLines(
      BFCL_FIXTURE.map((entry) => ({
        id: entry.id,
        question: entry.turns.map((content) => [{ role: "user", content }]),
        initial_config: entry.initialState,
        involved_classes: entry.classes,
      })),
    ),
  );
  writeFileSync(
    join(dir, "data", "possible_answer", "BFCL_v3_multi_turn_base.json"),
    jsonLines(
      BFCL_FIXTURE.map((entry) => ({
        id: entry.id,
        ground_truth: entry.gold.map((turn) => turn.map(([call]) => call)),
      })),
    ),
  );
  writeFileSync(
    join(dir, "derived", "BFCL_v3_multi_turn_base.gold_trace.jsonl"),
    jsonLines(
      BFCL_FIXTURE.map((entry) => ({
        id: entry.id,
        involved_classes: entry.classes,
        initial_state: entry.initialState,
        turns: entry.gold.map((calls, turn) => ({
          turn,
          steps: calls.map(([call, className, result]) => ({
            call,
            class: className,
            function: call.slice(0, call.indexOf("(")),
            result,
          })),
          changed_state_after_turn: {},
        })),
      })),
    ),
  );
  return dir;
}

const mathSpec = (name: string) => ({
  name,
  description: name,
  parameters: { arg_0: { type: "int or float" }, arg_1: { type: "int or float" } },
  output_parameter: { result: { type: "int or float" } },
});

/**
 * NESTFUL v2 lines: a math record with a repeated call and a float gold answer, a coding record
 * (skipped), a math record whose reference names no earlier call, and one whose gold answer is wrong.
 */
export const NESTFUL_FIXTURE: readonly string[] = [
  JSON.stringify({
    sample_id: "math-ok",
    input: "A price of 30 rises by 10 percent twice, simple interest style. What is it?",
    output: [
      { name: "divide", label: "$var_1", arguments: { arg_0: 10, arg_1: 100 } },
      { name: "multiply", label: "$var_2", arguments: { arg_0: 30, arg_1: "$var_1.result$" } },
      { name: "divide", label: "$var_3", arguments: { arg_0: 10, arg_1: 100 } },
      { name: "multiply", label: "$var_4", arguments: { arg_0: 30, arg_1: "$var_3.result$" } },
      { name: "add", label: "$var_5", arguments: { arg_0: "$var_2.result$", arg_1: "$var_4.result$" } },
      { name: "add", label: "$var_6", arguments: { arg_0: 30, arg_1: "$var_5.result$" } },
    ],
    tools: ["add", "divide", "multiply"].map(mathSpec),
    gold_answer: 36.0,
  }),
  JSON.stringify({
    sample_id: "coding",
    input: "reverse a string",
    output: [{ name: "reverse_string", label: "$var1", arguments: { text: "abc" } }],
    tools: [],
    gold_answer: "cba",
  }),
  JSON.stringify({
    sample_id: "math-dangling",
    input: "x",
    output: [{ name: "add", label: "$var_1", arguments: { arg_0: 1, arg_1: "$var_9.result$" } }],
    tools: [mathSpec("add")],
    gold_answer: 2,
  }),
  JSON.stringify({
    sample_id: "math-wrong-gold",
    input: "Divide 1 by 3.",
    output: [{ name: "divide", label: "$var_1", arguments: { arg_0: 1, arg_1: 3 } }],
    tools: [mathSpec("divide")],
    gold_answer: 0.34,
  }),
];

export function writeNestfulFixture(file: string): string {
  writeFileSync(file, `${NESTFUL_FIXTURE.join("\n")}\n`);
  return file;
}

import { Command, CommanderError } from "commander";
import { AsynctoolError } from "../core/errors.ts";
import { conformanceCommand } from "./conformance.ts";
import { datasetCommand } from "./dataset.ts";
import { demoCommand } from "./demo.ts";
import { exportCommand } from "./export.ts";
import { generateCommand } from "./generate.ts";
import { importCommand } from "./import.ts";
import { listCommand } from "./list.ts";
import { mergeCommand } from "./merge.ts";
import { mockServerCommand } from "./mock-server.ts";
import { reportCommand } from "./report.ts";
import { runCommand } from "./run.ts";
import { scoreCommand } from "./score.ts";
import { validateCommand } from "./validate.ts";
import { viewCommand } from "./view.ts";

/** Every command, one file each. Add a command here and nowhere else. */
const COMMANDS: Array<() => Command> = [
  runCommand,
  scoreCommand,
  listCommand,
  conformanceCommand,
  generateCommand,
  validateCommand,
  datasetCommand,
  mergeCommand,
  exportCommand,
  demoCommand,
  mockServerCommand,
  reportCommand,
  viewCommand,
  importCommand,
];

export function buildProgram(): Command {
  const program = new Command("asynctool")
    .description(
      "Benchmark harness for asynchronous tool calling: several tasks at once, tools that answer late.\n" +
        "Scores an agent on correctness (graded against each task's dependency graph) and on time.",
    )
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();
  for (const make of COMMANDS) {
    const command = make().exitOverride();
    // The command list shows one short line per command; `asynctool CMD --help` shows the whole description.
    if (!command.summary()) command.summary(firstSentence(command.description()));
    program.addCommand(command);
  }
  return program;
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const end = flat.search(/\.(\s|$)/);
  return end < 0 ? flat : flat.slice(0, end);
}

/** Entry point of the `asynctool` binary: clear one-line errors for bad input, stack traces only for harness bugs. */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof AsynctoolError && error.kind !== "harness") {
      process.stderr.write(`asynctool: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

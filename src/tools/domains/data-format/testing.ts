/** Test helper: call a data-format tool the way the environment does (schema parse, then run). */
import { ToolError } from "../../tool.ts";
import { dataFormatDomain } from "./index.ts";

export function callFormat(name: string, args: Record<string, unknown>): unknown {
  const tool = dataFormatDomain.tools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`no data-format tool ${name}`);
  return tool.run({}, tool.parameters.parse(args), { time: 0 });
}

/** The ToolError message a call throws, or a failure naming the value it returned instead. */
export function errorOf(call: () => unknown): string {
  try {
    return `no error; returned ${JSON.stringify(call())}`;
  } catch (error) {
    if (error instanceof ToolError) return error.message;
    throw error;
  }
}

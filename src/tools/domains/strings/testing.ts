/** Test helper: call a strings tool the way the environment does (schema parse, then run). */
import { ToolError } from "../../tool.ts";
import { stringsDomain } from "./index.ts";

export function callString(name: string, args: Record<string, unknown>): unknown {
  const tool = stringsDomain.tools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`no strings tool ${name}`);
  return tool.run({}, tool.parameters.parse(args), { time: 0 });
}

/** The ToolError message a call throws, or a failure naming the value it returned instead. */
export function errorOf(call: () => unknown): string {
  try {
    const value = call();
    return `no error; returned ${JSON.stringify(value)}`;
  } catch (error) {
    if (error instanceof ToolError) return error.message;
    throw error;
  }
}

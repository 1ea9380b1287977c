/**
 * Test helpers shared by the domain tests: call a tool the way the environment does (schema parse
 * with defaults filled in, then run) and read the ToolError a call throws.
 */
import type { AnyDomain, AnyTool } from "../../domain.ts";
import { ToolError } from "../../tool.ts";

export function toolNamed(domain: AnyDomain, name: string): AnyTool {
  const tool = domain.tools.find((candidate) => candidate.name === name);
  if (tool === undefined) throw new Error(`domain ${domain.name} has no tool ${name}`);
  return tool;
}

/** Validate `args` against the tool's schema and run it on `state`. Throws the schema error or the ToolError. */
export function callTool(domain: AnyDomain, state: unknown, name: string, args: object = {}): unknown {
  const tool = toolNamed(domain, name);
  return tool.run(state, tool.parameters.parse(args), { time: 0 });
}

/** The tool's resources for these arguments on this state. */
export function toolResources(domain: AnyDomain, state: unknown, name: string, args: object = {}): string[] {
  const tool = toolNamed(domain, name);
  return tool.resources(tool.parameters.parse(args), state);
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

/** Test helpers: call a data-generation tool the way the environment does (schema parse, then run). */
import { ToolError } from "../../tool.ts";
import { dataGenerationDomain } from "./index.ts";
import type { DataGenerationState } from "./state.ts";

export function freshState(config: unknown = {}): DataGenerationState {
  return dataGenerationDomain.config.parse(config);
}

export function callGeneration(name: string, args: Record<string, unknown>, state = freshState()): unknown {
  const tool = dataGenerationDomain.tools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`no data-generation tool ${name}`);
  return tool.run(state, tool.parameters.parse(args), { time: 0 });
}

export function resourcesOf(name: string, args: Record<string, unknown>, state = freshState()): string[] {
  const tool = dataGenerationDomain.tools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`no data-generation tool ${name}`);
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

/** Test helpers: a fixture world and tool calls the way the environment makes them (schema parse, then run). */
import { initialState } from "../../domain.ts";
import { ToolError } from "../../tool.ts";
import { dataManagementDomain } from "./index.ts";
import type { DataManagementState } from "./state.ts";

export function freshState(config: unknown = {}): DataManagementState {
  return initialState(dataManagementDomain, config, "test world");
}

/** Five employees, one without a salary, for filter and aggregate tests. */
export function staffState(): DataManagementState {
  return freshState({
    tables: {
      staff: {
        columns: [
          { name: "name", type: "string", required: true },
          { name: "team", type: "string" },
          { name: "salary", type: "number" },
          { name: "level", type: "integer" },
          { name: "remote", type: "boolean" },
        ],
        rows: [
          { name: "Ada", team: "core", salary: 120, level: 3, remote: true },
          { name: "Ben", team: "core", salary: 95.5, level: 2, remote: false },
          { name: "Cleo", team: "web", salary: 101, level: 2, remote: true },
          { name: "Dan", team: "web", level: 1, remote: false },
          { name: "Eve", salary: 80, level: 1, remote: true },
        ],
      },
    },
  });
}

function toolNamed(name: string) {
  const tool = dataManagementDomain.tools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`no data-management tool ${name}`);
  return tool;
}

export function callTable(name: string, args: Record<string, unknown>, state = staffState()): unknown {
  const tool = toolNamed(name);
  return tool.run(state, tool.parameters.parse(args), { time: 0 });
}

export function resourcesOf(name: string, args: Record<string, unknown>, state = staffState()): string[] {
  const tool = toolNamed(name);
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

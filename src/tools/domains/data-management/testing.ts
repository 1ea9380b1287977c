/** Test helpers: a fixture world and tool calls the way the environment makes them (schema parse, then run). */
import { initialState } from "../../domain.ts";
import { callTool, toolResources } from "../testing/call-tool.ts";
import { dataManagementDomain } from "./index.ts";
import type { DataManagementState } from "./state.ts";

export { errorOf } from "../testing/call-tool.ts";

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

export function callTable(name: string, args: Record<string, unknown>, state = staffState()): unknown {
  return callTool(dataManagementDomain, state, name, args);
}

export function resourcesOf(name: string, args: Record<string, unknown>, state = staffState()): string[] {
  return toolResources(dataManagementDomain, state, name, args);
}

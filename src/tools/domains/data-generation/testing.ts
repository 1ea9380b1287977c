/** Test helpers: call a data-generation tool the way the environment does (schema parse, then run). */
import { callTool, toolResources } from "../testing/call-tool.ts";
import { dataGenerationDomain } from "./index.ts";
import type { DataGenerationState } from "./state.ts";

export { errorOf } from "../testing/call-tool.ts";

export function freshState(config: unknown = {}): DataGenerationState {
  return dataGenerationDomain.config.parse(config);
}

export function callGeneration(name: string, args: Record<string, unknown>, state = freshState()): unknown {
  return callTool(dataGenerationDomain, state, name, args);
}

export function resourcesOf(name: string, args: Record<string, unknown>, state = freshState()): string[] {
  return toolResources(dataGenerationDomain, state, name, args);
}

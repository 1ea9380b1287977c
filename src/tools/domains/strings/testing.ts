/** Test helper: call a strings tool the way the environment does (schema parse, then run). */
import { callTool } from "../testing/call-tool.ts";
import { stringsDomain } from "./index.ts";

export { errorOf } from "../testing/call-tool.ts";

export function callString(name: string, args: Record<string, unknown>): unknown {
  return callTool(stringsDomain, {}, name, args);
}

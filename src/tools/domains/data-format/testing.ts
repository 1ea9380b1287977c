/** Test helper: call a data-format tool the way the environment does (schema parse, then run). */
import { callTool } from "../testing/call-tool.ts";
import { dataFormatDomain } from "./index.ts";

export { errorOf } from "../testing/call-tool.ts";

export function callFormat(name: string, args: Record<string, unknown>): unknown {
  return callTool(dataFormatDomain, {}, name, args);
}

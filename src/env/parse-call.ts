import type { z } from "zod";
import type { ToolCallRequest } from "../core/messages.ts";

export type ParsedArguments = { ok: true; args: Record<string, unknown> } | { ok: false; error: string };

/** Parse a call's raw argument text into an object; empty text means no arguments. */
export function parseArgumentText(call: ToolCallRequest): ParsedArguments {
  const text = call.arguments.trim();
  if (text === "") return { ok: true, args: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `arguments of ${call.name} are not valid JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      ok: false,
      error: `arguments of ${call.name} must be a JSON object, got ${JSON.stringify(value)}`,
    };
  }
  return { ok: true, args: value as Record<string, unknown> };
}

/** Validate parsed arguments against a tool's schema; the error lists every bad field. */
export function validateArguments(
  toolName: string,
  schema: z.ZodType,
  args: Record<string, unknown>,
): ParsedArguments {
  const result = schema.safeParse(args);
  if (result.success) return { ok: true, args: result.data as Record<string, unknown> };
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length === 0 ? "arguments" : issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") return `unknown argument(s) ${issue.keys.join(", ")}`;
    return `${field}: ${issue.message}`;
  });
  return { ok: false, error: `invalid arguments for ${toolName}: ${problems.join("; ")}` };
}

import { z } from "zod";
import { canonicalJson } from "../core/canonical-json.ts";
import type { LatencyClass } from "../core/latency.ts";

/**
 * A failure the caller should see as an error result (`{"status":"error"}`) rather than a value.
 * Tools that copy a public API which returns `{"error": …}` dictionaries keep returning those
 * dictionaries as values, so conformance compares like with like.
 */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolError";
  }
}

/** What a tool may know besides its domain state and arguments. */
export interface ToolContext {
  /** Virtual time (ticks) at which the call takes effect. */
  readonly time: number;
}

export type ToolParameters = z.ZodObject<z.ZodRawShape>;

/** One callable function over one domain's state (DESIGN §2). */
export interface Tool<State = unknown, Params extends ToolParameters = ToolParameters> {
  readonly name: string;
  readonly description: string;
  /** Validated arguments; unknown keys are rejected. */
  readonly parameters: Params;
  readonly latency: LatencyClass;
  /** Calls served at once; more queue or are rejected, as the condition says. Unlimited when absent. */
  readonly capacity?: number;
  /** False for pure reads: a repeated read is harmless, a repeated write is a duplicate call. */
  readonly mutates: boolean;
  /**
   * Resource names the call touches (e.g. `trading:order:12`), so the composer can prove two
   * tasks are disjoint. Pure function of the arguments and the state before the call.
   */
  resources(args: z.infer<Params>, state: State): string[];
  /** Deterministic. Mutates `state` in place; returns a JSON-serialisable result or throws ToolError. */
  run(state: State, args: z.infer<Params>, context: ToolContext): unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds tools of every state type.
export type AnyTool = Tool<any, ToolParameters>;

/** Build a tool with a strict parameter schema (unknown argument names are errors, not silently dropped). */
export function defineTool<State, Shape extends z.ZodRawShape>(definition: {
  name: string;
  description: string;
  parameters: Shape;
  latency: LatencyClass;
  capacity?: number;
  mutates: boolean;
  resources?: (args: z.infer<z.ZodObject<Shape>>, state: State) => string[];
  run: (state: State, args: z.infer<z.ZodObject<Shape>>, context: ToolContext) => unknown;
}): Tool<State, z.ZodObject<Shape>> {
  const { resources, capacity, parameters, ...rest } = definition;
  return {
    ...rest,
    ...(capacity === undefined ? {} : { capacity }),
    parameters: z.strictObject(parameters),
    resources: resources ?? (() => []),
  } as Tool<State, z.ZodObject<Shape>>;
}

const schemaCache = new WeakMap<AnyTool, Record<string, unknown>>();

/** JSON Schema for a tool's parameters, as every provider API wants it. Computed once per tool. */
export function toolJsonSchema(tool: AnyTool): Record<string, unknown> {
  let schema = schemaCache.get(tool);
  if (!schema) {
    schema = z.toJSONSchema(tool.parameters, { target: "draft-2020-12", io: "input" }) as Record<
      string,
      unknown
    >;
    delete schema.$schema;
    schemaCache.set(tool, schema);
  }
  // A deep copy, so no caller can change the cached schema.
  return structuredClone(schema);
}

export type ToolOutcome = { ok: true; result: unknown } | { ok: false; error: string };

/**
 * Run a tool on its domain state. The result is detached from the live state by a JSON round trip
 * (which also drops what JSON cannot carry); a ToolError is an error outcome. Any other exception
 * is a bug in the tool and propagates, naming the tool and its arguments.
 */
export function invokeTool(
  tool: AnyTool,
  state: unknown,
  args: Record<string, unknown>,
  context: ToolContext,
): ToolOutcome {
  try {
    return { ok: true, result: JSON.parse(JSON.stringify(tool.run(state, args, context) ?? null)) };
  } catch (error) {
    if (error instanceof ToolError) return { ok: false, error: error.message };
    throw new Error(`tool ${tool.name} crashed on ${canonicalJson(args)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

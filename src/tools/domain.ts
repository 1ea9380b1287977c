import type { z } from "zod";
import { parseOrThrow } from "../core/errors.ts";
import type { AnyTool, Tool, ToolParameters } from "./tool.ts";

/** A family of tools over one kind of state (DESIGN §2). State is plain JSON so it can be compared and stored. */
export interface Domain<State = unknown> {
  readonly name: string;
  readonly description: string;
  /** Initial-state config: every field optional, defaults filled in (a public API's class defaults). */
  readonly config: z.ZodType<State, unknown>;
  readonly tools: ReadonlyArray<Tool<State, ToolParameters>>;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds domains of every state type.
export type AnyDomain = Domain<any>;

export function defineDomain<State>(domain: Domain<State>): Domain<State> {
  const names = new Set<string>();
  for (const tool of domain.tools) {
    if (names.has(tool.name)) throw new Error(`domain ${domain.name}: duplicate tool ${tool.name}`);
    names.add(tool.name);
  }
  return domain;
}

/** The domain's initial state from a (possibly partial) config; errors name `source` and the field. */
export function initialState<State>(domain: Domain<State>, config: unknown, source: string): State {
  return parseOrThrow(domain.config, config ?? {}, source) as State;
}

export type { AnyTool };

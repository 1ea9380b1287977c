import { BadInputError } from "../core/errors.ts";
import type { AnyDomain, AnyTool } from "./domain.ts";

export interface RegisteredTool {
  readonly tool: AnyTool;
  readonly domain: AnyDomain;
}

/** A set of domains with their tools indexed by name. Injected into the environment (tests use their own). */
export interface ToolCatalog {
  readonly domains: readonly AnyDomain[];
  findDomain(name: string): AnyDomain | undefined;
  /** Throws a BadInputError naming the known domains. */
  getDomain(name: string): AnyDomain;
  findTool(name: string): RegisteredTool | undefined;
  allTools(): RegisteredTool[];
}

export function createCatalog(domains: readonly AnyDomain[]): ToolCatalog {
  const byDomain = new Map<string, AnyDomain>();
  const byTool = new Map<string, RegisteredTool>();
  for (const domain of domains) {
    if (byDomain.has(domain.name)) throw new Error(`catalog: duplicate domain ${domain.name}`);
    byDomain.set(domain.name, domain);
    for (const tool of domain.tools) {
      const clash = byTool.get(tool.name);
      if (clash)
        throw new Error(`catalog: tool ${tool.name} is in both ${clash.domain.name} and ${domain.name}`);
      byTool.set(tool.name, { tool, domain });
    }
  }
  return {
    domains,
    findDomain: (name) => byDomain.get(name),
    getDomain(name) {
      const domain = byDomain.get(name);
      if (!domain)
        throw new BadInputError(`unknown domain "${name}" (known: ${[...byDomain.keys()].join(", ")})`);
      return domain;
    },
    findTool: (name) => byTool.get(name),
    allTools: () => [...byTool.values()],
  };
}

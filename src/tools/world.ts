import type { ToolCatalog } from "./catalog.ts";
import { initialState } from "./domain.ts";

/** The mutable state of every domain in one episode, keyed by domain name. Plain JSON. */
export type World = Record<string, unknown>;

/**
 * Build the world for the given domains from a scenario's initial configs (missing configs get the
 * domain's defaults). `source` names the file or scenario for error messages.
 */
export function buildWorld(
  catalog: ToolCatalog,
  domainNames: Iterable<string>,
  configs: Record<string, unknown>,
  source: string,
): World {
  const world: World = {};
  for (const name of new Set(domainNames)) {
    world[name] = initialState(catalog.getDomain(name), configs[name], `${source}: initialWorld.${name}`);
  }
  return world;
}

import { BadInputError } from "../../core/errors.ts";
import type { ToolCatalog } from "../../tools/catalog.ts";
import { REGISTRY } from "../../tools/registry.ts";
import type { AgentFactory } from "../agent.ts";
import { eagerFactory } from "./eager.ts";
import { forgetfulFactory, oracleFactory } from "./oracle.ts";
import { sequentialFactory } from "./sequential.ts";

export const REFERENCE_AGENTS = ["oracle", "sequential", "eager", "forgetful"] as const;
export type ReferenceAgentName = (typeof REFERENCE_AGENTS)[number];

export const REFERENCE_AGENT_DESCRIPTIONS: Record<ReferenceAgentName, string> = {
  oracle: "issues every ready gold step at once and submits as early as possible (T_opt)",
  sequential: "one task at a time, one call per turn, waits for every result (T_seq)",
  eager: "flawed: issues dependent steps before their inputs arrive",
  forgetful: "flawed: never starts the last task",
};

export function referenceAgent(name: string, catalog: ToolCatalog = REGISTRY): AgentFactory {
  switch (name) {
    case "oracle":
      return oracleFactory;
    case "sequential":
      return sequentialFactory;
    case "eager":
      return eagerFactory(catalog);
    case "forgetful":
      return forgetfulFactory;
    default:
      throw new BadInputError(`unknown agent "${name}": use one of ${REFERENCE_AGENTS.join(", ")}`);
  }
}

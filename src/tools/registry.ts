import { createCatalog, type ToolCatalog } from "./catalog.ts";
import type { AnyDomain } from "./domain.ts";
import { dataFormatDomain } from "./domains/data-format/index.ts";
import { dataGenerationDomain } from "./domains/data-generation/index.ts";
import { dataManagementDomain } from "./domains/data-management/index.ts";
import { filesystemDomain } from "./domains/filesystem/index.ts";
import { mathDomain } from "./domains/math/index.ts";
import { messagingDomain } from "./domains/messaging/index.ts";
import { socialDomain } from "./domains/social/index.ts";
import { stringsDomain } from "./domains/strings/index.ts";
import { ticketsDomain } from "./domains/tickets/index.ts";
import { tradingDomain } from "./domains/trading/index.ts";
import { travelDomain } from "./domains/travel/index.ts";
import { vehicleDomain } from "./domains/vehicle/index.ts";

/** Every domain asynctool ships, in listing order. Add a domain here and nowhere else. */
export const DOMAINS: readonly AnyDomain[] = [
  mathDomain,
  tradingDomain,
  filesystemDomain,
  socialDomain,
  ticketsDomain,
  stringsDomain,
  dataFormatDomain,
  dataGenerationDomain,
  dataManagementDomain,
  vehicleDomain,
  messagingDomain,
  travelDomain,
];

/** The shipped catalog: tool names are unique across all domains (checked at start-up). */
export const REGISTRY: ToolCatalog = createCatalog(DOMAINS);

export const findDomain = REGISTRY.findDomain;
export const getDomain = REGISTRY.getDomain;
export const findTool = REGISTRY.findTool;
export const allTools = REGISTRY.allTools;
export type { RegisteredTool } from "./catalog.ts";

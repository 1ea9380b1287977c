import type { DomainGenerator } from "./contract.ts";
import { dataFormatGenerator } from "./data-format.ts";
import { dataGenerationGenerator } from "./data-generation.ts";
import { dataManagementGenerator } from "./data-management.ts";
import { filesystemGenerator } from "./filesystem.ts";
import { mathGenerator } from "./math.ts";
import { messagingGenerator } from "./messaging.ts";
import { socialGenerator } from "./social.ts";
import { stringsGenerator } from "./strings.ts";
import { ticketsGenerator } from "./tickets.ts";
import { tradingGenerator } from "./trading.ts";
import { travelGenerator } from "./travel.ts";
import { vehicleGenerator } from "./vehicle.ts";

/** One seeded task generator per domain. Add a generator here and nowhere else. */
export const GENERATORS: readonly DomainGenerator[] = [
  mathGenerator,
  vehicleGenerator,
  messagingGenerator,
  tradingGenerator,
  filesystemGenerator,
  socialGenerator,
  ticketsGenerator,
  stringsGenerator,
  dataFormatGenerator,
  dataGenerationGenerator,
  dataManagementGenerator,
  travelGenerator,
];

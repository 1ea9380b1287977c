import type { DomainGenerator } from "./contract.ts";
import { mathGenerator } from "./math.ts";
import { messagingGenerator } from "./messaging.ts";
import { tradingGenerator } from "./trading.ts";
import { vehicleGenerator } from "./vehicle.ts";

/** One seeded task generator per domain. Add a generator here and nowhere else. */
export const GENERATORS: readonly DomainGenerator[] = [
  mathGenerator,
  vehicleGenerator,
  messagingGenerator,
  tradingGenerator,
];

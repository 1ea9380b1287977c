import type { DomainGenerator } from "./contract.ts";
import { mathGenerator } from "./math.ts";

/** One seeded task generator per domain. Add a generator here and nowhere else. */
export const GENERATORS: readonly DomainGenerator[] = [mathGenerator];

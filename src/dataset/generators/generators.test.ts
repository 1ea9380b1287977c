import { describe, it } from "vitest";
import { createCatalog } from "../../tools/catalog.ts";
import { dataFormatDomain } from "../../tools/domains/data-format/index.ts";
import { dataGenerationDomain } from "../../tools/domains/data-generation/index.ts";
import { dataManagementDomain } from "../../tools/domains/data-management/index.ts";
import { filesystemDomain } from "../../tools/domains/filesystem/index.ts";
import { socialDomain } from "../../tools/domains/social/index.ts";
import { stringsDomain } from "../../tools/domains/strings/index.ts";
import { ticketsDomain } from "../../tools/domains/tickets/index.ts";
import type { DomainGenerator } from "./contract.ts";
import { dataFormatGenerator } from "./data-format.ts";
import { dataGenerationGenerator } from "./data-generation.ts";
import { dataManagementGenerator } from "./data-management.ts";
import { filesystemGenerator } from "./filesystem.ts";
import { socialGenerator } from "./social.ts";
import { stringsGenerator } from "./strings.ts";
import { generatorChecks } from "./testing.ts";
import { ticketsGenerator } from "./tickets.ts";

// Only these seven domains, so the test does not depend on the rest of the registry.
const catalog = createCatalog([
  filesystemDomain,
  socialDomain,
  ticketsDomain,
  stringsDomain,
  dataFormatDomain,
  dataGenerationDomain,
  dataManagementDomain,
]);

/**
 * Per domain: the least share of same-domain pairs that must pass the resource filter, or the
 * shared resource every clash must come from. The three BFCL ports cannot compose with themselves
 * from their default state: every write in the root names the root listing (`filesystem:/`), and
 * every social and ticket task must log in (one shared session) before it acts.
 */
const CASES: Array<{
  generator: DomainGenerator;
  minComposable: number;
  clashOn?: RegExp;
  minProbes: number;
}> = [
  { generator: stringsGenerator, minComposable: 1, minProbes: 3 },
  { generator: dataFormatGenerator, minComposable: 1, minProbes: 3 },
  { generator: dataGenerationGenerator, minComposable: 1, minProbes: 3 },
  // table_list is the only read-only call that succeeds on the empty default store.
  { generator: dataManagementGenerator, minComposable: 1, minProbes: 1 },
  { generator: filesystemGenerator, minComposable: 0, clashOn: /touch filesystem:\/$/, minProbes: 3 },
  { generator: socialGenerator, minComposable: 0, clashOn: /touch social:(session|following)/, minProbes: 3 },
  // ticket_get_login_status is the only read-only call that succeeds on the empty default system.
  { generator: ticketsGenerator, minComposable: 0, clashOn: /touch tickets:session$/, minProbes: 1 },
];

const PATTERNS = ["chain", "fan-out", "fan-in", "mixed"];

const check = generatorChecks(catalog);

describe.each(CASES)("$generator.domain generator", ({ generator, minComposable, clashOn, minProbes }) => {
  it("has at least six templates with domain-prefixed unique ids", () => check.templateIds(generator));

  it("yields at least 30 verified distinct tasks covering chain, fan-out, fan-in and mixed", () =>
    check.pool(generator, { all: PATTERNS }));

  it("is deterministic for a seed and changes with the seed", () =>
    check.deterministic(generator, { changesWithSeed: true }));

  it("gives sound plans whose unordered steps commute", () => check.soundPlans(generator));

  it("has gold answers an agent can submit, and the reference agents finish every task", () =>
    check.submittableAnswers(generator));

  // Each task with every third later one.
  it("composes same-domain pairs as far as the domain's shared resources allow", () =>
    check.composablePairs(generator, { minComposable, allowedClash: clashOn, stride: 3 }));

  it("has read-only probes that succeed on the default state and leave it unchanged", () =>
    check.probes(generator, { min: minProbes, keepsState: true }));
});

import { describe, it } from "vitest";
import { createCatalog } from "../../tools/catalog.ts";
import { messagingDomain } from "../../tools/domains/messaging/index.ts";
import { tradingDomain } from "../../tools/domains/trading/index.ts";
import { travelDomain } from "../../tools/domains/travel/index.ts";
import { vehicleDomain } from "../../tools/domains/vehicle/index.ts";
import type { DomainGenerator } from "./contract.ts";
import { messagingGenerator } from "./messaging.ts";
import { generatorChecks } from "./testing.ts";
import { tradingGenerator } from "./trading.ts";
import { travelGenerator } from "./travel.ts";
import { vehicleGenerator } from "./vehicle.ts";

const catalog = createCatalog([vehicleDomain, messagingDomain, tradingDomain, travelDomain]);

/**
 * Per domain: the generator and the least share of same-domain task pairs that must survive the
 * resource and order filters. Messaging is low by nature: every inbox tool shares the one login.
 */
const CASES: Array<{ generator: DomainGenerator; minComposable: number }> = [
  { generator: vehicleGenerator, minComposable: 0.6 },
  { generator: messagingGenerator, minComposable: 0.15 },
  { generator: tradingGenerator, minComposable: 0.5 },
  { generator: travelGenerator, minComposable: 0.5 },
];

const check = generatorChecks(catalog);

describe.each(CASES)("$generator.domain generator", ({ generator, minComposable }) => {
  it("has at least six templates with domain-prefixed unique ids", () => check.templateIds(generator));

  it("yields at least 30 verified distinct tasks over four or more patterns, every template used", () =>
    check.pool(generator, { atLeast: 4 }));

  it("is deterministic for a seed", () => check.deterministic(generator, { changesWithSeed: false }));

  it("gives plans without structural problems that are order-invariant on their own", () =>
    check.soundPlans(generator));

  // Every pair; a clash on any shared resource only makes the pair non-disjoint.
  it("composes same-domain pairs: disjoint pairs are order-invariant", () =>
    check.composablePairs(generator, { minComposable, allowedClash: /./, stride: 1 }));

  it("has three to five read-only probes that run on the default state", () =>
    check.probes(generator, { min: 3, keepsState: false }));
});

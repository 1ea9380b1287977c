import { loadSplit } from "../../dataset/loader.ts";
import type { Scenario } from "../../dataset/schema.ts";
import { counterCatalog } from "../../env/testing/counter-domain.ts";
import { counterScenario } from "../../env/testing/counter-scenarios.ts";
import type { ToolCatalog } from "../../tools/catalog.ts";
import { REGISTRY } from "../../tools/registry.ts";
import { computeScenarioGold } from "../scenario-gold.ts";

/**
 * The scenarios grading tests run on: the counter test scenario and every shipped example whose
 * gold plans run on the current domains (an example broken by a domain change is the dataset's
 * problem, reported by `brokenExamples`, not grading's).
 */
export function gradingSuites(): Array<{ scenario: Scenario; catalog: ToolCatalog }> {
  const examples = loadSplit("examples").filter((scenario) => goldError(scenario) === null);
  return [
    { scenario: counterScenario(), catalog: counterCatalog },
    ...examples.map((scenario) => ({ scenario, catalog: REGISTRY })),
  ];
}

export function brokenExamples(): string[] {
  return loadSplit("examples").flatMap((scenario) => {
    const error = goldError(scenario);
    return error === null ? [] : [`${scenario.id}: ${error}`];
  });
}

function goldError(scenario: Scenario): string | null {
  try {
    computeScenarioGold(scenario, REGISTRY);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

import type { ToolCallRequest } from "../../core/messages.ts";
import { executePlan } from "../../dataset/gold.ts";
import type { Scenario } from "../../dataset/schema.ts";
import type { ToolCatalog } from "../../tools/catalog.ts";
import { REGISTRY } from "../../tools/registry.ts";
import { buildWorld } from "../../tools/world.ts";
import type { Agent, AgentFactory, Observation } from "../agent.ts";
import { StepBook } from "./step-book.ts";

/**
 * A deliberately flawed agent that does not wait for inputs: in its first turn it issues every
 * step of every task, filling references with values it guesses (here: lucky guesses equal to the
 * gold values, so its calls match the gold steps and the dependency violation is what shows).
 * Then it waits and submits what it got.
 */
export class EagerAgent implements Agent {
  readonly name = "eager";
  readonly #book: StepBook;
  readonly #scenario: Scenario;
  readonly #guesses: Map<string, ReadonlyMap<string, unknown>>;
  #started = false;

  constructor(scenario: Scenario, catalog: ToolCatalog) {
    this.#scenario = scenario;
    this.#book = new StepBook(scenario.tasks);
    this.#guesses = new Map();
    for (const task of scenario.tasks) {
      const world = buildWorld(catalog, [task.domain], scenario.initialWorld, `scenario ${scenario.id}`);
      this.#guesses.set(task.id, executePlan(task, world, catalog).results);
    }
  }

  act(observation: Observation) {
    const book = this.#book;
    book.absorb(observation.feedback);
    const calls: ToolCallRequest[] = [];
    for (const task of this.#scenario.tasks) {
      if (book.isSubmitted(task.id)) continue;
      const guesses = this.#guesses.get(task.id) as ReadonlyMap<string, unknown>;
      // Faulted calls come back as "todo": re-issue them, again without waiting for inputs.
      for (const step of book.unrequestedSteps(task.id)) {
        const call = book.call(task.id, step, guesses);
        if (call) calls.push(call);
      }
      if (this.#started && book.isComplete(task.id)) calls.push(book.submit(task.id));
    }
    this.#started = true;
    if (calls.length === 0 && book.inFlight() > 0) calls.push(book.wait());
    return { text: null, toolCalls: calls };
  }
}

export function eagerFactory(catalog: ToolCatalog = REGISTRY): AgentFactory {
  return { name: "eager", create: ({ scenario }) => new EagerAgent(scenario, catalog) };
}

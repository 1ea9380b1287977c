import type { ToolCallRequest } from "../../core/messages.ts";
import type { Task } from "../../dataset/schema.ts";
import type { Agent, AgentFactory, Observation } from "../agent.ts";
import { StepBook } from "./step-book.ts";

/**
 * Issues every gold step whose inputs have been delivered, across all tasks at once, and submits
 * each task in the first turn its last result is known. Its makespan is T_opt (DESIGN §6.7).
 * `skipTasks` makes it forget tasks (the forgetful agent).
 */
export class OracleAgent implements Agent {
  readonly name: string;
  readonly #book: StepBook;
  readonly #tasks: readonly Task[];

  constructor(tasks: readonly Task[], options: { name?: string; skipTasks?: ReadonlySet<string> } = {}) {
    this.name = options.name ?? "oracle";
    this.#book = new StepBook(tasks);
    this.#tasks = tasks.filter((task) => !options.skipTasks?.has(task.id));
  }

  act(observation: Observation) {
    const book = this.#book;
    book.absorb(observation.feedback);
    const calls: ToolCallRequest[] = [];
    for (const task of this.#tasks) {
      if (book.isSubmitted(task.id)) continue;
      if (book.isComplete(task.id)) {
        calls.push(book.submit(task.id));
        continue;
      }
      for (const step of book.readySteps(task.id)) {
        const call = book.call(task.id, step);
        if (call) calls.push(call);
      }
    }
    if (calls.length === 0 && book.inFlight() > 0) calls.push(book.wait());
    return { text: null, toolCalls: calls };
  }
}

export const oracleFactory: AgentFactory = {
  name: "oracle",
  create: ({ scenario }) => new OracleAgent(scenario.tasks),
};

/** Oracle that never starts the last task: it should show task neglect. */
export const forgetfulFactory: AgentFactory = {
  name: "forgetful",
  create: ({ scenario }) => {
    const last = scenario.tasks[scenario.tasks.length - 1];
    return new OracleAgent(scenario.tasks, { name: "forgetful", skipTasks: new Set(last ? [last.id] : []) });
  },
};

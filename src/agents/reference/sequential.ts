import type { ToolCallRequest } from "../../core/messages.ts";
import type { Task } from "../../dataset/schema.ts";
import type { Agent, AgentFactory, Observation } from "../agent.ts";
import { StepBook } from "./step-book.ts";

/**
 * The blocking baseline: one task at a time, one tool call per turn, and it waits for every result
 * before doing anything else. Its makespan is T_seq (DESIGN §6.7). A submission may share a turn
 * with the next task's first call (control calls are instantaneous).
 */
export class SequentialAgent implements Agent {
  readonly name = "sequential";
  readonly #book: StepBook;
  readonly #tasks: readonly Task[];

  constructor(tasks: readonly Task[]) {
    this.#book = new StepBook(tasks);
    this.#tasks = tasks;
  }

  act(observation: Observation) {
    const book = this.#book;
    book.absorb(observation.feedback);
    if (book.inFlight() > 0) return { text: null, toolCalls: [book.wait()] };
    const calls: ToolCallRequest[] = [];
    for (const task of this.#tasks) {
      if (book.isSubmitted(task.id)) continue;
      if (book.isComplete(task.id)) {
        calls.push(book.submit(task.id));
        continue;
      }
      const [next] = book.readySteps(task.id);
      const call = next ? book.call(task.id, next) : undefined;
      if (call) {
        calls.push(call);
        break;
      }
      // The step was given up (unresolvable input): stay on this task next turn.
      if (next) return { text: null, toolCalls: calls };
      break;
    }
    return { text: null, toolCalls: calls };
  }
}

export const sequentialFactory: AgentFactory = {
  name: "sequential",
  create: ({ scenario }) => new SequentialAgent(scenario.tasks),
};

import type { Delivery, Feedback, ToolResponse } from "../agents/agent.ts";
import type { CanonicalMessage } from "../core/messages.ts";

/**
 * Reads a conversation back into what the environment told the agent, turn by turn, so a reference
 * agent can be replayed over it (the mock server is stateless HTTP: the transcript is all it has).
 * It inverts `src/env/render.ts`: tool messages hold a JSON ToolResponse, a notification is a
 * `[t=N] …` header line followed by one JSON delivery per line, any other user message after
 * the task list is a reminder.
 */
export class TranscriptError extends Error {
  override readonly name = "TranscriptError";
}

export type AssistantMessage = Extract<CanonicalMessage, { role: "assistant" }>;

export interface TranscriptTurn {
  /** What the agent was told since its previous response. */
  feedback: Feedback;
  /** Virtual time of the latest notification seen (0 before any). */
  time: number;
  /** How the agent answered; absent for the turn the server must now play. */
  response?: AssistantMessage;
}

export interface Transcript {
  system: string | null;
  /** The first user message: the task list. */
  taskList: string;
  turns: TranscriptTurn[];
}

const NOTIFICATION_HEADER = /^\[t=(\d+)\] \d+ tool results? arrived/;

export function emptyFeedback(): Feedback {
  return { toolResponses: [], deliveries: [], reminder: null };
}

export function mergeFeedback(first: Feedback, second: Feedback): Feedback {
  return {
    toolResponses: [...first.toolResponses, ...second.toolResponses],
    deliveries: [...first.deliveries, ...second.deliveries],
    reminder: second.reminder ?? first.reminder,
  };
}

export function readTranscript(messages: readonly CanonicalMessage[]): Transcript {
  const system = messages.find((message) => message.role === "system");
  const firstUser = messages.findIndex((message) => message.role === "user");
  const taskMessage = messages[firstUser];
  if (taskMessage?.role !== "user") throw new TranscriptError("no user message with the task list");
  const turns: TranscriptTurn[] = [];
  let feedback = emptyFeedback();
  let time = 0;
  messages.slice(firstUser + 1).forEach((message, offset) => {
    const where = `message ${firstUser + 1 + offset}`;
    switch (message.role) {
      case "system":
        throw new TranscriptError(`${where}: a system message inside the conversation`);
      case "assistant":
        turns.push({ feedback, time, response: message });
        feedback = emptyFeedback();
        break;
      case "tool":
        feedback.toolResponses.push({
          requestId: message.toolCallId,
          tool: message.name,
          response: parseJson(message.content, where) as ToolResponse,
        });
        break;
      case "user": {
        const [header, ...lines] = message.content.split("\n");
        const match = NOTIFICATION_HEADER.exec(header ?? "");
        if (match) {
          time = Number(match[1]);
          for (const line of lines) feedback.deliveries.push(parseJson(line, where) as Delivery);
        } else {
          feedback.reminder = message.content;
        }
        break;
      }
    }
  });
  turns.push({ feedback, time });
  return { system: system?.role === "system" ? system.content : null, taskList: taskMessage.content, turns };
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new TranscriptError(
      `${where}: expected the environment's JSON, got ${JSON.stringify(text.slice(0, 80))}`,
    );
  }
}

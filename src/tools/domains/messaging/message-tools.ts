/** Messaging tools over the inbox: send, delete, view, search, statistics. All need a login. */
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { PythonRandom } from "../../../core/python-random.ts";
import { defineTool, ToolError } from "../../tool.ts";
import {
  entryParts,
  INBOX_RESOURCE,
  inboxResource,
  MESSAGE_ID_RESOURCE,
  type MessagingState,
  pythonTypeName,
  SESSION_RESOURCE,
} from "./state.ts";

const notLoggedIn = { error: "No user is currently logged in." } as const;

/** A fresh message id: `randint(10000, 99999)` until unused, as upstream draws it. */
function generateId(state: MessagingState): number {
  const random = PythonRandom.fromState(state._random);
  let id = random.randint(10000, 99999);
  while (state.generated_ids.includes(id)) id = random.randint(10000, 99999);
  state._random = random.getState();
  state.generated_ids = [...state.generated_ids, id].sort((a, b) => a - b);
  return id;
}

export const sendMessage = defineTool({
  name: "send_message",
  description: "Send a message to a user by id (login required). Returns the new message's id.",
  parameters: {
    receiver_id: z.string().describe("Id of the receiving user, e.g. 'USR002'."),
    message: z.string().describe("The message text."),
  },
  latency: "medium",
  mutates: true,
  resources: ({ receiver_id }) => [SESSION_RESOURCE, inboxResource(receiver_id), MESSAGE_ID_RESOURCE],
  run: (state: MessagingState, { receiver_id, message }) => {
    if (!state.current_user) return notLoggedIn;
    if (!Object.values(state.user_map).includes(receiver_id)) {
      return { error: `Receiver ID '${receiver_id}' not found.` };
    }
    const id = generateId(state);
    state.inbox.push({ [receiver_id]: message });
    state.message_count += 1;
    return {
      sent_status: true,
      message_id: { new_id: id },
      message: `Message sent to '${receiver_id}' successfully.`,
    };
  },
});

export const deleteMessage = defineTool({
  name: "delete_message",
  description:
    "Delete the most recent message sent to a user (login required). The optional message_id is " +
    "accepted but not used: the receiver alone picks the message.",
  parameters: {
    receiver_id: z.string().describe("Id of the user the message was sent to."),
    message_id: z.number().int().optional().describe("Ignored."),
  },
  latency: "medium",
  mutates: true,
  resources: ({ receiver_id }) => [SESSION_RESOURCE, inboxResource(receiver_id)],
  run: (state: MessagingState, { receiver_id }) => {
    if (!state.current_user) return notLoggedIn;
    const latest = state.inbox.findLast((entry) => entryParts(entry)[0] === receiver_id);
    if (!latest) return { error: `Receiver ID ${receiver_id} not found.` };
    // Upstream's list.remove drops the first entry equal to the one found, which may be earlier.
    state.inbox.splice(
      state.inbox.findIndex((entry) => isDeepStrictEqual(entry, latest)),
      1,
    );
    return {
      deleted_status: true,
      message_id: receiver_id,
      message: `Receiver ${receiver_id}'s first message deleted successfully.`,
    };
  },
});

export const viewMessagesSent = defineTool({
  name: "view_messages_sent",
  description: "List every message in the workspace inbox, grouped by receiver id (login required).",
  parameters: {},
  latency: "medium",
  mutates: false,
  resources: () => [SESSION_RESOURCE, INBOX_RESOURCE],
  run: (state: MessagingState) => {
    if (!state.current_user) return notLoggedIn;
    const messages: Record<string, unknown[]> = {};
    for (const entry of state.inbox) {
      const [receiver, content] = entryParts(entry);
      const list = Object.hasOwn(messages, receiver) ? messages[receiver] : undefined;
      if (list) list.push(structuredClone(content));
      else Object.defineProperty(messages, receiver, { value: [structuredClone(content)], enumerable: true });
    }
    return { messages };
  },
});

export const searchMessages = defineTool({
  name: "search_messages",
  description: "Find messages whose text contains a keyword, ignoring case (login required).",
  parameters: { keyword: z.string().describe("Text to look for.") },
  latency: "slow",
  mutates: false,
  resources: () => [SESSION_RESOURCE, INBOX_RESOURCE],
  run: (state: MessagingState, { keyword }) => {
    if (!state.current_user) return notLoggedIn;
    const needle = keyword.toLowerCase();
    const results: Array<{ receiver_id: string; message: string }> = [];
    for (const entry of state.inbox) {
      const [receiver, content] = entryParts(entry);
      // Upstream calls .lower() on the content, which fails for list- or dict-valued entries.
      if (typeof content !== "string") {
        throw new ToolError(`'${pythonTypeName(content)}' object has no attribute 'lower'`);
      }
      if (content.toLowerCase().includes(needle)) results.push({ receiver_id: receiver, message: content });
    }
    return { results };
  },
});

export const getMessageStats = defineTool({
  name: "get_message_stats",
  description: "Count the messages in the inbox and the distinct users they were sent to (login required).",
  parameters: {},
  latency: "medium",
  mutates: false,
  resources: () => [SESSION_RESOURCE, INBOX_RESOURCE],
  run: (state: MessagingState) => {
    if (!state.current_user) return notLoggedIn;
    const receivers = new Set(state.inbox.map((entry) => entryParts(entry)[0]));
    return { stats: { received_count: state.inbox.length, total_contacts: receivers.size } };
  },
});

export const MESSAGE_TOOLS = [sendMessage, deleteMessage, viewMessagesSent, searchMessages, getMessageStats];

import type { Rng } from "../../core/rng.ts";
import type { Step } from "../schema.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

/**
 * Messaging tasks (BFCL MessageAPI port). The default workspace has four users and three inbox
 * entries; every inbox tool needs the one login, so tasks that read or write the inbox compose
 * only with tasks that stay outside it (id look-ups of other users, adding a contact). New
 * contacts are named from `unique`, and sends within a task are ordered because message ids come
 * from one random stream.
 */

const USERS = ["Alice", "Bob", "Catherine", "Daniel"] as const;
const TEXTS = [
  "Running ten minutes late, start without me.",
  "The slides are in the shared folder.",
  "Lunch at noon?",
  "Can you review my draft today?",
  "The build is green again.",
  "Please send the invoice by Friday.",
  "Thanks for the quick fix!",
  "The meeting moved to 3 pm.",
  "Don't forget the team photo tomorrow.",
];
/** Keywords of KEYWORDS that no default inbox message contains. */
const ABSENT_KEYWORDS = ["invoice", "meeting", "lunch"];
const KEYWORDS = [
  "file",
  "upload",
  "connect",
  "Alice",
  "name",
  "could",
  "you",
  "want to",
  "the file",
  "invoice",
  "meeting",
  "lunch",
];
const FIRST_NAMES = ["Priya", "Tomas", "Yuki", "Amara", "Lars", "Noor", "Mateo", "Ingrid"];

/** `count` distinct users in random order. */
const users = (rng: Rng, count: number): string[] => rng.shuffle(USERS).slice(0, count);

/** Look up both users, log in as the sender and send the text (s1–s4; s4 returns the message id). */
function directMessageSteps(sender: string, receiver: string, text: string): Step[] {
  return [
    { id: "s1", tool: "get_user_id", args: { user: sender } },
    { id: "s2", tool: "get_user_id", args: { user: receiver } },
    { id: "s3", tool: "message_login", args: { user_id: ref("s1.result.user_id") } },
    {
      id: "s4",
      tool: "send_message",
      args: { receiver_id: ref("s2.result.user_id"), message: text },
      after: ["s3"],
    },
  ];
}

const templates: TaskTemplate[] = [
  {
    id: "messaging/user-directory",
    pattern: "fan-out",
    build: (rng) => {
      const names = users(rng, rng.int(2, 3));
      const wanted = names[names.length - 1] as string;
      return {
        instruction: phrase(
          rng,
          [
            "Look up the user ids of {names}; tell me {wanted}'s id.",
            "I need the workspace ids for {names}. Which id does {wanted} have?",
            "Fetch the ids of these users: {names}. Report the one for {wanted}.",
          ],
          { names: names.join(", "), wanted },
        ),
        plan: names.map((user, index) => ({ id: `s${index + 1}`, tool: "get_user_id", args: { user } })),
        answer: ref(`s${names.length}.result.user_id`),
        answerMatch: "text",
      };
    },
  },
  {
    id: "messaging/inbox-stats",
    pattern: "chain",
    build: (rng) => {
      const [user] = users(rng, 1) as [string];
      const counted = rng.next() < 0.5;
      const checkFirst = rng.next() < 0.5;
      const check = checkFirst ? [{ id: "s0", tool: "message_get_login_status", args: {} }] : [];
      return {
        instruction: phrase(
          rng,
          [
            "{check}Log in as {user} (look up the id first) and tell me {what} according to the message statistics.",
            "{check}Find {user}'s user id, sign in with it, then read the message stats: what is {what}?",
            "{check}Sign in to the messenger as {user} and check the statistics for {what}.",
          ],
          {
            user,
            check: checkFirst ? "First check whether anyone is logged in. " : "",
            what: counted ? "the number of messages" : "the number of distinct receivers",
          },
        ),
        plan: [
          ...check,
          { id: "s1", tool: "get_user_id", args: { user } },
          {
            id: "s2",
            tool: "message_login",
            args: { user_id: ref("s1.result.user_id") },
            ...(checkFirst ? { after: ["s0"] } : {}),
          },
          { id: "s3", tool: "get_message_stats", args: {}, after: ["s2"] },
        ],
        answer: ref(counted ? "s3.result.stats.received_count" : "s3.result.stats.total_contacts"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "messaging/direct-message",
    pattern: "fan-in",
    build: (rng) => {
      const [sender, receiver] = users(rng, 2) as [string, string];
      const text = rng.pick(TEXTS);
      return {
        instruction: phrase(
          rng,
          [
            'As {sender}, send {receiver} the message "{text}" — look up both ids, log in first, and tell me the new message\'s id.',
            'Log in as {sender} and message {receiver}: "{text}". Give me the id of the message you sent.',
            'Get the user ids of {sender} and {receiver}, sign in as {sender}, and send "{text}" to {receiver}. What message id came back?',
          ],
          { sender, receiver, text },
        ),
        plan: [...directMessageSteps(sender, receiver, text)],
        answer: ref("s4.result.message_id.new_id"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "messaging/add-contact",
    pattern: "chain",
    build: (rng, unique) => {
      const name = `${rng.pick(FIRST_NAMES)}_${unique}`;
      return {
        instruction: phrase(
          rng,
          [
            "Add a new contact named {name} to the workspace, then look up the id they were given.",
            "Create the user {name}; once it exists, fetch its user id for me.",
            "Register {name} as a contact and confirm the user id by looking it up.",
          ],
          { name },
        ),
        plan: [
          { id: "s1", tool: "add_contact", args: { user_name: name } },
          { id: "s2", tool: "get_user_id", args: { user: name }, after: ["s1"] },
        ],
        answer: ref("s2.result.user_id"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "messaging/welcome-contact",
    pattern: "mixed",
    build: (rng, unique) => {
      const [sender] = users(rng, 1) as [string];
      const name = `${rng.pick(FIRST_NAMES)}_${unique}`;
      const text = `Welcome aboard, ${name.split("_")[0]}!`;
      return {
        instruction: phrase(
          rng,
          [
            'Add {name} as a contact, log in as {sender} and send the new contact "{text}". Which id did {name} get?',
            'Sign in as {sender} (look up the id), create the contact {name}, then greet them with "{text}". Report the new user id.',
            'Welcome a newcomer: register {name}, and as {sender} send them "{text}". Tell me {name}\'s user id.',
          ],
          { name, sender, text },
        ),
        plan: [
          { id: "s1", tool: "get_user_id", args: { user: sender } },
          { id: "s2", tool: "message_login", args: { user_id: ref("s1.result.user_id") } },
          { id: "s3", tool: "add_contact", args: { user_name: name } },
          {
            id: "s4",
            tool: "send_message",
            args: { receiver_id: ref("s3.result.user_id"), message: text },
            after: ["s2"],
          },
        ],
        answer: ref("s3.result.user_id"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "messaging/search-inbox",
    pattern: "chain",
    build: (rng) => {
      const [user] = users(rng, 1) as [string];
      // Only words the default inbox contains, so the first match exists.
      const keyword = rng.pick(KEYWORDS.filter((word) => !ABSENT_KEYWORDS.includes(word)));
      return {
        instruction: phrase(
          rng,
          [
            'Log in as {user}, search the messages for "{keyword}" and tell me the text of the first match.',
            'What does the first message mentioning "{keyword}" say? Sign in as {user} first (look up the id).',
            "Get {user}'s id, log in with it, search the inbox for \"{keyword}\" and report the first hit's text.",
          ],
          { user, keyword },
        ),
        plan: [
          { id: "s1", tool: "get_user_id", args: { user } },
          { id: "s2", tool: "message_login", args: { user_id: ref("s1.result.user_id") } },
          { id: "s3", tool: "search_messages", args: { keyword }, after: ["s2"] },
        ],
        answer: ref("s3.result.results.0.message"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "messaging/send-and-retract",
    pattern: "mixed",
    build: (rng) => {
      const [sender, receiver] = users(rng, 2) as [string, string];
      const text = rng.pick(TEXTS);
      return {
        instruction: phrase(
          rng,
          [
            'Log in as {sender}, send {receiver} "{text}", then think better of it: delete that latest message to {receiver}, check the sent messages, and tell me the id the retracted message had.',
            'As {sender}, message {receiver} with "{text}" and immediately retract it; afterwards list the sent messages. Which message id did it get?',
            'Send "{text}" from {sender} to {receiver} (look up both ids), delete it again, view the sent messages, and report the message id.',
          ],
          { sender, receiver, text },
        ),
        plan: [
          ...directMessageSteps(sender, receiver, text),
          {
            id: "s5",
            tool: "delete_message",
            args: { receiver_id: ref("s2.result.user_id") },
            after: ["s4"],
          },
          { id: "s6", tool: "view_messages_sent", args: {}, after: ["s5"] },
        ],
        answer: ref("s4.result.message_id.new_id"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "messaging/broadcast",
    pattern: "mixed",
    build: (rng) => {
      const [sender, first, second] = users(rng, 3) as [string, string, string];
      const text = rng.pick(TEXTS);
      return {
        instruction: phrase(
          rng,
          [
            'As {sender}, send "{text}" to {first} and then to {second}; afterwards tell me how many messages the workspace holds.',
            'Log in as {sender} and pass the note "{text}" on to {first}, then {second}. How many messages are there now?',
            'Look up the ids of {sender}, {first} and {second}; sign in as {sender}, message {first} and after that {second} with "{text}", then check the message count.',
          ],
          { sender, first, second, text },
        ),
        plan: [
          { id: "s1", tool: "get_user_id", args: { user: sender } },
          { id: "s2", tool: "message_login", args: { user_id: ref("s1.result.user_id") } },
          { id: "s3", tool: "get_user_id", args: { user: first } },
          { id: "s4", tool: "get_user_id", args: { user: second } },
          {
            id: "s5",
            tool: "send_message",
            args: { receiver_id: ref("s3.result.user_id"), message: text },
            after: ["s2"],
          },
          {
            id: "s6",
            tool: "send_message",
            args: { receiver_id: ref("s4.result.user_id"), message: text },
            after: ["s5"],
          },
          { id: "s7", tool: "get_message_stats", args: {}, after: ["s6"] },
        ],
        answer: ref("s7.result.stats.received_count"),
        answerMatch: "number",
      };
    },
  },
];

export const messagingGenerator: DomainGenerator = {
  domain: "messaging",
  templates,
  probes: USERS.map((user) => ({
    tool: "get_user_id",
    args: { user },
    phrase: `look up ${user}'s user id`,
  })),
};

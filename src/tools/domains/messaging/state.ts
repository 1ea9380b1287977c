/**
 * State of the messaging domain: BFCL v3 MessageAPI. Public fields carry upstream's attribute
 * names and shapes as the recorded BFCL trace writes them (the `generated_ids` set as a sorted
 * list); `_random` is the CPython `random.Random` stream that message ids are drawn from.
 */
import { z } from "zod";
import { PythonRandom, pythonRandomStateSchema } from "../../../core/python-random.ts";

/** Upstream's default seed for message ids. */
export const DEFAULT_MESSAGING_SEED = 200191;

/**
 * One inbox entry: `{receiverId: content}`; upstream reads only the first key. Messages sent
 * through the API have string content, but recorded configs also store lists and dictionaries
 * (which upstream then nests when grouping), so any JSON value is kept as it is.
 */
export const InboxEntry = z
  .record(z.string(), z.json())
  .refine((entry) => Object.keys(entry).length > 0, "an inbox entry needs a receiver id");
export type InboxEntry = z.infer<typeof InboxEntry>;

const Fields = z.strictObject({
  random_seed: z.number().int().optional(),
  _random: pythonRandomStateSchema.optional(),
  generated_ids: z.array(z.number().int()).default([]),
  user_count: z.number().int().default(4),
  user_map: z
    .record(z.string(), z.string())
    .default({ Alice: "USR001", Bob: "USR002", Catherine: "USR003", Daniel: "USR004" }),
  inbox: z
    .array(InboxEntry)
    .default([
      { USR002: "My name is Alice. I want to connect." },
      { USR003: "Could you upload the file?" },
      { USR004: "Could you upload the file?" },
    ]),
  message_count: z.number().int().default(3),
  current_user: z.string().nullable().default(null),
});

/**
 * Partial config → full state. Accepts a BFCL `initial_config.MessageAPI` object (optionally with
 * `random_seed`) or a recorded state; missing fields take upstream's class defaults.
 */
export const MessagingState = Fields.transform(({ random_seed, _random, ...fields }) => ({
  ...fields,
  generated_ids: [...new Set(fields.generated_ids)].sort((a, b) => a - b),
  _random: _random ?? PythonRandom.seeded(random_seed ?? DEFAULT_MESSAGING_SEED).getState(),
}));
export type MessagingState = z.infer<typeof MessagingState>;

/** The receiver id and content of an inbox entry (upstream: the first item of the dict). */
export function entryParts(entry: InboxEntry): [string, InboxEntry[string]] {
  const first = Object.entries(entry)[0];
  if (!first) throw new Error("inbox entry without a receiver");
  return first;
}

/** Own-property lookup, so that user names never reach Object.prototype. */
export function lookup(record: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Login state: every inbox tool checks it. */
export const SESSION_RESOURCE = "messaging:session";
/** All inboxes; `messaging:inbox:<user>` is the messages sent to one user. */
export const INBOX_RESOURCE = "messaging:inbox";
export const inboxResource = (userId: string): string => `${INBOX_RESOURCE}:${userId}`;
/** All users; `messaging:user:<name>` is one user's entry. */
export const USER_RESOURCE = "messaging:user";
export const userResource = (name: string): string => `${USER_RESOURCE}:${name}`;
/** New contacts take the next number, so two additions depend on each other's order. */
export const USER_COUNT_RESOURCE = "messaging:user-count";
/** Message ids come from one random stream, so two sends depend on each other's order. */
export const MESSAGE_ID_RESOURCE = "messaging:message-id";

/** Python's type name for a JSON value, for upstream's AttributeError messages. */
export function pythonTypeName(value: unknown): string {
  if (value === null) return "NoneType";
  if (Array.isArray(value)) return "list";
  if (typeof value === "object") return "dict";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return "str";
}

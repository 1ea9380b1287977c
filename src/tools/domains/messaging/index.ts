/**
 * The messaging domain: BFCL v3 MessageAPI (10 functions): users and contacts, login, and one
 * workspace inbox of `{receiverId: text}` entries to send to, delete from, view, search and count.
 * Names, parameters, results and `{"error": …}` dictionaries follow upstream at commit ea13468e;
 * descriptions are ours. Message ids come from a CPython `random.Random` stream (seed 200191
 * unless configured), so they match upstream's.
 *
 * Resources: `messaging:session` (the login), `messaging:inbox:<userId>` (`messaging:inbox` =
 * all), `messaging:user:<name>` (`messaging:user` = all), `messaging:user-count` (ids of new
 * contacts) and `messaging:message-id` (the id stream).
 *
 * Known deviations from upstream: `delete_message` accepts the `message_id` that upstream's func
 * doc advertises but its code rejects (TypeError); here it is ignored.
 */
import { defineDomain } from "../../domain.ts";
import { ACCOUNT_TOOLS } from "./account-tools.ts";
import { MESSAGE_TOOLS } from "./message-tools.ts";
import { MessagingState } from "./state.ts";

export const messagingDomain = defineDomain<MessagingState>({
  name: "messaging",
  description:
    "A workspace messenger (login required for the inbox): list and add users, look up user ids, send, " +
    "delete, view and search messages, and count them.",
  config: MessagingState,
  tools: [...ACCOUNT_TOOLS, ...MESSAGE_TOOLS],
});

export type { MessagingState } from "./state.ts";

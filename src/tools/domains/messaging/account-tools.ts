/** Messaging tools about users and the login: list, look up, add contacts, log in. */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import {
  lookup,
  type MessagingState,
  SESSION_RESOURCE,
  USER_COUNT_RESOURCE,
  USER_RESOURCE,
  userResource,
} from "./state.ts";

/** Python's `str(n).zfill(width)`: zero padding after the sign. */
function zfill(value: number, width: number): string {
  const digits = String(Math.abs(value));
  const sign = value < 0 ? "-" : "";
  return sign + digits.padStart(width - sign.length, "0");
}

export const listUsers = defineTool({
  name: "list_users",
  description: "List the names of all users in the workspace.",
  parameters: {},
  latency: "fast",
  mutates: false,
  resources: () => [USER_RESOURCE],
  run: (state: MessagingState) => ({ user_list: Object.keys(state.user_map) }),
});

export const getUserId = defineTool({
  name: "get_user_id",
  description: "Look up a user's id (e.g. 'USR002') from the user's name.",
  parameters: { user: z.string().describe("The user's name.") },
  latency: "fast",
  mutates: false,
  resources: ({ user }) => [userResource(user)],
  run: (state: MessagingState, { user }) => {
    const id = lookup(state.user_map, user);
    return id === undefined ? { error: `User '${user}' not found in the workspace.` } : { user_id: id };
  },
});

export const messageLogin = defineTool({
  name: "message_login",
  description: "Log in to the messaging workspace as the user with the given id.",
  parameters: { user_id: z.string().describe("Id of the user to log in as.") },
  latency: "medium",
  mutates: true,
  resources: () => [SESSION_RESOURCE],
  run: (state: MessagingState, { user_id }) => {
    if (!Object.values(state.user_map).includes(user_id)) {
      return { login_status: false, message: `User ID '${user_id}' not found.` };
    }
    state.current_user = user_id;
    return { login_status: true, message: `User '${user_id}' logged in successfully.` };
  },
});

export const messageGetLoginStatus = defineTool({
  name: "message_get_login_status",
  description: "Tell whether a user is logged in to the messaging workspace.",
  parameters: {},
  latency: "fast",
  mutates: false,
  resources: () => [SESSION_RESOURCE],
  run: (state: MessagingState) => ({ login_status: Boolean(state.current_user) }),
});

export const addContact = defineTool({
  name: "add_contact",
  description: "Add a user to the workspace by name; the new user gets the next free id (USR005, USR006, …).",
  parameters: { user_name: z.string().describe("Name of the user to add.") },
  latency: "medium",
  mutates: true,
  resources: ({ user_name }) => [userResource(user_name), USER_COUNT_RESOURCE],
  run: (state: MessagingState, { user_name }) => {
    if (lookup(state.user_map, user_name) !== undefined)
      return { error: `User name '${user_name}' already exists.` };
    // Upstream advances the counter before checking the id, even when the check then fails.
    state.user_count += 1;
    const userId = `USR${zfill(state.user_count, 3)}`;
    if (Object.values(state.user_map).includes(userId))
      return { error: `User ID '${userId}' already exists.` };
    Object.defineProperty(state.user_map, user_name, {
      value: userId,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return { added_status: true, user_id: userId, message: `Contact '${user_name}' added successfully.` };
  },
});

export const ACCOUNT_TOOLS = [listUsers, getUserId, messageLogin, messageGetLoginStatus, addContact];

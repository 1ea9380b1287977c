/** Tickets tools for the login session: log in, login status, log out. */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import { SESSION_RESOURCE, type TicketsState } from "./state.ts";

export const ticketLogin = defineTool({
  name: "ticket_login",
  description:
    "Log in to the ticket system. Any non-empty username and password are accepted; the username becomes the " +
    "current user, replacing whoever was logged in.",
  parameters: {
    username: z.string().describe("Username."),
    password: z.string().describe("Password."),
  },
  latency: "medium",
  mutates: true,
  resources: () => [SESSION_RESOURCE],
  run: (state: TicketsState, args) => {
    if (!args.username || !args.password) return { success: false };
    state.current_user = args.username;
    return { success: true };
  },
});

export const ticketGetLoginStatus = defineTool({
  name: "ticket_get_login_status",
  description: "Tell whether someone is logged in to the ticket system.",
  parameters: {},
  latency: "fast",
  mutates: false,
  resources: () => [SESSION_RESOURCE],
  run: (state: TicketsState) => ({ login_status: Boolean(state.current_user) }),
});

export const logout = defineTool({
  name: "logout",
  description: "Log the current user out of the ticket system. Returns false when nobody was logged in.",
  parameters: {},
  latency: "fast",
  mutates: true,
  resources: () => [SESSION_RESOURCE],
  run: (state: TicketsState) => {
    if (!state.current_user) return { success: false };
    state.current_user = null;
    return { success: true };
  },
});

export const SESSION_TOOLS = [ticketLogin, ticketGetLoginStatus, logout];

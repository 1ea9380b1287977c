/** Social tools about the account: log in, login status, following, user statistics. */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import { followingResource, own, SESSION_RESOURCE, type SocialState } from "./state.ts";
import { notAuthenticated } from "./tweet-tools.ts";

export const authenticateTwitter = defineTool({
  name: "authenticate_twitter",
  description:
    "Log in to the social network. Succeeds only with the account's own username and password; a failed " +
    "attempt leaves an existing login in place.",
  parameters: {
    username: z.string().describe("Account username."),
    password: z.string().describe("Account password."),
  },
  latency: "medium",
  mutates: true,
  resources: () => [SESSION_RESOURCE],
  run: (state: SocialState, args) => {
    if (args.username !== state.username || args.password !== state.password)
      return { authentication_status: false };
    state.authenticated = true;
    return { authentication_status: true };
  },
});

export const postingGetLoginStatus = defineTool({
  name: "posting_get_login_status",
  description: "Tell whether the social-network account is logged in.",
  parameters: {},
  latency: "fast",
  mutates: false,
  resources: () => [SESSION_RESOURCE],
  run: (state: SocialState) => ({ login_status: state.authenticated }),
});

const otherUser = (what: string) => z.string().describe(what);

export const followUser = defineTool({
  name: "follow_user",
  description: "Follow a user (login required). Returns false when the user is already followed.",
  parameters: { username_to_follow: otherUser("Username to follow.") },
  latency: "fast",
  mutates: true,
  resources: (args) => [followingResource(args.username_to_follow)],
  run: (state: SocialState, args) => {
    if (!state.authenticated) return notAuthenticated("following");
    if (state.following_list.includes(args.username_to_follow)) return { follow_status: false };
    state.following_list.push(args.username_to_follow);
    return { follow_status: true };
  },
});

export const unfollowUser = defineTool({
  name: "unfollow_user",
  description: "Stop following a user (login required). Returns false when the user was not followed.",
  parameters: { username_to_unfollow: otherUser("Username to stop following.") },
  latency: "fast",
  mutates: true,
  resources: (args) => [followingResource(args.username_to_unfollow)],
  run: (state: SocialState, args) => {
    if (!state.authenticated) return notAuthenticated("unfollowing");
    const index = state.following_list.indexOf(args.username_to_unfollow);
    if (index < 0) return { unfollow_status: false };
    state.following_list.splice(index, 1);
    return { unfollow_status: true };
  },
});

export const listAllFollowing = defineTool({
  name: "list_all_following",
  description: "List the usernames the logged-in account follows (login required).",
  parameters: {},
  latency: "fast",
  mutates: false,
  resources: () => [followingResource()],
  run: (state: SocialState) => {
    if (!state.authenticated) return notAuthenticated("listing following");
    return { following_list: [...state.following_list] };
  },
});

export const getUserStats = defineTool({
  name: "get_user_stats",
  description:
    "Count a user's tweets and retweets, and how many users they follow (known only for the logged-in " +
    "account's own username; 0 for anyone else).",
  parameters: { username: z.string().describe("Username to describe.") },
  latency: "medium",
  mutates: false,
  resources: (args) => ["social:tweet", followingResource(), `social:retweets:${args.username}`],
  run: (state: SocialState, args) => ({
    tweet_count: Object.values(state.tweets).filter((tweet) => tweet.username === args.username).length,
    following_count: args.username === state.username ? state.following_list.length : 0,
    retweet_count: own(state.retweets, args.username)?.length ?? 0,
  }),
});

export const ACCOUNT_TOOLS = [
  authenticateTwitter,
  postingGetLoginStatus,
  followUser,
  unfollowUser,
  listAllFollowing,
  getUserStats,
];

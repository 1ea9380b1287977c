import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { callTool } from "../testing/call-tool.ts";
import { socialDomain } from "./index.ts";
import type { SocialState } from "./state.ts";

const fresh = (overrides: Record<string, unknown> = {}): SocialState =>
  initialState(socialDomain, { username: "emma", password: "pw", ...overrides }, "test");
const run = (state: SocialState, name: string, args: Record<string, unknown> = {}) =>
  callTool(socialDomain, state, name, args);

describe("authenticate_twitter and posting_get_login_status", () => {
  it("logs in with the account's own credentials only", () => {
    const state = fresh();
    expect(run(state, "posting_get_login_status")).toEqual({ login_status: false });
    expect(run(state, "authenticate_twitter", { username: "emma", password: "wrong" })).toEqual({
      authentication_status: false,
    });
    expect(run(state, "authenticate_twitter", { username: "max", password: "pw" })).toEqual({
      authentication_status: false,
    });
    expect(state.authenticated).toBe(false);
    expect(run(state, "authenticate_twitter", { username: "emma", password: "pw" })).toEqual({
      authentication_status: true,
    });
    expect(run(state, "posting_get_login_status")).toEqual({ login_status: true });
  });

  it("keeps an existing login after a failed attempt", () => {
    const state = fresh({ authenticated: true });
    run(state, "authenticate_twitter", { username: "emma", password: "wrong" });
    expect(state.authenticated).toBe(true);
  });
});

describe("following", () => {
  it("follows, lists and unfollows", () => {
    const state = fresh({ authenticated: true });
    expect(run(state, "follow_user", { username_to_follow: "carol" })).toEqual({ follow_status: true });
    expect(run(state, "follow_user", { username_to_follow: "carol" })).toEqual({ follow_status: false });
    expect(run(state, "list_all_following")).toEqual({ following_list: ["alice", "bob", "carol"] });
    expect(run(state, "unfollow_user", { username_to_unfollow: "alice" })).toEqual({ unfollow_status: true });
    expect(run(state, "unfollow_user", { username_to_unfollow: "alice" })).toEqual({
      unfollow_status: false,
    });
    expect(state.following_list).toEqual(["bob", "carol"]);
  });

  it.each([
    ["follow_user", { username_to_follow: "x" }, "following"],
    ["unfollow_user", { username_to_unfollow: "bob" }, "unfollowing"],
    ["list_all_following", {}, "listing following"],
  ])("%s requires a login", (name, args, verb) => {
    const state = fresh();
    expect(run(state, name, args)).toEqual({
      error: `User not authenticated. Please authenticate before ${verb}.`,
    });
    expect(state.following_list).toEqual(["alice", "bob"]);
  });

  it("names the followed user", () => {
    const tool = socialDomain.tools.find((candidate) => candidate.name === "follow_user");
    expect(tool?.resources({ username_to_follow: "carol" }, fresh())).toEqual(["social:following:carol"]);
  });
});

describe("get_user_stats", () => {
  it("counts tweets and retweets; following only for the account itself", () => {
    const state = fresh({
      authenticated: true,
      tweets: {
        "0": { id: 0, username: "emma", content: "a" },
        "1": { id: 1, username: "max", content: "b" },
        "2": { id: 2, username: "emma", content: "c" },
      },
      retweets: { max: [0, 2] },
    });
    expect(run(state, "get_user_stats", { username: "emma" })).toEqual({
      tweet_count: 2,
      following_count: 2,
      retweet_count: 0,
    });
    expect(run(state, "get_user_stats", { username: "max" })).toEqual({
      tweet_count: 1,
      following_count: 0,
      retweet_count: 2,
    });
    expect(run(state, "get_user_stats", { username: "constructor" })).toEqual({
      tweet_count: 0,
      following_count: 0,
      retweet_count: 0,
    });
  });
});

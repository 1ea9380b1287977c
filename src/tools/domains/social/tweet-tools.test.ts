import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { callTool } from "../testing/call-tool.ts";
import { socialDomain } from "./index.ts";
import type { SocialState } from "./state.ts";

const TWEET_0 = { id: 0, username: "emma", content: "Road trip day one", tags: ["#Travel"], mentions: [] };
const TWEET_1 = {
  id: 1,
  username: "max",
  content: "Engine check done",
  tags: ["#Cars"],
  mentions: ["@emma"],
};

function fresh(overrides: Record<string, unknown> = {}): SocialState {
  const config = {
    username: "emma",
    password: "pw",
    authenticated: true,
    tweets: { "0": TWEET_0, "1": TWEET_1 },
    tweet_counter: 5,
    ...overrides,
  };
  return initialState(socialDomain, structuredClone(config), "test");
}
const run = (state: SocialState, name: string, args: Record<string, unknown> = {}) =>
  callTool(socialDomain, state, name, args);
const resources = (state: SocialState, name: string, args: Record<string, unknown>) => {
  const tool = socialDomain.tools.find((candidate) => candidate.name === name);
  return tool?.resources(tool.parameters.parse(args), state);
};

describe("post_tweet", () => {
  it("stores the tweet under the counter id and returns a copy", () => {
    const state = fresh();
    const posted = run(state, "post_tweet", { content: "Hello", tags: ["#a"] });
    expect(posted).toEqual({ id: 5, username: "emma", content: "Hello", tags: ["#a"], mentions: [] });
    expect(state.tweet_counter).toBe(6);
    expect(state.tweets["5"]).toEqual(posted);
    run(state, "mention", { tweet_id: 5, mentioned_usernames: ["@x"] });
    expect(posted).toEqual({ id: 5, username: "emma", content: "Hello", tags: ["#a"], mentions: [] });
    expect(resources(fresh(), "post_tweet", { content: "x" })).toEqual([
      "social:tweet-counter",
      "social:tweet:5",
    ]);
  });

  it("keeps tweets posted without mentions independent", () => {
    const state = fresh();
    run(state, "post_tweet", { content: "a" });
    run(state, "post_tweet", { content: "b" });
    run(state, "mention", { tweet_id: 5, mentioned_usernames: ["@x"] });
    expect(state.tweets["6"]?.mentions).toEqual([]);
  });

  it("requires a login", () => {
    const state = fresh({ authenticated: false });
    expect(run(state, "post_tweet", { content: "x" })).toEqual({
      error: "User not authenticated. Please authenticate before posting.",
    });
    expect(state.tweet_counter).toBe(5);
  });
});

describe("retweet, comment and mention", () => {
  it("retweets once and reports a repeat", () => {
    const state = fresh();
    expect(run(state, "retweet", { tweet_id: 1 })).toEqual({ retweet_status: "Successfully retweeted" });
    expect(run(state, "retweet", { tweet_id: 1 })).toEqual({ retweet_status: "Already retweeted" });
    expect(state.retweets).toEqual({ emma: [1] });
  });

  it("adds comments in order", () => {
    const state = fresh();
    expect(run(state, "comment", { tweet_id: 0, comment_content: "first" })).toEqual({
      comment_status: "Comment added successfully",
    });
    run(state, "comment", { tweet_id: 0, comment_content: "second" });
    expect(run(state, "get_tweet_comments", { tweet_id: 0 })).toEqual([
      { username: "emma", content: "first" },
      { username: "emma", content: "second" },
    ]);
    expect(run(state, "get_tweet_comments", { tweet_id: 1 })).toEqual([]);
  });

  it("appends mentions without a login", () => {
    const state = fresh({ authenticated: false });
    expect(run(state, "mention", { tweet_id: 1, mentioned_usernames: ["@a", "@b"] })).toEqual({
      mention_status: "Users mentioned successfully",
    });
    expect(state.tweets["1"]?.mentions).toEqual(["@emma", "@a", "@b"]);
  });

  it.each([
    ["retweet", { tweet_id: 9 }],
    ["comment", { tweet_id: 9, comment_content: "x" }],
    ["mention", { tweet_id: 9, mentioned_usernames: ["@a"] }],
    ["get_tweet", { tweet_id: 9 }],
    ["get_tweet_comments", { tweet_id: 9 }],
  ])("%s of an unknown tweet is the not-found error", (name, args) => {
    expect(run(fresh(), name, args)).toEqual({ error: "Tweet with ID 9 not found." });
  });

  it.each([
    ["retweet", { tweet_id: 0 }, "retweeting"],
    ["comment", { tweet_id: 0, comment_content: "x" }, "commenting"],
  ])("%s requires a login", (name, args, verb) => {
    const state = fresh({ authenticated: false });
    expect(run(state, name, args)).toEqual({
      error: `User not authenticated. Please authenticate before ${verb}.`,
    });
    expect(state.retweets).toEqual({});
    expect(state.comments).toEqual({});
  });

  it("name the tweet they touch", () => {
    expect(resources(fresh(), "comment", { tweet_id: 1, comment_content: "x" })).toEqual(["social:tweet:1"]);
    expect(resources(fresh(), "retweet", { tweet_id: 1 })).toEqual([
      "social:tweet:1",
      "social:retweets:emma",
    ]);
  });
});

describe("queries", () => {
  it("get_tweet returns a copy", () => {
    const state = fresh();
    const tweet = run(state, "get_tweet", { tweet_id: 1 }) as { mentions: string[] };
    expect(tweet).toEqual(TWEET_1);
    tweet.mentions.push("@changed");
    expect(state.tweets["1"]?.mentions).toEqual(["@emma"]);
  });

  it("get_user_tweets lists an author's tweets", () => {
    expect(run(fresh(), "get_user_tweets", { username: "max" })).toEqual([TWEET_1]);
    expect(run(fresh(), "get_user_tweets", { username: "nobody" })).toEqual([]);
  });

  it.each([
    ["road", [TWEET_0]],
    ["ENGINE", [TWEET_1]],
    ["#cars", [TWEET_1]],
    ["cars", []],
    ["e", [TWEET_0, TWEET_1]],
  ])("search_tweets %s matches content or a whole tag, ignoring case", (keyword, hits) => {
    expect(run(fresh(), "search_tweets", { keyword })).toEqual(hits);
  });
});

describe("determinism", () => {
  it("gives the same results and state for the same calls", () => {
    const replay = () => {
      const state = fresh();
      const results = [
        run(state, "post_tweet", { content: "x", mentions: ["@a"] }),
        run(state, "retweet", { tweet_id: 5 }),
        run(state, "comment", { tweet_id: 5, comment_content: "c" }),
        run(state, "search_tweets", { keyword: "x" }),
      ];
      return { results, state };
    };
    expect(replay()).toEqual(replay());
  });
});

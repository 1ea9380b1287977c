import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { socialDomain } from "./index.ts";

const load = (config: unknown) => initialState(socialDomain, config, "scenario.json");

describe("social config", () => {
  it("fills upstream's class defaults", () => {
    expect(load(undefined)).toEqual({
      username: "john",
      password: "john123",
      authenticated: false,
      tweets: {},
      comments: {},
      retweets: {},
      following_list: ["alice", "bob"],
      tweet_counter: 0,
    });
  });

  it("keeps a partial BFCL config and fills the rest", () => {
    const state = load({
      username: "emma",
      tweet_counter: 10,
      tweets: { "0": { id: 0, username: "emma", content: "hi", tags: ["#a"], mentions: [] } },
    });
    expect(state.username).toBe("emma");
    expect(state.password).toBe("john123");
    expect(state.tweets["0"]?.tags).toEqual(["#a"]);
    expect(state.following_list).toEqual(["alice", "bob"]);
  });

  it("accepts recorded comments of another shape", () => {
    const state = load({ comments: { "1": [{ user: "jane", comment: "Safe travels!" }] } });
    expect(state.comments["1"]).toEqual([{ user: "jane", comment: "Safe travels!" }]);
  });

  it("names the file and field of a bad config", () => {
    expect(() => load({ tweets: { x: { id: 0, username: "a", content: "b" } } })).toThrow(
      /scenario\.json: tweets\.x: Invalid key/,
    );
    expect(() => load({ tweet_counter: "3" })).toThrow(/scenario\.json: tweet_counter/);
    expect(() => load({ followers: [] })).toThrow(/scenario\.json/);
  });
});

/**
 * State of the social domain: BFCL v3 TwitterAPI. Field names and shapes are upstream's public
 * attributes as the recorded BFCL trace writes them (tweets keyed by id as a string).
 */
import { z } from "zod";

export const Tweet = z.strictObject({
  id: z.number().int(),
  username: z.string(),
  content: z.string(),
  tags: z.array(z.string()).default([]),
  mentions: z.array(z.string()).default([]),
});
export type Tweet = z.infer<typeof Tweet>;

/** Comments written by `comment` are `{username, content}`; some recorded configs use other keys. */
const Comment = z.record(z.string(), z.unknown());

/**
 * Partial config → full state. Accepts a BFCL `initial_config.TwitterAPI` object or a recorded
 * `initial_state`; missing fields take upstream's class defaults.
 */
export const SocialState = z.strictObject({
  username: z.string().default("john"),
  password: z.string().default("john123"),
  authenticated: z.boolean().default(false),
  tweets: z.record(z.string().regex(/^-?\d+$/, "tweet keys are integer ids"), Tweet).default({}),
  /** Tweet id → comments on it. */
  comments: z.record(z.string(), z.array(Comment)).default({}),
  /** Username → ids of the tweets that user retweeted. */
  retweets: z.record(z.string(), z.array(z.number().int())).default({}),
  following_list: z.array(z.string()).default(["alice", "bob"]),
  /** Id of the next tweet; upstream keeps it apart from the number of tweets. */
  tweet_counter: z.number().int().default(0),
});
export type SocialState = z.infer<typeof SocialState>;

/** Own-property lookup so that ids and usernames never reach Object.prototype. */
export function own<Value>(record: Record<string, Value>, key: string | number): Value | undefined {
  const name = String(key);
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

export function put<Value>(record: Record<string, Value>, key: string | number, value: Value): void {
  Object.defineProperty(record, String(key), { value, enumerable: true, writable: true, configurable: true });
}

export const tweetResource = (id: number): string => `social:tweet:${id}`;
/** Login state; `authenticate_twitter` changes it and `posting_get_login_status` reveals it. */
export const SESSION_RESOURCE = "social:session";
/** Posting draws the next id, so two posts depend on each other's order. */
export const COUNTER_RESOURCE = "social:tweet-counter";
export const followingResource = (username?: string): string =>
  username === undefined ? "social:following" : `social:following:${username}`;

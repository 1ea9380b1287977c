/** Social tools over tweets: post, retweet, comment, mention, and the tweet queries. */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import { COUNTER_RESOURCE, own, put, type SocialState, type Tweet, tweetResource } from "./state.ts";

const tweetId = z.number().int().describe("Numeric id of the tweet.");

/** Upstream's refusal when nobody is logged in; `action` is the verb it names. */
export const notAuthenticated = (action: string) => ({
  error: `User not authenticated. Please authenticate before ${action}.`,
});

const notFound = (id: number) => ({ error: `Tweet with ID ${id} not found.` });

/** Results are copies: the caller may keep them while later calls change the state. */
const copy = <Value>(value: Value): Value => structuredClone(value);

/** Every tweet in stored order (upstream: insertion order; ours: ascending id, the same in practice). */
const allTweets = (state: SocialState): Tweet[] => Object.values(state.tweets);

/** Reading every tweet overlaps any single tweet (`social:tweet` covers `social:tweet:<id>`). */
const ALL_TWEETS_RESOURCE = "social:tweet";

export const postTweet = defineTool({
  name: "post_tweet",
  description:
    "Publish a tweet as the logged-in user (log in first with authenticate_twitter). Returns the stored tweet " +
    "with its new numeric id.",
  parameters: {
    content: z.string().describe("Text of the tweet."),
    tags: z.array(z.string()).default([]).describe('Hashtags, each starting with "#". Only when asked for.'),
    mentions: z
      .array(z.string())
      .default([])
      .describe('Mentioned users, each starting with "@". Only when asked for.'),
  },
  latency: "medium",
  mutates: true,
  resources: (_args, state: SocialState) => [COUNTER_RESOURCE, tweetResource(state.tweet_counter)],
  run: (state: SocialState, args) => {
    if (!state.authenticated) return notAuthenticated("posting");
    const tweet: Tweet = {
      id: state.tweet_counter,
      username: state.username,
      content: args.content,
      tags: [...args.tags],
      mentions: [...args.mentions],
    };
    put(state.tweets, tweet.id, tweet);
    state.tweet_counter += 1;
    return copy(tweet);
  },
});

export const retweet = defineTool({
  name: "retweet",
  description:
    "Retweet a tweet as the logged-in user; retweeting the same tweet twice is reported, not repeated.",
  parameters: { tweet_id: tweetId },
  latency: "medium",
  mutates: true,
  resources: (args, state: SocialState) => [
    tweetResource(args.tweet_id),
    `social:retweets:${state.username}`,
  ],
  run: (state: SocialState, args) => {
    if (!state.authenticated) return notAuthenticated("retweeting");
    if (own(state.tweets, args.tweet_id) === undefined) return notFound(args.tweet_id);
    let mine = own(state.retweets, state.username);
    if (mine === undefined) {
      mine = [];
      put(state.retweets, state.username, mine);
    }
    if (mine.includes(args.tweet_id)) return { retweet_status: "Already retweeted" };
    mine.push(args.tweet_id);
    return { retweet_status: "Successfully retweeted" };
  },
});

export const comment = defineTool({
  name: "comment",
  description: "Add a comment to a tweet as the logged-in user.",
  parameters: {
    tweet_id: tweetId,
    comment_content: z.string().describe("Text of the comment."),
  },
  latency: "medium",
  mutates: true,
  resources: (args) => [tweetResource(args.tweet_id)],
  run: (state: SocialState, args) => {
    if (!state.authenticated) return notAuthenticated("commenting");
    if (own(state.tweets, args.tweet_id) === undefined) return notFound(args.tweet_id);
    let comments = own(state.comments, args.tweet_id);
    if (comments === undefined) {
      comments = [];
      put(state.comments, args.tweet_id, comments);
    }
    comments.push({ username: state.username, content: args.comment_content });
    return { comment_status: "Comment added successfully" };
  },
});

export const mention = defineTool({
  name: "mention",
  description: "Add users to the mention list of an existing tweet (no login needed).",
  parameters: {
    tweet_id: tweetId,
    mentioned_usernames: z.array(z.string()).describe("Usernames to append to the tweet's mentions."),
  },
  latency: "fast",
  mutates: true,
  resources: (args) => [tweetResource(args.tweet_id)],
  run: (state: SocialState, args) => {
    const tweet = own(state.tweets, args.tweet_id);
    if (tweet === undefined) return notFound(args.tweet_id);
    tweet.mentions.push(...args.mentioned_usernames);
    return { mention_status: "Users mentioned successfully" };
  },
});

export const getTweet = defineTool({
  name: "get_tweet",
  description: "Fetch one tweet by id: author, content, tags and mentions.",
  parameters: { tweet_id: tweetId },
  latency: "fast",
  mutates: false,
  resources: (args) => [tweetResource(args.tweet_id)],
  run: (state: SocialState, args) => {
    const tweet = own(state.tweets, args.tweet_id);
    return tweet === undefined ? notFound(args.tweet_id) : copy(tweet);
  },
});

export const getUserTweets = defineTool({
  name: "get_user_tweets",
  description: "List every tweet written by a user (a list of tweets, possibly empty).",
  parameters: { username: z.string().describe("Author whose tweets to list.") },
  latency: "medium",
  mutates: false,
  resources: () => [ALL_TWEETS_RESOURCE],
  run: (state: SocialState, args) =>
    copy(allTweets(state).filter((tweet) => tweet.username === args.username)),
});

export const searchTweets = defineTool({
  name: "search_tweets",
  description:
    "List the tweets whose content contains a keyword, or that carry it as a tag (case-insensitive; a tag must " +
    'match whole, "#" included).',
  parameters: { keyword: z.string().describe("Word or phrase to look for.") },
  latency: "slow",
  mutates: false,
  resources: () => [ALL_TWEETS_RESOURCE],
  run: (state: SocialState, args) => {
    const keyword = args.keyword.toLowerCase();
    const hits = allTweets(state).filter(
      (tweet) =>
        tweet.content.toLowerCase().includes(keyword) ||
        tweet.tags.some((tag) => tag.toLowerCase() === keyword),
    );
    return copy(hits);
  },
});

export const getTweetComments = defineTool({
  name: "get_tweet_comments",
  description: "List the comments on a tweet (a list of {username, content}).",
  parameters: { tweet_id: tweetId },
  latency: "fast",
  mutates: false,
  resources: (args) => [tweetResource(args.tweet_id)],
  run: (state: SocialState, args) => {
    if (own(state.tweets, args.tweet_id) === undefined) return notFound(args.tweet_id);
    return copy(own(state.comments, args.tweet_id) ?? []);
  },
});

export const TWEET_TOOLS = [
  postTweet,
  retweet,
  comment,
  mention,
  getTweet,
  getUserTweets,
  searchTweets,
  getTweetComments,
];

import type { Rng } from "../../core/rng.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

// The default account (BFCL's TwitterAPI defaults: john / john123, following alice and bob) is
// logged out and has no tweets, so every writing task logs in first; posts draw ids from one
// shared counter. Two posts in one task are ordered with `after` so their ids never swap.

const LOGIN = { username: "john", password: "john123" };
const login = { id: "s1", tool: "authenticate_twitter", args: LOGIN };

const SUBJECTS = [
  "the new bike lane",
  "our bakery",
  "the book club",
  "the hackathon",
  "the farmers market",
  "the jazz night",
  "the science fair",
  "the charity run",
];
const MOODS = [
  "is finally open",
  "starts this Saturday",
  "was a huge success",
  "needs volunteers",
  "moves to a new venue",
  "sold out in an hour",
];
const TAGS = ["#community", "#weekend", "#local", "#news", "#events", "#volunteer", "#fun"];
const USERS = ["carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar"];
const REPLIES = ["See you there!", "Great news.", "Count me in.", "Thanks for sharing!", "Can't wait."];

const tweetText = (rng: Rng): string => `${capitalise(rng.pick(SUBJECTS))} ${rng.pick(MOODS)}`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const someOf = <Item>(rng: Rng, items: readonly Item[], min: number, max: number): Item[] =>
  rng.shuffle(items).slice(0, rng.int(min, max));
const credentials = "(username john, password john123)";

const templates: TaskTemplate[] = [
  {
    id: "social/post-and-check",
    pattern: "chain",
    build: (rng) => {
      const content = tweetText(rng);
      const tags = someOf(rng, TAGS, 1, 3);
      return {
        instruction: phrase(
          rng,
          [
            'Log in {credentials}, post "{content}" with the tags {tags}, and then fetch the new tweet to confirm its content.',
            'Sign in to the social account {credentials} and publish the tweet "{content}" tagged {tags}. Read it back by its id and tell me what it says.',
            'After authenticating {credentials}, tweet "{content}" (tags: {tags}) and retrieve the stored tweet to double-check the text.',
          ],
          { credentials, content, tags: tags.join(" ") },
        ),
        plan: [
          login,
          { id: "s2", tool: "post_tweet", args: { content, tags }, after: ["s1"] },
          { id: "s3", tool: "get_tweet", args: { tweet_id: ref("s2.result.id") } },
        ],
        answer: ref("s3.result.content"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "social/post-and-reply",
    pattern: "chain",
    build: (rng) => {
      const content = tweetText(rng);
      const reply = rng.pick(REPLIES);
      return {
        instruction: phrase(
          rng,
          [
            'Log in {credentials}, post "{content}", comment "{reply}" on that tweet, and then list its comments.',
            'Authenticate {credentials}, tweet "{content}", reply to your own tweet with "{reply}", and show the comments on it.',
            'Sign in {credentials}; publish "{content}", add the comment "{reply}" to it, then read back the comment thread. What does the comment say?',
          ],
          { credentials, content, reply },
        ),
        plan: [
          login,
          { id: "s2", tool: "post_tweet", args: { content }, after: ["s1"] },
          { id: "s3", tool: "comment", args: { tweet_id: ref("s2.result.id"), comment_content: reply } },
          { id: "s4", tool: "get_tweet_comments", args: { tweet_id: ref("s2.result.id") }, after: ["s3"] },
        ],
        answer: ref("s4.result.0.content"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "social/follow-several",
    pattern: "chain",
    build: (rng) => {
      const users = someOf(rng, USERS, 2, 4);
      // The following list keeps insertion order, so the follows run one after another.
      const follows = users.map((user, index) => ({
        id: `s${index + 2}`,
        tool: "follow_user",
        args: { username_to_follow: user },
        after: [`s${index + 1}`],
      }));
      return {
        instruction: phrase(
          rng,
          [
            "Log in {credentials}, follow {users}, and then list everyone the account follows.",
            "Authenticate {credentials}; start following {users}, in that order, then show the full following list.",
            "Sign in {credentials}, follow {users} one after another, and afterwards tell me who the account is following.",
          ],
          { credentials, users: users.join(", ") },
        ),
        plan: [
          login,
          ...follows,
          {
            id: `s${users.length + 2}`,
            tool: "list_all_following",
            args: {},
            after: [`s${users.length + 1}`],
          },
        ],
        answer: ref(`s${users.length + 2}.result.following_list`),
        answerMatch: "set",
      };
    },
  },
  {
    id: "social/unfollow-one",
    pattern: "chain",
    build: (rng) => {
      const user = rng.pick(["alice", "bob"]);
      return {
        instruction: phrase(
          rng,
          [
            "Log in {credentials}, unfollow {user}, and show who the account still follows.",
            "Authenticate {credentials}, stop following {user}, then list the remaining accounts being followed.",
            "Sign in {credentials}; remove {user} from the accounts you follow and report the following list afterwards.",
          ],
          { credentials, user },
        ),
        plan: [
          login,
          { id: "s2", tool: "unfollow_user", args: { username_to_unfollow: user }, after: ["s1"] },
          { id: "s3", tool: "list_all_following", args: {}, after: ["s2"] },
        ],
        answer: ref("s3.result.following_list"),
        answerMatch: "set",
      };
    },
  },
  {
    id: "social/thread-and-stats",
    pattern: "mixed",
    build: (rng) => {
      const first = tweetText(rng);
      const second = tweetText(rng);
      const mentioned = someOf(rng, USERS, 1, 2).map((user) => `@${user}`);
      const reply = rng.pick(REPLIES);
      return {
        instruction: phrase(
          rng,
          [
            'Log in {credentials}. Post "{first}", then post "{second}". Mention {mentioned} in the first tweet, comment "{reply}" on the second, and finally get the statistics of user john. How many tweets does john have?',
            'Authenticate {credentials}; tweet "{first}" and afterwards "{second}". Add the mentions {mentioned} to the first one and reply "{reply}" to the second, then look up john\'s user stats and report his tweet count.',
            'Sign in {credentials}, publish two tweets in this order: "{first}" and "{second}". Then mention {mentioned} on the first, comment "{reply}" on the second, and check john\'s statistics. What is his tweet count?',
          ],
          { credentials, first, second, mentioned: mentioned.join(" "), reply },
        ),
        plan: [
          login,
          { id: "s2", tool: "post_tweet", args: { content: first }, after: ["s1"] },
          { id: "s3", tool: "post_tweet", args: { content: second }, after: ["s2"] },
          {
            id: "s4",
            tool: "mention",
            args: { tweet_id: ref("s2.result.id"), mentioned_usernames: mentioned },
          },
          { id: "s5", tool: "comment", args: { tweet_id: ref("s3.result.id"), comment_content: reply } },
          { id: "s6", tool: "get_user_stats", args: { username: "john" }, after: ["s4", "s5"] },
        ],
        answer: ref("s6.result.tweet_count"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "social/post-and-search",
    pattern: "chain",
    build: (rng) => {
      const tag = rng.pick(TAGS);
      const content = `${tweetText(rng)} ${tag}`;
      const keyword = content.split(" ")[rng.int(1, 2)] as string;
      return {
        instruction: phrase(
          rng,
          [
            'Log in {credentials}, post "{content}" with the tag {tag}, and then search tweets for "{keyword}". What is the content of the first hit?',
            'Authenticate {credentials}, tweet "{content}" tagged {tag}, and afterwards run a search for the keyword "{keyword}"; report the first result\'s text.',
            'Sign in {credentials}; publish "{content}" (tag {tag}), then look for tweets containing "{keyword}" and tell me the text of the first match.',
          ],
          { credentials, content, tag, keyword },
        ),
        plan: [
          login,
          { id: "s2", tool: "post_tweet", args: { content, tags: [tag] }, after: ["s1"] },
          { id: "s3", tool: "search_tweets", args: { keyword }, after: ["s2"] },
        ],
        answer: ref("s3.result.0.content"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "social/announce-and-follow",
    pattern: "fan-out",
    build: (rng) => {
      const content = tweetText(rng);
      const users = someOf(rng, USERS, 1, 3);
      const follows = users.map((user, index) => ({
        id: `s${index + 3}`,
        tool: "follow_user",
        args: { username_to_follow: user },
        after: [index === 0 ? "s1" : `s${index + 2}`],
      }));
      return {
        instruction: phrase(
          rng,
          [
            'Log in {credentials}; then post "{content}" and, independently, follow {users} in that order.',
            'Authenticate {credentials}. Once signed in, tweet "{content}" and also start following {users} (in the order given); the tweet and the follows do not depend on each other.',
            'Sign in {credentials}, then do two independent things: publish "{content}", and follow {users} one by one in this order.',
          ],
          { credentials, content, users: users.join(", ") },
        ),
        plan: [login, { id: "s2", tool: "post_tweet", args: { content }, after: ["s1"] }, ...follows],
        answer: null,
        answerMatch: "exact",
      };
    },
  },
  {
    id: "social/mention-following",
    pattern: "fan-in",
    build: (rng) => {
      const content = tweetText(rng);
      return {
        instruction: phrase(
          rng,
          [
            'Log in {credentials}, post "{content}", look up everyone the account follows, and mention all of them in that tweet. Which users does the tweet mention now?',
            'Authenticate {credentials}; tweet "{content}" and fetch the following list, then add every followed user to the tweet\'s mentions. Read the tweet back and report its mentions.',
            'Sign in {credentials}. Publish "{content}", get the list of accounts you follow, mention all of them on the new tweet, and tell me the final mention list.',
          ],
          { credentials, content },
        ),
        plan: [
          login,
          { id: "s2", tool: "post_tweet", args: { content }, after: ["s1"] },
          { id: "s3", tool: "list_all_following", args: {}, after: ["s1"] },
          {
            id: "s4",
            tool: "mention",
            args: { tweet_id: ref("s2.result.id"), mentioned_usernames: ref("s3.result.following_list") },
          },
          { id: "s5", tool: "get_tweet", args: { tweet_id: ref("s2.result.id") }, after: ["s4"] },
        ],
        answer: ref("s5.result.mentions"),
        answerMatch: "set",
      };
    },
  },
  {
    id: "social/retweet-own",
    pattern: "chain",
    build: (rng) => {
      const content = tweetText(rng);
      return {
        instruction: phrase(
          rng,
          [
            'Log in {credentials}, post "{content}", retweet it, and then check john\'s retweet count.',
            'Authenticate {credentials}; tweet "{content}", boost it with a retweet, and report how many retweets john has.',
            'Sign in {credentials}, publish "{content}" and retweet that same tweet. Then read john\'s user statistics: how many retweets?',
          ],
          { credentials, content },
        ),
        plan: [
          login,
          { id: "s2", tool: "post_tweet", args: { content }, after: ["s1"] },
          { id: "s3", tool: "retweet", args: { tweet_id: ref("s2.result.id") } },
          { id: "s4", tool: "get_user_stats", args: { username: "john" }, after: ["s3"] },
        ],
        answer: ref("s4.result.retweet_count"),
        answerMatch: "number",
      };
    },
  },
];

export const socialGenerator: DomainGenerator = {
  domain: "social",
  templates,
  // Only john posts, and nobody logs in as alice or bob, so these reads never see other tasks' work.
  probes: [
    { tool: "get_user_stats", args: { username: "alice" }, phrase: "look up the statistics of user alice" },
    { tool: "get_user_stats", args: { username: "bob" }, phrase: "look up the statistics of user bob" },
    { tool: "get_user_tweets", args: { username: "alice" }, phrase: "list the tweets written by alice" },
  ],
};

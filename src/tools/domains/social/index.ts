/**
 * The social domain: BFCL v3 TwitterAPI (14 functions): post, retweet, comment on and mention in
 * tweets, follow users, query tweets and statistics. Names, parameters, defaults, results and
 * `{"error": …}` dictionaries follow upstream at commit ea13468e; descriptions are ours.
 *
 * Resources: `social:tweet:<id>` per tweet (`social:tweet` = all of them), `social:tweet-counter`
 * for posting (ids depend on posting order), `social:session` for the login,
 * `social:following[:<user>]` and `social:retweets:<user>`. Names are hierarchical by `:` segment.
 *
 * Known deviations from upstream (none reached by the BFCL base trace): upstream looks comments
 * up by integer id, so comments loaded from a config (string keys) are invisible to
 * `get_tweet_comments` and a new comment starts a second list; we keep one list per tweet.
 * Upstream's `post_tweet` shares one default `mentions` list between tweets posted without
 * mentions, so `mention` on one of them changes all; ours are independent.
 */
import { defineDomain } from "../../domain.ts";
import { ACCOUNT_TOOLS } from "./account-tools.ts";
import { SocialState } from "./state.ts";
import { TWEET_TOOLS } from "./tweet-tools.ts";

export const socialDomain = defineDomain<SocialState>({
  name: "social",
  description:
    "A social network account (login required): post tweets with tags and mentions, retweet, comment, " +
    "follow and unfollow users, search tweets and read user statistics.",
  config: SocialState,
  tools: [...ACCOUNT_TOOLS, ...TWEET_TOOLS],
});

export type { SocialState } from "./state.ts";

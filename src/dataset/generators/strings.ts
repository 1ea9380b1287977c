import type { Rng } from "../../core/rng.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

// Strings tools are pure: every task only reads its own arguments, so any two tasks compose.

const WORDS = [
  "amber",
  "bridge",
  "candle",
  "delta",
  "ember",
  "falcon",
  "garden",
  "harbor",
  "island",
  "jasmine",
  "kettle",
  "lantern",
  "meadow",
  "nectar",
  "orchid",
  "pepper",
  "quartz",
  "river",
  "saddle",
  "timber",
  "umbrella",
  "velvet",
  "willow",
  "yonder",
  "zephyr",
  "copper",
  "marble",
  "silver",
  "thunder",
  "cobalt",
];
const PALINDROMES = [
  "Never odd or even",
  "Was it a car or a cat I saw",
  "No lemon no melon",
  "Step on no pets",
  "Top spot",
  "Race car",
  "Borrow or rob",
  "Madam in Eden Im Adam",
];

const words = (rng: Rng, count: number): string[] => rng.shuffle(WORDS).slice(0, count);
const sentence = (rng: Rng, count: number): string => words(rng, count).join(" ");
const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

const templates: TaskTemplate[] = [
  {
    id: "strings/find-word",
    pattern: "single",
    build: (rng) => {
      const parts = words(rng, rng.int(5, 9));
      const target = rng.pick(parts);
      const text = parts.join(" ");
      return {
        instruction: phrase(
          rng,
          [
            'At which character position does "{target}" first appear in "{text}"?',
            'Find the index of the first occurrence of "{target}" inside the text "{text}".',
            'Locate "{target}" in "{text}" and tell me the zero-based position where it starts.',
          ],
          { target, text },
        ),
        plan: [{ id: "s1", tool: "str_find_substring", args: { text, substring: target } }],
        answer: ref("s1.result.first_index"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "strings/slug-after-fix",
    pattern: "chain",
    build: (rng) => {
      const parts = words(rng, rng.int(4, 7)).map(capitalise);
      const wrong = rng.pick(parts);
      const right = capitalise(rng.pick(WORDS.filter((word) => !parts.includes(capitalise(word)))));
      const title = parts.join(" ");
      const maxLength = rng.int(18, 40);
      return {
        instruction: phrase(
          rng,
          [
            'In the title "{title}", replace "{wrong}" with "{right}", then turn the corrected title into a URL slug of at most {maxLength} characters.',
            'Fix the title "{title}" by swapping the word "{wrong}" for "{right}" and make a slug (max {maxLength} characters) out of the result.',
            'I need a web slug, no longer than {maxLength} characters, for the title "{title}" once "{wrong}" has been changed to "{right}".',
          ],
          { title, wrong, right, maxLength },
        ),
        plan: [
          { id: "s1", tool: "str_replace", args: { text: title, find: wrong, replacement: right } },
          { id: "s2", tool: "str_slugify", args: { text: ref("s1.result.result"), max_length: maxLength } },
        ],
        answer: ref("s2.result.slug"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "strings/normalised-palindrome",
    pattern: "chain",
    build: (rng) => {
      const text = rng.next() < 0.6 ? rng.pick(PALINDROMES) : capitalise(sentence(rng, rng.int(2, 4)));
      return {
        instruction: phrase(
          rng,
          [
            'Lower-case "{text}", strip out every space, and then check whether what is left is a palindrome.',
            'Is "{text}" a palindrome once it is converted to lower case and its spaces are removed? Do those two steps first.',
            'Normalise the phrase "{text}" (lower case, no spaces) and tell me if it reads the same backwards.',
          ],
          { text },
        ),
        plan: [
          { id: "s1", tool: "str_change_case", args: { text, style: "lower" } },
          {
            id: "s2",
            tool: "str_replace",
            args: { text: ref("s1.result.result"), find: " ", replacement: "" },
          },
          { id: "s3", tool: "str_is_palindrome", args: { text: ref("s2.result.result") } },
        ],
        answer: ref("s3.result.is_palindrome"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "strings/text-profile",
    pattern: "fan-out",
    build: (rng) => {
      const parts = words(rng, rng.int(4, 6));
      const repeated = rng.pick(parts);
      const text = [...parts, repeated, ...words(rng, rng.int(2, 4)), repeated].join(" ");
      const top = rng.int(2, 4);
      return {
        instruction: phrase(
          rng,
          [
            'Profile the text "{text}": get its basic statistics, its {top} most frequent characters, and how many times "{repeated}" occurs. Answer with that occurrence count.',
            'For "{text}", I want the text statistics, the top {top} characters by frequency and the number of occurrences of "{repeated}" (report the last one).',
            'Run three independent checks on "{text}": text stats, top-{top} character frequency, and a count of "{repeated}". What is the count?',
          ],
          { text, top, repeated },
        ),
        plan: [
          { id: "s1", tool: "str_text_stats", args: { text } },
          { id: "s2", tool: "str_char_frequency", args: { text, top } },
          { id: "s3", tool: "str_count_occurrences", args: { text, substring: repeated } },
        ],
        answer: ref("s3.result.count"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "strings/name-distance",
    pattern: "fan-in",
    build: (rng) => {
      const first = words(rng, 2).map(capitalise).join(" ");
      const base = first.toLowerCase();
      const position = rng.int(1, base.length - 2);
      const second =
        `${base.slice(0, position)}${rng.pick(["x", "q", "z", ""])}${base.slice(position + 1)}`.toUpperCase();
      return {
        instruction: phrase(
          rng,
          [
            'Convert "{first}" and "{second}" both to lower case, then compute the edit distance between the two results.',
            'How many single-character edits separate "{first}" from "{second}" after lower-casing each of them?',
            'Lower-case the names "{first}" and "{second}" separately and measure the Levenshtein distance between them.',
          ],
          { first, second },
        ),
        plan: [
          { id: "s1", tool: "str_change_case", args: { text: first, style: "lower" } },
          { id: "s2", tool: "str_change_case", args: { text: second, style: "lower" } },
          {
            id: "s3",
            tool: "str_edit_distance",
            args: { first: ref("s1.result.result"), second: ref("s2.result.result") },
          },
        ],
        answer: ref("s3.result.distance"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "strings/list-reformat",
    pattern: "mixed",
    build: (rng) => {
      const items = words(rng, rng.int(3, 6));
      const csv = items.map((item) => (rng.next() < 0.5 ? ` ${item} ` : item)).join(",");
      const separator = rng.pick([" | ", "; ", " / ", " - "]);
      return {
        instruction: phrase(
          rng,
          [
            'Split "{csv}" on commas (trimming each part), join the parts with "{separator}", and then get both the text statistics and the character frequency of the joined text. Answer with the joined text.',
            'Take the comma-separated list "{csv}", trim and split it, re-join it using "{separator}", and analyse the result (stats and character frequency). What is the re-joined string?',
            'Reformat "{csv}": split at "," with trimming, glue the pieces back together with "{separator}", then profile the new string twice (statistics, character counts). Give me the new string.',
          ],
          { csv, separator },
        ),
        plan: [
          { id: "s1", tool: "str_split", args: { text: csv, separator: ",", trim: true } },
          { id: "s2", tool: "str_join", args: { parts: ref("s1.result.parts"), separator } },
          { id: "s3", tool: "str_text_stats", args: { text: ref("s2.result.result") } },
          { id: "s4", tool: "str_char_frequency", args: { text: ref("s2.result.result"), top: 3 } },
        ],
        answer: ref("s2.result.result"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "strings/banner",
    pattern: "chain",
    build: (rng) => {
      const text = sentence(rng, rng.int(4, 7));
      const maxLength = rng.int(16, 26);
      const width = maxLength + rng.int(4, 12);
      const fill = rng.pick(["*", "=", "~", "#"]);
      return {
        instruction: phrase(
          rng,
          [
            'Make a banner from "{text}": put it in title case, truncate it to {maxLength} characters at a word boundary, centre it in {width} characters padded with "{fill}", and tell me how many characters the banner has without whitespace.',
            'Title-case "{text}", shorten it to at most {maxLength} characters (cut between words), pad both sides with "{fill}" up to width {width}, then count its non-whitespace characters.',
            'Build a centred banner: "{text}" in Title Case, cut to {maxLength} characters on a word boundary, padded on both sides to {width} with "{fill}". How many non-whitespace characters does it contain?',
          ],
          { text, maxLength, width, fill },
        ),
        plan: [
          { id: "s1", tool: "str_change_case", args: { text, style: "title" } },
          {
            id: "s2",
            tool: "str_truncate",
            args: { text: ref("s1.result.result"), max_length: maxLength, word_boundary: true },
          },
          { id: "s3", tool: "str_pad", args: { text: ref("s2.result.result"), width, fill, side: "both" } },
          { id: "s4", tool: "str_text_stats", args: { text: ref("s3.result.result") } },
        ],
        answer: ref("s4.result.characters_without_whitespace"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "strings/mirror-words",
    pattern: "fan-in",
    build: (rng) => {
      const parts = words(rng, rng.int(3, 5));
      const separator = rng.pick(["-", "_", "."]);
      const reversals = parts.map((word, index) => ({
        id: `s${index + 1}`,
        tool: "str_reverse",
        args: { text: word },
      }));
      const join = `s${parts.length + 1}`;
      return {
        instruction: phrase(
          rng,
          [
            'Reverse each of the words {list} separately, join the reversed words in the same order with "{separator}", and convert the result to upper case.',
            'Spell every one of {list} backwards, glue them together with "{separator}" (keeping the order) and give the result in capitals.',
            'For the words {list}: reverse each one, join them using "{separator}", then upper-case the joined string.',
          ],
          { list: parts.map((word) => `"${word}"`).join(", "), separator },
        ),
        plan: [
          ...reversals,
          {
            id: join,
            tool: "str_join",
            args: { parts: reversals.map((step) => ref(`${step.id}.result.result`)), separator },
          },
          {
            id: `s${parts.length + 2}`,
            tool: "str_change_case",
            args: { text: ref(`${join}.result.result`), style: "upper" },
          },
        ],
        answer: ref(`s${parts.length + 2}.result.result`),
        answerMatch: "exact",
      };
    },
  },
];

export const stringsGenerator: DomainGenerator = {
  domain: "strings",
  templates,
  probes: [
    { tool: "str_reverse", args: { text: "stressed" }, phrase: 'reverse the word "stressed"' },
    {
      tool: "str_slugify",
      args: { text: "Quarterly Report 2024" },
      phrase: 'make a slug of "Quarterly Report 2024"',
    },
    {
      tool: "str_text_stats",
      args: { text: "The quick brown fox jumps over the lazy dog" },
      phrase: 'get the text statistics of "The quick brown fox jumps over the lazy dog"',
    },
    {
      tool: "str_is_palindrome",
      args: { text: "Rotator" },
      phrase: 'check whether "Rotator" is a palindrome',
    },
  ],
};

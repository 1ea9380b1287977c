import type { Rng } from "../../core/rng.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

// Sequences and seeded draws are pure. Counters and streams are named from `unique`, so each task
// owns its own and tasks compose without touching each other's state.

const PREFIXES = ["INV-", "ORD-", "TCK-", "EMP-", "PO-", "SKU-", "REQ-", "BAT-"];
const seed = (rng: Rng) => rng.int(1, 99_999);

const templates: TaskTemplate[] = [
  {
    id: "data-generation/uuid-batch",
    pattern: "single",
    build: (rng) => {
      const value = seed(rng);
      const count = rng.int(1, 5);
      return {
        instruction: phrase(
          rng,
          [
            "Generate {count} UUIDs from seed {seed}.",
            "I need {count} reproducible UUID v4 identifiers; use seed {seed}.",
            "Produce {count} seeded UUIDs (seed {seed}) and list them.",
          ],
          { count, seed: value },
        ),
        plan: [{ id: "s1", tool: "gen_uuid", args: { seed: value, count } }],
        answer: ref("s1.result.ids"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "data-generation/invoice-ids",
    pattern: "chain",
    build: (rng, unique) => {
      const name = `ids_${unique}`;
      const prefix = rng.pick(PREFIXES);
      const start = rng.int(1, 500);
      const padWidth = rng.int(3, 6);
      const count = rng.int(2, 5);
      return {
        instruction: phrase(
          rng,
          [
            'Create an id counter called "{name}" with prefix "{prefix}", starting at {start}, zero-padded to {padWidth} digits. Take {count} ids from it, then check the counter status.',
            'Set up the counter "{name}" (prefix {prefix}, first value {start}, pad width {padWidth}), hand out {count} ids, and afterwards show how many it has issued. Answer with the ids.',
            'Make a new counter "{name}": prefix "{prefix}", start {start}, {padWidth}-digit padding. Draw {count} ids and then look at its status. Which ids did you get?',
          ],
          { name, prefix, start, padWidth, count },
        ),
        plan: [
          { id: "s1", tool: "gen_counter_create", args: { name, prefix, start, pad_width: padWidth } },
          { id: "s2", tool: "gen_next_id", args: { counter: ref("s1.result.name"), count } },
          { id: "s3", tool: "gen_counter_status", args: { counter: ref("s1.result.name") }, after: ["s2"] },
        ],
        answer: ref("s2.result.ids"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "data-generation/stream-rounds",
    pattern: "chain",
    build: (rng, unique) => {
      const name = `dice_${unique}`;
      const value = seed(rng);
      const sides = rng.pick([6, 8, 10, 12, 20]);
      const first = rng.int(2, 5);
      const second = rng.int(2, 5);
      return {
        instruction: phrase(
          rng,
          [
            'Create a random stream "{name}" with seed {seed}. Roll {first} dice with {sides} sides from it, then roll {second} more. What did the second roll give?',
            'Start the seeded stream "{name}" (seed {seed}); draw {first} whole numbers between 1 and {sides}, and after that draw another {second}. Report the second batch.',
            'Using a new stream named "{name}" seeded with {seed}, take {first} values in 1..{sides} and then {second} further values in the same range; answer with the later values.',
          ],
          { name, seed: value, sides, first, second },
        ),
        plan: [
          { id: "s1", tool: "gen_stream_create", args: { name, seed: value } },
          {
            id: "s2",
            tool: "gen_stream_next",
            args: { stream: ref("s1.result.name"), count: first, min: 1, max: sides },
          },
          {
            id: "s3",
            tool: "gen_stream_next",
            args: { stream: ref("s1.result.name"), count: second, min: 1, max: sides },
            after: ["s2"],
          },
        ],
        answer: ref("s3.result.values"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "data-generation/sequence-survey",
    pattern: "fan-out",
    build: (rng) => {
      const fibCount = rng.int(8, 30);
      const primeCount = rng.int(5, 20);
      const from = rng.int(2, 500);
      const start = rng.int(0, 50);
      const step = rng.int(2, 9);
      const stop = start + step * rng.int(4, 12);
      return {
        instruction: phrase(
          rng,
          [
            "Independently: list the first {fibCount} Fibonacci numbers, the first {primeCount} primes from {from} up, and the range from {start} to {stop} in steps of {step}. What is the last Fibonacci number?",
            "Generate three sequences: {fibCount} Fibonacci terms, {primeCount} primes starting at {from}, and the numbers from {start} below {stop} in steps of {step}. Answer with the final Fibonacci term.",
            "I need the Fibonacci sequence up to term {fibCount}, {primeCount} prime numbers not smaller than {from}, and range({start}, {stop}, {step}). Tell me the {fibCount}th Fibonacci number.",
          ],
          { fibCount, primeCount, from, start, stop, step },
        ),
        plan: [
          { id: "s1", tool: "gen_fibonacci", args: { count: fibCount } },
          { id: "s2", tool: "gen_primes", args: { count: primeCount, from } },
          { id: "s3", tool: "gen_range", args: { start, stop, step } },
        ],
        answer: ref("s1.result.last"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "data-generation/bounded-draw",
    pattern: "fan-in",
    build: (rng) => {
      const fibCount = rng.int(5, 10);
      const primeCount = rng.int(4, 12);
      const from = rng.int(60, 400);
      const count = rng.int(3, 8);
      const value = seed(rng);
      return {
        instruction: phrase(
          rng,
          [
            "Take the {fibCount}th Fibonacci number as a lower bound and the largest of the first {primeCount} primes from {from} as an upper bound, then draw {count} random integers between them with seed {seed}.",
            "Draw {count} seeded (seed {seed}) whole numbers whose minimum is Fibonacci term {fibCount} and whose maximum is the last of {primeCount} primes starting at {from}. Compute both bounds first.",
            "Compute the first {fibCount} Fibonacci numbers and {primeCount} primes from {from}; use the last of each as min and max to generate {count} random integers (seed {seed}).",
          ],
          { fibCount, primeCount, from, count, seed: value },
        ),
        plan: [
          { id: "s1", tool: "gen_fibonacci", args: { count: fibCount } },
          { id: "s2", tool: "gen_primes", args: { count: primeCount, from } },
          {
            id: "s3",
            tool: "gen_random_numbers",
            args: {
              seed: value,
              count,
              min: ref("s1.result.last"),
              max: ref(`s2.result.values.${primeCount - 1}`),
            },
          },
        ],
        answer: ref("s3.result.values"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "data-generation/shuffled-roster",
    pattern: "chain",
    build: (rng) => {
      const count = rng.int(3, 8);
      const first = seed(rng);
      const second = seed(rng);
      const field = rng.pick(["full_name", "email", "city", "company"]);
      return {
        instruction: phrase(
          rng,
          [
            "Generate {count} sample records with a {field} field (seed {first}), then shuffle those records with seed {second}. Which {field} comes first?",
            "Make {count} fake records holding only {field} using seed {first}, and put them in a random order with seed {second}. Report the {field} of the first record afterwards.",
            "Create a test roster of {count} rows (field {field}, seed {first}) and shuffle it using seed {second}. What is the {field} at the top of the shuffled list?",
          ],
          { count, field, first, second },
        ),
        plan: [
          {
            id: "s1",
            tool: "gen_sample_records",
            args: { seed: first, count, fields: [{ name: field, kind: field }] },
          },
          { id: "s2", tool: "gen_shuffle_items", args: { seed: second, items: ref("s1.result.records") } },
        ],
        answer: ref(`s2.result.items.0.${field}`),
        answerMatch: "text",
      };
    },
  },
  {
    id: "data-generation/order-batch",
    pattern: "mixed",
    build: (rng, unique) => {
      const counter = `orders_${unique}`;
      const stream = `qty_${unique}`;
      const prefix = rng.pick(PREFIXES);
      const count = rng.int(3, 6);
      const value = seed(rng);
      const shuffleSeed = seed(rng);
      const maxQuantity = rng.int(5, 50);
      return {
        instruction: phrase(
          rng,
          [
            'Prepare a batch of {count} orders: create the counter "{counter}" (prefix "{prefix}", padded to 4 digits) and the random stream "{stream}" (seed {seed}); take {count} order ids and {count} quantities between 1 and {maxQuantity}; shuffle the ids with seed {shuffleSeed}; finally check the counter status. Answer with the shuffled ids.',
            'Set up an id counter "{counter}" with prefix {prefix} and 4-digit padding, plus a seeded stream "{stream}" (seed {seed}). Draw {count} ids and {count} quantities in 1..{maxQuantity}, shuffle the ids using seed {shuffleSeed}, then read the counter status. Which order do the ids end up in?',
            'For a test batch, make counter "{counter}" ({prefix}, width 4) and stream "{stream}" with seed {seed}. Issue {count} ids, draw {count} quantities from 1 to {maxQuantity}, randomise the id order with seed {shuffleSeed} and look at the counter afterwards. Report the shuffled ids.',
          ],
          { count, counter, prefix, stream, seed: value, maxQuantity, shuffleSeed },
        ),
        plan: [
          { id: "s1", tool: "gen_counter_create", args: { name: counter, prefix, pad_width: 4 } },
          { id: "s2", tool: "gen_stream_create", args: { name: stream, seed: value } },
          { id: "s3", tool: "gen_next_id", args: { counter: ref("s1.result.name"), count } },
          {
            id: "s4",
            tool: "gen_stream_next",
            args: { stream: ref("s2.result.name"), count, min: 1, max: maxQuantity },
          },
          { id: "s5", tool: "gen_shuffle_items", args: { seed: shuffleSeed, items: ref("s3.result.ids") } },
          { id: "s6", tool: "gen_counter_status", args: { counter: ref("s1.result.name") }, after: ["s3"] },
        ],
        answer: ref("s5.result.items"),
        answerMatch: "exact",
      };
    },
  },
];

export const dataGenerationGenerator: DomainGenerator = {
  domain: "data-generation",
  templates,
  probes: [
    { tool: "gen_fibonacci", args: { count: 12 }, phrase: "list the first 12 Fibonacci numbers" },
    { tool: "gen_primes", args: { count: 10 }, phrase: "list the first 10 prime numbers" },
    { tool: "gen_uuid", args: { seed: 2024 }, phrase: "generate one UUID with seed 2024" },
    {
      tool: "gen_range",
      args: { start: 0, stop: 50, step: 5 },
      phrase: "list the numbers from 0 to 45 in steps of 5",
    },
  ],
};

import type { Rng } from "../../core/rng.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

const numbers = (rng: Rng, count: number, min = 1, max = 99) =>
  Array.from({ length: count }, () => rng.int(min, max));
const list = (values: readonly number[]) => values.join(", ");

const templates: TaskTemplate[] = [
  {
    id: "math/spread-percent",
    pattern: "fan-in",
    build: (rng) => {
      const values = numbers(rng, rng.int(4, 7));
      return {
        instruction: phrase(
          rng,
          [
            "For the readings {values}, find the gap between the largest and the smallest and give it as a percentage of their mean.",
            "Take the numbers {values}. What percentage of their average is the difference between the maximum and the minimum?",
            "I have the values {values}: express (max − min) as a percentage of the mean.",
          ],
          { values: list(values) },
        ),
        plan: [
          { id: "s1", tool: "max_value", args: { numbers: values } },
          { id: "s2", tool: "min_value", args: { numbers: values } },
          { id: "s3", tool: "mean", args: { numbers: values } },
          { id: "s4", tool: "subtract", args: { a: ref("s1.result.result"), b: ref("s2.result.result") } },
          {
            id: "s5",
            tool: "percentage",
            args: { part: ref("s4.result.result"), whole: ref("s3.result.result") },
          },
        ],
        answer: ref("s5.result.result"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "math/sum-scale-round",
    pattern: "chain",
    build: (rng) => {
      const a = rng.int(10, 500) / 4;
      const b = rng.int(10, 500) / 4;
      const factor = rng.int(2, 9);
      const places = rng.int(0, 2);
      return {
        instruction: phrase(
          rng,
          [
            "Add {a} and {b}, multiply the sum by {factor}, then round the result to {places} decimal places.",
            "What is ({a} + {b}) × {factor}, rounded to {places} decimals?",
            "Sum {a} with {b}, scale it by {factor} and round to {places} decimal places.",
          ],
          { a, b, factor, places },
        ),
        plan: [
          { id: "s1", tool: "add", args: { a, b } },
          { id: "s2", tool: "multiply", args: { a: ref("s1.result.result"), b: factor } },
          {
            id: "s3",
            tool: "round_number",
            args: { number: ref("s2.result.result"), decimal_places: places },
          },
        ],
        answer: ref("s3.result.result"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "math/root-of-square-sum",
    pattern: "mixed",
    build: (rng) => {
      const x = rng.int(2, 30);
      const y = rng.int(2, 30);
      return {
        instruction: phrase(
          rng,
          [
            "Compute the length of the hypotenuse of a right triangle with legs {x} and {y} (square each leg, add, take the square root with precision 4).",
            "Square {x} and {y}, add the squares and take the square root to 4 digits of precision.",
          ],
          { x, y },
        ),
        plan: [
          { id: "s1", tool: "power", args: { base: x, exponent: 2 } },
          { id: "s2", tool: "power", args: { base: y, exponent: 2 } },
          { id: "s3", tool: "add", args: { a: ref("s1.result.result"), b: ref("s2.result.result") } },
          { id: "s4", tool: "square_root", args: { number: ref("s3.result.result"), precision: 4 } },
        ],
        answer: ref("s4.result.result"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "math/stats-fan-out",
    pattern: "fan-out",
    build: (rng) => {
      const values = numbers(rng, rng.int(5, 8));
      return {
        instruction: phrase(
          rng,
          [
            "For {values}, report the standard deviation (and compute the total and the mean as well).",
            "Give me the sum, the mean and the standard deviation of {values}; answer with the standard deviation.",
          ],
          { values: list(values) },
        ),
        plan: [
          { id: "s1", tool: "sum_values", args: { numbers: values } },
          { id: "s2", tool: "mean", args: { numbers: values } },
          { id: "s3", tool: "standard_deviation", args: { numbers: values } },
        ],
        answer: ref("s3.result.result"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "math/convert-and-split",
    pattern: "fan-out",
    build: (rng) => {
      const miles = rng.int(3, 60) + rng.int(0, 9) / 10;
      const parts = rng.int(2, 6);
      return {
        instruction: phrase(
          rng,
          [
            "Convert {miles} miles to kilometres; report it rounded to 1 decimal, and also how many kilometres each of {parts} equal legs is.",
            "A route is {miles} miles long. In kilometres, how long is each of {parts} equal stages? Also round the full distance to 1 decimal.",
          ],
          { miles, parts },
        ),
        plan: [
          {
            id: "s1",
            tool: "imperial_si_conversion",
            args: { value: miles, unit_in: "miles", unit_out: "km" },
          },
          { id: "s2", tool: "round_number", args: { number: ref("s1.result.result"), decimal_places: 1 } },
          { id: "s3", tool: "divide", args: { a: ref("s1.result.result"), b: parts } },
        ],
        answer: ref("s3.result.result"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "math/log-of-power",
    pattern: "chain",
    build: (rng) => {
      const base = rng.pick([2, 3, 5, 10]);
      const exponent = rng.int(2, 8);
      return {
        instruction: phrase(
          rng,
          [
            "Raise {base} to the power {exponent}, then take the base-{base} logarithm of the result with precision 6.",
            "What is log base {base} of {base}^{exponent}? Compute the power first, then the logarithm (precision 6).",
          ],
          { base, exponent },
        ),
        plan: [
          { id: "s1", tool: "power", args: { base, exponent } },
          { id: "s2", tool: "logarithm", args: { value: ref("s1.result.result"), base, precision: 6 } },
        ],
        answer: ref("s2.result.result"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "math/absolute-difference",
    pattern: "single",
    build: (rng) => {
      const a = rng.int(-500, 500);
      return {
        instruction: phrase(rng, ["What is the absolute value of {a}?", "Give me |{a}|."], { a }),
        plan: [{ id: "s1", tool: "absolute_value", args: { number: a } }],
        answer: ref("s1.result.result"),
        answerMatch: "number",
      };
    },
  },
];

export const mathGenerator: DomainGenerator = { domain: "math", templates };

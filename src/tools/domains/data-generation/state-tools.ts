/** data-generation tools that keep state: id counters and seeded random streams. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import { draws } from "./random.ts";
import { drawParameters, seed } from "./random-tools.ts";
import {
  type Counter,
  counterResource,
  type DataGenerationState,
  MAX_VALUES,
  Name,
  type Stream,
  streamResource,
} from "./state.ts";

function formatId(counter: Counter, value: number): string {
  const digits = String(Math.abs(value)).padStart(counter.pad_width, "0");
  return `${counter.prefix}${value < 0 ? "-" : ""}${digits}`;
}

function counterStatus(name: string, counter: Counter) {
  return { name, ...counter, next_id: formatId(counter, counter.next_value) };
}

function getCounter(state: DataGenerationState, name: string): Counter {
  const counter = state.counters[name];
  if (!counter) throw new ToolError(`there is no counter named "${name}"; create it with gen_counter_create`);
  return counter;
}

function getStream(state: DataGenerationState, name: string): Stream {
  const stream = state.streams[name];
  if (!stream)
    throw new ToolError(`there is no random stream named "${name}"; create it with gen_stream_create`);
  return stream;
}

export const genCounterCreate = defineTool({
  name: "gen_counter_create",
  description:
    "Create a named id counter. Ids are prefix + value, the value zero-padded to pad_width (prefix INV-, " +
    "pad_width 4, start 7 gives INV-0007, then INV-0008, …).",
  parameters: {
    name: Name.describe("Name of the new counter."),
    prefix: z.string().max(20).default("").describe('Text before the number, e.g. "INV-" (default none).'),
    start: z.number().int().default(1).describe("First value (default 1)."),
    step: z.number().int().default(1).describe("Added after each id; not 0 (default 1)."),
    pad_width: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(0)
      .describe("Zero-pad the number to this many digits."),
  },
  latency: "fast",
  mutates: true,
  resources: (args) => [counterResource(args.name)],
  run: (state: DataGenerationState, args) => {
    if (state.counters[args.name]) {
      throw new ToolError(
        `a counter named "${args.name}" already exists; use gen_next_id with it or choose another name`,
      );
    }
    if (args.step === 0) throw new ToolError("step must not be 0");
    const counter: Counter = {
      prefix: args.prefix,
      next_value: args.start,
      step: args.step,
      pad_width: args.pad_width,
      issued: 0,
    };
    state.counters[args.name] = counter;
    return counterStatus(args.name, counter);
  },
});

export const genNextId = defineTool({
  name: "gen_next_id",
  description: "Take the next id(s) from a counter; the counter moves on, so every id is handed out once.",
  parameters: {
    counter: z.string().describe("Name of the counter."),
    count: z.number().int().min(1).max(1000).default(1).describe("How many ids (default 1)."),
  },
  latency: "fast",
  mutates: true,
  resources: (args) => [counterResource(args.counter)],
  run: (state: DataGenerationState, args) => {
    const counter = getCounter(state, args.counter);
    const values = Array.from(
      { length: args.count },
      (_, index) => counter.next_value + index * counter.step,
    );
    const last = values[values.length - 1] ?? counter.next_value;
    if (!Number.isSafeInteger(last + counter.step))
      throw new ToolError("the counter would pass 2^53 and lose precision");
    counter.next_value = last + counter.step;
    counter.issued += args.count;
    return {
      ids: values.map((value) => formatId(counter, value)),
      next_id: formatId(counter, counter.next_value),
    };
  },
});

export const genCounterStatus = defineTool({
  name: "gen_counter_status",
  description:
    "Show a counter's settings, the next id it will hand out and how many it has issued, without using one.",
  parameters: { counter: z.string().describe("Name of the counter.") },
  latency: "fast",
  mutates: false,
  resources: (args) => [counterResource(args.counter)],
  run: (state: DataGenerationState, args) => counterStatus(args.counter, getCounter(state, args.counter)),
});

export const genStreamCreate = defineTool({
  name: "gen_stream_create",
  description:
    "Create a named seeded random stream. Each gen_stream_next continues where the last one stopped, so " +
    "successive draws differ but the whole sequence is fixed by the seed.",
  parameters: { name: Name.describe("Name of the new stream."), seed },
  latency: "fast",
  mutates: true,
  resources: (args) => [streamResource(args.name)],
  run: (state: DataGenerationState, args) => {
    if (state.streams[args.name]) {
      throw new ToolError(
        `a random stream named "${args.name}" already exists; draw from it with gen_stream_next or choose another name`,
      );
    }
    state.streams[args.name] = { seed: args.seed, position: 0 };
    return { name: args.name, seed: args.seed, position: 0 };
  },
});

export const genStreamNext = defineTool({
  name: "gen_stream_next",
  description:
    "Draw the next random numbers between min and max from a named stream; the stream advances by count, so " +
    "the next call continues the sequence.",
  parameters: {
    stream: z.string().describe("Name of the stream."),
    count: z.number().int().min(1).max(MAX_VALUES).default(1).describe("How many numbers (default 1)."),
    ...drawParameters,
  },
  latency: "fast",
  mutates: true,
  resources: (args) => [streamResource(args.stream)],
  run: (state: DataGenerationState, args) => {
    const stream = getStream(state, args.stream);
    const values = draws(stream.seed, stream.position, args.count, args);
    stream.position += args.count;
    return { values, position: stream.position };
  },
});

export const STATE_TOOLS = [genCounterCreate, genNextId, genCounterStatus, genStreamCreate, genStreamNext];

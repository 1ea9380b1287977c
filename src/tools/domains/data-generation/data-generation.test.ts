import { describe, expect, it } from "vitest";
import { toolJsonSchema } from "../../tool.ts";
import { dataGenerationDomain } from "./index.ts";
import { callGeneration, errorOf, freshState, resourcesOf } from "./testing.ts";

describe("data-generation domain", () => {
  it("has at least 8 prefixed tools with JSON schemas", () => {
    expect(dataGenerationDomain.tools.length).toBeGreaterThanOrEqual(8);
    for (const tool of dataGenerationDomain.tools) {
      expect(tool.name).toMatch(/^gen_/);
      expect(toolJsonSchema(tool).type).toBe("object");
    }
  });

  it("fills config defaults and round-trips its own state", () => {
    const state = freshState({ counters: { orders: { prefix: "ORD-" } }, streams: { dice: { seed: 3 } } });
    expect(state).toEqual({
      counters: { orders: { prefix: "ORD-", next_value: 1, step: 1, pad_width: 0, issued: 0 } },
      streams: { dice: { seed: 3, position: 0 } },
    });
    expect(freshState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it.each([
    [{ counters: { "bad name": {} } }],
    [{ counters: { orders: { step: 0 } } }],
    [{ streams: { dice: {} } }],
    [{ unknown: 1 }],
  ])("rejects config %j", (config) => {
    expect(() => freshState(config)).toThrow();
  });
});

describe("pure tools: normal cases", () => {
  it.each([
    ["gen_range", { start: 1, stop: 10, step: 4 }, { values: [1, 5, 9], count: 3 }],
    ["gen_fibonacci", { count: 6 }, { values: [0, 1, 1, 2, 3, 5], count: 6, last: 5 }],
    ["gen_primes", { count: 4, from: 10 }, { values: [11, 13, 17, 19], count: 4 }],
    ["gen_primes", { up_to: 10 }, { values: [2, 3, 5, 7], count: 4 }],
  ])("%s %j", (name, args, expected) => {
    expect(callGeneration(name, args)).toEqual(expected);
  });

  it("gen_random_numbers, gen_uuid, gen_shuffle_items and gen_sample_records depend only on their seed", () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ["gen_random_numbers", { seed: 1, count: 20, min: 1, max: 6 }],
      ["gen_random_numbers", { seed: 1, count: 5, min: 0, max: 1, integer: false, decimals: 3 }],
      ["gen_uuid", { seed: 1, count: 3 }],
      ["gen_shuffle_items", { seed: 1, items: ["a", "b", "c", "d", "e", "f"] }],
      ["gen_sample_records", { seed: 1, count: 3, fields: [{ name: "who", kind: "full_name" }] }],
    ];
    for (const [name, args] of cases) {
      const first = callGeneration(name, args);
      expect(callGeneration(name, structuredClone(args))).toEqual(first);
      expect(callGeneration(name, { ...args, seed: 2 })).not.toEqual(first);
    }
  });

  it("pure tools touch no state and no resources", () => {
    const state = freshState();
    callGeneration("gen_random_numbers", { seed: 1, count: 3, min: 0, max: 9 }, state);
    expect(state).toEqual(freshState());
    for (const tool of dataGenerationDomain.tools.filter((candidate) => !candidate.mutates)) {
      if (tool.name.startsWith("gen_counter")) continue;
      expect(tool.resources({} as never, state)).toEqual([]);
    }
  });
});

describe("counters", () => {
  it("hand out each id once, with prefix, padding and step", () => {
    const state = freshState();
    expect(
      callGeneration("gen_counter_create", { name: "inv", prefix: "INV-", start: 7, pad_width: 4 }, state),
    ).toEqual({
      name: "inv",
      prefix: "INV-",
      next_value: 7,
      step: 1,
      pad_width: 4,
      issued: 0,
      next_id: "INV-0007",
    });
    expect(callGeneration("gen_next_id", { counter: "inv" }, state)).toEqual({
      ids: ["INV-0007"],
      next_id: "INV-0008",
    });
    expect(callGeneration("gen_next_id", { counter: "inv", count: 2 }, state)).toEqual({
      ids: ["INV-0008", "INV-0009"],
      next_id: "INV-0010",
    });
    expect(callGeneration("gen_counter_status", { counter: "inv" }, state)).toMatchObject({
      issued: 3,
      next_value: 10,
    });
  });

  it("count down with a negative step", () => {
    const state = freshState({ counters: { down: { next_value: 1, step: -2 } } });
    expect(callGeneration("gen_next_id", { counter: "down", count: 2 }, state)).toEqual({
      ids: ["1", "-1"],
      next_id: "-3",
    });
  });

  it("are independent per name and name their resource", () => {
    const state = freshState({ counters: { a: {}, b: {} } });
    callGeneration("gen_next_id", { counter: "a", count: 5 }, state);
    expect(callGeneration("gen_next_id", { counter: "b" }, state)).toEqual({ ids: ["1"], next_id: "2" });
    expect(resourcesOf("gen_next_id", { counter: "a" })).toEqual(["data-generation:counter:a"]);
    expect(resourcesOf("gen_counter_create", { name: "x" })).toEqual(["data-generation:counter:x"]);
    expect(resourcesOf("gen_counter_status", { counter: "x" })).toEqual(["data-generation:counter:x"]);
  });
});

describe("streams", () => {
  it("continue where they stopped and match gen_random_numbers for the same seed", () => {
    const state = freshState();
    callGeneration("gen_stream_create", { name: "dice", seed: 99 }, state);
    const first = callGeneration("gen_stream_next", { stream: "dice", count: 3, min: 1, max: 6 }, state) as {
      values: number[];
    };
    const second = callGeneration("gen_stream_next", { stream: "dice", count: 2, min: 1, max: 6 }, state) as {
      values: number[];
      position: number;
    };
    expect(second.position).toBe(5);
    const all = callGeneration("gen_random_numbers", { seed: 99, count: 5, min: 1, max: 6 }) as {
      values: number[];
    };
    expect([...first.values, ...second.values]).toEqual(all.values);
    expect(state.streams.dice).toEqual({ seed: 99, position: 5 });
    expect(resourcesOf("gen_stream_next", { stream: "dice", min: 0, max: 1 })).toEqual([
      "data-generation:stream:dice",
    ]);
    expect(resourcesOf("gen_stream_create", { name: "dice", seed: 1 })).toEqual([
      "data-generation:stream:dice",
    ]);
  });
});

describe("data-generation tools: errors", () => {
  const withCounter = () => freshState({ counters: { inv: {} }, streams: { dice: { seed: 1 } } });
  it.each([
    ["gen_range", { start: 0, stop: 3, step: 0 }, /step must not be 0/],
    ["gen_fibonacci", { count: 100 }, /term 80 exceeds/],
    ["gen_primes", {}, /exactly one of count/],
    ["gen_random_numbers", { seed: 1, count: 2, min: 9, max: 1 }, /min 9 is greater than max 1/],
    ["gen_random_numbers", { seed: 1, count: 2, min: 0, max: 1.5 }, /whole-number min and max/],
    [
      "gen_sample_records",
      { seed: 1, count: 1, fields: [{ name: "t", kind: "choice" }] },
      /give the choices/,
    ],
    ["gen_counter_create", { name: "inv" }, /a counter named "inv" already exists/],
    ["gen_counter_create", { name: "new", step: 0 }, /step must not be 0/],
    ["gen_next_id", { counter: "nope" }, /no counter named "nope"; create it with gen_counter_create/],
    ["gen_counter_status", { counter: "nope" }, /no counter named "nope"/],
    ["gen_stream_create", { name: "dice", seed: 2 }, /a random stream named "dice" already exists/],
    [
      "gen_stream_next",
      { stream: "nope", min: 0, max: 1 },
      /no random stream named "nope"; create it with gen_stream_create/,
    ],
    ["gen_stream_next", { stream: "dice", min: 2, max: 1 }, /min 2 is greater than max 1/],
  ])("%s %j", (name, args, message) => {
    const state = withCounter();
    const before = structuredClone(state);
    expect(errorOf(() => callGeneration(name, args, state))).toMatch(message);
    // A failed call leaves the state as it was.
    expect(state).toEqual(before);
  });

  it.each([
    ["gen_counter_create", { name: "has space" }],
    ["gen_fibonacci", { count: 0 }],
    ["gen_sample_records", { seed: 1, count: 1, fields: [{ name: "x", kind: "planet" }] }],
    ["gen_uuid", { seed: 1.5 }],
  ])("schema rejects %s %j", (name, args) => {
    expect(() => callGeneration(name, args)).toThrow();
  });
});

describe("data-generation: determinism of stateful tools", () => {
  it("the same calls on equal states leave equal states and results", () => {
    const script: Array<[string, Record<string, unknown>]> = [
      ["gen_counter_create", { name: "c", prefix: "X", pad_width: 3 }],
      ["gen_stream_create", { name: "s", seed: 5 }],
      ["gen_next_id", { counter: "c", count: 3 }],
      ["gen_stream_next", { stream: "s", count: 4, min: 0, max: 10, integer: false }],
      ["gen_counter_status", { counter: "c" }],
    ];
    const run = () => {
      const state = freshState();
      const results = script.map(([name, args]) => callGeneration(name, args, state));
      return JSON.stringify({ state, results });
    };
    expect(run()).toBe(run());
  });
});

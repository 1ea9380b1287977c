import { describe, expect, it } from "vitest";
import { createPythonRandom, PythonRandom, type PythonRandomState } from "./python-random.ts";

// Expected values were produced by CPython 3.11.7, e.g.
// python3 -c "import random; r=random.Random(141053); print([r.randint(1000000, 9999999) for _ in range(5)])"
describe("PythonRandom matches CPython random.Random", () => {
  const cases: Array<{
    name: string;
    seed: number | bigint;
    draw: (r: PythonRandom) => unknown;
    expected: unknown;
  }> = [
    {
      name: "randint 7 digits, seed 141053 (TravelAPI booking ids)",
      seed: 141053,
      draw: (r) => Array.from({ length: 5 }, () => r.randint(1000000, 9999999)),
      expected: [3426812, 5431449, 7223063, 4191922, 6765159],
    },
    {
      name: "token then booking id, seed 141053",
      seed: 141053,
      draw: (r) => [r.randint(100000, 999999), r.randint(1000000, 9999999)],
      expected: [251675, 5431449],
    },
    {
      name: "random(), seed 0",
      seed: 0,
      draw: (r) => [r.random(), r.random(), r.random()],
      expected: [0.8444218515250481, 0.7579544029403025, 0.420571580830845],
    },
    {
      name: "seed wider than 32 bits",
      seed: 2 ** 40 + 12345,
      draw: (r) => [r.getrandbits(32), r.getrandbits(32), r.getrandbits(32)],
      expected: [1332995613, 1500173691, 493462063],
    },
    {
      name: "negative seed uses its absolute value",
      seed: -7,
      draw: (r) => [r.random(), r.random()],
      expected: [0.32383276483316237, 0.15084917392450192],
    },
    {
      name: "getrandbits for several widths",
      seed: 1,
      draw: (r) => [0, 1, 5, 31, 32, 33, 53, 64, 100].map((k) => r.getrandbitsBig(k).toString()),
      expected: [
        "0",
        "0",
        "18",
        "1819850095",
        "3445702192",
        "3280387012",
        "1062116443042876",
        "14037279428536751483",
        "526993489304305903042294831267",
      ],
    },
    {
      name: "randrange forms and randint with negatives",
      seed: 42,
      draw: (r) => [
        r.randrange(10),
        r.randrange(5, 50),
        r.randrange(0, 100, 7),
        r.randrange(100, 0, -3),
        r.randint(-5, 5),
      ],
      expected: [1, 6, 77, 49, -2],
    },
    {
      name: "randint over more than 32 bits",
      seed: 7,
      draw: (r) => Array.from({ length: 3 }, () => r.randint(100000000000, 999999999999)),
      expected: [534439589175, 154335349840, 205380810795],
    },
    {
      name: "choice",
      seed: 3,
      draw: (r) => Array.from({ length: 5 }, () => r.choice([..."abcdefg"])),
      expected: ["b", "e", "e", "b", "c"],
    },
    {
      name: "uniform",
      seed: 3,
      draw: (r) => [r.uniform(-10, 40), r.uniform(-10, 40), r.uniform(-10, 40)],
      expected: [1.898231354594568, 17.21146126479759, 8.497758327403961],
    },
    {
      name: "shuffle",
      seed: 9,
      draw: (r) => r.shuffle(Array.from({ length: 10 }, (_, i) => i)),
      expected: [9, 8, 3, 2, 0, 6, 1, 4, 5, 7],
    },
    {
      name: "sample from a small population (pool strategy)",
      seed: 9,
      draw: (r) =>
        r.sample(
          Array.from({ length: 20 }, (_, i) => i),
          5,
        ),
      expected: [14, 11, 8, 4, 5],
    },
    {
      name: "sample from a large population (set strategy)",
      seed: 9,
      draw: (r) =>
        r.sample(
          Array.from({ length: 1000 }, (_, i) => i),
          10,
        ),
      expected: [474, 627, 382, 273, 141, 190, 887, 692, 6, 346],
    },
    {
      name: "outputs after the state is regenerated",
      seed: 5,
      draw: (r) => {
        for (let i = 0; i < 400; i++) r.random();
        return [r.getrandbits(32), r.getrandbits(32), r.getrandbits(32)];
      },
      expected: [2551100019, 1947773255, 1024715190],
    },
  ];

  it.each(cases)("$name", ({ seed, draw, expected }) => {
    expect(draw(createPythonRandom(seed))).toEqual(expected);
  });
});

describe("PythonRandom state", () => {
  it("resumes from a JSON round-tripped state with the same sequence", () => {
    const original = createPythonRandom(141053);
    original.randint(100000, 999999);
    const saved = JSON.parse(JSON.stringify(original.getState())) as PythonRandomState;
    const resumed = PythonRandom.fromState(saved);
    const fromOriginal = Array.from({ length: 700 }, () => original.randint(1, 1000));
    const fromResumed = Array.from({ length: 700 }, () => resumed.randint(1, 1000));
    expect(fromResumed).toEqual(fromOriginal);
  });

  it("getState returns a copy that later draws do not change", () => {
    const random = createPythonRandom(1);
    const state = random.getState();
    const before = JSON.stringify(state);
    random.random();
    expect(JSON.stringify(state)).toBe(before);
  });

  it("rejects a malformed state", () => {
    expect(() => PythonRandom.fromState({ mt: [1, 2, 3], index: 0 })).toThrow();
  });
});

describe("PythonRandom argument errors", () => {
  const random = createPythonRandom(1);
  it.each([
    ["empty randrange(0)", () => random.randrange(0)],
    ["empty randrange(5, 5)", () => random.randrange(5, 5)],
    ["zero step", () => random.randrange(0, 10, 0)],
    ["empty stepped range", () => random.randrange(0, 10, -1)],
    ["randint with b < a", () => random.randint(3, 1)],
    ["choice from empty", () => random.choice([])],
    ["sample larger than population", () => random.sample([1, 2], 3)],
    ["non-integer bound", () => random.randrange(2.5)],
    ["unsafe seed", () => createPythonRandom(2 ** 60)],
  ])("%s throws", (_name, call) => {
    expect(call).toThrow();
  });
});

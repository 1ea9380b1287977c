import { describe, expect, it } from "vitest";
import { diffPaths, pathsOverlap, valueAtPath } from "./world-diff.ts";

describe("diffPaths", () => {
  it.each([
    ["equal worlds", { a: { b: 1 } }, { a: { b: 1 } }, []],
    ["a changed leaf", { a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 } }, ["/a/c"]],
    ["an added key", { c: {} }, { c: { x: 5 } }, ["/c/x"]],
    ["a removed key", { c: { x: 5 } }, { c: {} }, ["/c/x"]],
    ["an appended array item", { l: [1] }, { l: [1, 2] }, ["/l/1"]],
    ["numbers within tolerance", { n: 1 }, { n: 1 + 1e-9 }, []],
    [
      "internal fields ignored at any depth",
      { _rng: 1, a: { _seen: [1] } },
      { _rng: 2, a: { _seen: [] } },
      [],
    ],
    ["keys with slashes are escaped", { fs: { "a/b": 1 } }, { fs: { "a/b": 2 } }, ["/fs/a~1b"]],
    ["a value replaced by an object", { a: 1 }, { a: { b: 1 } }, ["/a"]],
  ])("%s", (_, a, b, expected) => {
    expect(diffPaths(a, b)).toEqual(expected);
  });

  it("valueAtPath reads what diffPaths names", () => {
    const world = { fs: { "a/b": [10, { x: 3 }] } };
    expect(valueAtPath(world, "/fs/a~1b/1/x")).toBe(3);
    expect(valueAtPath(world, "/fs/missing/x")).toBeUndefined();
    expect(valueAtPath(world, "/")).toBe(world);
  });

  it.each([
    ["/a/b", "/a/b", true],
    ["/a/b/c", "/a/b", true],
    ["/a/b", "/a/b/c", true],
    ["/a/bc", "/a/b", false],
    ["/a", "/b", false],
  ])("pathsOverlap(%s, %s) = %s", (a, b, expected) => {
    expect(pathsOverlap(a, b)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { callTool, publicState, resultValue } from "./bfcl-trace-replay.ts";
import { freshTree } from "./fixture.test-support.ts";
import { filesystemDomain } from "./index.ts";

describe("resultValue", () => {
  it.each([
    ['{"result": "\'a\' removed"}', { result: "'a' removed" }],
    ["None", null],
    ["[{'id': 0, 'tags': ['#a'], 'ok': True}]", [{ id: 0, tags: ["#a"], ok: true }]],
    ["Error during execution: 'id'", "Error during execution: 'id'"],
  ])("%s → %j", (text, value) => expect(resultValue(text)).toEqual(value));
});

describe("replay helpers", () => {
  it("publicState drops internal fields", () => {
    expect(publicState({ root: 1, long_context: false, _cwd: ["a"] })).toEqual({
      root: 1,
      long_context: false,
    });
  });

  it("callTool validates arguments before running", () => {
    expect(() => callTool(filesystemDomain, freshTree(), "cd", { folder: 3 })).toThrow();
    expect(() => callTool(filesystemDomain, freshTree(), "cd", { folder: "docs", extra: 1 })).toThrow();
    expect(() => callTool(filesystemDomain, freshTree(), "nope")).toThrow(/no tool nope/);
  });
});

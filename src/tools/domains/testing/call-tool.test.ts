import { describe, expect, it } from "vitest";
import { ToolError } from "../../tool.ts";
import { freshTree } from "../filesystem/fixture.test-support.ts";
import { filesystemDomain } from "../filesystem/index.ts";
import { callTool, errorOf, toolResources } from "./call-tool.ts";

describe("callTool", () => {
  it("validates arguments before running", () => {
    expect(() => callTool(filesystemDomain, freshTree(), "cd", { folder: 3 })).toThrow();
    expect(() => callTool(filesystemDomain, freshTree(), "cd", { folder: "docs", extra: 1 })).toThrow();
    expect(() => callTool(filesystemDomain, freshTree(), "nope")).toThrow(/no tool nope/);
    expect(() => toolResources(filesystemDomain, freshTree(), "cd", { folder: 3 })).toThrow();
  });

  it("runs the tool on the given state", () => {
    const state = freshTree();
    expect(callTool(filesystemDomain, state, "cd", { folder: "docs" })).toEqual({
      current_working_directory: "docs",
    });
    expect(callTool(filesystemDomain, state, "pwd")).toEqual({
      current_working_directory: "/workspace/docs",
    });
  });
});

describe("errorOf", () => {
  it.each([
    [
      () => {
        throw new ToolError("bad");
      },
      "bad",
    ],
    [() => 7, "no error; returned 7"],
  ])("case %#", (call, message) => expect(errorOf(call)).toBe(message));

  it("lets other errors through", () => {
    expect(() =>
      errorOf(() => {
        throw new TypeError("boom");
      }),
    ).toThrow(TypeError);
  });
});

import { describe, expect, it } from "vitest";
import { initialState } from "../../domain.ts";
import { freshTree, run, TREE_CONFIG } from "./fixture.test-support.ts";
import { filesystemDomain } from "./index.ts";
import { absolutePath, workingDirectoryText } from "./tree.ts";

const load = (config: unknown) => initialState(filesystemDomain, config, "test.json");

describe("filesystem config", () => {
  it("loads a BFCL initial_config tree and fills long_context and the cursor", () => {
    const state = load(structuredClone(TREE_CONFIG));
    expect(state.long_context).toBe(false);
    expect(state._cwd).toEqual([]);
    expect(Object.keys(state.root)).toEqual(["workspace"]);
    expect(Object.keys(state.root.workspace?.contents ?? {})).toEqual([
      "notes.txt",
      ".hidden",
      "docs",
      "empty",
    ]);
  });

  it("loads a recorded initial_state (root + long_context) unchanged", () => {
    const recorded = { long_context: false, root: structuredClone(TREE_CONFIG.root) };
    expect(JSON.parse(JSON.stringify(load(recorded)))).toEqual({ ...recorded, _cwd: [] });
  });

  it("uses only the first root entry, as upstream does", () => {
    const state = load({
      root: { a: { type: "directory", contents: {} }, b: { type: "directory", contents: {} } },
    });
    expect(Object.keys(state.root)).toEqual(["a"]);
  });

  it("defaults to an empty root directory named /", () => {
    const state = load({});
    expect(state.root).toEqual({ "/": { type: "directory", contents: {} } });
    expect(run(state, "ls")).toEqual({ current_directory_content: [] });
  });

  it("rejects long_context, a missing cursor directory and malformed nodes with the field path", () => {
    expect(() => load({ long_context: true })).toThrow(/test\.json: long_context: .*not implemented/);
    expect(() => load({ ...structuredClone(TREE_CONFIG), _cwd: ["nope"] })).toThrow(
      /_cwd: the current directory/,
    );
    expect(() => load({ root: { r: { type: "directory", contents: { f: { type: "file" } } } } })).toThrow(
      /root\.r\.contents\.f/,
    );
    const sneaky = JSON.parse('{"__proto__": {"type": "file", "content": ""}}');
    expect(() => load({ root: { r: { type: "directory", contents: sneaky } } })).toThrow(
      /"__proto__" cannot be loaded/,
    );
  });

  it("keeps prototype-like names as ordinary entries", () => {
    const state = load({ root: { r: { type: "directory", contents: {} } } });
    expect(run(state, "touch", { file_name: "__proto__" })).toBeNull();
    expect(run(state, "echo", { content: "p", file_name: "__proto__" })).toBeNull();
    expect(run(state, "ls")).toEqual({ current_directory_content: ["__proto__"] });
    expect(run(state, "cat", { file_name: "__proto__" })).toEqual({ file_content: "p" });
    expect(
      Object.getOwnPropertyDescriptor(JSON.parse(JSON.stringify(state)).root.r.contents, "__proto__")?.value,
    ).toEqual({
      type: "file",
      content: "p",
    });
    expect(run(state, "mkdir", { dir_name: "constructor" })).toBeNull();
    expect(run(state, "cd", { folder: "constructor" })).toEqual({ current_working_directory: "constructor" });
    expect(run(state, "cat", { file_name: "toString" })).toEqual({
      error: "cat: toString: No such file or directory",
    });
  });

  it("survives a JSON round trip (plain-JSON state)", () => {
    const state = freshTree();
    run(state, "cd", { folder: "docs" });
    const copy = JSON.parse(JSON.stringify(state));
    expect(copy).toEqual(state);
    expect(run(copy, "pwd")).toEqual(run(state, "pwd"));
  });
});

describe("paths", () => {
  it("gives pwd text and absolute resource paths", () => {
    const state = freshTree();
    expect(workingDirectoryText(state)).toBe("/workspace");
    expect(absolutePath(state, "notes.txt")).toBe("/workspace/notes.txt");
    state._cwd = ["docs", "archive"];
    expect(workingDirectoryText(state)).toBe("/workspace/docs/archive");
    expect(absolutePath(state)).toBe("/workspace/docs/archive");
  });

  it("does not double the slash of a root named /", () => {
    const state = load({});
    expect(absolutePath(state, "x")).toBe("/x");
    // Upstream's pwd prints the root's name after the leading slash, even when that name is "/".
    expect(workingDirectoryText(state)).toBe("//");
  });
});

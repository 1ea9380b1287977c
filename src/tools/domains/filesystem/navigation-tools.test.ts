import { describe, expect, it } from "vitest";
import { freshTree, resourcesOf, run } from "./fixture.test-support.ts";

describe("pwd and cd", () => {
  it("starts at the root and follows cd one level at a time", () => {
    const state = freshTree();
    expect(run(state, "pwd")).toEqual({ current_working_directory: "/workspace" });
    expect(run(state, "cd", { folder: "docs" })).toEqual({ current_working_directory: "docs" });
    expect(run(state, "cd", { folder: "archive/" })).toEqual({ current_working_directory: "archive" });
    expect(run(state, "pwd")).toEqual({ current_working_directory: "/workspace/docs/archive" });
    expect(run(state, "cd", { folder: ".." })).toEqual({});
    expect(run(state, "pwd")).toEqual({ current_working_directory: "/workspace/docs" });
    expect(run(state, "cd", { folder: "." })).toEqual({ current_working_directory: "docs" });
    expect(run(state, "cd", { folder: "/" })).toEqual({ current_working_directory: "workspace" });
    expect(state._cwd).toEqual([]);
  });

  it.each([
    ["docs/archive", "cd: docs/archive: Unsupported path. Only one folder level at a time is supported."],
    ["/workspace", "cd: /workspace: Unsupported path. Only one folder level at a time is supported."],
    ["missing", "cd: missing: No such directory. You cannot use path to change directory."],
    ["notes.txt", "cd: notes.txt: No such directory. You cannot use path to change directory."],
    ["..", "Cuurent directory is already the root. Cannot go back."],
  ])("cd %s at the root is the error %j and does not move", (folder, error) => {
    const state = freshTree();
    expect(run(state, "cd", { folder })).toEqual({ error });
    expect(state._cwd).toEqual([]);
  });

  it("claims the cursor and names the target directory", () => {
    const state = freshTree();
    expect(resourcesOf(state, "cd", { folder: "docs" })).toEqual([
      "filesystem:cwd",
      "filesystem:/workspace/docs",
    ]);
    expect(resourcesOf(state, "cd", { folder: "nope" })).toEqual(["filesystem:cwd"]);
    expect(resourcesOf(state, "pwd")).toEqual(["filesystem:cwd"]);
  });
});

describe("ls", () => {
  it("lists in creation order and hides dot-names unless asked", () => {
    const state = freshTree();
    expect(run(state, "ls")).toEqual({ current_directory_content: ["notes.txt", "docs", "empty"] });
    expect(run(state, "ls", { a: true })).toEqual({
      current_directory_content: ["notes.txt", ".hidden", "docs", "empty"],
    });
    expect(resourcesOf(state, "ls")).toEqual(["filesystem:/workspace"]);
  });
});

describe("find", () => {
  it("matches names containing the text below the current directory, prefixed by path", () => {
    const state = freshTree();
    expect(run(state, "find", { name: "txt" })).toEqual({
      matches: ["./notes.txt", "./docs/report.txt", "./docs/old.txt", "./docs/archive/a.txt"],
    });
    expect(run(state, "find", { path: "here/", name: "arch" })).toEqual({ matches: ["here/docs/archive"] });
    expect(run(state, "find", { path: "/", name: "old" })).toEqual({ matches: ["/docs/old.txt"] });
  });

  it("lists everything without a name and searches from the current directory", () => {
    const state = freshTree();
    run(state, "cd", { folder: "docs" });
    expect(run(state, "find")).toEqual({
      matches: ["./report.txt", "./old.txt", "./archive", "./archive/a.txt"],
    });
    // Upstream's quirk: `path` is only a prefix, the search still starts here.
    expect(run(state, "find", { path: "archive", name: "a.txt" })).toEqual({
      matches: ["archive/archive/a.txt"],
    });
    expect(run(state, "find", { name: "zzz" })).toEqual({ matches: [] });
    expect(resourcesOf(state, "find")).toEqual(["filesystem:/workspace/docs"]);
  });
});

describe("du", () => {
  it("adds the UTF-8 sizes of every file below the current directory", () => {
    const state = freshTree();
    const bytes = 21 + 6 + 23 + 19 + 1;
    expect(run(state, "du")).toEqual({ disk_usage: `${bytes} bytes` });
    expect(run(state, "du", { human_readable: true })).toEqual({ disk_usage: `${bytes}.00 B` });
    run(state, "cd", { folder: "empty" });
    expect(run(state, "du")).toEqual({ disk_usage: "0 bytes" });
    run(state, "echo", { content: "é".repeat(600), file_name: "big" });
    expect(run(state, "du", { human_readable: true })).toEqual({ disk_usage: "1.17 KB" });
  });
});

describe("determinism", () => {
  it("gives the same results and state for the same calls", () => {
    const script: [string, Record<string, unknown>][] = [
      ["cd", { folder: "docs" }],
      ["find", {}],
      ["du", { human_readable: true }],
      ["cd", { folder: ".." }],
      ["ls", { a: true }],
      ["pwd", {}],
    ];
    const replay = () => {
      const state = freshTree();
      return { results: script.map(([name, args]) => run(state, name, args)), state };
    };
    expect(replay()).toEqual(replay());
  });
});

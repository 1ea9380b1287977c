import { describe, expect, it } from "vitest";
import { freshTree, resourcesOf, run } from "./fixture.test-support.ts";

const listing = (state: ReturnType<typeof freshTree>) => run(state, "ls", { a: true });

describe("mkdir and touch", () => {
  it("create entries at the end of the listing and return null", () => {
    const state = freshTree();
    expect(run(state, "mkdir", { dir_name: "new" })).toBeNull();
    expect(run(state, "touch", { file_name: "new.txt" })).toBeNull();
    expect(listing(state)).toEqual({
      current_directory_content: ["notes.txt", ".hidden", "docs", "empty", "new", "new.txt"],
    });
    expect(run(state, "cat", { file_name: "new.txt" })).toEqual({ file_content: "" });
    expect(run(state, "cd", { folder: "new" })).toEqual({ current_working_directory: "new" });
  });

  it.each([
    ["mkdir", { dir_name: "docs" }, "mkdir: cannot create directory 'docs': File exists"],
    ["mkdir", { dir_name: "a/b" }, "mkdir: cannot create directory 'a/b': Invalid character"],
    ["touch", { file_name: "notes.txt" }, "touch: cannot touch 'notes.txt': File exists"],
    ["touch", { file_name: "x?.txt" }, "touch: cannot touch 'x?.txt': Invalid character"],
  ])("%s %j is the error %j and changes nothing", (name, args, error) => {
    const state = freshTree();
    const before = structuredClone(state);
    expect(run(state, name, args)).toEqual({ error });
    expect(state).toEqual(before);
  });

  it("name only the new entry (a listing of the folder covers it by path prefix)", () => {
    const state = freshTree();
    run(state, "cd", { folder: "docs" });
    expect(resourcesOf(state, "touch", { file_name: "n" })).toEqual(["filesystem:/workspace/docs/n"]);
  });
});

describe("echo", () => {
  it("prints without a file name (or with an empty one)", () => {
    const state = freshTree();
    expect(run(state, "echo", { content: "hi" })).toEqual({ terminal_output: "hi" });
    expect(run(state, "echo", { content: "hi", file_name: "" })).toEqual({ terminal_output: "hi" });
    expect(resourcesOf(state, "echo", { content: "hi" })).toEqual([]);
  });

  it("overwrites an existing file and creates a missing one", () => {
    const state = freshTree();
    expect(run(state, "echo", { content: "new text", file_name: "notes.txt" })).toBeNull();
    expect(run(state, "cat", { file_name: "notes.txt" })).toEqual({ file_content: "new text" });
    expect(run(state, "echo", { content: "9", file_name: "count" })).toBeNull();
    expect(run(state, "cat", { file_name: "count" })).toEqual({ file_content: "9" });
  });

  it.each([
    ["docs", "echo: cannot write to 'docs': Is a directory"],
    ["a:b", "echo: cannot touch 'a:b': Invalid character"],
  ])("echo into %s is the error %j", (file_name, error) => {
    expect(run(freshTree(), "echo", { content: "x", file_name })).toEqual({ error });
  });
});

describe("rm and rmdir", () => {
  it("rm removes files and whole directories", () => {
    const state = freshTree();
    expect(run(state, "rm", { file_name: "notes.txt" })).toEqual({ result: "'notes.txt' removed" });
    expect(run(state, "rm", { file_name: "docs" })).toEqual({ result: "'docs' removed" });
    expect(listing(state)).toEqual({ current_directory_content: [".hidden", "empty"] });
    expect(run(state, "rm", { file_name: "docs" })).toEqual({
      error: "rm: cannot remove 'docs': No such file or directory",
    });
  });

  it("rmdir removes only empty directories", () => {
    const state = freshTree();
    expect(run(state, "rmdir", { dir_name: "empty" })).toEqual({ result: "'empty' removed" });
    expect(run(state, "rmdir", { dir_name: "docs" })).toEqual({
      error: "rmdir: failed to remove 'docs': Directory not empty",
    });
    expect(run(state, "rmdir", { dir_name: "notes.txt" })).toEqual({
      error: "rmdir: cannot remove 'notes.txt': Not a directory",
    });
    expect(run(state, "rmdir", { dir_name: "empty" })).toEqual({
      error: "rmdir: cannot remove 'empty': No such file or directory",
    });
    expect(listing(state)).toEqual({ current_directory_content: ["notes.txt", ".hidden", "docs"] });
  });
});

describe("determinism", () => {
  it("gives the same results and state for the same calls", () => {
    const replay = () => {
      const state = freshTree();
      const results = [
        run(state, "mkdir", { dir_name: "d" }),
        run(state, "cd", { folder: "d" }),
        run(state, "touch", { file_name: "f" }),
        run(state, "echo", { content: "one\ntwo", file_name: "f" }),
        run(state, "cd", { folder: ".." }),
        run(state, "rm", { file_name: "notes.txt" }),
      ];
      return { results, state };
    };
    expect(replay()).toEqual(replay());
  });
});

import { describe, expect, it } from "vitest";
import { ToolError } from "../../tool.ts";
import { freshTree, resourcesOf, run } from "./fixture.test-support.ts";

const listing = (state: ReturnType<typeof freshTree>) => run(state, "ls", { a: true });

describe("mv", () => {
  it("moves an entry into an existing directory", () => {
    const state = freshTree();
    expect(run(state, "mv", { source: "notes.txt", destination: "docs" })).toEqual({
      result: "'notes.txt' moved to 'docs/notes.txt'",
    });
    expect(listing(state)).toEqual({ current_directory_content: [".hidden", "docs", "empty"] });
    run(state, "cd", { folder: "docs" });
    expect(run(state, "ls")).toEqual({
      current_directory_content: ["report.txt", "old.txt", "archive", "notes.txt"],
    });
  });

  it("renames otherwise, moving the entry to the end of the listing", () => {
    const state = freshTree();
    expect(run(state, "mv", { source: "docs", destination: "papers" })).toEqual({
      result: "'docs' moved to 'papers'",
    });
    expect(listing(state)).toEqual({
      current_directory_content: ["notes.txt", ".hidden", "empty", "papers"],
    });
    run(state, "cd", { folder: "papers" });
    expect(run(state, "ls")).toEqual({ current_directory_content: ["report.txt", "old.txt", "archive"] });
  });

  it.each([
    [{ source: "nope", destination: "docs" }, "mv: cannot move 'nope': No such file or directory"],
    [
      { source: "notes.txt", destination: "docs/x" },
      "mv: no path allowed in destination. Only file name and folder name is supported for this operation.",
    ],
    [{ source: "docs", destination: "notes.txt" }, "mv: cannot move 'docs' to 'notes.txt': Not a directory"],
  ])("mv %j is the error %j and changes nothing", (args, error) => {
    const state = freshTree();
    const before = structuredClone(state);
    expect(run(state, "mv", args)).toEqual({ error });
    expect(state).toEqual(before);
  });

  it("refuses to overwrite inside the destination directory", () => {
    const state = freshTree();
    run(state, "cd", { folder: "docs" });
    run(state, "touch", { file_name: "a.txt" });
    expect(run(state, "mv", { source: "a.txt", destination: "archive" })).toEqual({
      error: "mv: cannot move 'a.txt' to 'archive/a.txt': File exists",
    });
  });

  it("loses a directory moved into itself, as upstream does", () => {
    const state = freshTree();
    expect(run(state, "mv", { source: "empty", destination: "empty" })).toEqual({
      result: "'empty' moved to 'empty/empty'",
    });
    expect(listing(state)).toEqual({ current_directory_content: ["notes.txt", ".hidden", "docs"] });
    expect(() => JSON.stringify(state)).not.toThrow();
  });

  it("names the source and what it creates, absolutely", () => {
    const state = freshTree();
    expect(resourcesOf(state, "mv", { source: "notes.txt", destination: "docs" })).toEqual([
      "filesystem:/workspace/notes.txt",
      "filesystem:/workspace/docs",
      "filesystem:/workspace/docs/notes.txt",
    ]);
    expect(resourcesOf(state, "mv", { source: "notes.txt", destination: "n2" })).toEqual([
      "filesystem:/workspace/notes.txt",
      "filesystem:/workspace/n2",
    ]);
  });
});

describe("cp", () => {
  it("copies into a directory or under a new name, leaving the source", () => {
    const state = freshTree();
    expect(run(state, "cp", { source: "notes.txt", destination: "empty" })).toEqual({
      result: "'notes.txt' copied to 'empty/notes.txt'",
    });
    expect(run(state, "cp", { source: "docs", destination: "docs2" })).toEqual({
      result: "'docs' copied to 'docs2'",
    });
    expect(listing(state)).toEqual({
      current_directory_content: ["notes.txt", ".hidden", "docs", "empty", "docs2"],
    });
    run(state, "cd", { folder: "empty" });
    expect(run(state, "cat", { file_name: "notes.txt" })).toEqual({
      file_content: "b line\na line\nc line\n",
    });
  });

  it("makes an independent copy", () => {
    const state = freshTree();
    run(state, "cp", { source: "docs", destination: "docs2" });
    run(state, "cd", { folder: "docs2" });
    run(state, "echo", { content: "changed", file_name: "old.txt" });
    run(state, "cd", { folder: ".." });
    run(state, "cd", { folder: "docs" });
    expect(run(state, "cat", { file_name: "old.txt" })).toEqual({ file_content: "Year 2023\nbudget ok" });
  });

  it.each([
    [{ source: "nope", destination: "x" }, "cp: cannot copy 'nope': No such file or directory"],
    [
      { source: "notes.txt", destination: "a/b" },
      "cp: don't allow path in destination. Only file name and folder name is supported for this operation.",
    ],
    [{ source: "docs", destination: "notes.txt" }, "cp: cannot copy 'docs' to 'notes.txt': Not a directory"],
  ])("cp %j is the error %j", (args, error) => {
    expect(run(freshTree(), "cp", args)).toEqual({ error });
  });

  it("fails the call when the name already exists inside the destination", () => {
    const state = freshTree();
    run(state, "cp", { source: "notes.txt", destination: "empty" });
    expect(() => run(state, "cp", { source: "notes.txt", destination: "empty" })).toThrow(ToolError);
    expect(() => run(state, "cp", { source: "notes.txt", destination: "empty" })).toThrow(
      "File 'notes.txt' already exists in directory 'empty'.",
    );
  });
});

describe("resource disjointness", () => {
  it("keeps two tasks in different folders apart", () => {
    const state = freshTree();
    run(state, "cd", { folder: "docs" });
    const first = resourcesOf(state, "mv", { source: "old.txt", destination: "archive" });
    run(state, "cd", { folder: ".." });
    run(state, "cd", { folder: "empty" });
    const second = resourcesOf(state, "touch", { file_name: "old.txt" });
    expect(first.filter((name) => second.includes(name))).toEqual([]);
    expect([...first, ...second].every((name) => name.startsWith("filesystem:/workspace/"))).toBe(true);
  });
});

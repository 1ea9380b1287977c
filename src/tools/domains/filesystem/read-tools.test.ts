import { describe, expect, it } from "vitest";
import { freshTree, resourcesOf, run } from "./fixture.test-support.ts";

describe("cat", () => {
  it("returns a file's content and names its absolute path", () => {
    const state = freshTree();
    expect(run(state, "cat", { file_name: "notes.txt" })).toEqual({
      file_content: "b line\na line\nc line\n",
    });
    run(state, "cd", { folder: "docs" });
    expect(resourcesOf(state, "cat", { file_name: "old.txt" })).toEqual([
      "filesystem:/workspace/docs/old.txt",
    ]);
  });

  it.each([
    ["docs", "cat: docs: Is a directory"],
    ["missing.txt", "cat: missing.txt: No such file or directory"],
    ["docs/report.txt", "cat: 'docs/report.txt': Invalid character"],
  ])("cat %s is the error %j", (file_name, error) => {
    expect(run(freshTree(), "cat", { file_name })).toEqual({ error });
  });
});

describe("grep", () => {
  it("returns the lines containing the pattern, case-sensitively", () => {
    const state = freshTree();
    expect(run(state, "grep", { file_name: "notes.txt", pattern: "a " })).toEqual({
      matching_lines: ["a line"],
    });
    expect(run(state, "grep", { file_name: "notes.txt", pattern: "LINE" })).toEqual({ matching_lines: [] });
    expect(run(state, "grep", { file_name: "docs", pattern: "x" })).toEqual({
      error: "grep: docs: No such file or directory",
    });
  });
});

describe("wc", () => {
  it.each([
    [{}, { count: 3, type: "lines" }],
    [{ mode: "l" }, { count: 3, type: "lines" }],
    [{ mode: "w" }, { count: 6, type: "words" }],
    [{ mode: "c" }, { count: 21, type: "characters" }],
    [{ mode: "x" }, { error: "wc: invalid mode 'x'" }],
  ])("wc notes.txt %j → %j", (args, result) => {
    expect(run(freshTree(), "wc", { file_name: "notes.txt", ...args })).toEqual(result);
  });

  it("reports a missing file or a directory", () => {
    expect(run(freshTree(), "wc", { file_name: "docs" })).toEqual({
      error: "wc: docs: No such file or directory",
    });
  });

  it("counts characters as code points", () => {
    const state = freshTree();
    run(state, "echo", { content: "😀 ok", file_name: "emoji" });
    expect(run(state, "wc", { file_name: "emoji", mode: "c" })).toEqual({ count: 4, type: "characters" });
  });
});

describe("sort", () => {
  it("sorts lines by character code without changing the file", () => {
    const state = freshTree();
    expect(run(state, "sort", { file_name: "notes.txt" })).toEqual({
      sorted_content: "a line\nb line\nc line",
    });
    expect(run(state, "cat", { file_name: "notes.txt" })).toEqual({
      file_content: "b line\na line\nc line\n",
    });
    run(state, "echo", { content: "b\nB\na\n10\n9", file_name: "mixed" });
    expect(run(state, "sort", { file_name: "mixed" })).toEqual({ sorted_content: "10\n9\nB\na\nb" });
    expect(run(state, "sort", { file_name: "nope" })).toEqual({
      error: "sort: nope: No such file or directory",
    });
  });
});

describe("tail", () => {
  it.each([
    [{}, "b line\na line\nc line"],
    [{ lines: 1 }, "c line"],
    [{ lines: 2 }, "a line\nc line"],
    [{ lines: 50 }, "b line\na line\nc line"],
    // Upstream slices lines[-0:], which is every line.
    [{ lines: 0 }, "b line\na line\nc line"],
  ])("tail notes.txt %j", (args, lastLines) => {
    expect(run(freshTree(), "tail", { file_name: "notes.txt", ...args })).toEqual({ last_lines: lastLines });
  });

  it("reports a missing file", () => {
    expect(run(freshTree(), "tail", { file_name: "x" })).toEqual({
      error: "tail: x: No such file or directory",
    });
  });
});

describe("diff", () => {
  it("pairs differing lines up to the shorter file", () => {
    const state = freshTree();
    run(state, "cd", { folder: "docs" });
    expect(run(state, "diff", { file_name1: "report.txt", file_name2: "old.txt" })).toEqual({
      diff_lines: "- Year 2024\n+ Year 2023",
    });
    expect(run(state, "diff", { file_name1: "old.txt", file_name2: "old.txt" })).toEqual({ diff_lines: "" });
    expect(resourcesOf(state, "diff", { file_name1: "report.txt", file_name2: "old.txt" })).toEqual([
      "filesystem:/workspace/docs/report.txt",
      "filesystem:/workspace/docs/old.txt",
    ]);
  });

  it("reports when either file is missing or a directory", () => {
    const state = freshTree();
    expect(run(state, "diff", { file_name1: "notes.txt", file_name2: "docs" })).toEqual({
      error: "diff: notes.txt or docs: No such file or directory",
    });
  });
});

describe("determinism", () => {
  it("reads never change the state", () => {
    const state = freshTree();
    const before = structuredClone(state);
    run(state, "cat", { file_name: "notes.txt" });
    run(state, "grep", { file_name: "notes.txt", pattern: "a" });
    run(state, "wc", { file_name: "notes.txt", mode: "w" });
    run(state, "sort", { file_name: "notes.txt" });
    run(state, "tail", { file_name: "notes.txt", lines: 2 });
    expect(state).toEqual(before);
  });
});

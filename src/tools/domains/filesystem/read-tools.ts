/** Filesystem tools that read files of the current directory: cat, grep, wc, sort, tail, diff. */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import { codePointCount, compareCodePoints, splitLines, splitWords } from "./python-text.ts";
import {
  absolutePath,
  currentDirectory,
  type FileNode,
  type FilesystemState,
  getEntry,
  hasInvalidNameCharacter,
  pathResource,
} from "./tree.ts";

const fileName = (what: string) => z.string().describe(`${what} (a name in the current directory, no path).`);

/** The file called `name` in the current directory, or undefined when it is missing or a directory. */
function fileHere(state: FilesystemState, name: string): FileNode | undefined {
  const entry = getEntry(currentDirectory(state).contents, name);
  return entry?.type === "file" ? entry : undefined;
}

const fileResource = (state: FilesystemState, name: string): string =>
  pathResource(absolutePath(state, name));

export const cat = defineTool({
  name: "cat",
  description: "Return the whole content of a file in the current directory.",
  parameters: { file_name: fileName("File to show") },
  latency: "fast",
  mutates: false,
  resources: (args, state: FilesystemState) => [fileResource(state, args.file_name)],
  run: (state: FilesystemState, args) => {
    const name = args.file_name;
    if (hasInvalidNameCharacter(name)) return { error: `cat: '${name}': Invalid character` };
    const entry = getEntry(currentDirectory(state).contents, name);
    if (entry === undefined) return { error: `cat: ${name}: No such file or directory` };
    if (entry.type === "directory") return { error: `cat: ${name}: Is a directory` };
    return { file_content: entry.content };
  },
});

export const grep = defineTool({
  name: "grep",
  description:
    "Return the lines of a file in the current directory that contain a text (plain substring, case-sensitive).",
  parameters: {
    file_name: fileName("File to search"),
    pattern: z.string().describe("Text a line must contain."),
  },
  latency: "medium",
  mutates: false,
  resources: (args, state: FilesystemState) => [fileResource(state, args.file_name)],
  run: (state: FilesystemState, args) => {
    const file = fileHere(state, args.file_name);
    if (file === undefined) return { error: `grep: ${args.file_name}: No such file or directory` };
    return { matching_lines: splitLines(file.content).filter((line) => line.includes(args.pattern)) };
  },
});

const WC_TYPES = { l: "lines", w: "words", c: "characters" } as const;

export const wc = defineTool({
  name: "wc",
  description:
    "Count the lines, the words (whitespace-separated) or the characters of a file in the current directory.",
  parameters: {
    file_name: fileName("File to count"),
    mode: z.string().default("l").describe('"l" for lines (default), "w" for words, "c" for characters.'),
  },
  latency: "medium",
  mutates: false,
  resources: (args, state: FilesystemState) => [fileResource(state, args.file_name)],
  run: (state: FilesystemState, args) => {
    const mode = args.mode;
    if (mode !== "l" && mode !== "w" && mode !== "c") return { error: `wc: invalid mode '${mode}'` };
    const file = fileHere(state, args.file_name);
    if (file === undefined) return { error: `wc: ${args.file_name}: No such file or directory` };
    const count =
      mode === "l"
        ? splitLines(file.content).length
        : mode === "w"
          ? splitWords(file.content).length
          : codePointCount(file.content);
    return { count, type: WC_TYPES[mode] };
  },
});

export const sort = defineTool({
  name: "sort",
  description:
    "Return the lines of a file in the current directory sorted by character code, joined by newlines. The file is not changed.",
  parameters: { file_name: fileName("File to sort") },
  latency: "medium",
  mutates: false,
  resources: (args, state: FilesystemState) => [fileResource(state, args.file_name)],
  run: (state: FilesystemState, args) => {
    const file = fileHere(state, args.file_name);
    if (file === undefined) return { error: `sort: ${args.file_name}: No such file or directory` };
    return { sorted_content: splitLines(file.content).sort(compareCodePoints).join("\n") };
  },
});

export const tail = defineTool({
  name: "tail",
  description: "Return the last lines of a file in the current directory, joined by newlines.",
  parameters: {
    file_name: fileName("File to read"),
    lines: z.number().int().default(10).describe("How many lines from the end. Defaults to 10."),
  },
  latency: "fast",
  mutates: false,
  resources: (args, state: FilesystemState) => [fileResource(state, args.file_name)],
  run: (state: FilesystemState, args) => {
    const file = fileHere(state, args.file_name);
    if (file === undefined) return { error: `tail: ${args.file_name}: No such file or directory` };
    const all = splitLines(file.content);
    const count = Math.min(args.lines, all.length);
    // Same slice as upstream's `lines[-count:]`, including its quirk that 0 returns every line.
    return { last_lines: all.slice(-count).join("\n") };
  },
});

export const diff = defineTool({
  name: "diff",
  description:
    "Compare two files of the current directory line by line. Each differing pair of lines at the same " +
    'position is reported as "- <first>\\n+ <second>"; lines past the end of the shorter file are ignored.',
  parameters: {
    file_name1: fileName("First file"),
    file_name2: fileName("Second file"),
  },
  latency: "medium",
  mutates: false,
  resources: (args, state: FilesystemState) => [
    fileResource(state, args.file_name1),
    fileResource(state, args.file_name2),
  ],
  run: (state: FilesystemState, args) => {
    const first = fileHere(state, args.file_name1);
    const second = fileHere(state, args.file_name2);
    if (first === undefined || second === undefined) {
      return { error: `diff: ${args.file_name1} or ${args.file_name2}: No such file or directory` };
    }
    const left = splitLines(first.content);
    const right = splitLines(second.content);
    const differences: string[] = [];
    for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
      if (left[index] !== right[index]) differences.push(`- ${left[index]}\n+ ${right[index]}`);
    }
    return { diff_lines: differences.join("\n") };
  },
});

export const READ_TOOLS = [cat, grep, wc, sort, tail, diff];

/** Filesystem tools that move around or survey the tree: pwd, ls, cd, find, du. */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import { humanReadableSize, utf8Length } from "./python-text.ts";
import {
  absolutePath,
  currentDirectory,
  type FilesystemState,
  getEntry,
  pathResource,
  rootName,
  type TreeNode,
  workingDirectoryText,
} from "./tree.ts";

/** The working directory is one cursor shared by every caller; tools that move or reveal it claim it. */
export const CWD_RESOURCE = "filesystem:cwd";

export const pwd = defineTool({
  name: "pwd",
  description: "Show the absolute path of the directory you are in.",
  parameters: {},
  latency: "fast",
  mutates: false,
  resources: () => [CWD_RESOURCE],
  run: (state: FilesystemState) => ({ current_working_directory: workingDirectoryText(state) }),
});

export const ls = defineTool({
  name: "ls",
  description: "List the names in the current directory, in creation order.",
  parameters: {
    a: z.boolean().default(false).describe("Also list names that start with a dot (hidden entries)."),
  },
  latency: "fast",
  mutates: false,
  resources: (_args, state: FilesystemState) => [pathResource(absolutePath(state))],
  run: (state: FilesystemState, args) => {
    const names = Object.keys(currentDirectory(state).contents);
    return { current_directory_content: args.a ? names : names.filter((name) => !name.startsWith(".")) };
  },
});

export const cd = defineTool({
  name: "cd",
  description:
    'Enter a directory: a sub-directory of the current one by name, ".." for the parent, or "/" for the root. ' +
    "Only one level per call; paths such as a/b are refused.",
  parameters: {
    folder: z.string().describe('Name of a sub-directory of the current one, "..", "." or "/".'),
  },
  latency: "fast",
  mutates: true,
  resources: (args, state: FilesystemState) => {
    const target = cdTarget(state, normaliseFolder(args.folder));
    return target === undefined ? [CWD_RESOURCE] : [CWD_RESOURCE, pathResource(directoryPath(state, target))];
  },
  run: (state: FilesystemState, args) => {
    const folder = normaliseFolder(args.folder);
    if (!SPECIAL_FOLDERS.has(folder) && folder.includes("/")) {
      return { error: `cd: ${folder}: Unsupported path. Only one folder level at a time is supported.` };
    }
    if (folder === "..") {
      // Upstream answers an empty dictionary when it goes up, and this (misspelt) error at the root.
      if (state._cwd.length === 0) return { error: "Cuurent directory is already the root. Cannot go back." };
      state._cwd.pop();
      return {};
    }
    const target = cdTarget(state, folder);
    if (target === undefined) {
      return { error: `cd: ${folder}: No such directory. You cannot use path to change directory.` };
    }
    state._cwd = target;
    const name = target[target.length - 1] ?? rootName(state);
    return { current_working_directory: name };
  },
});

const SPECIAL_FOLDERS = new Set([".", "..", "/"]);

/** Upstream strips trailing slashes first ("docs/" → "docs"), and "/" stays the root. */
function normaliseFolder(folder: string): string {
  const stripped = folder.replace(/\/+$/, "");
  return stripped === "" ? "/" : stripped;
}

/** Names from the root to where `cd folder` leads, or undefined when it leads nowhere. */
function cdTarget(state: FilesystemState, folder: string): string[] | undefined {
  if (folder === ".") return [...state._cwd];
  if (folder === "/") return [];
  if (folder === "..") return state._cwd.length === 0 ? undefined : state._cwd.slice(0, -1);
  if (folder.includes("/")) return undefined;
  const entry = getEntry(currentDirectory(state).contents, folder);
  return entry?.type === "directory" ? [...state._cwd, folder] : undefined;
}

function directoryPath(state: FilesystemState, names: string[]): string {
  return absolutePath({ ...state, _cwd: names });
}

export const find = defineTool({
  name: "find",
  description:
    "Search the current directory and everything below it for files and directories whose name contains a " +
    "text (all entries when no name is given). Each match is reported as `path` + `/` + its location below " +
    "the current directory.",
  parameters: {
    path: z
      .string()
      .default(".")
      .describe('Prefix for the reported paths (trailing slashes dropped). Defaults to ".".'),
    name: z.string().optional().describe("Text the entry name must contain. Leave out to list everything."),
  },
  latency: "slow",
  mutates: false,
  resources: (_args, state: FilesystemState) => [pathResource(absolutePath(state))],
  run: (state: FilesystemState, args) => {
    // Upstream searches the current directory whatever `path` says and only uses it as a prefix.
    const matches: string[] = [];
    const visit = (contents: Record<string, TreeNode>, prefix: string): void => {
      for (const [name, node] of Object.entries(contents)) {
        const path = `${prefix}/${name}`;
        if (args.name === undefined || name.includes(args.name)) matches.push(path);
        if (node.type === "directory") visit(node.contents, path);
      }
    };
    visit(currentDirectory(state).contents, args.path.replace(/\/+$/, ""));
    return { matches };
  },
});

export const du = defineTool({
  name: "du",
  description: "Total size in bytes (UTF-8) of every file in and below the current directory.",
  parameters: {
    human_readable: z
      .boolean()
      .default(false)
      .describe('Give the size in B, KB, MB, … with two decimals (e.g. "1.50 KB") instead of bytes.'),
  },
  latency: "slow",
  mutates: false,
  resources: (_args, state: FilesystemState) => [pathResource(absolutePath(state))],
  run: (state: FilesystemState, args) => {
    const size = treeSize({ type: "directory", contents: currentDirectory(state).contents });
    return { disk_usage: args.human_readable ? humanReadableSize(size) : `${size} bytes` };
  },
});

function treeSize(node: TreeNode): number {
  if (node.type === "file") return utf8Length(node.content);
  let total = 0;
  for (const child of Object.values(node.contents)) total += treeSize(child);
  return total;
}

export const NAVIGATION_TOOLS = [pwd, ls, cd, find, du];

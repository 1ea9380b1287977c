/**
 * State of the filesystem domain: BFCL v3 GorillaFileSystem's in-memory tree.
 *
 * The public fields have the shape of the recorded BFCL trace: `root` is written in the
 * `initial_config` tree shape `{rootName: {type: "directory", contents: {name: node}}}` and
 * `long_context` is carried along. The current directory is internal (`_cwd`, the entry names
 * from the root down), as upstream keeps it private too.
 */
import { z } from "zod";

export interface FileNode {
  type: "file";
  content: string;
}
export interface DirectoryNode {
  type: "directory";
  contents: Record<string, TreeNode>;
}
export type TreeNode = FileNode | DirectoryNode;

const FileNodeSchema = z.strictObject({ type: z.literal("file"), content: z.string() });

// Recursive through z.lazy; explicit types keep the inference finite.
const TreeNodeSchema: z.ZodType<TreeNode> = z.lazy(() => z.union([FileNodeSchema, DirectorySchema]));
const DirectorySchema: z.ZodType<DirectoryNode> = z.strictObject({
  type: z.literal("directory"),
  contents: z
    .unknown()
    // zod drops a "__proto__" key without a word; refuse it instead of losing an entry.
    .refine((value) => typeof value !== "object" || value === null || !Object.hasOwn(value, "__proto__"), {
      message: 'the entry name "__proto__" cannot be loaded from a config',
    })
    .pipe(z.record(z.string(), TreeNodeSchema))
    .transform(copyEntries),
});

export interface FilesystemState {
  long_context: false;
  /** Exactly one entry: the root directory under its name. */
  root: Record<string, DirectoryNode>;
  /** Names from the root to the current directory (empty: at the root). */
  _cwd: string[];
}

/** Upstream's root when a scenario gives none: an empty directory named "/". */
const DEFAULT_ROOT_NAME = "/";

/**
 * Partial config → full state. Accepts a BFCL `initial_config.GorillaFileSystem` object (only
 * `root`) or a recorded `initial_state` (`root` + `long_context`). Like upstream, only the first
 * entry of `root` is used.
 */
export const FilesystemConfig = z
  .strictObject({
    root: z.record(z.string(), DirectorySchema).optional(),
    long_context: z
      .literal(false, { error: "long_context: upstream's long-context filler files are not implemented" })
      .default(false),
    _cwd: z.array(z.string()).default([]),
  })
  .transform((config, context): FilesystemState => {
    const first = config.root === undefined ? undefined : Object.entries(config.root)[0];
    const [name, directory] = first ?? [DEFAULT_ROOT_NAME, { type: "directory" as const, contents: {} }];
    const root = setEntry({}, name, directory) as Record<string, DirectoryNode>;
    const state: FilesystemState = { long_context: false, root, _cwd: config._cwd };
    if (findDirectory(state, config._cwd) === undefined) {
      context.addIssue({ code: "custom", path: ["_cwd"], message: "the current directory does not exist" });
      return z.NEVER;
    }
    return state;
  });

/** Own-property lookup: entry names such as "constructor" must never reach Object.prototype. */
export function getEntry(contents: Record<string, TreeNode>, name: string): TreeNode | undefined {
  return Object.hasOwn(contents, name) ? contents[name] : undefined;
}

/** Add or replace an entry (defineProperty keeps a name like "__proto__" an ordinary key). */
export function setEntry<Node>(
  contents: Record<string, Node>,
  name: string,
  node: Node,
): Record<string, Node> {
  Object.defineProperty(contents, name, {
    value: node,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return contents;
}

export function deleteEntry(contents: Record<string, TreeNode>, name: string): void {
  delete contents[name];
}

function copyEntries(contents: Record<string, TreeNode>): Record<string, TreeNode> {
  const copy: Record<string, TreeNode> = {};
  for (const [name, node] of Object.entries(contents)) setEntry(copy, name, node);
  return copy;
}

export function rootName(state: FilesystemState): string {
  const name = Object.keys(state.root)[0];
  if (name === undefined) throw new Error("filesystem state has no root directory");
  return name;
}

export function rootDirectory(state: FilesystemState): DirectoryNode {
  const root = state.root[rootName(state)];
  if (root === undefined) throw new Error("filesystem state has no root directory");
  return root;
}

/** The directory at `names` below the root, or undefined when a step is missing or a file. */
export function findDirectory(state: FilesystemState, names: readonly string[]): DirectoryNode | undefined {
  let directory = rootDirectory(state);
  for (const name of names) {
    const next = getEntry(directory.contents, name);
    if (next?.type !== "directory") return undefined;
    directory = next;
  }
  return directory;
}

export function currentDirectory(state: FilesystemState): DirectoryNode {
  const directory = findDirectory(state, state._cwd);
  if (directory === undefined)
    throw new Error(`filesystem: current directory ${state._cwd.join("/")} is gone`);
  return directory;
}

/** Upstream's `pwd` text: "/" + every directory name from the root down, the root's included. */
export function workingDirectoryText(state: FilesystemState): string {
  return `/${[rootName(state), ...state._cwd].join("/")}`;
}

/**
 * Absolute path of an entry of the current directory (or of the directory itself), for
 * resource names: `/rootName/a/b/name`. Paths are hierarchical: `/r/a` covers `/r/a/b`.
 */
export function absolutePath(state: FilesystemState, name?: string): string {
  const root = rootName(state);
  const names = root === DEFAULT_ROOT_NAME ? [...state._cwd] : [root, ...state._cwd];
  if (name !== undefined) names.push(name);
  return `/${names.join("/")}`;
}

export const pathResource = (path: string): string => `filesystem:${path}`;

/** A deep copy of a subtree (upstream shares children between copies; we do not). */
export function cloneNode(node: TreeNode): TreeNode {
  if (node.type === "file") return { type: "file", content: node.content };
  const contents: Record<string, TreeNode> = {};
  for (const [name, child] of Object.entries(node.contents)) setEntry(contents, name, cloneNode(child));
  return { type: "directory", contents };
}

/** Upstream refuses these characters in names it creates or reads by name. */
export function hasInvalidNameCharacter(name: string): boolean {
  return /[|/\\?%*:"><]/.test(name);
}

/** Filesystem tools that create, write or remove entries of the current directory: mkdir, touch, echo, rm, rmdir. */
import { z } from "zod";
import { defineTool } from "../../tool.ts";
import {
  absolutePath,
  currentDirectory,
  deleteEntry,
  type FilesystemState,
  getEntry,
  hasInvalidNameCharacter,
  pathResource,
  setEntry,
} from "./tree.ts";

/** Adding or removing an entry changes its directory's listing, so both are named. */
/**
 * A write names only the entry it creates or changes. A listing of the parent names the parent's
 * path, which covers the entry by path prefix, so a task that lists a folder still clashes with a
 * task that writes into it, while writes to different entries stay disjoint.
 */
export function entryResources(state: FilesystemState, name: string): string[] {
  return [pathResource(absolutePath(state, name))];
}

export const mkdir = defineTool({
  name: "mkdir",
  description: "Create an empty directory in the current directory. Returns null on success.",
  parameters: { dir_name: z.string().describe("Name of the new directory (no path).") },
  latency: "fast",
  mutates: true,
  resources: (args, state: FilesystemState) => entryResources(state, args.dir_name),
  run: (state: FilesystemState, args) => {
    const name = args.dir_name;
    if (hasInvalidNameCharacter(name))
      return { error: `mkdir: cannot create directory '${name}': Invalid character` };
    const contents = currentDirectory(state).contents;
    if (getEntry(contents, name) !== undefined)
      return { error: `mkdir: cannot create directory '${name}': File exists` };
    setEntry(contents, name, { type: "directory", contents: {} });
    return null;
  },
});

export const touch = defineTool({
  name: "touch",
  description:
    "Create an empty file in the current directory. Returns null on success; an existing name is an error.",
  parameters: { file_name: z.string().describe("Name of the new file (no path).") },
  latency: "fast",
  mutates: true,
  resources: (args, state: FilesystemState) => entryResources(state, args.file_name),
  run: (state: FilesystemState, args) => {
    const name = args.file_name;
    if (hasInvalidNameCharacter(name)) return { error: `touch: cannot touch '${name}': Invalid character` };
    const contents = currentDirectory(state).contents;
    if (getEntry(contents, name) !== undefined)
      return { error: `touch: cannot touch '${name}': File exists` };
    setEntry(contents, name, { type: "file", content: "" });
    return null;
  },
});

export const echo = defineTool({
  name: "echo",
  description:
    "Without a file name, return the text as terminal output. With one, write the text into that file of the " +
    "current directory (created if missing, replaced if present) and return null.",
  parameters: {
    content: z.string().describe("The text to print or write."),
    file_name: z.string().optional().describe("File of the current directory to write to."),
  },
  latency: "fast",
  mutates: true,
  resources: (args, state: FilesystemState) => (args.file_name ? entryResources(state, args.file_name) : []),
  run: (state: FilesystemState, args) => {
    const name = args.file_name;
    if (name === undefined) return { terminal_output: args.content };
    if (hasInvalidNameCharacter(name)) return { error: `echo: cannot touch '${name}': Invalid character` };
    if (name === "") return { terminal_output: args.content };
    const contents = currentDirectory(state).contents;
    const entry = getEntry(contents, name);
    // Upstream at ea13468e creates a missing file (later versions refuse it; the recorded trace relies on this).
    if (entry === undefined) setEntry(contents, name, { type: "file", content: args.content });
    // Upstream's v3 class crashes here (a directory has no write method); later versions answer this error.
    else if (entry.type === "directory") return { error: `echo: cannot write to '${name}': Is a directory` };
    else entry.content = args.content;
    return null;
  },
});

export const rm = defineTool({
  name: "rm",
  description: "Remove a file or a directory (with everything in it) from the current directory.",
  parameters: { file_name: z.string().describe("Name of the file or directory to remove.") },
  latency: "fast",
  mutates: true,
  resources: (args, state: FilesystemState) => entryResources(state, args.file_name),
  run: (state: FilesystemState, args) => {
    const name = args.file_name;
    const contents = currentDirectory(state).contents;
    if (getEntry(contents, name) === undefined)
      return { error: `rm: cannot remove '${name}': No such file or directory` };
    deleteEntry(contents, name);
    return { result: `'${name}' removed` };
  },
});

export const rmdir = defineTool({
  name: "rmdir",
  description: "Remove an empty directory from the current directory.",
  parameters: { dir_name: z.string().describe("Name of the empty directory to remove.") },
  latency: "fast",
  mutates: true,
  resources: (args, state: FilesystemState) => entryResources(state, args.dir_name),
  run: (state: FilesystemState, args) => {
    const name = args.dir_name;
    const contents = currentDirectory(state).contents;
    const entry = getEntry(contents, name);
    if (entry === undefined) return { error: `rmdir: cannot remove '${name}': No such file or directory` };
    if (entry.type === "file") return { error: `rmdir: cannot remove '${name}': Not a directory` };
    if (Object.keys(entry.contents).length > 0) {
      return { error: `rmdir: failed to remove '${name}': Directory not empty` };
    }
    deleteEntry(contents, name);
    return { result: `'${name}' removed` };
  },
});

export const WRITE_TOOLS = [mkdir, touch, echo, rm, rmdir];

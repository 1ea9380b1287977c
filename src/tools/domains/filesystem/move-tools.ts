/** Filesystem tools that move or copy an entry of the current directory: mv, cp. */
import { z } from "zod";
import { defineTool, ToolError } from "../../tool.ts";
import {
  absolutePath,
  cloneNode,
  currentDirectory,
  deleteEntry,
  type FilesystemState,
  getEntry,
  pathResource,
  setEntry,
} from "./tree.ts";
import { entryResources } from "./write-tools.ts";

const parameters = (verb: string) => ({
  source: z.string().describe(`Name of the file or directory to ${verb} (in the current directory).`),
  destination: z
    .string()
    .describe(
      `Where to ${verb} it: the name of an existing directory of the current directory to put it into, ` +
        "or else a new name in the current directory. No paths.",
    ),
});

/** The source entry and the entry the operation creates (inside `destination` when that is a directory). */
function moveResources(state: FilesystemState, source: string, destination: string): string[] {
  const target = getEntry(currentDirectory(state).contents, destination);
  const created =
    target?.type === "directory"
      ? [
          pathResource(absolutePath(state, destination)),
          pathResource(`${absolutePath(state, destination)}/${source}`),
        ]
      : entryResources(state, destination);
  return [...new Set([...entryResources(state, source), ...created])];
}

/** Upstream's two wordings of the same rule. */
const PATH_ERRORS = {
  mv: "mv: no path allowed in destination. Only file name and folder name is supported for this operation.",
  cp: "cp: don't allow path in destination. Only file name and folder name is supported for this operation.",
};

/**
 * mv and cp share upstream's checks and messages: into `destination` when it names a directory of
 * the current directory, else under that name beside the source.
 */
function transfer(
  state: FilesystemState,
  source: string,
  destination: string,
  command: "mv" | "cp",
): unknown {
  const [verb, done] = command === "mv" ? ["move", "moved"] : ["copy", "copied"];
  const here = currentDirectory(state).contents;
  const item = getEntry(here, source);
  if (item === undefined)
    return { error: `${command}: cannot ${verb} '${source}': No such file or directory` };
  if (destination.includes("/")) return { error: PATH_ERRORS[command] };
  const target = getEntry(here, destination);
  if (target?.type === "file")
    return { error: `${command}: cannot ${verb} '${source}' to '${destination}': Not a directory` };
  if (target !== undefined && getEntry(target.contents, source) !== undefined) {
    if (command === "mv")
      return { error: `mv: cannot move '${source}' to '${destination}/${source}': File exists` };
    // Upstream's own existence check never fires and the insert raises; the call fails with its message.
    const kind = item.type === "file" ? "File" : "Directory";
    throw new ToolError(`${kind} '${source}' already exists in directory '${destination}'.`);
  }
  const [into, name] = target === undefined ? [here, destination] : [target.contents, source];
  if (command === "cp") setEntry(into, name, cloneNode(item));
  else {
    deleteEntry(here, source);
    // Moving a directory into itself detaches it, so upstream loses it; so do we, without a cycle.
    if (target !== item) setEntry(into, name, item);
  }
  return {
    result: `'${source}' ${done} to '${target === undefined ? destination : `${destination}/${source}`}'`,
  };
}

export const mv = defineTool({
  name: "mv",
  description:
    "Move a file or directory of the current directory into a sub-directory (when the destination names an " +
    "existing directory) or rename it (otherwise). A renamed entry goes to the end of the listing.",
  parameters: parameters("move"),
  latency: "medium",
  mutates: true,
  resources: (args, state: FilesystemState) => moveResources(state, args.source, args.destination),
  run: (state: FilesystemState, args) => transfer(state, args.source, args.destination, "mv"),
});

export const cp = defineTool({
  name: "cp",
  description:
    "Copy a file or directory of the current directory into a sub-directory (when the destination names an " +
    "existing directory) or under a new name in the current directory (otherwise).",
  parameters: parameters("copy"),
  latency: "medium",
  mutates: true,
  resources: (args, state: FilesystemState) => moveResources(state, args.source, args.destination),
  run: (state: FilesystemState, args) => transfer(state, args.source, args.destination, "cp"),
});

export const MOVE_TOOLS = [mv, cp];

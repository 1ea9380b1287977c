/**
 * The filesystem domain: BFCL v3 GorillaFileSystem (18 functions), an in-memory Unix-like tree with
 * one current directory. Names, parameters, defaults, results and `{"error": …}` dictionaries
 * follow upstream at commit ea13468e; descriptions are ours.
 *
 * Resources are absolute paths (`filesystem:/root/dir/file`) and hierarchical: a directory path
 * covers everything below it. `cd` and `pwd` also claim `filesystem:cwd`, the one cursor every
 * relative name depends on, so tasks that change directory share it.
 *
 * Only traced behaviour is known for commit ea13468e (the BFCL gold trace: `cd ..` answers `{}`,
 * `find` searches the current directory and uses `path` only as a prefix, `echo` creates a
 * missing file); error texts of untraced paths follow the upstream class as stored in our
 * snapshot (ShishirPatil/gorilla 164141b5).
 *
 * Known deviations: `cp` makes a deep copy (upstream's copy shares children with the original);
 * where upstream raises (`cp` onto an existing name) we throw a ToolError, and `echo` into a
 * directory answers an error dictionary; `long_context: true` (upstream's filler files) is refused.
 */
import { defineDomain } from "../../domain.ts";
import { MOVE_TOOLS } from "./move-tools.ts";
import { NAVIGATION_TOOLS } from "./navigation-tools.ts";
import { READ_TOOLS } from "./read-tools.ts";
import { FilesystemConfig, type FilesystemState } from "./tree.ts";
import { WRITE_TOOLS } from "./write-tools.ts";

export const filesystemDomain = defineDomain<FilesystemState>({
  name: "filesystem",
  description:
    "An in-memory Unix-like file tree with a current directory: move with cd (one level at a time), list, " +
    "find, read, count, sort and compare files, create, write, move, copy and remove files and directories.",
  config: FilesystemConfig,
  tools: [...NAVIGATION_TOOLS, ...READ_TOOLS, ...WRITE_TOOLS, ...MOVE_TOOLS],
});

export type { FilesystemState } from "./tree.ts";

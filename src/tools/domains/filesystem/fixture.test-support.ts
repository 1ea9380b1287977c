/** A small tree shared by the filesystem tests. */
import { initialState } from "../../domain.ts";
import { callTool, toolResources } from "../testing/call-tool.ts";
import { filesystemDomain } from "./index.ts";
import type { FilesystemState } from "./tree.ts";

const file = (content: string) => ({ type: "file", content });
const directory = (contents: Record<string, unknown>) => ({ type: "directory", contents });

export const TREE_CONFIG = {
  root: {
    workspace: directory({
      "notes.txt": file("b line\na line\nc line\n"),
      ".hidden": file("secret"),
      docs: directory({
        "report.txt": file("Year 2024\nbudget ok\nend"),
        "old.txt": file("Year 2023\nbudget ok"),
        archive: directory({ "a.txt": file("x") }),
      }),
      empty: directory({}),
    }),
  },
};

export function freshTree(): FilesystemState {
  return initialState(filesystemDomain, structuredClone(TREE_CONFIG), "test");
}

export function run(state: FilesystemState, name: string, args: Record<string, unknown> = {}): unknown {
  return callTool(filesystemDomain, state, name, args);
}

export function resourcesOf(
  state: FilesystemState,
  name: string,
  args: Record<string, unknown> = {},
): string[] {
  return toolResources(filesystemDomain, state, name, args);
}

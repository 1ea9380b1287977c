import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Where a run's numbers came from: our version, the resolved versions of our dependencies, git sha. */
export const Provenance = z.strictObject({
  asynctool: z.string(),
  node: z.string(),
  platform: z.string(),
  /** Resolved versions read from node_modules/<dep>/package.json, not the ranges in package.json. */
  packages: z.record(z.string(), z.string()),
  gitSha: z.string().nullable(),
  gitDirty: z.boolean().nullable(),
});
export type Provenance = z.infer<typeof Provenance>;

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function collectProvenance(root: string = PACKAGE_ROOT): Provenance {
  const manifest = readJson(join(root, "package.json")) as {
    version?: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  } | null;
  const packages: Record<string, string> = {};
  const names = [
    ...Object.keys(manifest?.dependencies ?? {}),
    ...Object.keys(manifest?.devDependencies ?? {}),
  ];
  for (const name of names.sort()) {
    const installed = readJson(join(root, "node_modules", name, "package.json")) as {
      version?: string;
    } | null;
    packages[name] = installed?.version ?? "missing";
  }
  return {
    asynctool: manifest?.version ?? "unknown",
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    packages,
    gitSha: git(root, ["rev-parse", "HEAD"]),
    gitDirty: gitDirty(root),
  };
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: root, stdio: ["ignore", "pipe", "ignore"], timeout: 5000 })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

function gitDirty(root: string): boolean | null {
  const status = git(root, ["status", "--porcelain", "--untracked-files=no"]);
  return status === null ? null : status.length > 0;
}

import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BadInputError } from "../core/errors.ts";

/** Holds the pid of the process running a run, so a second process cannot run it at the same time. */
export const LOCK_FILE = "run.lock";

/**
 * Claim a run directory for this process. A lock left by a dead process (kill -9) is taken over;
 * one held by a live process is an error, since two writers would run the same episodes twice.
 */
export function acquireRunLock(dir: string): void {
  const file = join(dir, LOCK_FILE);
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid))
      throw new BadInputError(`${dir} is being run by process ${pid}; wait for it or stop it first`);
  }
  writeFileSync(file, `${process.pid}\n`);
}

export function releaseRunLock(dir: string): void {
  rmSync(join(dir, LOCK_FILE), { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

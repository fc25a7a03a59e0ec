/**
 * A lock file beside an output, so two writers never write the same output at once:
 * created exclusively (O_EXCL) with the writer's pid; a lock whose process is gone (a
 * killed run) is stale and taken over.
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { SuffError } from "../spec/errors.ts";

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when the lock file is held by a live process other than this one. */
export function lockHeld(lockFile: string): boolean {
  try {
    const pid = Number(readFileSync(lockFile, "utf8").trim().split(/\s+/)[0]);
    return pid !== process.pid && alive(pid);
  } catch {
    return false;
  }
}

/**
 * Take the lock `target.lock` for `target` (a file or folder); returns the release function.
 * @throws SuffError E_OUTPUT_LOCKED when another live process holds it.
 */
export function acquireLock(target: string): () => void {
  const lockFile = `${path.resolve(target).replace(/[\\/]+$/, "")}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, `${process.pid} ${new Date().toISOString()}\n`, { flag: "wx" });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (lockHeld(lockFile)) break;
      rmSync(lockFile, { force: true }); // stale: its writer is gone
    }
  }
  let holder = "";
  try { holder = readFileSync(lockFile, "utf8").trim(); } catch { /* gone meanwhile */ }
  throw new SuffError("E_OUTPUT_LOCKED", `${target} is being written by another suff process (${holder ? `pid ${holder}` : "lock file"}: ${lockFile}).`, {
    exitCode: 2,
    hint: `Wait for it to finish. If no suff process is running, delete ${lockFile}.`,
  });
}

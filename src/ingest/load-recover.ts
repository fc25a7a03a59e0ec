/**
 * Recovery after a writer was killed part-way (src/write/swap-folder.ts writes a folder by
 * staging it as `.NAME.suff-tmp-PID` beside it, then two renames: NAME -> `.NAME.suff-old-PID`,
 * staging -> NAME). When the writer's process is gone: a moved-away folder whose
 * replacement never arrived is renamed back (the old folder stands), staging folders and
 * `FILE.PID.N.tmp` files are deleted. Never touches what a live process is writing.
 */
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Clean up `parent` after killed writers; returns what was done, one line each.
 * @throws never (a folder that cannot be read or changed is left as it is).
 */
export function recoverInterrupted(parent: string): string[] {
  const notes: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return notes;
  }
  for (const name of names) {
    const old = /^\.(.+)\.suff-old-(\d+)$/.exec(name);
    const tmp = /^\.(.+)\.suff-tmp-(\d+)$/.exec(name) ?? /^(.+)\.(\d+)\.\d+\.tmp$/.exec(name);
    try {
      if (old && !alive(Number(old[2]))) {
        const target = path.join(parent, old[1]!);
        if (!existsSync(target)) {
          renameSync(path.join(parent, name), target);
          notes.push(`restored ${target} (its rewrite was interrupted before the new one was in place)`);
        } else {
          rmSync(path.join(parent, name), { recursive: true, force: true });
          notes.push(`removed ${path.join(parent, name)} (left by an interrupted write)`);
        }
      } else if (tmp && !alive(Number(tmp[2]))) {
        rmSync(path.join(parent, name), { recursive: true, force: true });
        notes.push(`removed ${path.join(parent, name)} (left by an interrupted write)`);
      }
    } catch {
      // Leave it: another process may be recovering the same folder.
    }
  }
  return notes;
}

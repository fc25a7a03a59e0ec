/**
 * Write a file atomically: write to a temporary sibling, then rename over the target, so
 * a reader never sees a half-written output and a failed run leaves the old file intact.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

let counter = 0;

/** Write `data` to `file` atomically, creating parent folders. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.${counter++}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

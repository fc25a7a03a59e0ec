/**
 * Write a folder whole: its files go to a staging folder beside it, which then replaces it
 * in two renames (the old folder moved aside, the new one moved in), under a lock so that
 * two writers never interleave. A kill at any step leaves the old folder or the new one:
 * between the two renames the old one waits aside and is put back by the next reader or
 * writer (recoverInterrupted). Fault points (SUFF_FAULT): swap:after-stage,
 * swap:after-move-old, swap:after-move-new.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { recoverInterrupted } from "../ingest/load-recover.ts";
import { faultPoint } from "./fault.ts";
import { acquireLock } from "./lock.ts";

interface WholeOptions {
  /** Names in the old folder to carry over into the new one (e.g. a ledger kept beside a dataset). */
  keep?: (name: string) => boolean;
  /** Prefix of the fault points (default "swap"). */
  label?: string;
}

function begin(target: string, options: WholeOptions): { abs: string; staging: string; release: () => void; notes: string[] } {
  const abs = path.resolve(target);
  const parent = path.dirname(abs);
  mkdirSync(parent, { recursive: true });
  const release = acquireLock(abs);
  try {
    const notes = recoverInterrupted(parent);
    const staging = path.join(parent, `.${path.basename(abs)}.suff-tmp-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    if (options.keep && existsSync(abs)) {
      for (const name of readdirSync(abs)) if (options.keep(name)) cpSync(path.join(abs, name), path.join(staging, name), { recursive: true });
    }
    return { abs, staging, release, notes };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Write `target` as a unit: `fill` writes the new contents into the staging folder it is
 * given. Returns notes on what an earlier interrupted write left and was cleaned.
 * @throws SuffError E_OUTPUT_LOCKED when another process is writing `target`; what `fill` throws.
 */
export function writeFolderWholeSync(target: string, fill: (staging: string) => void, options: WholeOptions = {}): string[] {
  const { abs, staging, release, notes } = begin(target, options);
  try {
    fill(staging);
    return finish(staging, abs, notes, options);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}

/** After `fill`: the fault point, then the staged folder swapped into place. */
function finish(staging: string, abs: string, notes: string[], options: WholeOptions): string[] {
  faultPoint(`${options.label ?? "swap"}:after-stage`);
  swapInto(staging, abs, options.label ?? "swap");
  return notes;
}

/** writeFolderWholeSync with an asynchronous `fill`. */
export async function writeFolderWhole(target: string, fill: (staging: string) => Promise<void>, options: WholeOptions = {}): Promise<string[]> {
  const { abs, staging, release, notes } = begin(target, options);
  try {
    await fill(staging);
    return finish(staging, abs, notes, options);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}

/**
 * Replace `target` by the folder `staged` (same parent) in two renames.
 * @throws Error on a file-system failure (the old folder is then put back).
 */
export function swapInto(staged: string, target: string, label = "swap"): void {
  const parent = path.dirname(target);
  const old = path.join(parent, `.${path.basename(target)}.suff-old-${process.pid}`);
  rmSync(old, { recursive: true, force: true });
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  faultPoint(`${label}:after-move-old`);
  try {
    renameSync(staged, target);
  } catch (error) {
    if (hadOld) renameSync(old, target);
    throw error;
  }
  faultPoint(`${label}:after-move-new`);
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

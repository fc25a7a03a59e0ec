/**
 * Read and update a publication ledger file (src/aggregate/disclosure/publication-ledger.ts),
 * under a lock so that two publishing runs do not lose each other's entries.
 */
import { existsSync, readFileSync } from "node:fs";
import { SuffError } from "../spec/errors.ts";
import { addToLedger, parseLedger, serializeLedger, type Ledger, type LedgerEntry } from "../aggregate/disclosure/publication-ledger.ts";
import { writeFileAtomic } from "./atomic.ts";
import { acquireLock } from "./lock.ts";

/**
 * The ledger in `file`, empty when the file does not exist yet.
 * @throws SuffError E_LEDGER when the file exists but is not a ledger.
 */
export function readLedgerFile(file: string): Ledger {
  if (!existsSync(file)) return { entries: [] };
  try {
    return parseLedger(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SuffError("E_LEDGER", `${file} is not a publication ledger: ${error instanceof Error ? error.message : String(error)}`, { exitCode: 2, hint: "Give --ledger another file, or restore this one from a backup: without it, earlier publications cannot be protected against." });
  }
}

/**
 * Add entries to the ledger in `file` (re-read under the lock, so a concurrent run's entries are kept).
 * @throws SuffError E_OUTPUT_LOCKED / E_LEDGER.
 */
export function appendLedgerFile(file: string, entries: readonly LedgerEntry[]): number {
  const release = acquireLock(file);
  try {
    const current = readLedgerFile(file);
    const next = addToLedger(current, entries);
    if (next.entries.length !== current.entries.length || !existsSync(file)) writeFileAtomic(file, serializeLedger(next));
    return next.entries.length - current.entries.length;
  } finally {
    release();
  }
}

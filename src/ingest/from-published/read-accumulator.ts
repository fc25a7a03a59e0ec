/**
 * Accounting for one published file: every record read is accepted (with the dataset rows
 * it produced), rejected (with a diagnostic) or skipped on purpose (counted by reason), so
 * rowsRead = rowsAccepted + rowsRejected + sum(rowsSkipped) always holds.
 */
import type { Diagnostic } from "../../spec/diagnostic.ts";
import type { DatasetRow, ReadResult } from "../../spec/dataset.ts";

export interface ReadAccumulator {
  /** Count one record as accepted, with the rows it produced (one record may give several rows). */
  accept(rows: DatasetRow[]): void;
  /** Count one record as rejected, with the diagnostic that says why. */
  reject(finding: Diagnostic): void;
  /** Count one record as skipped on purpose, by reason. */
  skip(reason: string): void;
  /** Record a diagnostic that does not change the counts (a warning about an accepted record). */
  note(finding: Diagnostic): void;
  result(): ReadResult;
}

/**
 * Start the accounting for one file of `kind`.
 * @throws never
 * @example readAccumulator("x").result().rowsRead // 0
 */
export function readAccumulator(kind: string): ReadAccumulator {
  const rows: DatasetRow[] = [];
  const diagnostics: Diagnostic[] = [];
  const rowsSkipped: Record<string, number> = {};
  let accepted = 0;
  let rejected = 0;
  let skipped = 0;
  return {
    accept(out) {
      accepted++;
      for (const row of out) rows.push(row);
    },
    reject(finding) {
      rejected++;
      diagnostics.push(finding);
    },
    skip(reason) {
      skipped++;
      rowsSkipped[reason] = (rowsSkipped[reason] ?? 0) + 1;
    },
    note(finding) {
      diagnostics.push(finding);
    },
    result() {
      return { kind, rows, diagnostics, rowsRead: accepted + rejected + skipped, rowsAccepted: accepted, rowsRejected: rejected, rowsSkipped: { ...rowsSkipped } };
    },
  };
}

/**
 * Published files that are read and accounted but carry nothing the template holds:
 * the reference lookups (built into src/reference) and placement stability indicators.
 * Every record is counted as skipped with the file's reason, so the manifest shows the
 * file was seen and why it gave no rows.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export interface SkippedFileKind {
  kind: string;
  reason: string;
  matches(columns: readonly string[]): boolean;
}

/** The published files that are recognised and skipped on purpose. */
export const SKIPPED_FILE_KINDS: readonly SkippedFileKind[] = [
  {
    kind: "dfe-cla-placement-stability",
    reason: "placement stability indicators not in template",
    matches: (c) => c.includes("placement_stability") && c.includes("children_count"),
  },
  {
    kind: "reference-la-codes-regions",
    reason: "reference data (built into src/reference/las.ts), not a measure",
    matches: (c) => ["old_la_code", "new_la_code", "first_year_seen", "last_year_seen"].every((x) => c.includes(x)),
  },
  {
    kind: "reference-ltla-utla-lookup",
    reason: "reference data (ONS lower-tier to upper-tier lookup), not a measure",
    matches: (c) => c.some((x) => /^LTLA\d\dCD$/.test(x)) && c.some((x) => /^UTLA\d\dCD$/.test(x)),
  },
  {
    kind: "reference-statistical-neighbours",
    reason: "reference data (statistical neighbours, built into src/reference), not a measure",
    matches: (c) => c.includes("SN1") && c.includes("LA Name"),
  },
];

/**
 * Count every record of a recognised-but-skipped file.
 * @throws Error only when the bytes are not CSV.
 * @example readSkippedFile(file, SKIPPED_FILE_KINDS[0]).rows // []
 */
export function readSkippedFile(file: PublishedFile, kind: SkippedFileKind): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(kind.kind);
  for (let i = 0; i < table.records.length; i++) acc.skip(kind.reason);
  return acc.result();
}

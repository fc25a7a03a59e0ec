/**
 * The LA totals 2011-2025 file (children looked after at 31 March per LA, assembled from
 * each year's DfE LA file; `source_file` names the release). `z` marks a year in which the
 * LA did not exist (skipped with that reason); `c` stays a suppressed value.
 *
 * Reference: DfE, Children looked after in England including adoptions, LA tables 2011-2025.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { publishedGeography, publishedRow, publishedValue } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";
import { diagnostic } from "../../spec/messages/index.ts";

export const DFE_LA_TOTALS_KIND = "dfe-cla-la-totals";

/** True when the header is the LA totals file. */
export function isDfeLaTotals(columns: readonly string[]): boolean {
  return ["year", "old_la_code", "cla_31_march", "source_file"].every((c) => columns.includes(c));
}

/**
 * Read the LA totals file.
 * @throws Error only when the bytes are not CSV.
 * @example readDfeLaTotals({ name: "la_cla_31_march_totals_2011_2025.csv", bytes }).rows[0].measure // "cla_31_march"
 */
export function readDfeLaTotals(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(DFE_LA_TOTALS_KIND);
  const [cYear, cNew, cOld, cName, cValue] = ["year", "new_la_code", "old_la_code", "la_name", "cla_31_march"].map((c) => table.index.get(c) ?? -1);
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    const year = Number(record[cYear]);
    if (!Number.isInteger(year) || year < 1900) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_PERIOD", { value: record[cYear] }, { ...where, column: "year" }));
      return;
    }
    const value = publishedValue(acc, record[cValue], "cla_31_march", where);
    if (value === null) return;
    const geography = publishedGeography(acc, { level: "Local authority", year, oldCode: record[cOld], newCode: cNew >= 0 ? record[cNew] : "", laName: cName >= 0 ? record[cName] : "" }, value.status, where);
    if (geography === null) return;
    acc.accept([publishedRow(geography, String(year), "cla_31_march", { placement_type: TOTAL, age_band: TOTAL }, value.value, value.status)]);
  });
  return acc.result();
}

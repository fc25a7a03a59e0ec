/**
 * DfE new placements during the year (EES raw): the location of new placements (inside or
 * outside the LA boundary x 20 miles or less / more than 20 miles / distance not known)
 * becomes new_placements_in_year_by_location. Reasons for placement change are not in the
 * template and are skipped with that reason.
 *
 * Reference: DfE, Children looked after in England including adoptions, "placements
 * during the year" tables.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { eesRecord } from "./ees-record.ts";
import { publishedRow, publishedValue, type Dims } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const DFE_NEW_PLACEMENTS_KIND = "dfe-cla-new-placements";

/** True when the header is the new placements file. */
export function isDfeNewPlacements(columns: readonly string[]): boolean {
  return ["characteristic", "breakdown", "children_count", "children_percent"].every((c) => columns.includes(c));
}

function locationDims(label: string): Dims | null {
  const text = label.trim().toLowerCase();
  if (text === "total new placements") return { locality: TOTAL, distance: TOTAL };
  if (text === "distance not known or not recorded") return { locality: "not_known", distance: "not_known" };
  const locality = /outside/.test(text) ? "outside_la" : /inside/.test(text) ? "inside_la" : null;
  const distance = /less than 20 miles|20 miles or less/.test(text) ? "20_miles_or_less" : /more than 20 miles/.test(text) ? "over_20_miles" : null;
  return locality && distance ? { locality, distance } : null;
}

/**
 * Read the new placements file.
 * @throws Error only when the bytes are not CSV.
 * @example readDfeNewPlacements({ name: "la_cla_during_year_new_placements.csv", bytes }).kind // "dfe-cla-new-placements"
 */
export function readDfeNewPlacements(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(DFE_NEW_PLACEMENTS_KIND);
  const ees = eesRecord(table, acc);
  const [cChar, cBreakdown, cCount] = ["characteristic", "breakdown", "children_count"].map((c) => table.index.get(c)!);
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    if (!/location of new placements/i.test(record[cChar])) return acc.skip(`"${record[cChar]}" not in template`);
    const dims = locationDims(record[cBreakdown]);
    if (dims === null) {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_CATEGORY", { group: record[cChar], value: record[cBreakdown], list: "locality" }, { ...where, column: "breakdown" }));
      return;
    }
    const year = ees.year(record, where);
    if (year === null) return;
    const value = publishedValue(acc, record[cCount], "children_count", where);
    if (value === null) return;
    const geography = ees.geography(record, year, value.status, where);
    if (geography === null) return;
    acc.accept([publishedRow(geography, String(year), "new_placements_in_year_by_location", dims, value.value, value.status)]);
  });
  return acc.result();
}

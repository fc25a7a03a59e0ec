/**
 * DfE EES "LA of placement and net gain" file (children looked after at 31 March, LA level,
 * 2018 to 2022 in the 2022 release): children who are the responsibility of other LAs placed
 * within the LA's boundary, the LA's own children placed outside it, and the net gain (the
 * first minus the second). Becomes cla_placed_in_la_by_other_las, placed_outside_la
 * (placement_type total) and cla_net_gain.
 *
 * Reference: DfE, Children looked after in England including adoptions, reporting year
 * 2022, la_cla_on_31_march_la_of_placement_net_gain.csv and its data guidance.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { eesRecord } from "./ees-record.ts";
import { publishedRow, publishedValue, type Dims } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const DFE_LA_OF_PLACEMENT_KIND = "dfe-cla-la-of-placement";

/** True when the header is the LA-of-placement and net gain file. @example isDfeLaOfPlacement(["time_period", "geographic_level", "characteristic", "number"]) // true */
export function isDfeLaOfPlacement(columns: readonly string[]): boolean {
  return ["time_period", "geographic_level", "characteristic", "number"].every((c) => columns.includes(c)) && !columns.includes("cla_group");
}

function measureOf(characteristic: string): { measure: string; dims: Dims } | null {
  if (/responsibility of other LAs placed within/i.test(characteristic)) return { measure: "cla_placed_in_la_by_other_las", dims: {} };
  if (/responsibility of this LA placed outside/i.test(characteristic)) return { measure: "placed_outside_la", dims: { placement_type: TOTAL } };
  if (/^net gain/i.test(characteristic)) return { measure: "cla_net_gain", dims: {} };
  return null;
}

/**
 * Read the file.
 * @throws Error only when the bytes are not CSV.
 * @example readDfeLaOfPlacement({ name: "la_cla_on_31_march_la_of_placement_net_gain.csv", bytes }).rows[0].measure // "cla_placed_in_la_by_other_las"
 */
export function readDfeLaOfPlacement(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(DFE_LA_OF_PLACEMENT_KIND);
  const geo = eesRecord(table, acc);
  const cChar = table.index.get("characteristic")!;
  const cNumber = table.index.get("number")!;
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    const mapped = measureOf(record[cChar]);
    if (mapped === null) return acc.skip(`characteristic "${record[cChar]}" not in template`);
    const year = geo.year(record, where);
    if (year === null) return;
    const value = publishedValue(acc, record[cNumber], "number", where);
    if (value === null) return;
    const geography = geo.geography(record, year, value.status, where);
    if (geography === null) return;
    acc.accept([publishedRow(geography, String(year), mapped.measure, mapped.dims, value.value, value.status)]);
  });
  return acc.result();
}

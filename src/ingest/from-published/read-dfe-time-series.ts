/**
 * DfE England time series 1994 onwards (EES raw, one record per year x count): children
 * looked after at 31 March, starting and ceasing during the year, UASC at 31 March, and
 * adoptions (ceases with reason "adopted"). National rows only.
 *
 * Reference: DfE, Children looked after in England including adoptions, national tables.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { eesRecord } from "./ees-record.ts";
import { publishedRow, publishedValue, type Dims } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const DFE_TIME_SERIES_KIND = "dfe-cla-national-time-series";

/** True when the header is the DfE England time series. */
export function isDfeTimeSeries(columns: readonly string[]): boolean {
  return ["time_period", "population_count", "number"].every((c) => columns.includes(c)) && !columns.includes("cla_group");
}

const MEASURES: Record<string, { measure: string; dims: Dims }> = {
  "children looked after at 31 march": { measure: "cla_31_march", dims: { placement_type: TOTAL, age_band: TOTAL } },
  "children starting to be looked after during the year": { measure: "starts_in_year", dims: { age_band: TOTAL } },
  "children ceasing to be looked after during the year": { measure: "ceases_in_year", dims: { age_band: TOTAL } },
  "children looked after at 31 march who were unaccompanied asylum-seeking children": { measure: "cla_31_march_uasc", dims: { age_band: TOTAL } },
  "children looked after who were adopted during the year": { measure: "ceases_in_year_by_reason", dims: { reason_ceased: "adopted" } },
};

/**
 * Read the England time series.
 * @throws Error only when the bytes are not CSV.
 * @example readDfeTimeSeries({ name: "cla_time_series_1994_2024.csv", bytes }).rows.length // 155
 */
export function readDfeTimeSeries(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(DFE_TIME_SERIES_KIND);
  const ees = eesRecord(table, acc);
  const cCount = table.index.get("population_count")!;
  const cNumber = table.index.get("number")!;
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    const target = MEASURES[record[cCount].trim().toLowerCase()];
    if (!target) return acc.skip(`count "${record[cCount]}" not in template`);
    const year = ees.year(record, where);
    if (year === null) return;
    const value = publishedValue(acc, record[cNumber], "number", where);
    if (value === null) return;
    const geography = ees.geography(record, year, value.status, where);
    if (geography === null) return;
    acc.accept([publishedRow(geography, String(year), target.measure, target.dims, value.value, value.status)]);
  });
  return acc.result();
}

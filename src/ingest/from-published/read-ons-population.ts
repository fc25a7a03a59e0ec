/**
 * ONS mid-year population estimates of children aged 0 to 17 (as reshaped by DfE, EES
 * columns). A mid-year estimate is the denominator of the following reporting year: DfE
 * divides the 31 March 2025 count by the mid-2024 estimate (England 12,183,016), so the
 * estimate for mid-year Y becomes population_0_17 for time_period Y + 1.
 *
 * Reference: DfE, Children looked after in England including adoptions, methodology
 * (rates per 10,000 children); ONS mid-year population estimates.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import { eesRecord } from "./ees-record.ts";
import { publishedRow, publishedValue } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const ONS_POPULATION_KIND = "ons-population-0-17";

/** True when the header is the ONS population file. */
export function isOnsPopulation(columns: readonly string[]): boolean {
  return ["time_period", "age_group", "population_estimate"].every((c) => columns.includes(c)) && !columns.includes("population_type");
}

/**
 * Read the ONS population file.
 * @throws Error only when the bytes are not CSV.
 * @example readOnsPopulation({ name: "ons_mid-year_population_estimates_2012_to_2024.csv", bytes }).rows.find((r) => r.geographic_level === "National" && r.time_period === "2025")?.value // 12183016
 */
export function readOnsPopulation(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(ONS_POPULATION_KIND);
  const ees = eesRecord(table, acc);
  const cAge = table.index.get("age_group")!;
  const cValue = table.index.get("population_estimate")!;
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    if (!/0 to 17/.test(record[cAge])) return acc.skip(`age group "${record[cAge]}" not in template`);
    const midYear = ees.year(record, where);
    if (midYear === null) return;
    const period = midYear + 1;
    const value = publishedValue(acc, record[cValue], "population_estimate", where);
    if (value === null) return;
    const geography = ees.geography(record, period, value.status, where, "skip");
    if (geography === null) return;
    acc.accept([publishedRow(geography, String(period), "population_0_17", {}, value.value, value.status)]);
  });
  return acc.result();
}

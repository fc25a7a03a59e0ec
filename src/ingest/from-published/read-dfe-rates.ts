/**
 * DfE "Children looked after: numbers and rates per 10,000 children" (EES raw file, one
 * record per geography x year x population type). The count becomes cla_31_march,
 * starts_in_year or ceases_in_year (totals); the population estimate on the 31 March
 * record becomes population_0_17 (DfE divides by the ONS mid-year estimate before the
 * year end, e.g. mid-2024 for 2025). The rate itself is derived and is not kept.
 *
 * Reference: DfE, Children looked after in England including adoptions, methodology
 * ("rates per 10,000 children aged under 18").
 */
import type { ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { eesRecord } from "./ees-record.ts";
import { publishedRow, publishedValue, type Dims } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const DFE_RATES_KIND = "dfe-cla-numbers-and-rates";

/** True when the header is the DfE numbers-and-rates file. */
export function isDfeRates(columns: readonly string[]): boolean {
  return ["population_type", "population_estimate", "children_count", "rate_per_10000"].every((c) => columns.includes(c));
}

const MEASURES: Record<string, { measure: string; dims: Dims }> = {
  "children looked after on 31 march each year": { measure: "cla_31_march", dims: { placement_type: TOTAL, age_band: TOTAL } },
  "children starting to be looked after each year": { measure: "starts_in_year", dims: { age_band: TOTAL } },
  "children ceasing to be looked after each year": { measure: "ceases_in_year", dims: { age_band: TOTAL } },
};

/**
 * Read the numbers-and-rates file.
 * @throws Error only when the bytes are not CSV.
 * @example readDfeRates({ name: "cla_number_and_rate_per_10k_children.csv", bytes }).rows[0].measure // "ceases_in_year" (England 2025, the first record)
 */
export function readDfeRates(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(DFE_RATES_KIND);
  const ees = eesRecord(table, acc);
  const [cType, cPopulation, cCount] = ["population_type", "population_estimate", "children_count"].map((c) => table.index.get(c)!);
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    const target = MEASURES[record[cType].trim().toLowerCase()];
    if (!target) return acc.skip(`population type "${record[cType]}" not in template`);
    const year = ees.year(record, where);
    if (year === null) return;
    const count = publishedValue(acc, record[cCount], "children_count", where);
    if (count === null) return;
    const population = target.measure === "cla_31_march" ? publishedValue(acc, record[cPopulation], "population_estimate", where) : undefined;
    if (population === null) return;
    const geography = ees.geography(record, year, count.status === "ok" ? count.status : population?.status ?? count.status, where);
    if (geography === null) return;
    const rows = [publishedRow(geography, String(year), target.measure, target.dims, count.value, count.status)];
    if (population) rows.push(publishedRow(geography, String(year), "population_0_17", {}, population.value, population.status));
    acc.accept(rows);
  });
  return acc.result();
}

/**
 * ONS Consumer Prices Index (CPI, all items, UK, series D7BT, 2015 = 100) as shipped in
 * data/published/prices/cpi_uk_march_figures.csv: the figures ONS published for March of each
 * year, each row with the bulletin it is quoted from (12-month rates to March, and the March
 * index level where a bulletin table gives it). ONS's annual averages of D7BT were not
 * available to the project, so the deflator is built here from these citable figures:
 *  - the March level of each year: the nearest published March level, carried forward or
 *    back by the published 12-month rates to March (index(Y) = index(Y-1) x (1 + rate(Y)));
 *    time_identifier "March";
 *  - the financial year ending 31 March Y: the geometric mean of the March levels of Y-1
 *    and Y (the price level at the middle of the year, approximately); time_identifier
 *    "Financial year".
 * The two published levels (March 2019: 107.0, March 2022: 117.1) agree with the chain of
 * rates between them to within rounding (the check is reported as an info diagnostic).
 *
 * Reference: ONS, Consumer price inflation, UK (monthly bulletins, March 2016 to March
 * 2025); series D7BT (CPI INDEX 00: ALL ITEMS 2015=100).
 */
import type { DatasetRow, ReadResult } from "../../spec/dataset.ts";
import { ENGLAND } from "../../reference/regions.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { publishedRow } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const ONS_CPI_KIND = "ons-cpi";

/** True when the header is the CPI figures file. @example isOnsCpi(["date", "series", "value", "unit", "publisher", "source_url"]) // true */
export function isOnsCpi(columns: readonly string[]): boolean {
  return ["date", "series", "value", "unit", "publisher", "source_url"].every((c) => columns.includes(c));
}

/**
 * March CPI levels by year from published levels (anchors) and 12-month rates to March.
 * @throws never
 * @example marchLevels(new Map([[2019, 107]]), new Map([[2020, 1.5]])).get(2020) // 108.605
 */
export function marchLevels(anchors: ReadonlyMap<number, number>, rates: ReadonlyMap<number, number>): Map<number, number> {
  const years = [...new Set([...anchors.keys(), ...rates.keys(), ...[...rates.keys()].map((y) => y - 1)])].sort((a, b) => a - b);
  const out = new Map<number, number>();
  for (const year of years) {
    let best: number | null = null;
    let bestDistance = Infinity;
    for (const [anchorYear, level] of anchors) {
      // Walk from the anchor to the year; every step needs a rate.
      let value = level;
      let ok = true;
      if (year > anchorYear) for (let y = anchorYear + 1; y <= year && ok; y++) { const r = rates.get(y); if (r === undefined) ok = false; else value *= 1 + r / 100; }
      else for (let y = anchorYear; y > year && ok; y--) { const r = rates.get(y); if (r === undefined) ok = false; else value /= 1 + r / 100; }
      const distance = Math.abs(year - anchorYear);
      if (ok && distance < bestDistance) { best = value; bestDistance = distance; }
    }
    if (best !== null) out.set(year, best);
  }
  return out;
}

/**
 * Read the CPI figures file.
 * @throws Error only when the bytes are not CSV.
 * @example readOnsCpi({ name: "cpi_uk_march_figures.csv", bytes }).rows.find((r) => r.time_period === "2025" && r.time_identifier === "Financial year")?.measure // "cpi_index"
 */
export function readOnsCpi(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(ONS_CPI_KIND);
  const [cDate, cSeries, cValue] = ["date", "series", "value"].map((c) => table.index.get(c)!);
  const anchors = new Map<number, number>();
  const rates = new Map<number, number>();
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    const m = /^(\d{4})-03$/.exec(record[cDate].trim());
    if (!m) return acc.skip("not a March figure");
    const value = Number(record[cValue]);
    if (!Number.isFinite(value)) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_VALUE", { value: record[cValue], column: "value" }, { ...where, column: "value" }));
      return;
    }
    const series = record[cSeries].toLowerCase();
    if (/12-month rate/.test(series)) rates.set(Number(m[1]), value);
    else if (/index/.test(series) && /2015=100/.test(series)) anchors.set(Number(m[1]), value);
    else return acc.skip(`series "${record[cSeries]}" not used`);
    acc.accept([]);
  });
  const levels = marchLevels(anchors, rates);
  const national = { geographic_level: "National" as const, country_code: ENGLAND.code, country_name: ENGLAND.name, region_code: "", region_name: "", old_la_code: "", new_la_code: "", la_name: "" };
  const rows: DatasetRow[] = [];
  for (const [year, level] of [...levels].sort(([a], [b]) => a - b)) {
    rows.push(publishedRow(national, String(year), "cpi_index", {}, Math.round(level * 1000) / 1000, "ok", "March"));
    const before = levels.get(year - 1);
    if (before !== undefined) rows.push(publishedRow(national, String(year), "cpi_index", {}, Math.round(Math.sqrt(before * level) * 1000) / 1000, "ok", "Financial year"));
  }
  // The published levels against the chain of rates between them.
  const anchorYears = [...anchors.keys()].sort((a, b) => a - b);
  for (let k = 1; k < anchorYears.length; k++) {
    let chained = anchors.get(anchorYears[k - 1])!;
    for (let y = anchorYears[k - 1] + 1; y <= anchorYears[k]; y++) chained *= 1 + (rates.get(y) ?? NaN) / 100;
    acc.note(diagnostic("I_CPI_CHAIN_CHECK", { from: anchorYears[k - 1], to: anchorYears[k], chained: chained.toFixed(1), published: anchors.get(anchorYears[k])! }, { file: file.name }));
  }
  const result = acc.result();
  return { ...result, rows };
}

/**
 * Ofsted England time series of providers and places at 31 March by provision type (one
 * record per date x data type, one column per provision type). Becomes National
 * registered_providers / registered_places by provision_type (sector and owner total). The
 * "All Children's Homes" column is a subtotal of three provision types and is not kept.
 * The 2023 release has one header; the 2025 workbook's sheet (exported to CSV) has title
 * rows and two tables (providers, then places), each under its own header row.
 *
 * Reference: Ofsted, Children's social care data in England, providers and places time series.
 */
import type { DatasetRow, ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { ENGLAND } from "../../reference/regions.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { publishedRow, publishedValue } from "./published-row.ts";
import { decodeUtf8, parseCsvText, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const OFSTED_TIME_SERIES_KIND = "ofsted-providers-places-time-series";

/** True when the header is the Ofsted providers-and-places time series. */
export function isOfstedTimeSeries(columns: readonly string[]): boolean {
  return columns[0] === "Date" && columns[1] === "Data type" && (columns.includes("All") || columns.includes("All Children's Homes"));
}

const COLUMN_CODES: Record<string, string> = {
  "Children's Homes": "childrens_home",
  "Secure Children's Homes": "secure_childrens_home",
  "Residential special school (registered as a children's home)": "residential_special_school_ch",
  "Residential Special Schools": "residential_special_school",
  "Residential Family Centres": "residential_family_centre",
  "Boarding Schools": "boarding_school",
  "Further Education Colleges with Residential Accommodation": "fe_college_residential",
  "Secure Training Centres": "secure_training_centre",
  "Adoption Support Agencies": "adoption_support_agency",
  "Voluntary Adoption Agency Branches": "voluntary_adoption_agency",
  "Independent Fostering Agencies": "ifa",
  "Residential Holiday Schemes for Disabled Children": "holiday_scheme_disabled",
  "Supported Accommodation": "supported_accommodation",
  All: TOTAL,
};

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The year ending 31 March of a date written "2023-03-31 00:00:00", "31-Mar-15 [Note 3]", "31 March 2015" or "Monday, March 31, 2025". */
function yearOf(text: string): number | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return Number(iso[2]) <= 3 ? Number(iso[1]) : Number(iso[1]) + 1;
  const us = /([A-Za-z]{3})[a-z]*\s+(\d{1,2}),\s*(\d{4})/.exec(text);
  if (us) {
    const month = MONTHS.indexOf(us[1].toLowerCase()) + 1;
    return month === 0 ? null : month <= 3 ? Number(us[3]) : Number(us[3]) + 1;
  }
  const words = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(text);
  if (words) {
    const month = MONTHS.indexOf(words[2].toLowerCase()) + 1;
    return month === 0 ? null : month <= 3 ? Number(words[3]) : Number(words[3]) + 1;
  }
  const short = /^(\d{1,2})-([A-Za-z]{3})-(\d{2,4})/.exec(text);
  if (!short) return null;
  const month = MONTHS.indexOf(short[2].toLowerCase()) + 1;
  const year = short[3].length === 2 ? 2000 + Number(short[3]) : Number(short[3]);
  return month === 0 ? null : month <= 3 ? year : year + 1;
}

/**
 * Read the Ofsted time series.
 * @throws Error only when the bytes are not CSV.
 * @example readOfstedTimeSeries({ name: "ofsted_providers_places_timeseries_raw.csv", bytes }).rows[0].geographic_level // "National"
 */
export function readOfstedTimeSeries(file: PublishedFile): ReadResult {
  const rowsIn = parseCsvText(decodeUtf8(file.bytes));
  const acc = readAccumulator(OFSTED_TIME_SERIES_KIND);
  const geography = { geographic_level: "National" as const, country_code: ENGLAND.code, country_name: ENGLAND.name, region_code: "", region_name: "", old_la_code: "", new_la_code: "", la_name: "" };
  let index: Map<string, number> | null = null;
  rowsIn.forEach((record, i) => {
    const where = { file: file.name, row: i + 1 };
    if (isOfstedTimeSeries(record.map((c) => c.trim()))) {
      // The first header starts the records; a later one (the places table) is a record of the file.
      if (index !== null) acc.skip("header row of the next table");
      index = new Map(record.map((c, k) => [c.trim(), k] as const));
      return;
    }
    // Rows above the first header are the sheet's title and notes, not records.
    if (index === null) return;
    if (record.every((c) => c.trim() === "")) return acc.skip("blank row");
    const measure = /^providers$/i.test(record[1]?.trim() ?? "") ? "registered_providers" : /^places$/i.test(record[1]?.trim() ?? "") ? "registered_places" : null;
    if (measure === null) return acc.skip(record[1]?.trim() ? `data type "${record[1].trim()}" not in template` : "title or note row between tables");
    const year = yearOf(record[0].trim());
    if (year === null) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_PERIOD", { value: record[0] }, { ...where, column: "Date" }));
      return;
    }
    const rows: DatasetRow[] = [];
    for (const [column, code] of Object.entries(COLUMN_CODES)) {
      const c = index.get(column);
      if (c === undefined) continue;
      const raw = (record[c] ?? "").trim();
      // A blank cell: the type was not collected that year (e.g. supported accommodation before 2024).
      if (raw === "") continue;
      const parsed = publishedValue(acc, raw, column, where);
      if (parsed === null) return;
      rows.push(publishedRow(geography, String(year), measure, { provision_type: code, sector: TOTAL, owning_group: TOTAL }, parsed.value, parsed.status));
    }
    acc.accept(rows);
  });
  return acc.result();
}

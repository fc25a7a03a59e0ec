/**
 * Ofsted England time series of providers and places at 31 March by provision type (one
 * record per date x data type, one column per provision type). Becomes National
 * registered_providers / registered_places by provision_type (sector total). The
 * "All Children's Homes" column is a subtotal of three provision types and is not kept.
 *
 * Reference: Ofsted, Children's social care data in England, providers and places time series.
 */
import type { DatasetRow, ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { ENGLAND } from "../../reference/regions.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { publishedRow, publishedValue } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const OFSTED_TIME_SERIES_KIND = "ofsted-providers-places-time-series";

/** True when the header is the Ofsted providers-and-places time series. */
export function isOfstedTimeSeries(columns: readonly string[]): boolean {
  return columns[0] === "Date" && columns[1] === "Data type" && columns.includes("All");
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
  All: TOTAL,
};

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The year ending 31 March of a date written "2023-03-31 00:00:00" or "31-Mar-15 [Note 3]". */
function yearOf(text: string): number | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return Number(iso[2]) <= 3 ? Number(iso[1]) : Number(iso[1]) + 1;
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
  const table = publishedTable(file);
  const acc = readAccumulator(OFSTED_TIME_SERIES_KIND);
  const geography = { geographic_level: "National" as const, country_code: ENGLAND.code, country_name: ENGLAND.name, region_code: "", region_name: "", old_la_code: "", new_la_code: "", la_name: "" };
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    const measure = /^providers$/i.test(record[1]) ? "registered_providers" : /^places$/i.test(record[1]) ? "registered_places" : null;
    if (measure === null) return acc.skip(`data type "${record[1]}" not in template`);
    const year = yearOf(record[0]);
    if (year === null) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_PERIOD", { value: record[0] }, { ...where, column: "Date" }));
      return;
    }
    const rows: DatasetRow[] = [];
    for (const [column, code] of Object.entries(COLUMN_CODES)) {
      const c = table.index.get(column);
      if (c === undefined) continue;
      const parsed = publishedValue(acc, record[c], column, where);
      if (parsed === null) return;
      rows.push(publishedRow(geography, String(year), measure, { provision_type: code, sector: TOTAL }, parsed.value, parsed.status));
    }
    acc.accept(rows);
  });
  return acc.result();
}

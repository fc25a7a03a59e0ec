/**
 * DfE Local Authority Interactive Tool (LAIT) long data, the placement and finance subset:
 * one record per measure x year x area ("Short Desc", "Years", "LA Number", "Values").
 * Kept:
 *  - S251 outturn weekly unit costs (GBP a week, rounded to GBP 5 by DfE), financial years
 *    2015-16 to 2024-25: FosteringFinance -> s251_weekly_unit_cost fostering,
 *    RescareFinance -> residential_care, LACFinance -> total (all children looked after);
 *  - TotalLACFinance (gross spend on children looked after, GBP) -> s251_spend total;
 *  - LA approved and filled foster places at 31 March 2022-2025 (from Ofsted; excluding
 *    family and friends carers) -> foster_places_approved, foster_places_filled.
 * Other LAIT measures (rates, percentages, counts the DfE files already give) are skipped
 * with their reason. Areas: LA number (old DfE code), 970 England, 980-990 regions (Inner
 * and Outer London not kept). "-" is not available.
 *
 * Reference: DfE, Local Authority Interactive Tool, data dictionary (measures 296, 297,
 * 322, 341a) and S251 outturn methodology.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { REGIONS } from "../../reference/regions.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { publishedGeography, publishedRow, publishedValue, type Dims } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const DFE_LAIT_KIND = "dfe-lait";

/** True when the header is LAIT long data. @example isDfeLait(["Short Desc", "Data item", "Years", "LA and Regions", "Values", "LA Number"]) // true */
export function isDfeLait(columns: readonly string[]): boolean {
  return ["Short Desc", "Years", "LA and Regions", "Values", "LA Number"].every((c) => columns.includes(c));
}

const MEASURES: Record<string, { measure: string; dims: Dims; financial: boolean }> = {
  FosteringFinance: { measure: "s251_weekly_unit_cost", dims: { spend_category: "fostering" }, financial: true },
  RescareFinance: { measure: "s251_weekly_unit_cost", dims: { spend_category: "residential_care" }, financial: true },
  LACFinance: { measure: "s251_weekly_unit_cost", dims: { spend_category: TOTAL }, financial: true },
  TotalLACFinance: { measure: "s251_spend", dims: { spend_category: TOTAL, sector: TOTAL }, financial: true },
  "Number_Foster_Places(New)": { measure: "foster_places_approved", dims: {}, financial: false },
  "Number_Foster_Places_Filled(New)": { measure: "foster_places_filled", dims: {}, financial: false },
};

/** LAIT area numbers of the regions (980-990; 987 and 988 are Inner and Outer London). */
const REGION_NUMBERS: Record<string, string> = { "980": "E12000001", "981": "E12000002", "982": "E12000003", "983": "E12000004", "984": "E12000005", "985": "E12000006", "986": "E12000007", "989": "E12000008", "990": "E12000009" };

/** The year ending 31 March of a LAIT year: "2024-25 (OT)" -> 2025, "2025" -> 2025. */
function yearOf(text: string): number | null {
  const fy = /^(\d{4})-(\d{2})/.exec(text.trim());
  if (fy) return Number(fy[1]) + 1;
  const y = /^(\d{4})$/.exec(text.trim());
  return y ? Number(y[1]) : null;
}

/**
 * Read the LAIT subset.
 * @throws Error only when the bytes are not CSV.
 * @example readDfeLait({ name: "LAIT_bds_long_placement_finance_subset.csv", bytes }).rows.find((r) => r.measure === "s251_weekly_unit_cost")?.time_identifier // "Financial year"
 */
export function readDfeLait(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(DFE_LAIT_KIND);
  const [cDesc, cYears, cName, cValue, cNumber] = ["Short Desc", "Years", "LA and Regions", "Values", "LA Number"].map((c) => table.index.get(c)!);
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    const mapped = MEASURES[record[cDesc]];
    if (!mapped) return acc.skip(`LAIT measure not used (the DfE and Ofsted files give it, or it is a rate)`);
    const year = yearOf(record[cYears]);
    if (year === null) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_PERIOD", { value: record[cYears] }, { ...where, column: "Years" }));
      return;
    }
    const value = publishedValue(acc, record[cValue], "Values", where);
    if (value === null) return;
    const number = String(Math.round(Number(record[cNumber])));
    let geography;
    if (number === "970") geography = publishedGeography(acc, { level: "National", year }, value.status, where);
    else if (number === "987" || number === "988") return acc.skip("Inner/Outer London sub-region (London is kept as a region)");
    else if (REGION_NUMBERS[number]) geography = publishedGeography(acc, { level: "Regional", year, regionCode: REGION_NUMBERS[number], regionName: REGIONS.find((r) => r.code === REGION_NUMBERS[number])?.name }, value.status, where);
    else geography = publishedGeography(acc, { level: "Local authority", year, oldCode: number, laName: record[cName] }, value.status, where, "skip");
    if (geography === null) return;
    acc.accept([publishedRow(geography, String(year), mapped.measure, mapped.dims, value.value, value.status, mapped.financial ? "Financial year" : "Reporting year")]);
  });
  return acc.result();
}

/**
 * Ofsted *Fostering in England* LA-level data (2017-18 and 2018-19): one row per data item,
 * one column per area (England, regions, LA fostering services). Rows kept: approved
 * households, approved / filled / vacant / unavailable places at 31 March, initial
 * enquiries, applications received (2018-19), households approved in the year (2018-19)
 * and households deregistered. Other items (children's characteristics, complaints, ...)
 * are skipped with their reason.
 *
 * Columns: the England column counts independent fostering agencies too (44,450
 * households in 2018-19 against 29,325 in the regional LA columns), so it is not kept;
 * regions are kept as Regional rows (sums of their LA services); a service that covers
 * several LAs (London Tri-borough, Bi-borough) has no single LA and is not kept; every
 * other column is an LA. Values are rounded to 5 by Ofsted; ".." is suppressed.
 * The financial year comes from the file name (2018_to_2019 -> 2019): the file says
 * nothing else about it.
 *
 * Reference: Ofsted, Fostering in England 1 April 2018 to 31 March 2019 (and 2017-18),
 * local authority level data.
 */
import type { DatasetRow, ReadResult } from "../../spec/dataset.ts";
import { findRegion, LONDON_SUBREGIONS } from "../../reference/regions.ts";
import { laGeography } from "../../reference/las.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { publishedRow, publishedValue } from "./published-row.ts";
import { publishedTableAt, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";
import { findLaByLooseName, type Geography } from "./resolve-geography.ts";
import { ENGLAND } from "../../reference/regions.ts";

export const OFSTED_FOSTERING_LA_KIND = "ofsted-fostering-la";

/**
 * True when a header row is the LA-level fostering sheet: England and many LA names as columns.
 * @example isOfstedFosteringLa(["", "England", "North East", "Darlington", "Durham"]) // false (too few LAs)
 */
export function isOfstedFosteringLa(columns: readonly string[]): boolean {
  const i = columns.indexOf("England");
  if (i < 0) return false;
  let las = 0;
  for (const c of columns) if (c && findLaByLooseName(c, 2019)) las++;
  return las >= 100;
}

/** Data items kept, by label (matched ignoring case, spacing and trailing marks). */
const ITEMS: Array<[RegExp, string]> = [
  [/^total approved households$/, "foster_households_inhouse"],
  [/^number of approved foster places$/, "foster_places_approved"],
  [/^number of filled places$/, "foster_places_filled"],
  [/^number of vacant places$/, "foster_places_vacant"],
  [/^number of places not available$/, "foster_places_unavailable"],
  [/^number of initial enquiries from new prospective fostering households$/, "foster_enquiries"],
  [/^total number of applications received from prospective fostering households between 1 april and 31 march$/, "foster_applications"],
  [/^total number of households approved in year$/, "foster_approvals"],
  [/^total households de-?registered between 1 april and 31 march$/, "foster_deregistrations"],
];

function itemOf(label: string): string | null {
  const key = label.toLowerCase().replace(/[\u0080-\uffff"*^~?+]/g, "").replace(/\s+/g, " ").trim();
  return ITEMS.find(([re]) => re.test(key))?.[1] ?? null;
}

/** The year ending 31 March from a name such as "..._2018_to_2019.csv" or "..._2017-18_...". */
function yearFromName(name: string): number | null {
  const m = /(20\d\d)\s*(?:[-_]|_to_|to)\s*(20\d\d|\d\d)(?!\d)/i.exec(name.split(/[\\/]/).pop() ?? "");
  if (!m) return null;
  return m[2].length === 4 ? Number(m[2]) : Number(m[1].slice(0, 2) + m[2]);
}

/**
 * Read an LA-level fostering sheet.
 * @throws Error only when the bytes are not CSV.
 * @example readOfstedFosteringLa({ name: "Local_authority_level_fostering_data_2018_to_2019.csv", bytes }).rows[0].time_period // "2019"
 */
export function readOfstedFosteringLa(file: PublishedFile): ReadResult {
  const table = publishedTableAt(file, isOfstedFosteringLa, 5);
  const acc = readAccumulator(OFSTED_FOSTERING_LA_KIND);
  const year = yearFromName(file.name);
  const labelColumn = table.columns.indexOf("England") - 1;
  // Areas by column.
  const areas: Array<{ column: number; geography: Geography }> = [];
  table.columns.forEach((name, column) => {
    if (column <= labelColumn || name === "" || year === null) return;
    if (name === "England") {
      acc.note(diagnostic("I_PUBLISHED_COLUMN_NOT_KEPT", { column: name, reason: "it counts independent fostering agencies as well as LA services" }, { file: file.name, column: name }));
      return;
    }
    if (Object.values(LONDON_SUBREGIONS).includes(name)) return;
    const region = findRegion(name.trim());
    if (region) {
      areas.push({ column, geography: { geographic_level: "Regional", country_code: ENGLAND.code, country_name: ENGLAND.name, region_code: region.code, region_name: region.name, old_la_code: "", new_la_code: "", la_name: "" } });
      return;
    }
    const la = findLaByLooseName(name, year);
    if (la) { areas.push({ column, geography: laGeography(la, year) }); return; }
    if (/tri-?borough|bi-?borough|trust/i.test(name)) {
      acc.note(diagnostic("I_PUBLISHED_COLUMN_NOT_KEPT", { column: name, reason: "one service for several LAs, which have no figure of their own" }, { file: file.name, column: name }));
      return;
    }
    acc.note(diagnostic("E_PUBLISHED_UNKNOWN_LA", { code: "", name, year }, { file: file.name, column: name }));
  });
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: table.rowNumber(i) };
    const label = (record[labelColumn] ?? "").trim();
    if (record.every((c) => c.trim() === "")) return acc.skip("blank row");
    if (year === null) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_PERIOD", { value: file.name }, where));
      return;
    }
    const measure = itemOf(label);
    if (measure === null) return acc.skip(label ? "fostering data item not in the template" : "row without a data item (notes, sub-topic headings)");
    const rows: DatasetRow[] = [];
    for (const area of areas) {
      const parsed = publishedValue(acc, record[area.column] ?? "", table.columns[area.column], where);
      if (parsed === null) return;
      rows.push(publishedRow(area.geography, String(year), measure, {}, parsed.value, parsed.status));
    }
    acc.accept(rows);
  });
  return acc.result();
}

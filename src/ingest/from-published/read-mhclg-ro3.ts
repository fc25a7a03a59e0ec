/**
 * MHCLG Revenue Outturn RO3 (children's social care), children looked after lines, one
 * record per authority. Gross total expenditure (C3 = employees + running expenses) in GBP
 * thousand becomes `spend` for the financial year: spend_category total (all children
 * looked after) and residential care, fostering services, asylum-seeking children and
 * other. The financial year 2024-25 is time_period "2025" (it ends 31 March 2025),
 * time_identifier "Financial year". `[x]` becomes not_available. Authorities without
 * children's services (shire districts, police, fire, waste) and class subtotals are
 * skipped with their reason.
 *
 * Reference: MHCLG, Local authority revenue expenditure and financing, RO3 guidance.
 */
import type { DatasetRow, ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { findLa, laGeography } from "../../reference/las.ts";
import { ENGLAND } from "../../reference/regions.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { publishedRow, publishedValue } from "./published-row.ts";
import { publishedTable, publishedTableAt, type PublishedFile, type PublishedTable } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";
import { findLaByLooseName } from "./resolve-geography.ts";

export const MHCLG_RO3_KIND = "mhclg-ro3-children-looked-after";

/** True when the header is the RO3 children looked after extract. */
export function isMhclgRo3(columns: readonly string[]): boolean {
  return columns.includes("ONS Code") && columns.includes("Class") && columns.some((c) => /Children Looked After - Total Expenditure \(C3/.test(c));
}

const CATEGORY_COLUMNS: [string, RegExp][] = [
  [TOTAL, /Children Looked After - Total Expenditure \(C3/],
  ["residential_care", /of which residential care - Total Expenditure \(C3/],
  ["fostering", /of which fostering services - Total Expenditure \(C3/],
  ["uasc_services", /of which asylum seeking children who are looked after - Total Expenditure \(C3/],
  ["other_spend", /of which other - Total Expenditure \(C3/],
];

const CHILDREN_SERVICES_CLASSES = new Set(["UA", "MD", "LB", "SC"]);

/** The year ending 31 March of the financial year, from a file name such as ro3_2024_25 (default: the file's latest year). */
function financialYear(name: string): number | null {
  const m = /(20\d\d)[-_]?(\d\d)(?!\d)/.exec(name);
  return m ? Number(m[1]) + 1 : null;
}

/**
 * Read the RO3 extract. The financial year comes from the file name (ro3_YYYY_YY).
 * @throws Error only when the bytes are not CSV.
 * @example readMhclgRo3({ name: "ro3_2024_25_children_looked_after.csv", bytes }).rows[0].time_identifier // "Financial year"
 */
export function readMhclgRo3(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const categoryColumns = CATEGORY_COLUMNS.map(([code, pattern]) => [code, table.columns.findIndex((c) => pattern.test(c))] as const).filter(([, i]) => i >= 0);
  return readRo3Records(file, table, categoryColumns, financialYear(file.name), (i) => i + 2);
}

/** RO3 column codes (row 7 of MHCLG's data sheet) of gross total expenditure, by spend category. */
const CATEGORY_CODES: [string, string][] = [
  [TOTAL, "RO3-csclkd-tot-exp"],
  ["residential_care", "RO3-csclkdres-tot-exp"],
  ["fostering", "RO3-csclkdfos-tot-exp"],
  ["uasc_services", "RO3-csclkdasy-tot-exp"],
  ["other_spend", "RO3-csclkdoth-tot-exp"],
];

/**
 * True when a header row is MHCLG's RO3 data sheet exported to CSV (the header below
 * title rows and rows of column codes).
 * @example isMhclgRo3Sheet(["E-code", "ONS Code", "Local authority", "Notes", "Class", "Detailed Class", "Certified"]) // true
 */
export function isMhclgRo3Sheet(columns: readonly string[]): boolean {
  return ["E-code", "ONS Code", "Local authority", "Class", "Certified"].every((c) => columns.includes(c));
}

/**
 * Read MHCLG's RO3 data sheet (2022-23 and 2023-24 as published: header on row 12, the
 * column codes such as RO3-csclkd-tot-exp above it). The columns are found by their codes;
 * the year by the title ("Revenue Outturn (RO) 2022-23"), else the file name.
 * @throws Error only when the bytes are not CSV.
 * @example readMhclgRo3Sheet({ name: "RO3_LA_Data_2022-23.csv", bytes }).rows[0].time_period // "2023"
 */
export function readMhclgRo3Sheet(file: PublishedFile): ReadResult {
  const table = publishedTableAt(file, isMhclgRo3Sheet);
  const codes = table.preamble.find((r) => r.includes(CATEGORY_CODES[0][1])) ?? [];
  const categoryColumns = CATEGORY_CODES.map(([code, id]) => [code, codes.indexOf(id)] as const).filter(([, i]) => i >= 0);
  let year: number | null = null;
  for (const row of table.preamble) {
    const m = /\(RO\)\s*(20\d\d)-(\d\d)/.exec(row.join(" "));
    if (m) { year = Number(m[1]) + 1; break; }
  }
  return readRo3Records(file, table, categoryColumns, year ?? financialYear(file.name), table.rowNumber);
}

function readRo3Records(file: PublishedFile, table: PublishedTable, categoryColumns: ReadonlyArray<readonly [string, number]>, year: number | null, rowNumber: (i: number) => number): ReadResult {
  const acc = readAccumulator(MHCLG_RO3_KIND);
  const cCode = table.index.get("ONS Code")!;
  const cName = table.index.get("Local authority") ?? -1;
  const cClass = table.index.get("Class")!;
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: rowNumber(i) };
    if (record.every((c) => c.trim() === "")) return acc.skip("blank row");
    if (year === null) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_PERIOD", { value: file.name }, where));
      return;
    }
    const cls = record[cClass].trim();
    const code = record[cCode].trim();
    if (cls === "Class" || cls === "" ) return acc.skip("repeated header or column code row");
    let geography;
    if (cls === "Eng") {
      geography = { geographic_level: "National" as const, country_code: ENGLAND.code, country_name: ENGLAND.name, region_code: "", region_name: "", old_la_code: "", new_la_code: "", la_name: "" };
    } else if (!CHILDREN_SERVICES_CLASSES.has(cls)) {
      return acc.skip(`class ${cls} has no children's services (not an LA with the sufficiency duty)`);
    } else if (/^E\d\d$/.test(code)) {
      return acc.skip("class subtotal (all authorities of one class)");
    } else {
      const la = findLa(code, year) ?? (cName >= 0 ? findLaByLooseName(record[cName], year) : undefined);
      if (!la) {
        acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_LA", { code, name: cName >= 0 ? record[cName] : "", year }, { ...where, column: "ONS Code" }));
        return;
      }
      geography = laGeography(la, year);
    }
    const rows: DatasetRow[] = [];
    for (const [category, c] of categoryColumns) {
      const parsed = publishedValue(acc, record[c], table.columns[c], where);
      if (parsed === null) return;
      rows.push(publishedRow(geography, String(year), "spend", { spend_category: category }, parsed.value, parsed.status, "Financial year"));
    }
    acc.accept(rows);
  });
  return acc.result();
}

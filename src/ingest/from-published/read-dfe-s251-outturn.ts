/**
 * DfE Section 251 outturn, LA level, 2008-09 to 2013-14: spend by budget line, split by
 * provider (own provision, private, other public, voluntary) with the total expenditure.
 * Kept: residential care, fostering services and total children looked after, as s251_spend
 * (GBP) by spend_category x sector. Other lines are skipped with their reason. The 2008-09
 * file has no own-provision column ("PUBLIC" mixes own and other public provision): its
 * public column is not kept, so that year has private, voluntary and total only. The
 * "Total Children Looked After" line covers more lines from 2012-13 (adoption, special
 * guardianship, family and friends): the total is not comparable across that change.
 * The financial year comes from the file name (outturn_0809 -> 2009). LAs are looked up as
 * of 2011 (none changed between April 2009 and April 2019).
 *
 * Reference: DfE, Section 251 outturn (LA and school expenditure), 2008-09 to 2013-14.
 */
import type { DatasetRow, ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { findLa } from "../../reference/las.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { publishedGeography, publishedRow, publishedValue } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const DFE_S251_OUTTURN_KIND = "dfe-s251-outturn";

const LA_COLUMNS = ["LEA Number:", "LEA", "LA"];
const LINE_COLUMNS = ["S52 Line Reference:", "S52 Line Reference", "CYPServiceDescription"];
const SECTOR_COLUMNS: Array<[string, string[]]> = [
  [TOTAL, ["TOTAL EXPENDITURE (k)", "Total Expenditure (k)", "TotalExpenditure"]],
  ["la", ["Own Provision (y)", "OwnProvision"]],
  ["private", ["PRIVATE (x)", "Private (z(i))", "PrivateProvision"]],
  ["other_public", ["Other Public (z(ii))", "OtherPublic"]],
  ["voluntary", ["VOLUNTARY (y)", "Voluntary (z(iii))", "Voluntary"]],
];

/** True when the header is an S251 outturn file. @example isDfeS251Outturn(["LA", "LA Name", "LineNumber", "CYPServiceDescription", "TotalExpenditure"]) // true */
export function isDfeS251Outturn(columns: readonly string[]): boolean {
  return LA_COLUMNS.some((c) => columns.includes(c)) && LINE_COLUMNS.some((c) => columns.includes(c)) && SECTOR_COLUMNS[0][1].some((c) => columns.includes(c));
}

function categoryOf(line: string): string | null {
  const text = line.replace(/^\d+\s*/, "").replace(/\s+/g, " ").trim().toLowerCase();
  if (text === "residential care") return "residential_care";
  if (text === "fostering services") return "fostering";
  if (text === "total children looked after") return TOTAL;
  return null;
}

/**
 * Read an S251 outturn file.
 * @throws Error only when the bytes are not CSV.
 * @example readDfeS251Outturn({ name: "outturn_1314.csv", bytes }).rows[0].time_period // "2014"
 */
export function readDfeS251Outturn(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(DFE_S251_OUTTURN_KIND);
  const col = (names: string[]) => names.map((n) => table.index.get(n)).find((i) => i !== undefined) ?? -1;
  const cLa = col(LA_COLUMNS);
  const cName = col(["LA Name:", "LEA Name", "LA Name"]);
  const cLine = col(LINE_COLUMNS);
  const sectors = SECTOR_COLUMNS.map(([code, names]) => [code, col(names)] as const).filter(([, i]) => i >= 0);
  const m = /(\d{2})(\d{2})(?!\d)/.exec(file.name.split(/[\\/]/).pop() ?? "");
  const year = m && (Number(m[1]) + 1) % 100 === Number(m[2]) ? 2000 + Number(m[2]) : null;
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    if (record.every((c) => c.trim() === "")) return acc.skip("blank row");
    const category = categoryOf(record[cLine] ?? "");
    if (category === null) return acc.skip("budget line not kept (only residential care, fostering and total children looked after)");
    if (year === null) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_PERIOD", { value: file.name }, where));
      return;
    }
    const code = (record[cLa] ?? "").trim();
    if (!/^\d{3}$/.test(code)) return acc.skip("not an LA (national or regional line)");
    // Councils abolished at the April 2009 reorganisation (Cheshire, Bedfordshire) are in no list from 2011.
    if (year <= 2009 && !findLa(code)) return acc.skip("LA abolished at the April 2009 reorganisation");
    const rows: DatasetRow[] = [];
    let geography = null;
    for (const [sector, c] of sectors) {
      const parsed = publishedValue(acc, record[c], table.columns[c], where);
      if (parsed === null) return;
      geography ??= publishedGeography(acc, { level: "Local authority", year: Math.max(year, 2011), oldCode: code, laName: cName >= 0 ? record[cName] : "" }, parsed.status, where, "skip");
      if (geography === null) return;
      rows.push(publishedRow(geography, String(year), "s251_spend", { spend_category: category, sector }, parsed.value, parsed.status, "Financial year"));
    }
    acc.accept(rows);
  });
  return acc.result();
}

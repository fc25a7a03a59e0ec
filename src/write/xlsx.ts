/**
 * A generic tables -> .xlsx writer (exceljs): one worksheet per table, optional notes
 * above the table, a styled header row frozen in place with a filter, numbers stored as
 * numbers, and text neutralised so a spreadsheet never evaluates it as a formula.
 *
 * Reference: GSS / Analysis Function "Releasing statistics in spreadsheets" (one table
 * per sheet, notes above the table, no merged cells or blank rows inside a table).
 */
import ExcelJS from "exceljs";
import { neutraliseFormula } from "../util/neutralise-formula.ts";

export type XlsxCell = string | number | boolean | null | undefined;

export interface XlsxColumn {
  /** Key of the value in each row. */
  key: string;
  /** Header text (default: the key). */
  header?: string;
  /** Excel number format for numbers in this column, e.g. "#,##0" or "0.0". */
  numberFormat?: string;
}

export interface XlsxSheet {
  /** Worksheet name; shortened to 31 characters, characters Excel forbids replaced, made unique. */
  name: string;
  columns: ReadonlyArray<string | XlsxColumn>;
  rows: ReadonlyArray<Readonly<Record<string, XlsxCell>>>;
  /** Lines shown above the table (title, source, notes). */
  notes?: readonly string[];
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1D3557" } };

function sheetName(name: string, used: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").trim() || "Sheet").slice(0, 31);
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 3)} (${n})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function cellValue(value: XlsxCell): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  return neutraliseFormula(value);
}

/**
 * Build an .xlsx workbook from tables.
 * @throws Error when there are no sheets or a sheet has no columns (programmer errors).
 * @example await tablesToXlsx([{ name: "Counts", columns: ["area", "children"], rows: [{ area: "England", children: 81770 }] }]) // Uint8Array of a one-sheet workbook
 */
export async function tablesToXlsx(sheets: readonly XlsxSheet[], options: { creator?: string; created?: Date } = {}): Promise<Uint8Array> {
  if (sheets.length === 0) throw new Error("tablesToXlsx: at least one sheet is needed");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? "Sufficiency Toolkit";
  const created = options.created ?? new Date(Date.UTC(2000, 0, 1));
  workbook.created = created;
  workbook.modified = created;
  const used = new Set<string>();
  for (const sheet of sheets) {
    if (sheet.columns.length === 0) throw new Error(`tablesToXlsx: sheet ${sheet.name} has no columns`);
    const columns: XlsxColumn[] = sheet.columns.map((c) => (typeof c === "string" ? { key: c } : c));
    const notes = sheet.notes ?? [];
    const headerRow = notes.length + 1;
    const ws = workbook.addWorksheet(sheetName(sheet.name, used), { views: [{ state: "frozen", ySplit: headerRow, xSplit: 0 }] });
    notes.forEach((line, i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = neutraliseFormula(line);
      if (i === 0) cell.font = { bold: true, size: 13 };
    });
    const header = ws.getRow(headerRow);
    columns.forEach((c, j) => {
      const cell = header.getCell(j + 1);
      cell.value = neutraliseFormula(c.header ?? c.key);
      cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: "middle", wrapText: true };
    });
    header.commit();
    const widths = columns.map((c) => Math.min(60, Math.max(8, (c.header ?? c.key).length + 2)));
    sheet.rows.forEach((row, i) => {
      const out = ws.getRow(headerRow + 1 + i);
      columns.forEach((c, j) => {
        const value = cellValue(row[c.key]);
        if (value === null) return;
        const cell = out.getCell(j + 1);
        cell.value = value;
        if (typeof value === "number" && c.numberFormat) cell.numFmt = c.numberFormat;
        const length = String(value).length + 2;
        if (length > widths[j]) widths[j] = Math.min(60, length);
      });
      out.commit();
    });
    columns.forEach((_, j) => (ws.getColumn(j + 1).width = widths[j]));
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + Math.max(sheet.rows.length, 0), column: columns.length } };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

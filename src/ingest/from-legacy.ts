/**
 * Read a legacy LA spreadsheet through a mapping file (legacy-mapping.ts): each mapped
 * sheet's header row is matched against the mapping's header aliases; each data row
 * (long layout) or each mapped cell of a data row (wide layout) becomes one raw record
 * that goes through the same buildRow as the template reader, so codes, values and
 * missing reasons mean the same thing in every format.
 *
 * Stages: 1. open safely; 2. per mapped sheet: find it, match headers; 3. per data row:
 * skip blank or skip-rule rows (counted), apply value maps and fixed values, build rows,
 * keep the cell of every value.
 */
import { findLa, laGeography } from "../reference/las.ts";
import type { DatasetRow, ReadResult, RowLocation } from "../spec/dataset.ts";
import { DIMENSION_COLUMNS } from "../spec/dataset.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { cellReference } from "../template/column-letter.ts";
import { buildRow, type RawCell } from "./build-row.ts";
import type { CellContent } from "./cell-content.ts";
import { periodOfDate } from "./from-template-xlsx.ts";
import type { LegacyMapping, LegacySheetMapping } from "./legacy-mapping.ts";
import { readXlsxGrid, type GridSheet } from "./xlsx-grid.ts";

export const LEGACY_KIND = "legacy-xlsx";

const norm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");
const list = (a: string | string[]) => (Array.isArray(a) ? a : [a]);

function findColumn(header: Map<string, number>, names: string | string[]): number | undefined {
  for (const name of list(names)) {
    const column = header.get(norm(name));
    if (column !== undefined) return column;
  }
  return undefined;
}

function mapValue(mapping: LegacySheetMapping, column: string, raw: string): string {
  const map = mapping.valueMaps?.[column as keyof NonNullable<LegacySheetMapping["valueMaps"]>];
  if (!map) return raw;
  const key = norm(raw);
  for (const [from, to] of Object.entries(map)) if (norm(from) === key) return to;
  return raw;
}

function readSheet(file: string, sheet: GridSheet, mapping: LegacySheetMapping, topFixed: Record<string, string>, out: { rows: DatasetRow[]; locations: RowLocation[]; diagnostics: Diagnostic[]; counts: { read: number; rejected: number; skipped: Record<string, number> } }): void {
  const at = (cell?: string) => ({ file, sheet: sheet.name, ...(cell ? { cell } : {}) });
  const header = new Map<string, number>();
  const found: string[] = [];
  for (const [column, cell] of sheet.rowCells(mapping.headerRow)) {
    const text = cell.text;
    if (text.trim() === "") continue;
    found.push(text.trim());
    if (!header.has(norm(text))) header.set(norm(text), column);
  }
  const columns: Record<string, number> = {};
  let headerProblem = false;
  for (const [targetColumn, names] of Object.entries(mapping.columns)) {
    const column = findColumn(header, names as string | string[]);
    if (column === undefined) {
      out.diagnostics.push(diagnostic("E_LEGACY_HEADER_MISSING", { header: list(names as string | string[]).join("' or '"), row: mapping.headerRow, sheet: sheet.name, found: found.join(", ") }, at(cellReference(mapping.headerRow, 1))));
      headerProblem = true;
    } else columns[targetColumn] = column;
  }
  const wide = (mapping.wide ?? []).map((w) => ({ ...w, column: findColumn(header, w.header) }));
  for (const w of wide) {
    if (w.column === undefined) {
      out.diagnostics.push(diagnostic("E_LEGACY_HEADER_MISSING", { header: list(w.header).join("' or '"), row: mapping.headerRow, sheet: sheet.name, found: found.join(", ") }, at(cellReference(mapping.headerRow, 1))));
      headerProblem = true;
    }
  }
  const fixed: Record<string, string> = { ...topFixed, ...(mapping.fixed ?? {}) };
  const perRow = Math.max(1, wide.length);
  const first = mapping.firstDataRow ?? mapping.headerRow + 1;
  const last = mapping.lastDataRow ?? sheet.maxRow;
  if (headerProblem) {
    let n = 0;
    for (const r of sheet.rowsWithValues) if (r >= first && r <= last) n += perRow;
    out.counts.read += n;
    out.counts.rejected += n;
    return;
  }
  if (columns.new_la_code === undefined && columns.old_la_code === undefined && !fixed.new_la_code && !fixed.old_la_code) {
    out.diagnostics.push(diagnostic("E_LEGACY_LA_MISSING", { sheet: sheet.name }, at()));
    return;
  }
  const skipColumn = mapping.skipRows ? header.get(norm(mapping.skipRows.column)) : undefined;
  const skipValues = new Set((mapping.skipRows?.values ?? []).map(norm));
  let skipped = 0;
  for (const r of sheet.rowsWithValues) {
    if (r < first || r > last) continue;
    const content = (column: number | undefined): CellContent => (column === undefined ? { text: "" } : { ...sheet.cell(r, column) });
    if (skipColumn !== undefined && skipValues.has(norm(content(skipColumn).text))) {
      skipped += perRow;
      continue;
    }
    const valueCells = wide.length ? wide.map((w) => ({ w, column: w.column! })) : [{ w: undefined, column: columns.value }];
    for (const { w, column: valueColumn } of valueCells) {
      out.counts.read++;
      const text = (targetColumn: string): string => {
        if (targetColumn in columns) {
          const c = content(columns[targetColumn]);
          if (targetColumn === "time_period" && c.date) return periodOfDate(c.date);
          return mapValue(mapping, targetColumn, c.text);
        }
        return fixed[targetColumn] ?? "";
      };
      const ref = (targetColumn: string) => (targetColumn in columns ? cellReference(r, columns[targetColumn]) : undefined);
      const code = text("new_la_code") || text("old_la_code");
      const la = findLa(code);
      const valueRef = cellReference(r, valueColumn);
      if (!la) {
        out.diagnostics.push(diagnostic("E_UNKNOWN_LA", { code }, at(ref("new_la_code") ?? ref("old_la_code") ?? valueRef)));
        out.counts.rejected++;
        continue;
      }
      const period = text("time_period");
      if (period === "") {
        out.diagnostics.push(diagnostic("E_PERIOD_MISSING", {}, at(ref("time_period") ?? valueRef)));
        out.counts.rejected++;
        continue;
      }
      const dims: Record<string, RawCell> = {};
      for (const d of DIMENSION_COLUMNS) {
        const fromWide = w?.dims?.[d];
        const t = fromWide ?? text(d);
        if (t !== "") dims[d] = { text: t };
      }
      const value = content(valueColumn);
      if (value.formula !== undefined) {
        out.diagnostics.push(value.noResult
          ? diagnostic("E_FORMULA_NO_RESULT", { formula: `=${value.formula}` }, at(valueRef))
          : diagnostic("W_FORMULA_CACHED", { formula: `=${value.formula}`, value: value.text }, at(valueRef)));
        if (value.noResult) {
          out.counts.rejected++;
          continue;
        }
      }
      const measure = w?.measure ?? text("measure");
      const reason = text("missing_reason") || text("value_status");
      const year = /^\d{4}$/.test(period) ? Number(period) : undefined;
      const geography = { time_period: period, time_identifier: "Reporting year", ...laGeography(la, year) };
      const built = buildRow({ measure, dims, value: value.date ? { text: value.text } : value, reason }, geography, (c) => at(c === "value" ? valueRef : ref(c) ?? valueRef));
      out.diagnostics.push(...built.diagnostics);
      if (!built.row) {
        out.counts.rejected++;
        continue;
      }
      const cells: Record<string, string> = {};
      for (const c of Object.keys(columns)) cells[c] = cellReference(r, columns[c]);
      out.rows.push(built.row);
      out.locations.push({ ...built.location, sheet: sheet.name, cell: valueRef, row: r, column: "value", cells });
    }
  }
  if (skipped > 0) {
    out.counts.skipped.skip_rule = (out.counts.skipped.skip_rule ?? 0) + skipped;
    out.counts.read += skipped;
    out.diagnostics.push(diagnostic("I_LEGACY_ROW_SKIPPED", { count: skipped, sheet: sheet.name }, at()));
  }
}

/**
 * Read a legacy spreadsheet with a mapping.
 * Reference: data-templates/legacy-mapping.md.
 * @throws SuffError (exit code 2) only when the file is not a readable workbook; a sheet
 *   or header the mapping names but the workbook lacks is a diagnostic.
 * @example (await readLegacyWorkbook(file, loadMapping("data-templates/legacy-mapping-example.json"))).kind // "legacy-xlsx"
 */
export async function readLegacyWorkbook(file: { name: string; bytes: Uint8Array }, mapping: LegacyMapping): Promise<ReadResult> {
  const workbook = readXlsxGrid(file);
  const out = { rows: [] as DatasetRow[], locations: [] as RowLocation[], diagnostics: [] as Diagnostic[], counts: { read: 0, rejected: 0, skipped: {} as Record<string, number> } };
  for (const sheetMapping of mapping.sheets) {
    const sheet = workbook.sheets.find((ws) => norm(ws.name) === norm(sheetMapping.sheet));
    if (!sheet) {
      out.diagnostics.push(diagnostic("E_LEGACY_SHEET_MISSING", { sheet: sheetMapping.sheet, sheets: workbook.sheets.map((ws) => ws.name).join(", ") }, { file: file.name }));
      continue;
    }
    if (sheet.state !== "visible" && sheet.state !== undefined) {
      out.diagnostics.push(diagnostic("W_HIDDEN_SHEET", { sheet: sheet.name, state: sheet.state, action: "the mapping names it, so it was read" }, { file: file.name, sheet: sheet.name }));
    }
    for (const range of sheet.merges) {
      out.diagnostics.push(diagnostic("W_MERGED_CELLS", { range }, { file: file.name, sheet: sheet.name, cell: range.split(":")[0] }));
    }
    readSheet(file.name, sheet, sheetMapping, mapping.fixed ?? {}, out);
  }
  return {
    kind: LEGACY_KIND, rows: out.rows, diagnostics: out.diagnostics, rowsRead: out.counts.read, rowsAccepted: out.rows.length,
    rowsRejected: out.counts.rejected, rowsSkipped: out.counts.skipped, locations: out.locations,
  };
}

// Filled returns for tests, built from the template definition: a long CSV with every
// required cell, and a template workbook filled from the blank generator.
import ExcelJS from "exceljs";
import { blankWorkbook } from "../../src/template/blank-workbook";
import { hasFreeTextDimension, prefillRows, sectionColumns, type PrefilledDims } from "../../src/template/prefill-rows";
import { DIMENSION_COLUMNS } from "../../src/spec/dataset";
import { MEASURES, SECTIONS } from "../../src/template/measures";

/** What to put in a cell: a number, a missing reason (e.g. "not_available"), or null for blank. */
export type Fill = (measure: string, dims: PrefilledDims) => number | string | null;

/** Zero in every cell: a complete, consistent core (parts add up to their totals). */
export const zeros: Fill = () => 0;

/**
 * A long CSV return holding every required cell (by `fill`, default 0) plus `extra` lines
 * `measure,dims...,value` given as objects.
 */
export function coreReturnCsv(options: { la?: string; period?: string; fill?: Fill; extra?: Array<{ measure: string; dims?: PrefilledDims; value: number | string | null }> } = {}): string {
  const la = options.la ?? "E06000001";
  const period = options.period ?? "2025";
  const fill = options.fill ?? zeros;
  const header = ["new_la_code", "time_period", "measure", ...DIMENSION_COLUMNS, "value", "value_status"];
  const line = (measure: string, dims: PrefilledDims, v: number | string | null) => {
    const value = typeof v === "number" ? String(v) : "";
    const status = typeof v === "string" ? v : "";
    return [la, period, measure, ...DIMENSION_COLUMNS.map((c) => dims[c] ?? ""), value, status].join(",");
  };
  const lines = [header.join(",")];
  for (const m of MEASURES.filter((x) => x.required)) for (const dims of prefillRows(m)) lines.push(line(m.id, dims, fill(m.id, dims)));
  for (const e of options.extra ?? []) lines.push(line(e.measure, e.dims ?? {}, e.value));
  return `${lines.join("\n")}\n`;
}

/**
 * A template workbook for `la` and `period`, with each prefilled row of the listed sheets
 * filled by `fill` (other sheets left blank), and free-text rows (providers, planned beds)
 * from `freeText`.
 */
export async function filledWorkbook(options: {
  la: string;
  period: number | string;
  sheets: string[];
  fill: Fill;
  freeText?: Array<{ measure: string; dims: PrefilledDims; value: number | string | null }>;
}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await blankWorkbook()) as unknown as ArrayBuffer);
  wb.getWorksheet("Return")!.getCell("B2").value = options.la;
  wb.getWorksheet("Return")!.getCell("B4").value = Number(options.period);
  for (const section of SECTIONS) {
    const sheet = wb.getWorksheet(section.sheet)!;
    const columns = sectionColumns(section.id);
    const col = (name: string) => columns.indexOf(name) + 1;
    const free = (options.freeText ?? []).filter((f) => MEASURES.find((m) => m.id === f.measure)?.section === section.id);
    const fillSheet = options.sheets.includes(section.sheet);
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const measure = String(row.getCell(col("measure")).value ?? "");
      if (!measure) continue;
      const m = MEASURES.find((x) => x.id === measure)!;
      const dims: PrefilledDims = {};
      for (const d of m.dimensions) {
        const v = row.getCell(col(d.column)).value;
        if (v !== null && v !== undefined && v !== "") dims[d.column] = String(v);
      }
      if (hasFreeTextDimension(m) || !fillSheet) continue;
      const v = options.fill(measure, dims);
      if (typeof v === "number") row.getCell(col("value")).value = v;
      else if (typeof v === "string") row.getCell(col("missing_reason")).value = v;
    }
    // Free-text rows: write into the measure's empty prefilled rows, in order.
    for (const m of MEASURES.filter((x) => x.section === section.id)) {
      const entries = free.filter((f) => f.measure === m.id);
      if (!entries.length) continue;
      let k = 0;
      for (let r = 2; r <= sheet.rowCount && k < entries.length; r++) {
        const row = sheet.getRow(r);
        if (String(row.getCell(col("measure")).value ?? "") !== m.id) continue;
        const e = entries[k++];
        for (const [c, v] of Object.entries(e.dims)) if (v !== undefined) row.getCell(col(c)).value = v;
        if (typeof e.value === "number") row.getCell(col("value")).value = e.value;
        else if (typeof e.value === "string") row.getCell(col("missing_reason")).value = e.value;
      }
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

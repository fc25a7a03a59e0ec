/**
 * Read a long CSV return: the dataset columns (DATASET_COLUMNS, EES order) or a subset
 * with at least new_la_code or old_la_code, time_period, measure and value. Geography
 * columns other than the LA code are derived from the LA, so a user need not fill them.
 *
 * Stages: 1. decode (BOM, UTF-8 or Windows-1252); 2. parse (csv-parse); 3. map the header
 * (unknown columns reported); 4. each row: LA, period, then buildRow; every row is
 * accepted or rejected with a diagnostic naming its row and column.
 */
import { parse } from "csv-parse/sync";
import { findLa, laGeography } from "../reference/las.ts";
import type { DatasetRow, ReadResult, RowLocation } from "../spec/dataset.ts";
import { DATASET_COLUMNS, DIMENSION_COLUMNS } from "../spec/dataset.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { buildRow, type RawCell } from "./build-row.ts";
import { decodeText } from "./decode-text.ts";
import { periodOfDate } from "./from-template-xlsx.ts";

export const LONG_CSV_KIND = "long-csv";

const KNOWN_COLUMNS: ReadonlySet<string> = new Set<string>([...DATASET_COLUMNS, "missing_reason", "label"]);

/**
 * A date written as dd/mm/yyyy (UK, as SSDA903 and Excel exports write it) or yyyy-mm-dd, or undefined.
 * @throws never
 * @example dateOfText("31/03/2025")?.toISOString().slice(0, 10) // "2025-03-31"
 */
export function dateOfText(text: string): Date | undefined {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** A 5-digit Excel serial day number (1900 system) as a date, e.g. 45747 = 31/03/2025. */
function excelSerialDate(text: string): Date | undefined {
  if (!/^\d{5}$/.test(text)) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000);
}

function validDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/**
 * Read a long CSV return.
 * Reference: EES tidy data format; DATASET_COLUMNS in src/spec/dataset.ts.
 * @throws never: undecodable or malformed text is a diagnostic.
 * @example readLongCsv({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,40\n") }).rowsAccepted // 1
 */
export function readLongCsv(file: { name: string; bytes: Uint8Array }): ReadResult {
  const decoded = decodeText(file.bytes, file.name);
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  const rows: DatasetRow[] = [];
  const locations: RowLocation[] = [];
  const empty = (): ReadResult => ({ kind: LONG_CSV_KIND, rows, diagnostics, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsSkipped: {}, locations });
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(decoded.text, { info: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: false }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const line = (error as { lines?: number }).lines;
    diagnostics.push(diagnostic("E_CSV_PARSE", { reason }, { file: file.name, ...(line ? { row: line } : {}) }));
    return empty();
  }
  if (records.length === 0) {
    diagnostics.push(diagnostic("E_CSV_COLUMNS_MISSING", { columns: "measure, time_period, value, new_la_code" }, { file: file.name, row: 1 }));
    return empty();
  }
  const headerCells = records[0].record.map((h) => h.trim());
  const header = new Map<string, number>();
  headerCells.forEach((h, i) => {
    const key = h.toLowerCase();
    if (!header.has(key)) header.set(key, i);
    if (!KNOWN_COLUMNS.has(key)) diagnostics.push(diagnostic("W_UNKNOWN_COLUMN", { column: h, columns: "the dataset columns (suff template --format csv)" }, { file: file.name, row: 1, column: h }));
  });
  const missing = ["time_period", "measure", "value"].filter((c) => !header.has(c));
  if (!header.has("new_la_code") && !header.has("old_la_code")) missing.push("new_la_code or old_la_code");
  if (missing.length > 0) {
    diagnostics.push(diagnostic("E_CSV_COLUMNS_MISSING", { columns: missing.join(", ") }, { file: file.name, row: 1 }));
    const n = records.length - 1;
    return { ...empty(), rowsRead: n, rowsRejected: n };
  }
  let rowsRejected = 0;
  for (let i = 1; i < records.length; i++) {
    const { record, info } = records[i];
    const line = info.lines;
    const get = (column: string): string => {
      const index = header.get(column);
      return index === undefined ? "" : (record[index] ?? "");
    };
    const where = (column: string) => ({ file: file.name, row: line, column: headerCells[header.get(column) ?? -1] ?? column });
    const code = get("new_la_code").trim() || get("old_la_code").trim();
    const codeColumn = get("new_la_code").trim() ? "new_la_code" : "old_la_code";
    const la = code === "" ? undefined : findLa(code);
    if (!la) {
      diagnostics.push(diagnostic("E_UNKNOWN_LA", { code }, where(codeColumn)));
      rowsRejected++;
      continue;
    }
    let period = get("time_period").trim();
    const asDate = dateOfText(period) ?? excelSerialDate(period);
    if (asDate) {
      const year = periodOfDate(asDate);
      diagnostics.push(diagnostic("W_DATE_AS_PERIOD", { date: period, period: year }, where("time_period")));
      period = year;
    }
    if (period === "") {
      diagnostics.push(diagnostic("E_PERIOD_MISSING", {}, where("time_period")));
      rowsRejected++;
      continue;
    }
    const year = /^\d{4}$/.test(period) ? Number(period) : undefined;
    const geography = { time_period: period, time_identifier: get("time_identifier").trim() || "Reporting year", ...laGeography(la, year) };
    const dims: Record<string, RawCell> = {};
    for (const column of DIMENSION_COLUMNS) if (header.has(column)) dims[column] = { text: get(column) };
    const reason = get("value_status").trim() || get("missing_reason").trim();
    const built = buildRow({ measure: get("measure"), dims, value: { text: get("value") }, reason }, geography, where);
    diagnostics.push(...built.diagnostics);
    if (!built.row) {
      rowsRejected++;
      continue;
    }
    rows.push(built.row);
    const laExact = code === la.oldCode || code === la.newCode || la.formerCodes.includes(code);
    const normalised = laExact ? built.location.normalised : [...(built.location.normalised ?? []), { column: codeColumn, raw: code, code: la.newCode }];
    locations.push({
      ...built.location, row: line, column: headerCells[header.get("value")!],
      cells: { ...built.location.cells, [codeColumn]: codeColumn, time_period: "time_period" },
      ...(normalised ? { normalised } : {}),
    });
  }
  return { kind: LONG_CSV_KIND, rows, diagnostics, rowsRead: records.length - 1, rowsAccepted: rows.length, rowsRejected, rowsSkipped: {}, locations };
}

/**
 * Turn one raw record (what a template row, long CSV row or mapped legacy row says) into
 * a DatasetRow, or reject it with located diagnostics. Shared by the readers so that the
 * same cell means the same thing in every format. Codes that only match ignoring case,
 * spacing or by label are accepted and recorded in the location (`normalised`) so that
 * validation can warn about them.
 */
import { CODE_LISTS } from "../reference/code-lists.ts";
import { allCodes, normaliseCode } from "../reference/code-tree.ts";
import { MARKERS } from "../reference/markers.ts";
import type { DatasetRow, DimensionColumn, RowLocation, ValueStatus } from "../spec/dataset.ts";
import { DIMENSION_COLUMNS } from "../spec/dataset.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { findMeasure } from "../template/measures.ts";
import { MISSING_REASONS, parseMissingReason } from "../template/missing-reasons.ts";

export interface RawCell {
  text: string;
  number?: number;
  date?: Date;
}

export interface RawRecord {
  measure: string;
  dims: Partial<Record<string, RawCell>>;
  value: RawCell;
  /** missing_reason (template) or value_status (long CSV); "" when not given. */
  reason: string;
}

export type Geography = Omit<DatasetRow, "measure" | "dims" | "value" | "value_status">;

/** Where a column of this record is, for diagnostics: sheet + cell, or row + column. */
export type Locate = (column: string) => { file?: string; sheet?: string; cell?: string; row?: number; column?: string };

export interface BuiltRow {
  row?: DatasetRow;
  location: RowLocation;
  diagnostics: Diagnostic[];
}

const VALUE_STATUSES: ReadonlySet<string> = new Set(["ok", "suppressed", "not_available", "not_applicable", "rounds_to_zero", "low_reliability", "missing", "estimated"]);
const REQUIRED_FREE_TEXT: ReadonlySet<string> = new Set(["provider_id", "opening_year"]);

/**
 * Parse a number as people type it: "1,234", "£1,234.50", " 12 ".
 * @throws never
 * @example parseAmount("£1,234.50") // 1234.5
 */
export function parseAmount(text: string): number | undefined {
  const cleaned = text.trim().replace(/^£\s*/, "").replace(/,(?=\d{3}(\D|$))/g, "");
  if (cleaned === "" || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

function reasonStatus(raw: string): ValueStatus | undefined {
  const text = raw.trim();
  if (text === "") return undefined;
  const lower = text.toLowerCase();
  if (VALUE_STATUSES.has(lower)) return lower as ValueStatus;
  return parseMissingReason(text) ?? MARKERS[lower];
}

/**
 * Build one dataset row from a raw record.
 * @throws never: every problem is a diagnostic.
 * @example buildRow({ measure: "foster_places_approved", dims: {}, value: { text: "12", number: 12 }, reason: "" }, geography, () => ({})).row?.value // 12
 */
export function buildRow(record: RawRecord, geography: Geography, locate: Locate): BuiltRow {
  const diagnostics: Diagnostic[] = [];
  const location: RowLocation = {};
  const measureId = record.measure.trim();
  const measure = findMeasure(measureId) ?? findMeasure(measureId.toLowerCase());
  if (!measure) {
    diagnostics.push(diagnostic("E_UNKNOWN_MEASURE", { measure: measureId }, locate("measure")));
    return { location, diagnostics };
  }
  if (measureId !== measure.id) {
    const where = locate("measure");
    location.cells = { measure: where.cell ?? where.column ?? "measure" };
    location.normalised = [{ column: "measure", raw: measureId, code: measure.id }];
  }
  let rejected = false;
  const dims: Partial<Record<DimensionColumn, string>> = {};
  const own = new Set(measure.dimensions.map((d) => d.column as string));
  for (const d of measure.dimensions) {
    const cell = record.dims[d.column];
    const where = locate(d.column);
    location.cells = { ...location.cells, [d.column]: where.cell ?? where.column ?? d.column };
    let raw = cell?.text.trim() ?? "";
    if (cell?.date && d.column === "opening_year") {
      const year = String(cell.date.getUTCFullYear());
      diagnostics.push(diagnostic("W_DATE_IN_CELL", { column: d.column, date: cell.text, year }, where));
      raw = year;
    }
    const list = CODE_LISTS[d.column];
    if (raw === "") {
      if (list || REQUIRED_FREE_TEXT.has(d.column)) {
        diagnostics.push(diagnostic("E_DIMENSION_MISSING", { measure: measure.id, column: d.column }, where));
        rejected = true;
      } else dims[d.column] = "";
      continue;
    }
    if (!list) {
      if (/^[=+\-@]/.test(raw)) diagnostics.push(diagnostic("W_TEXT_STARTS_LIKE_FORMULA", { text: raw, first: raw[0] }, where));
      dims[d.column] = raw;
      continue;
    }
    const match = normaliseCode(list, raw);
    if (!match) {
      diagnostics.push(diagnostic("E_INVALID_CODE", { raw, column: d.column, examples: allCodes(list).slice(0, 4).join(", ") }, where));
      rejected = true;
      continue;
    }
    if (!match.exact) location.normalised = [...(location.normalised ?? []), { column: d.column, raw, code: match.code }];
    dims[d.column] = match.code;
  }
  for (const column of DIMENSION_COLUMNS) {
    const raw = record.dims[column]?.text.trim() ?? "";
    if (!own.has(column) && raw !== "") diagnostics.push(diagnostic("W_DIMENSION_NOT_USED", { measure: measure.id, column, raw }, locate(column)));
  }
  // Value and its status: a number, or missing with a reason. Never zero for a blank.
  const valueWhere = locate("value");
  let value: number | null = null;
  let status: ValueStatus = "ok";
  const valueText = record.value.text.trim();
  const reason = reasonStatus(record.reason);
  if (record.value.number !== undefined && Number.isFinite(record.value.number)) value = record.value.number;
  else if (valueText !== "") {
    const amount = parseAmount(valueText);
    const marker = MARKERS[valueText.toLowerCase()];
    if (amount !== undefined) value = amount;
    else if (marker) status = marker;
    else {
      diagnostics.push(diagnostic("E_VALUE_NOT_NUMBER", { raw: valueText }, valueWhere));
      rejected = true;
    }
  }
  if (record.reason.trim() !== "" && reason === undefined) {
    const reasons = [...MISSING_REASONS.map((r) => r.code), ...VALUE_STATUSES].join(", ");
    diagnostics.push(diagnostic("E_INVALID_MISSING_REASON", { raw: record.reason.trim(), reasons }, locate("missing_reason")));
    rejected = true;
  }
  if (value !== null) {
    if (reason !== undefined && reason !== "ok" && reason !== "low_reliability" && reason !== "estimated") {
      diagnostics.push(diagnostic("W_VALUE_AND_REASON", { value, reason }, locate("missing_reason")));
    }
    status = reason === "low_reliability" || reason === "estimated" ? reason : "ok";
  } else if (status === "ok") {
    status = reason !== undefined && reason !== "ok" ? reason : "missing";
  }
  for (const [key, v] of Object.entries({ sheet: valueWhere.sheet, cell: valueWhere.cell, row: valueWhere.row, column: valueWhere.column ?? "value" })) {
    if (v !== undefined) (location as Record<string, unknown>)[key] = v;
  }
  if (rejected) return { location, diagnostics };
  return { row: { ...geography, measure: measure.id, dims, value, value_status: status }, location, diagnostics };
}

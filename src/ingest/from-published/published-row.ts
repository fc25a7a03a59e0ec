/**
 * Shared steps of the published-file readers: build a dataset row, resolve a record's
 * geography with the right accounting (skip, reject), and parse a published value so a
 * marker becomes a missing value with its reason, never zero.
 */
import type { DatasetRow, DimensionColumn, ValueStatus } from "../../spec/dataset.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { parsePublishedValue } from "../../reference/markers.ts";
import type { ReadAccumulator } from "./read-accumulator.ts";
import { REASON_LA_NOT_IN_YEAR, REASON_LA_OUTSIDE_REPORTING_YEARS, resolveGeography, type Geography, type GeographyInput } from "./resolve-geography.ts";

export type Dims = Partial<Record<DimensionColumn, string>>;

/** Where a record sits, for diagnostics. */
export interface RecordWhere {
  file: string;
  row: number;
}

/**
 * One dataset row.
 * @throws never
 * @example publishedRow(geography, "2025", "cla_31_march", { placement_type: "total", age_band: "total" }, 81770, "ok").time_identifier // "Reporting year"
 */
export function publishedRow(
  geography: Geography,
  timePeriod: string,
  measure: string,
  dims: Dims,
  value: number | null,
  status: ValueStatus,
  timeIdentifier = "Reporting year",
): DatasetRow {
  return { time_period: timePeriod, time_identifier: timeIdentifier, ...geography, measure, dims, value, value_status: status };
}

/**
 * Parse a published value, rejecting the record (with a diagnostic) when it is neither a
 * number nor a marker. Returns null when the record was rejected.
 */
export function publishedValue(
  acc: ReadAccumulator,
  raw: string,
  column: string,
  where: RecordWhere,
): { value: number | null; status: ValueStatus } | null {
  const parsed = parsePublishedValue(raw);
  // Publisher notes in place of a value ("[note 4]" in RO3) and a lone dash (Ofsted tables)
  // say the figure is not given: missing, never zero.
  if (parsed.status === "invalid" && /^(\[note \d+\]|-)$/i.test(raw.trim())) return { value: null, status: "not_available" };
  // A spreadsheet error left in a published file (#VALUE!, #DIV/0!, #REF!, #N/A): the figure
  // is not given. Missing, never zero; said once per cell.
  if (parsed.status === "invalid" && /^#(VALUE!|DIV\/0!|REF!|N\/A|NAME\?|NUM!)$/i.test(raw.trim())) {
    acc.note(diagnostic("W_PUBLISHED_SPREADSHEET_ERROR", { value: raw.trim(), column }, { ...where, column }));
    return { value: null, status: "not_available" };
  }
  if (parsed.status === "invalid") {
    acc.reject(diagnostic("E_PUBLISHED_BAD_VALUE", { value: raw, column }, { ...where, column }));
    return null;
  }
  return { value: parsed.value, status: parsed.status };
}

/**
 * Resolve a record's geography; on failure the record is counted (skipped or rejected) and
 * null comes back. An LA outside its reporting years is skipped when its value is a marker
 * (the file says it did not exist), rejected otherwise.
 */
export function publishedGeography(
  acc: ReadAccumulator,
  input: GeographyInput,
  valueStatus: ValueStatus,
  where: RecordWhere,
  outOfPeriod: "reject" | "skip" = "reject",
): Geography | null {
  const resolved = resolveGeography(input);
  switch (resolved.status) {
    case "ok":
      return resolved.geography;
    case "skip":
      acc.skip(resolved.reason);
      return null;
    case "out_of_period":
      if (valueStatus !== "ok") {
        acc.skip(REASON_LA_NOT_IN_YEAR);
      } else if (outOfPeriod === "skip") {
        acc.skip(REASON_LA_OUTSIDE_REPORTING_YEARS);
      } else {
        acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_LA", { code: resolved.la.oldCode, name: resolved.la.name, year: input.year }, where));
      }
      return null;
    case "unknown":
      if (resolved.what === "region") acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_REGION", { region: resolved.code || resolved.name }, where));
      else acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_LA", { code: resolved.code, name: resolved.name, year: input.year }, where));
      return null;
  }
}

/** Parse a year cell ("2025", "2025-03-31 00:00:00"), or null. */
export function publishedYear(raw: string): number | null {
  const m = /^(\d{4})/.exec(raw.trim());
  return m ? Number(m[1]) : null;
}

/** True for the labels DfE uses for a total row. */
export function isTotalLabel(label: string): boolean {
  return /^(total|total children|all children)$/i.test(label.trim());
}

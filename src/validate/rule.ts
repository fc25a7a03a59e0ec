/**
 * The shape of a validation rule and what it sees: one return (or any set of rows read
 * from one file) with the location of every row, so a diagnostic can point at the cell.
 */
import type { DatasetRow, RowLocation } from "../spec/dataset.ts";
import { DIMENSION_COLUMNS } from "../spec/dataset.ts";
import type { Diagnostic, Severity } from "../spec/diagnostic.ts";

export interface ValidationContext {
  /** The input file, as the user gave it. */
  file: string;
  rows: DatasetRow[];
  /** locations[i] is where rows[i] came from (may be shorter: then rows have no location). */
  locations: RowLocation[];
  /** The period the user asked for (--period), if any. */
  period?: string;
  /** Today, for "period in the future" (injected so tests do not depend on the clock). */
  today: Date;
}

export interface Rule {
  code: string;
  severity: Severity;
  /** One sentence: what the rule checks. */
  description: string;
  check(ctx: ValidationContext): Diagnostic[];
}

type Where = Pick<Diagnostic, "file" | "sheet" | "cell" | "row" | "column">;

/**
 * Where to point for row `index`: at the cell of `column` when the reader recorded it
 * (e.g. "C7" or "Return!B2" in a workbook, a header in a CSV), else at the value cell.
 * @throws never
 * @example pointAt({ file: "a.xlsx", rows: [], locations: [{ sheet: "Demand", cell: "I7" }], today: new Date() }, 0) // { file: "a.xlsx", sheet: "Demand", cell: "I7" }
 */
export function pointAt(ctx: ValidationContext, index: number, column?: string): Where {
  const location = ctx.locations[index];
  const where: Where = { file: ctx.file };
  if (!location) return where;
  const ref = column ? location.cells?.[column] : undefined;
  if (ref !== undefined) {
    const bang = ref.lastIndexOf("!");
    if (bang > 0) return { ...where, sheet: ref.slice(0, bang), cell: ref.slice(bang + 1) };
    if (location.sheet) return { ...where, sheet: location.sheet, cell: ref };
    return { ...where, ...(location.row !== undefined ? { row: location.row } : {}), column: ref };
  }
  if (location.sheet) return { ...where, sheet: location.sheet, ...(location.cell ? { cell: location.cell } : {}) };
  return { ...where, ...(location.row !== undefined ? { row: location.row } : {}), ...(location.column ? { column: location.column } : {}) };
}

/**
 * A short text for a location, e.g. "Demand!I7" or "row 12".
 * @throws never
 * @example describeLocation({ file: "a.csv", rows: [], locations: [{ row: 12 }], today: new Date() }, 0) // "row 12"
 */
export function describeLocation(ctx: ValidationContext, index: number): string {
  const w = pointAt(ctx, index);
  if (w.sheet) return `${w.sheet}!${w.cell ?? ""}`;
  if (w.row !== undefined) return `row ${w.row}`;
  return `row index ${index}`;
}

/**
 * Key of a row's LA + period + measure + dimension values (empty dimensions left out).
 * @throws never
 * @example rowKey({ old_la_code: "805", time_period: "2025", measure: "cla_31_march", dims: { placement_type: "total", age_band: "" } } as DatasetRow) // "805|2025|cla_31_march|placement_type=total"
 */
export function rowKey(row: DatasetRow, dims: Partial<Record<string, string>> = row.dims): string {
  let key = `${row.old_la_code || row.new_la_code}|${row.time_period}|${row.measure}`;
  for (const column of DIMENSION_COLUMNS) {
    const value = dims[column];
    if (value) key += `|${column}=${value}`;
  }
  return key;
}

/**
 * Row indexes by measure id, in row order.
 * @throws never
 * @example rowsByMeasure({ file: "a.csv", rows: [{ measure: "x" }, { measure: "y" }, { measure: "x" }] as DatasetRow[], locations: [], today: new Date() }).get("x") // [0, 2]
 */
export function rowsByMeasure(ctx: ValidationContext): Map<string, number[]> {
  const out = new Map<string, number[]>();
  ctx.rows.forEach((row, i) => {
    const list = out.get(row.measure);
    if (list) list.push(i);
    else out.set(row.measure, [i]);
  });
  return out;
}

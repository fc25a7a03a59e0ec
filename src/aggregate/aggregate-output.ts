/**
 * The aggregate result as output tables: tidy CSV records (EES columns plus footprint,
 * rate and coverage), workbook sheets (a notes sheet, one sheet per measure, and the
 * comparison with published figures), and a JSON document. Missing values show the EES
 * marker in the value column of the CSV and workbook (c suppressed, x not available,
 * z not applicable, low rounds to zero) next to value_status; JSON keeps null.
 */
import { DIMENSION_COLUMNS, type ValueStatus } from "../spec/dataset.ts";
import { findMeasure } from "../template/measures.ts";
import { AGGREGATE_COLUMNS, type AggregateResult, type AggregateRow } from "./types.ts";

export type OutputCell = string | number | boolean | null;

/** A table in the shape src/write/xlsx.ts takes (kept structural: aggregate sits below write). */
export interface OutputSheet {
  name: string;
  columns: Array<string | { key: string; header?: string; numberFormat?: string }>;
  rows: Array<Record<string, OutputCell>>;
  notes?: string[];
}

export interface AggregateOutput {
  /** Column order of the CSV. */
  columns: readonly string[];
  records: Array<Record<string, OutputCell>>;
  sheets: OutputSheet[];
  json: Record<string, unknown>;
}

const MARKER: Partial<Record<ValueStatus, string>> = { suppressed: "c", not_available: "x", missing: "x", not_applicable: "z", rounds_to_zero: "low" };

function record(row: AggregateRow, markers: boolean): Record<string, OutputCell> {
  const out: Record<string, OutputCell> = {};
  for (const column of AGGREGATE_COLUMNS) {
    if ((DIMENSION_COLUMNS as readonly string[]).includes(column)) out[column] = row.dims[column as (typeof DIMENSION_COLUMNS)[number]] ?? "";
    else out[column] = (row as unknown as Record<string, OutputCell>)[column] ?? null;
  }
  if (markers && row.value === null) out.value = MARKER[row.value_status] ?? "x";
  out.comparable = row.comparable ? "yes" : "no";
  return out;
}

/**
 * Build every output form of an aggregate result.
 * `description` says what was aggregated to what (first line of the notes).
 * @throws never.
 * @example aggregateOutput({ rows: [], diagnostics: [], notes: [], comparison: [] }, "England").sheets[0].name // "Notes"
 */
export function aggregateOutput(result: AggregateResult, description: string): AggregateOutput {
  const records = result.rows.map((r) => record(r, true));
  const disclosure = result.disclosure
    ? [`Disclosure control: k = ${result.disclosure.k}; ${result.disclosure.primary} cells suppressed as small counts, ${result.disclosure.secondary} more to protect them (secondary), ${result.disclosure.residual} residual.`]
    : ["No disclosure control was applied (not for publication): run with --publish before releasing these figures."];
  const notesRows: Array<Record<string, OutputCell>> = [
    ...[...result.notes, ...disclosure].map((text) => ({ kind: "note", text })),
    ...result.diagnostics.map((d) => ({ kind: `${d.severity} ${d.code}`, text: d.message })),
  ];
  const sheets: OutputSheet[] = [
    { name: "Notes", columns: [{ key: "kind", header: "Kind" }, { key: "text", header: "Note" }], rows: notesRows, notes: [description, "Source: DfE, ONS, Ofsted and MHCLG published data and LA returns, aggregated by the Sufficiency Toolkit. Contains public sector information licensed under the Open Government Licence v3.0."] },
  ];
  const byMeasure = new Map<string, AggregateRow[]>();
  for (const row of result.rows) {
    let list = byMeasure.get(row.measure);
    if (!list) byMeasure.set(row.measure, (list = []));
    list.push(row);
  }
  for (const [measureId, rows] of byMeasure) {
    const measure = findMeasure(measureId);
    const dims = measure ? measure.dimensions.map((d) => d.column) : DIMENSION_COLUMNS.filter((c) => rows.some((r) => (r.dims[c] ?? "") !== ""));
    const hasRate = rows.some((r) => r.rate_per_10000 !== null);
    const columns: OutputSheet["columns"] = [
      "time_period", "geographic_level", "footprint_code", "footprint_name", ...dims,
      { key: "value", numberFormat: measure?.unit.startsWith("gbp") ? "#,##0.00" : "#,##0" }, "value_status",
      ...(hasRate ? [{ key: "rate_per_10000", numberFormat: "0.0" }] : []),
      "members_expected", "members_present", "members_missing", "members_suppressed", "comparable", "note",
    ];
    sheets.push({ name: measureId, columns, rows: rows.map((r) => record(r, true)), notes: [`${measure?.label ?? measureId} (${measureId})`, measure?.description ?? ""] });
  }
  if (result.comparison.length > 0) {
    sheets.push({
      name: "Published comparison",
      columns: ["footprint_code", "footprint_name", "time_period", "measure", "dims", "computed", "computed_status", "published", "published_status", "difference"],
      rows: result.comparison.map((c) => ({ ...c })),
      notes: ["Computed aggregates beside the published regional/national figures of the same dataset", "DfE rounds published regional and national figures (to the nearest 10), and computed sums leave out suppressed LA figures, so small differences are expected."],
    });
  }
  const json = {
    description,
    notes: result.notes,
    disclosure: result.disclosure ?? null,
    diagnostics: result.diagnostics,
    comparison: result.comparison,
    columns: AGGREGATE_COLUMNS,
    rows: result.rows.map((r) => record(r, false)),
  };
  return { columns: AGGREGATE_COLUMNS, records, sheets, json };
}

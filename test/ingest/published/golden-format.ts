/**
 * The compact, reviewable form of a ReadResult used by the golden files
 * (test/fixtures/published-<name>/expected.json): one line per dataset row.
 */
import type { DatasetRow, ReadResult } from "../../../src/spec/dataset";
import { assembleRegister } from "../../../src/ingest/from-published/assemble-register";

export interface Golden {
  /** The file name given to the reader (RO3 takes its financial year from the name). */
  file: string;
  kind: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsSkipped: Record<string, number>;
  diagnostics: string[];
  rows: string[];
}

/** "time_period|level|region|old_la_code|measure|dim=value,...|value|status" (time_identifier added when not the reporting year) */
export function rowLine(row: DatasetRow): string {
  const dims = Object.entries(row.dims).map(([k, v]) => `${k}=${v}`).join(",");
  const period = row.time_identifier && row.time_identifier !== "Reporting year" ? `${row.time_period} ${row.time_identifier}` : row.time_period;
  return [period, row.geographic_level, row.region_code, row.old_la_code, row.measure, dims, row.value === null ? "" : String(row.value), row.value_status].join("|");
}

export function goldenOf(file: string, result: ReadResult): Golden {
  return {
    file,
    kind: result.kind,
    rowsRead: result.rowsRead,
    rowsAccepted: result.rowsAccepted,
    rowsRejected: result.rowsRejected,
    rowsSkipped: Object.fromEntries(Object.entries(result.rowsSkipped).sort(([a], [b]) => a.localeCompare(b))),
    diagnostics: result.diagnostics.map((d) => `${d.code}@${d.row ?? ""}`),
    // Ofsted register readers hand provider records to the register stage: the golden rows
    // are what that stage builds from this one file.
    rows: (result.register ? assembleRegister([{ path: file, payload: result.register }]).rows : result.rows).map(rowLine),
  };
}

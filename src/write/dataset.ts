/**
 * Write a dataset folder: dataset.csv (the tidy long table, exact DATASET_COLUMNS order,
 * dimension values in their columns, empty value when missing, value_status always set),
 * manifest.json and diagnostics.csv, each atomically.
 */
import path from "node:path";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { DATASET_COLUMNS, DIMENSION_COLUMNS, type DatasetRow, type Manifest } from "../spec/dataset.ts";
import { writeFileAtomic } from "./atomic.ts";
import { toCsv, type CsvCell } from "./csv.ts";

export const DIAGNOSTIC_COLUMNS = ["code", "severity", "file", "sheet", "cell", "row", "column", "message", "hint"] as const;

/** One dataset row as a flat CSV record. */
export function datasetRecord(row: DatasetRow): Record<string, CsvCell> {
  const record: Record<string, CsvCell> = {
    time_period: row.time_period,
    time_identifier: row.time_identifier,
    geographic_level: row.geographic_level,
    country_code: row.country_code,
    country_name: row.country_name,
    region_code: row.region_code,
    region_name: row.region_name,
    old_la_code: row.old_la_code,
    new_la_code: row.new_la_code,
    la_name: row.la_name,
    measure: row.measure,
    value: row.value,
    value_status: row.value_status,
    source: row.source ?? "",
  };
  for (const column of DIMENSION_COLUMNS) record[column] = row.dims[column] ?? "";
  return record;
}

/**
 * The dataset.csv text for rows.
 * @example datasetCsv([]).startsWith("time_period,time_identifier,geographic_level") // true
 */
export function datasetCsv(rows: readonly DatasetRow[]): string {
  return toCsv(DATASET_COLUMNS, rows.map(datasetRecord));
}

/**
 * Write dataset.csv, manifest.json and diagnostics.csv into `dir` (created if needed).
 * @throws Error when the folder cannot be written (a run-stopping I/O failure).
 * @example writeDataset("tmp/ds", { rows, manifest, diagnostics }) // writes tmp/ds/dataset.csv, manifest.json, diagnostics.csv
 */
export function writeDataset(dir: string, dataset: { rows: readonly DatasetRow[]; manifest: Manifest; diagnostics: readonly Diagnostic[] }): { datasetPath: string; manifestPath: string; diagnosticsPath: string } {
  const datasetPath = path.join(dir, "dataset.csv");
  const manifestPath = path.join(dir, "manifest.json");
  const diagnosticsPath = path.join(dir, "diagnostics.csv");
  writeFileAtomic(datasetPath, datasetCsv(dataset.rows));
  writeFileAtomic(manifestPath, JSON.stringify(dataset.manifest, null, 2) + "\n");
  writeFileAtomic(diagnosticsPath, toCsv(DIAGNOSTIC_COLUMNS, dataset.diagnostics.map((d) => ({ ...d }) as Record<string, CsvCell>)));
  return { datasetPath, manifestPath, diagnosticsPath };
}

/**
 * Write a dataset folder: dataset.csv (the tidy long table, exact DATASET_COLUMNS order,
 * dimension values in their columns, empty value when missing, value_status always set),
 * manifest.json and diagnostics.csv, written as a unit (staged, then moved into place).
 */
import path from "node:path";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { DATASET_COLUMNS, DIMENSION_COLUMNS, type DatasetRow, type Manifest } from "../spec/dataset.ts";
import { writeFileAtomic } from "./atomic.ts";
import { faultPoint } from "./fault.ts";
import { writeFolderWholeSync } from "./swap-folder.ts";
import { csvCell, toCsv, type CsvCell } from "./csv.ts";

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
  // The same text as toCsv(DATASET_COLUMNS, rows.map(datasetRecord)), built without an object
  // per row: dataset cells repeat (codes, names, periods), so each distinct text is encoded once.
  const memo = new Map<string, string>();
  const text = (value: string | undefined): string => {
    if (value === undefined || value === "") return "";
    let encoded = memo.get(value);
    if (encoded === undefined) { encoded = csvCell(value); memo.set(value, encoded); }
    return encoded;
  };
  const dimension = new Set<string>(DIMENSION_COLUMNS);
  const getters = DATASET_COLUMNS.map((column): ((row: DatasetRow) => string) =>
    column === "value" ? (row) => csvCell(row.value)
      : dimension.has(column) ? (row) => text(row.dims[column as keyof DatasetRow["dims"]])
        : (row) => { const v = (row as unknown as Record<string, unknown>)[column]; return typeof v === "number" ? csvCell(v) : text(v as string | undefined); });
  const lines: string[] = [DATASET_COLUMNS.map((c) => csvCell(c)).join(",")];
  // One flat string per line (join), not a chain of concatenations that the collector must trace.
  const cells: string[] = new Array(getters.length);
  for (const row of rows) {
    for (let k = 0; k < getters.length; k++) cells[k] = getters[k](row);
    lines.push(cells.join(","));
  }
  return lines.join("\n") + "\n";
}

/**
 * Write dataset.csv, manifest.json and diagnostics.csv into `dir` as a unit: the three files
 * go to a staging folder that replaces `dir` in one move (writeFolderWholeSync), under a
 * lock, so a reader sees the old dataset or the new one, never a mix. Other files in `dir`
 * (the publication ledger, a README) are carried over. Fault points: dataset:after-files,
 * dataset:after-stage, dataset:after-move-old, dataset:after-move-new.
 * @throws Error when the folder cannot be written (a run-stopping I/O failure); SuffError E_OUTPUT_LOCKED when another run is writing it.
 * @example writeDataset("tmp/ds", { rows, manifest, diagnostics }) // writes tmp/ds/dataset.csv, manifest.json, diagnostics.csv
 */
export function writeDataset(dir: string, dataset: { rows: readonly DatasetRow[]; manifest: Manifest; diagnostics: readonly Diagnostic[] }): { datasetPath: string; manifestPath: string; diagnosticsPath: string } {
  const own = new Set(["dataset.csv", "manifest.json", "diagnostics.csv"]);
  writeFolderWholeSync(dir, (staging) => {
    writeFileAtomic(path.join(staging, "dataset.csv"), datasetCsv(dataset.rows));
    writeFileAtomic(path.join(staging, "diagnostics.csv"), toCsv(DIAGNOSTIC_COLUMNS, dataset.diagnostics.map((d) => ({ ...d }) as Record<string, CsvCell>)));
    faultPoint("dataset:after-files");
    writeFileAtomic(path.join(staging, "manifest.json"), JSON.stringify(dataset.manifest, null, 2) + "\n");
  }, { keep: (name) => !own.has(name) && !/\.tmp$/.test(name), label: "dataset" });
  return { datasetPath: path.join(dir, "dataset.csv"), manifestPath: path.join(dir, "manifest.json"), diagnosticsPath: path.join(dir, "diagnostics.csv") };
}

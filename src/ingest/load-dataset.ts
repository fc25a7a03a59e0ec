/**
 * Read a dataset folder written by `suff ingest` (dataset.csv + manifest.json) back into
 * rows and its manifest: the input of aggregate, forecast and report. Empty values are
 * missing (null) with their value_status; dimension columns left empty are absent. The
 * `source` column is optional, so a dataset.csv written before it existed still loads.
 */
import { existsSync, readFileSync } from "node:fs";
import { recoverInterrupted } from "./load-recover.ts";
import path from "node:path";
import { DATASET_COLUMNS, DIMENSION_COLUMNS, OPTIONAL_DATASET_COLUMNS, type DatasetRow, type GeographicLevel, type Manifest, type ValueStatus } from "../spec/dataset.ts";
import { SuffError } from "../spec/errors.ts";
import { parseCsvText } from "./from-published/published-table.ts";

/** Text that toCsv neutralised (a leading quote before = + - @) back to what it was. */
function unneutralise(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/**
 * The header and the lines that mention one of `measures` (the rest cannot be rows of them),
 * when every record is one line (no quoted line break); otherwise the text unchanged. Saves
 * parsing the other measures' rows when a command needs only a few.
 */
function prefilter(text: string, measures: readonly string[] | undefined): string {
  if (!measures?.length) return text;
  const lines = text.split("\n");
  const kept: string[] = [lines[0]!];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    let quotes = 0;
    for (let q = line.indexOf('"'); q >= 0; q = line.indexOf('"', q + 1)) quotes++;
    if (quotes % 2 === 1) return text; // a quoted line break: records span lines, parse everything
    if (measures.some((m) => line.includes(m))) kept.push(line);
  }
  return kept.join("\n");
}

/**
 * Parse dataset.csv text into rows (only those of `measures`, when given).
 * @throws SuffError E_DATASET_INVALID (exit 2) when the header is not the dataset columns or a value is not a number.
 * @example parseDatasetCsv(toCsv(DATASET_COLUMNS, [])) // []
 */
export function parseDatasetCsv(text: string, file = "dataset.csv", options: { measures?: readonly string[] } = {}): DatasetRow[] {
  let records: string[][];
  try {
    records = parseCsvText(prefilter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, options.measures));
  } catch (error) {
    throw new SuffError("E_DATASET_INVALID", `${file} is not valid CSV: ${error instanceof Error ? error.message : String(error)}.`, { exitCode: 2 });
  }
  const header = records[0] ?? [];
  const missing = DATASET_COLUMNS.filter((c) => !header.includes(c) && !OPTIONAL_DATASET_COLUMNS.includes(c));
  if (missing.length > 0) throw new SuffError("E_DATASET_INVALID", `${file} is not a dataset: missing columns ${missing.join(", ")}.`, { exitCode: 2, hint: "Create a dataset folder with suff ingest." });
  const at = new Map(header.map((c, i) => [c, i]));
  const col = (name: string) => at.get(name)!;
  const dimIndex = DIMENSION_COLUMNS.map((c) => [c, col(c)] as const);
  const sourceIndex = at.get("source");
  const [valueAt, periodAt, identifierAt, levelAt, countryCodeAt, countryNameAt, regionCodeAt, regionNameAt, oldCodeAt, newCodeAt, nameAt, measureAt, statusAt] =
    ["value", "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name", "measure", "value_status"].map(col) as number[];
  const wanted = options.measures ? new Set(options.measures) : undefined;
  const rows: DatasetRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    if (rec.length !== header.length) throw new SuffError("E_DATASET_INVALID", `${file} row ${r + 1} has ${rec.length} cells, expected ${header.length}.`, { exitCode: 2 });
    if (wanted && !wanted.has(rec[measureAt!])) continue;
    const rawValue = rec[valueAt!];
    const value = rawValue === "" ? null : Number(rawValue);
    if (value !== null && !Number.isFinite(value)) throw new SuffError("E_DATASET_INVALID", `${file} row ${r + 1}: value '${rawValue}' is not a number.`, { exitCode: 2 });
    const dims: DatasetRow["dims"] = {};
    for (const [c, i] of dimIndex) if (rec[i] !== "") dims[c] = unneutralise(rec[i]);
    rows.push({
      time_period: rec[periodAt!],
      time_identifier: rec[identifierAt!],
      geographic_level: rec[levelAt!] as GeographicLevel,
      country_code: rec[countryCodeAt!],
      country_name: rec[countryNameAt!],
      region_code: rec[regionCodeAt!],
      region_name: rec[regionNameAt!],
      old_la_code: rec[oldCodeAt!],
      new_la_code: rec[newCodeAt!],
      la_name: unneutralise(rec[nameAt!]),
      measure: rec[measureAt!],
      dims,
      value,
      value_status: (rec[statusAt!] || (value === null ? "missing" : "ok")) as ValueStatus,
    });
    if (sourceIndex !== undefined && rec[sourceIndex] !== "") rows[rows.length - 1].source = rec[sourceIndex];
  }
  return rows;
}

/**
 * Read a dataset folder; with `measures`, only the rows of those measures.
 * @throws SuffError E_DATASET_NOT_FOUND (exit 2) when dataset.csv or manifest.json is missing; E_DATASET_INVALID when malformed.
 * @example loadDataset("reports/latest/dataset").manifest.template_version // "1.2.0"
 */
export function loadDataset(dir: string, options: { measures?: readonly string[] } = {}): { rows: DatasetRow[]; manifest: Manifest } {
  // A rewrite killed between its two renames left the old dataset aside: put it back.
  if (!existsSync(dir)) for (const note of recoverInterrupted(path.dirname(path.resolve(dir)))) process.stderr.write(`note: ${note}\n`);
  const csvPath = path.join(dir, "dataset.csv");
  const manifestPath = path.join(dir, "manifest.json");
  let text: string;
  let manifestText: string;
  try {
    text = readFileSync(csvPath, "utf8");
    manifestText = readFileSync(manifestPath, "utf8");
  } catch {
    throw new SuffError("E_DATASET_NOT_FOUND", `${dir} is not a dataset folder (needs dataset.csv and manifest.json).`, { exitCode: 2, hint: "Create one with: suff ingest FILES --out DIR" });
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestText) as Manifest;
  } catch {
    throw new SuffError("E_DATASET_INVALID", `${manifestPath} is not valid JSON.`, { exitCode: 2 });
  }
  return { rows: parseDatasetCsv(text, csvPath, options), manifest };
}

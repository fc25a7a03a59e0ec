/**
 * The ingest dispatcher: bytes in, one normalised dataset out. Pure (no file system):
 * `load-files.ts` reads the files, `src/write/dataset.ts` writes the result.
 *
 * Stages:
 *  1. Sniff each file by content (never by extension) and route it to its reader:
 *     published DfE/ONS/Ofsted/MHCLG files (recognised by their header columns), and
 *     the readers of LA returns and SSDA903 extracts when they are present.
 *  2. Account every file: kind, sha256, rows read / accepted / rejected / skipped.
 *  3. Merge: rows with the same key (geography, period, measure, dimension values) from
 *     several inputs are de-duplicated by precedence (below); disagreements between
 *     sources that must agree become warnings that give both values.
 *  4. Sort rows deterministically and build the manifest.
 *
 * Precedence (higher wins; on a tie the first input in path order wins):
 *  - an LA's own return (template workbook, long CSV, legacy via mapping): 100
 *  - SSDA903 extracts aggregated by the toolkit: 90
 *  - the DfE characteristics files for 2021 onwards (the latest release, revised figures,
 *    most detail): 60; numbers-and-rates file and new placements: 55
 *  - the DfE LA totals 2011-2025 (assembled from each year's first release): 50
 *  - England-only DfE files (characteristics, UASC, placement x provider x locality): 40
 *  - the England time series 1994 onwards (the 2024 release): 30
 *  - ONS population 0-17: 60 (the rates file repeats it: 55)
 *  - Ofsted providers-and-places list (the full register): 60; provider-level file with
 *    inspection grades (a subset of the register): 50; Ofsted time series: 40
 *  - MHCLG RO3: 60
 * DfE counts from different releases must agree; a difference is a warning naming both
 * files and values. The Ofsted provider-level file is a subset of the register by design,
 * so its superseded rows are summarised in one info diagnostic instead.
 */
import type { Diagnostic } from "../spec/diagnostic.ts";
import { DIMENSION_COLUMNS, type DatasetRow, type Manifest, type ManifestInput, type ReadResult } from "../spec/dataset.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { TEMPLATE_VERSION } from "../template/measures.ts";
import { isSuffError } from "../spec/errors.ts";
import { readLongCsv } from "./from-long-csv.ts";
import { readLegacyWorkbook } from "./from-legacy.ts";
import { readTemplateWorkbook } from "./from-template-xlsx.ts";
import type { LegacyMapping } from "./legacy-mapping.ts";
import { headerColumns } from "./from-published/published-table.ts";
import { findPublishedReader } from "./from-published/read-published.ts";
import { sniffFile } from "./sniff.ts";
import { detectSsda903Kind, ingestSsda903, isSsda903Xml } from "./ssda903/index.ts";

/** One input file as loaded from disk (see load-files.ts). */
export interface InputFile {
  /** The path as the user gave it (or as found when walking a folder). */
  path: string;
  bytes: Uint8Array;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

export interface IngestOptions {
  /**
   * A checked legacy mapping (suff ingest --mapping FILE; see legacyMapping()): when given,
   * every workbook is read as a legacy LA spreadsheet through it.
   */
  mapping?: LegacyMapping;
  /** The LA (old or ONS code) of SSDA903 files that carry no LA column (suff ingest --la CODE). */
  la?: string;
  /** Manifest `created` timestamp (ISO 8601); defaults to now. Tests pass a fixed one. */
  created?: string;
  /** Manifest `toolkit_version`. */
  toolkitVersion?: string;
}

export interface IngestResult {
  rows: DatasetRow[];
  diagnostics: Diagnostic[];
  manifest: Manifest;
}

export { TOOLKIT_VERSION } from "../spec/version.ts";
import { TOOLKIT_VERSION } from "../spec/version.ts";

const PRECEDENCE: Record<string, number> = {
  "template-xlsx": 100,
  "long-csv": 100,
  legacy: 100,
  "dfe-cla-31-march-characteristics": 60,
  "dfe-cla-starts-characteristics": 60,
  "dfe-cla-ceases-characteristics": 60,
  "dfe-cla-numbers-and-rates": 55,
  "dfe-cla-new-placements": 55,
  "dfe-cla-la-totals": 50,
  "dfe-cla-uasc-31-march-national": 40,
  "dfe-cla-31-march-characteristics-national": 40,
  "dfe-cla-national-placement-provider-locality": 40,
  "dfe-cla-national-time-series": 30,
  "ons-population-0-17": 60,
  "ofsted-providers-places": 60,
  "ofsted-provider-level": 50,
  "ofsted-providers-places-time-series": 40,
  "mhclg-ro3-children-looked-after": 60,
};

/** Kinds whose rows are expected to differ from a preferred source (summarised, not warned row by row). */
const EXPECTED_TO_DIFFER = new Set(["ofsted-provider-level"]);

/** The precedence of a reader kind (SSDA903 kinds 90, unknown kinds 10). */
export function precedenceOf(kind: string): number {
  if (kind in PRECEDENCE) return PRECEDENCE[kind];
  if (kind.startsWith("ssda903")) return 90;
  if (kind.startsWith("template") || kind.startsWith("legacy")) return 100;
  return 10;
}

function emptyResult(kind: string): ReadResult {
  return { kind, rows: [], diagnostics: [], rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsSkipped: {} };
}

function unreadable(file: InputFile, kind: string, reason: string, hint?: string): ReadResult {
  const result = emptyResult(kind);
  const finding = diagnostic("E_FILE_UNREADABLE", { file: file.path, reason: reason.replace(/\.+$/, "") }, { file: file.path });
  result.diagnostics.push(hint ? { ...finding, hint } : finding);
  return result;
}

/** How the dispatcher will read a file, decided from its content. */
export type Route =
  | { reader: "published"; read: (file: { name: string; bytes: Uint8Array }) => ReadResult }
  | { reader: "workbook" }
  | { reader: "long-csv" }
  | { reader: "ssda903"; table: string }
  | { reader: "unreadable"; reason: string }
  | { reader: "unrecognised"; columns: string[] };

/**
 * Decide how to read a file from its bytes: sniff the container (never trust the
 * extension), then for text look at the header columns.
 * @throws never
 * @example routeFile({ path: "x.csv", bytes: new TextEncoder().encode("CHILD,DECOM,RNE,LS\n"), sha256: "" }).reader // "ssda903"
 */
export function routeFile(file: InputFile): Route {
  const sniff = sniffFile(file.bytes, file.path);
  if (sniff.kind === "xlsx" || sniff.kind === "cfb") return { reader: "workbook" };
  if (sniff.kind === "unknown") return { reader: "unreadable", reason: `it is ${sniff.description}` };
  if (isSsda903Xml(file.bytes)) return { reader: "ssda903", table: "xml" };
  const columns = headerColumns(file.bytes);
  const published = findPublishedReader(columns);
  if (published) return { reader: "published", read: published.read };
  const table = detectSsda903Kind(columns);
  if (table) return { reader: "ssda903", table };
  const lower = new Set(columns.map((c) => c.trim().toLowerCase()));
  if (lower.has("measure") && lower.has("value")) return { reader: "long-csv" };
  return { reader: "unrecognised", columns };
}

/** Read one file (not SSDA903: those are read together) with its reader; never throws for bad bytes. */
async function readOne(file: InputFile, route: Route, options: IngestOptions): Promise<ReadResult> {
  const named = { name: file.path, bytes: file.bytes };
  try {
    switch (route.reader) {
      case "published":
        return route.read(named);
      case "workbook":
        return options.mapping ? await readLegacyWorkbook(named, options.mapping) : await readTemplateWorkbook(named);
      case "long-csv":
        return readLongCsv(named);
      case "unreadable":
        return unreadable(file, "unreadable", route.reason);
      case "unrecognised": {
        const shown = route.columns.slice(0, 6).join(", ") + (route.columns.length > 6 ? ", ..." : "");
        const result = emptyResult("unrecognised");
        result.diagnostics.push(diagnostic("E_FILE_NOT_RECOGNISED", { file: file.path, columns: shown || "none" }, { file: file.path }));
        return result;
      }
      case "ssda903":
        throw new Error("SSDA903 files are read together");
    }
  } catch (error) {
    const reason = isSuffError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message.split("\n")[0] : String(error);
    return unreadable(file, route.reader === "workbook" ? "workbook" : "unreadable", reason, isSuffError(error) ? error.hint : undefined);
  }
}

/** The de-duplication key of a row: geography, period, measure and every dimension value. */
export function rowKey(row: DatasetRow): string {
  let key = `${row.geographic_level}|${row.region_code}|${row.old_la_code}|${row.time_period}|${row.time_identifier}|${row.measure}`;
  const columns = Object.keys(row.dims) as (keyof DatasetRow["dims"])[];
  if (columns.length > 1) columns.sort();
  for (const column of columns) {
    const value = row.dims[column];
    if (value !== undefined && value !== "") key += `|${column}=${value}`;
  }
  return key;
}

function describeGeography(row: DatasetRow): string {
  if (row.geographic_level === "National") return row.country_name;
  if (row.geographic_level === "Regional") return row.region_name;
  return `${row.la_name} (${row.old_la_code})`;
}

function describeDims(row: DatasetRow): string {
  const parts = DIMENSION_COLUMNS.filter((c) => row.dims[c] !== undefined).map((c) => `${c}=${row.dims[c]}`);
  return parts.length ? parts.join(", ") : "no breakdown";
}

function shownValue(row: DatasetRow): string {
  return row.value === null ? row.value_status : String(row.value);
}

interface Tagged {
  row: DatasetRow;
  input: number;
}

/**
 * Merge the rows of several inputs: one row per key, the preferred input winning.
 * Returns the kept rows, per-input superseded counts, and diagnostics.
 */
export function mergeRows(inputs: { path: string; kind: string; rows: DatasetRow[] }[]): { rows: DatasetRow[]; superseded: number[]; diagnostics: Diagnostic[] } {
  const kept = new Map<string, Tagged>();
  const superseded = inputs.map(() => 0);
  const diagnostics: Diagnostic[] = [];
  const summaries = new Map<string, { kept: number; dropped: number; count: number; differing: number }>();
  inputs.forEach((input, index) => {
    for (const row of input.rows) {
      const key = rowKey(row);
      const existing = kept.get(key);
      if (!existing) {
        kept.set(key, { row, input: index });
        continue;
      }
      if (existing.input === index) {
        // The same reader produced the key twice: the file repeats a figure. Keep the first.
        superseded[index]++;
        continue;
      }
      const challengerWins = precedenceOf(input.kind) > precedenceOf(inputs[existing.input].kind);
      const winner = challengerWins ? { row, input: index } : existing;
      const loser = challengerWins ? existing : { row, input: index };
      if (challengerWins) kept.set(key, winner);
      superseded[loser.input]++;
      const differs = winner.row.value !== loser.row.value || winner.row.value_status !== loser.row.value_status;
      const loserKind = inputs[loser.input].kind;
      if (EXPECTED_TO_DIFFER.has(loserKind) || !differs) {
        const summaryKey = `${winner.input}|${loser.input}`;
        const s = summaries.get(summaryKey) ?? { kept: winner.input, dropped: loser.input, count: 0, differing: 0 };
        s.count++;
        if (differs) s.differing++;
        summaries.set(summaryKey, s);
        continue;
      }
      diagnostics.push(diagnostic("W_DUPLICATE_VALUES_DISAGREE", {
        measure: row.measure,
        geography: describeGeography(row),
        period: row.time_period,
        dims: describeDims(row),
        kept: shownValue(winner.row),
        keptFile: inputs[winner.input].path,
        dropped: shownValue(loser.row),
        droppedFile: inputs[loser.input].path,
        reason: precedenceOf(inputs[winner.input].kind) > precedenceOf(loserKind) ? `${inputs[winner.input].kind} is preferred to ${loserKind}` : "first input in path order",
      }, { file: inputs[loser.input].path }));
    }
  });
  for (const s of summaries.values()) {
    diagnostics.push(diagnostic("I_DUPLICATES_SUPERSEDED", {
      count: s.count,
      droppedFile: inputs[s.dropped].path,
      keptFile: inputs[s.kept].path,
      differing: s.differing,
      reason: precedenceOf(inputs[s.kept].kind) > precedenceOf(inputs[s.dropped].kind)
        ? `${inputs[s.kept].kind} is preferred to ${inputs[s.dropped].kind}`
        : "same kind of source: the first input in path order is kept",
    }, { file: inputs[s.dropped].path }));
  }
  return { rows: [...kept.values()].map((t) => t.row), superseded, diagnostics };
}

const LEVEL_ORDER: Record<string, number> = { National: 0, Regional: 1, "Local authority": 2, Footprint: 3 };

/** Sort rows: measure, period, level (England, regions, LAs), region, LA, dimensions. */
export function compareRows(a: DatasetRow, b: DatasetRow): number {
  if (a.measure !== b.measure) return a.measure < b.measure ? -1 : 1;
  if (a.time_period !== b.time_period) return a.time_period < b.time_period ? -1 : 1;
  const level = (LEVEL_ORDER[a.geographic_level] ?? 9) - (LEVEL_ORDER[b.geographic_level] ?? 9);
  if (level !== 0) return level;
  if (a.region_code !== b.region_code) return a.region_code < b.region_code ? -1 : 1;
  if (a.old_la_code !== b.old_la_code) return a.old_la_code < b.old_la_code ? -1 : 1;
  for (const column of DIMENSION_COLUMNS) {
    const x = a.dims[column] ?? "";
    const y = b.dims[column] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Ingest files into one dataset: read each with its reader, account every row, merge
 * duplicates by precedence and build the manifest.
 * Reference: DOMAIN.md section 5 (the template as a long tidy table in EES column order).
 * @throws never for bad data (unreadable or unrecognised files become error diagnostics).
 * @example (await ingestFiles([{ path: "a.csv", bytes, sha256 }], { created: "2025-01-01T00:00:00Z" })).manifest.inputs[0].kind // "dfe-cla-la-totals"
 */
export async function ingestFiles(files: readonly InputFile[], options: IngestOptions = {}): Promise<IngestResult> {
  // 1. Route every file; SSDA903 tables are read together (episodes link to headers and
  //    earlier returns), so they form one input in the manifest.
  const routes = files.map(routeFile);
  const sources: { path: string; sha256: string; result: ReadResult; group?: boolean }[] = [];
  for (let i = 0; i < files.length; i++) {
    if (routes[i].reader === "ssda903") continue;
    sources.push({ path: files[i].path, sha256: files[i].sha256, result: await readOne(files[i], routes[i], options) });
  }
  const ssda903 = files.filter((_, i) => routes[i].reader === "ssda903");
  if (ssda903.length > 0) {
    const result = ingestSsda903(ssda903.map((f) => ({ name: f.path, bytes: f.bytes })), options.la ? { la: options.la } : {});
    sources.push({ path: ssda903.map((f) => f.path).join(" + "), sha256: ssda903.map((f) => f.sha256).join(" + "), result, group: true });
  }
  const results = sources.map((s) => s.result);
  const merged = mergeRows(sources.map((s) => ({ path: s.path, kind: s.result.kind, rows: s.result.rows })));
  const diagnostics: Diagnostic[] = [...results.flatMap((r) => r.diagnostics), ...merged.diagnostics];
  const perFile = new Map<string, number>();
  for (const d of diagnostics) if (d.file) perFile.set(d.file, (perFile.get(d.file) ?? 0) + 1);
  const inputs: ManifestInput[] = results.map((r, i) => ({
    path: sources[i].path,
    sha256: sources[i].sha256,
    kind: r.kind,
    rows_read: r.rowsRead,
    rows_accepted: r.rowsAccepted,
    rows_rejected: r.rowsRejected,
    rows_skipped: Object.fromEntries(Object.entries(r.rowsSkipped).sort(([a], [b]) => a.localeCompare(b))),
    // SSDA903 diagnostics name the individual 903 files: count the group's own.
    diagnostics: sources[i].group ? r.diagnostics.length : perFile.get(sources[i].path) ?? 0,
    rows_superseded: merged.superseded[i],
  }));
  const rows = merged.rows.sort(compareRows);
  const count = (severity: Diagnostic["severity"]) => diagnostics.filter((d) => d.severity === severity).length;
  const manifest: Manifest = {
    toolkit_version: options.toolkitVersion ?? TOOLKIT_VERSION,
    template_version: TEMPLATE_VERSION,
    created: options.created ?? new Date().toISOString(),
    inputs,
    rows: rows.length,
    diagnostics: { error: count("error"), warning: count("warning"), info: count("info") },
  };
  return { rows, diagnostics, manifest };
}

/**
 * The exit code of an ingest: 2 when an input could not be read or recognised, 1 when
 * the data has errors, 0 otherwise (warnings allowed).
 * @example ingestExitCode([]) // 0
 */
export function ingestExitCode(diagnostics: readonly Diagnostic[]): number {
  if (diagnostics.some((d) => d.code === "E_FILE_UNREADABLE" || d.code === "E_FILE_NOT_RECOGNISED")) return 2;
  return diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}

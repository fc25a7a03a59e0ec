/**
 * The ingest dispatcher: bytes in, one normalised dataset out. Pure (no file system):
 * `load-files.ts` reads the files, `src/write/dataset.ts` writes the result.
 *
 * Stages:
 *  1. Sniff each file by content (never by extension) and route it to its reader:
 *     published DfE/ONS/Ofsted/MHCLG files (recognised by their header columns), and
 *     the readers of LA returns and SSDA903 extracts when they are present.
 *  2. Account every file: kind, sha256, rows read / accepted / rejected / skipped.
 *  3. The Ofsted register: provider lists and joiners and leavers sheets read in stage 1
 *     are combined into registered_* rows over all years (assembleRegister): a year whose
 *     list names inspected providers only is completed from the others.
 *  4. Merge cell by cell, never file by file: rows with the same key (geography, period,
 *     measure, dimension values) from several inputs become one. A value beats a missing
 *     value whatever its source (an LA return with a blank Demand sheet does not wipe out
 *     the published figures); between two values the precedence below decides, unless
 *     `prefer` (suff ingest --prefer) says otherwise, and a difference is a warning that
 *     gives both values and both files. Each row records the kind of input it came from
 *     in `source`.
 *  5. Sort rows deterministically and build the manifest.
 *
 * Precedence between two values (higher wins; on a tie the first input in path order wins):
 *  - an LA's own return (template workbook, long CSV, legacy via mapping): 100
 *  - SSDA903 extracts aggregated by the toolkit: 90
 *  - the DfE characteristics files for 2021 onwards (the latest release, revised figures,
 *    most detail): 60; numbers-and-rates file and new placements: 55
 *  - the DfE LA totals 2011-2025 (assembled from each year's first release): 50; DfE's
 *    2010-2019 LA underlying data: 45; the EES LA-of-placement and net gain file: 52
 *  - England-only DfE files (characteristics, UASC, placement x provider x locality): 40
 *  - the England time series 1994 onwards (the 2024 release): 30
 *  - ONS population 0-17: 60 (the rates file repeats it: 55)
 *  - the Ofsted register built from all provider lists: 60; Ofsted time series: 40
 *  - MHCLG RO3: 60; DfE LAIT (S251 unit costs, LA foster places): 55; Ofsted LA fostering: 60
 * DfE counts from different releases must agree; a difference is a warning naming both
 * files and values.
 */
import type { Diagnostic } from "../spec/diagnostic.ts";
import { DIMENSION_COLUMNS, type DatasetRow, type Manifest, type ManifestInput, type ReadResult } from "../spec/dataset.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { TEMPLATE_VERSION } from "../template/measures.ts";
import { isSuffError, SuffError } from "../spec/errors.ts";
import { readLongCsv } from "./from-long-csv.ts";
import { readLegacyWorkbook } from "./from-legacy.ts";
import { readTemplateWorkbook } from "./from-template-xlsx.ts";
import type { LegacyMapping } from "./legacy-mapping.ts";
import { headerColumns } from "./from-published/published-table.ts";
import { findPublishedReader, findPublishedReaderInHead } from "./from-published/read-published.ts";
import { assembleRegister, OFSTED_REGISTER_KIND } from "./from-published/assemble-register.ts";
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
  /** Force the reading of SSDA903 4-digit YEAR labels (suff ingest --collection-year-ends / --collection-year-starts); inferred per return when omitted. */
  collectionYear?: "ends" | "starts";
  /** Manifest `created` timestamp (ISO 8601); defaults to now. Tests pass a fixed one. */
  created?: string;
  /** Manifest `toolkit_version`. */
  toolkitVersion?: string;
  /**
   * Sources preferred when two give different values for the same cell, most preferred
   * first: source classes (return, ssda903, published) or reader kinds (suff ingest
   * --prefer). Checked with parsePreference; a value still beats a missing value.
   */
  prefer?: readonly string[];
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
  "dfe-cla-la-underlying-2010-2019": 45,
  "dfe-cla-la-of-placement": 52,
  "dfe-cla-uasc-31-march-national": 40,
  "dfe-cla-31-march-characteristics-national": 40,
  "dfe-cla-national-placement-provider-locality": 40,
  "dfe-cla-national-time-series": 30,
  "ons-population-0-17": 60,
  "ons-cpi": 60,
  "ofsted-register": 60,
  "ofsted-providers-places-time-series": 40,
  "mhclg-ro3-children-looked-after": 60,
  "dfe-lait": 55,
  "dfe-s251-outturn": 55,
  "ofsted-fostering-la": 60,
};

/**
 * Kinds whose rows are expected to differ from a preferred source (summarised, not warned
 * row by row): DfE's 2010-2019 underlying data and the 2022 LA-of-placement file are
 * earlier releases, revised in later ones.
 */
const EXPECTED_TO_DIFFER = new Set<string>(["dfe-cla-la-underlying-2010-2019", "dfe-cla-la-of-placement"]);

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
  // Published sheets exported to CSV with title rows above the header.
  const below = findPublishedReaderInHead(file.bytes);
  if (below) return { reader: "published", read: below.read };
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
  return `${row.geographic_level}|${row.region_code}|${row.old_la_code}|${row.time_period}|${row.time_identifier}|${row.measure}${dimsKey(row.dims)}`;
}

/** Frozen (shared, immutable) dimension objects, e.g. the SSDA903 reader's: their key part, computed once. */
const frozenDimsKeys = new WeakMap<object, string>();

function dimsKey(dims: DatasetRow["dims"]): string {
  const frozen = Object.isFrozen(dims);
  if (frozen) { const known = frozenDimsKeys.get(dims); if (known !== undefined) return known; }
  let key = "";
  const columns = Object.keys(dims) as (keyof DatasetRow["dims"])[];
  if (columns.length > 1) columns.sort();
  for (const column of columns) {
    const value = dims[column];
    if (value !== undefined && value !== "") key += `|${column}=${value}`;
  }
  if (frozen) frozenDimsKeys.set(dims, key);
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

/** The three source classes `--prefer` accepts besides exact reader kinds. */
export const SOURCE_CLASSES = ["return", "ssda903", "published"] as const;

/**
 * The source class of a reader kind: an LA's own return (template workbook, long CSV,
 * legacy via mapping), an SSDA903 extract aggregated by the toolkit, or a published file.
 * @throws never
 * @example sourceClass("template-xlsx") // "return"
 */
export function sourceClass(kind: string): (typeof SOURCE_CLASSES)[number] {
  if (kind === "long-csv" || kind.startsWith("template") || kind.startsWith("legacy")) return "return";
  if (kind.startsWith("ssda903")) return "ssda903";
  return "published";
}

/**
 * Check a `--prefer` list: each entry is a source class (return, ssda903, published) or
 * a reader kind or kind prefix (e.g. template-xlsx, dfe-cla-la-totals, ofsted).
 * @throws SuffError E_USAGE (exit 2) for an entry that names no source.
 * @example parsePreference("ssda903, return") // ["ssda903", "return"]
 */
export function parsePreference(text: string | readonly string[]): string[] {
  const entries = (typeof text === "string" ? text.split(",") : [...text]).map((e) => e.trim().toLowerCase()).filter(Boolean);
  const kinds = [...Object.keys(PRECEDENCE), "template-xlsx", "long-csv", "legacy-xlsx", "ssda903"];
  for (const entry of entries) {
    if ((SOURCE_CLASSES as readonly string[]).includes(entry) || kinds.some((k) => k === entry || k.startsWith(`${entry}-`) || k.startsWith(entry))) continue;
    throw new SuffError("E_USAGE", `--prefer ${entry} names no kind of source.`, {
      exitCode: 2,
      hint: `Use source classes (${SOURCE_CLASSES.join(", ")}) or reader kinds such as ${["template-xlsx", "ssda903", "dfe-cla-la-totals", "ofsted-register"].join(", ")}, most preferred first.`,
    });
  }
  return entries;
}

function preferenceRank(kind: string, prefer: readonly string[]): number {
  const cls = sourceClass(kind);
  const index = prefer.findIndex((p) => p === cls || p === kind || kind.startsWith(`${p}-`) || (p.length >= 3 && kind.startsWith(p)));
  return index < 0 ? 0 : prefer.length - index;
}

/**
 * The effective precedence of a reader kind: `prefer` (most preferred first) ranks above
 * the documented precedence, which breaks ties within a preferred entry.
 * @throws never
 * @example effectivePrecedence("dfe-cla-la-totals", ["published"]) > effectivePrecedence("template-xlsx", ["published"]) // true
 */
export function effectivePrecedence(kind: string, prefer: readonly string[] = []): number {
  return preferenceRank(kind, prefer) * 1000 + precedenceOf(kind);
}

/** Missing reasons that explain a gap (withheld, not applicable...) rank above a plain blank. */
function missingRank(row: DatasetRow): number {
  return row.value_status === "missing" ? 0 : 1;
}

/**
 * Merge the rows of several inputs cell by cell: one row per key (geography, period,
 * measure, dimension values). A value beats a missing value whatever its source; between
 * two values the preferred source wins (`prefer`, then the documented precedence, then the
 * first input in path order) and a difference is a warning naming both values and both
 * files; between two missing values an explained reason beats a plain blank. Each kept row
 * records its input's kind in `source` (unless a reader set one).
 * Returns the kept rows, per-input superseded counts, and diagnostics.
 * @throws never
 * @example mergeRows([{ path: "a.xlsx", kind: "template-xlsx", rows: [{ ...row, value: null, value_status: "missing" }] }, { path: "b.csv", kind: "dfe-cla-la-totals", rows: [row] }]).rows[0].value // row.value
 */
export function mergeRows(inputs: { path: string; kind: string; rows: DatasetRow[] }[], options: { prefer?: readonly string[] } = {}): { rows: DatasetRow[]; superseded: number[]; diagnostics: Diagnostic[] } {
  const prefer = options.prefer ?? [];
  const rank = inputs.map((input) => effectivePrecedence(input.kind, prefer));
  const kept = new Map<string, Tagged>();
  const superseded = inputs.map(() => 0);
  const diagnostics: Diagnostic[] = [];
  const summaries = new Map<string, { kept: number; dropped: number; count: number; differing: number }>();
  const filled = new Map<string, { value: number; missing: number; count: number }>();
  const why = (winner: number, loser: number) => {
    const w = inputs[winner].kind;
    const l = inputs[loser].kind;
    if (preferenceRank(w, prefer) > preferenceRank(l, prefer)) return `--prefer ${prefer.join(",")} puts ${w} before ${l}`;
    if (rank[winner] > rank[loser]) return `${w} is preferred to ${l}`;
    return w === l ? "same kind of source: the first input in path order is kept" : "first input in path order";
  };
  inputs.forEach((input, index) => {
    for (const row of input.rows) {
      const key = rowKey(row);
      const existing = kept.get(key);
      if (!existing) {
        kept.set(key, { row, input: index });
        continue;
      }
      if (existing.input === index) {
        // The same reader produced the key twice: the file repeats a figure. Keep the first,
        // unless only the later one has a value (a value beats a missing value here too).
        superseded[index]++;
        if (existing.row.value === null && row.value !== null) kept.set(key, { row, input: index });
        continue;
      }
      const challenger = { row, input: index };
      const hasValue = (t: Tagged) => t.row.value !== null;
      let challengerWins: boolean;
      if (hasValue(challenger) !== hasValue(existing)) challengerWins = hasValue(challenger);
      else if (!hasValue(challenger) && missingRank(challenger.row) !== missingRank(existing.row)) challengerWins = missingRank(challenger.row) > missingRank(existing.row);
      else challengerWins = rank[index] > rank[existing.input];
      const winner = challengerWins ? challenger : existing;
      const loser = challengerWins ? existing : challenger;
      if (challengerWins) kept.set(key, winner);
      superseded[loser.input]++;
      if (hasValue(winner) && !hasValue(loser)) {
        // A value beats a missing value, whatever the source: counted, not warned row by row.
        const k = `${winner.input}|${loser.input}`;
        const f = filled.get(k) ?? { value: winner.input, missing: loser.input, count: 0 };
        f.count++;
        filled.set(k, f);
        continue;
      }
      const differs = winner.row.value !== loser.row.value || winner.row.value_status !== loser.row.value_status;
      const loserKind = inputs[loser.input].kind;
      if (EXPECTED_TO_DIFFER.has(loserKind) || !differs || !hasValue(winner)) {
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
        reason: why(winner.input, loser.input),
      }, { file: inputs[loser.input].path }));
    }
  });
  for (const f of filled.values()) {
    diagnostics.push(diagnostic("I_MISSING_FILLED", {
      count: f.count,
      missingFile: inputs[f.missing].path,
      missingKind: inputs[f.missing].kind,
      valueFile: inputs[f.value].path,
      valueKind: inputs[f.value].kind,
    }, { file: inputs[f.missing].path }));
  }
  for (const s of summaries.values()) {
    diagnostics.push(diagnostic("I_DUPLICATES_SUPERSEDED", {
      count: s.count,
      droppedFile: inputs[s.dropped].path,
      keptFile: inputs[s.kept].path,
      differing: s.differing,
      reason: why(s.kept, s.dropped),
    }, { file: inputs[s.dropped].path }));
  }
  const rows: DatasetRow[] = [];
  for (const t of kept.values()) rows.push(t.row.source ? t.row : { ...t.row, source: inputs[t.input].kind });
  return { rows, superseded, diagnostics };
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
 * cell by cell (a value beats a missing value; between values, precedence or `prefer`)
 * and build the manifest.
 * Reference: DOMAIN.md section 5 (the template as a long tidy table in EES column order).
 * @throws never for bad data (unreadable or unrecognised files become error diagnostics);
 *   SuffError E_USAGE for a `prefer` entry that names no source.
 * @example (await ingestFiles([{ path: "a.csv", bytes, sha256 }], { created: "2025-01-01T00:00:00Z" })).manifest.inputs[0].kind // "dfe-cla-la-totals"
 */
export async function ingestFiles(files: readonly InputFile[], options: IngestOptions = {}): Promise<IngestResult> {
  // 1. Route every file; SSDA903 tables are read together (episodes link to headers and
  //    earlier returns), so they form one input in the manifest.
  const routes = files.map(routeFile);
  const sources: { path: string; sha256: string; result: ReadResult; group?: boolean; derivedFrom?: string[] }[] = [];
  for (let i = 0; i < files.length; i++) {
    if (routes[i].reader === "ssda903") continue;
    sources.push({ path: files[i].path, sha256: files[i].sha256, result: await readOne(files[i], routes[i], options) });
  }
  const ssda903 = files.filter((_, i) => routes[i].reader === "ssda903");
  if (ssda903.length > 0) {
    const result = ingestSsda903(ssda903.map((f) => ({ name: f.path, bytes: f.bytes })), { ...(options.la ? { la: options.la } : {}), ...(options.collectionYear ? { collectionYear: options.collectionYear } : {}) });
    sources.push({ path: ssda903.map((f) => f.path).join(" + "), sha256: ssda903.map((f) => f.sha256).join(" + "), result, group: true });
  }
  // 3. The Ofsted register over all lists and joiners and leavers sheets.
  const registerInputs = sources.filter((s) => s.result.register).map((s) => ({ path: s.path, payload: s.result.register! }));
  const register = registerInputs.length > 0 ? assembleRegister(registerInputs) : null;
  if (register) {
    const result: ReadResult = { kind: OFSTED_REGISTER_KIND, rows: register.rows, diagnostics: register.diagnostics, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsSkipped: {} };
    sources.push({ path: `derived from ${registerInputs.length} Ofsted files`, sha256: "", result, group: true, derivedFrom: registerInputs.map((r) => r.path) });
  }
  const results = sources.map((s) => s.result);
  const prefer = options.prefer ? parsePreference(options.prefer) : [];
  const merged = mergeRows(sources.map((s) => ({ path: s.path, kind: s.result.kind, rows: s.result.rows })), { prefer });
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
    ...(r.collectionYear ? { collection_year: r.collectionYear } : {}),
    ...(sources[i].derivedFrom ? { derived_from: sources[i].derivedFrom } : {}),
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
    ...(register ? { supply_register: register.summary } : {}),
  };
  if (prefer.length > 0) manifest.prefer = prefer;
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

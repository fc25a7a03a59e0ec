/**
 * The file-system side of the SSDA903 reader: read a folder (recursively) or a list of
 * paths, keep the files whose columns (or XML content) make them SSDA903 tables, and hand
 * their bytes to the pure reader. `loadEpisodeTable` is what the stock-flow model uses.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../../spec/diagnostic.ts";
import type { ReadResult } from "../../spec/dataset.ts";
import type { CleaningCounts, EpisodeTable } from "../../spec/ssda903.ts";
import { SuffError } from "../../spec/errors.ts";
import { cleanSsda903 } from "./clean-ssda903.ts";
import { detectSsda903Kind } from "./detect-ssda903-kind.ts";
import { ingestSsda903, type IngestSsda903Options } from "./ingest-ssda903.ts";
import { looksLikeXml, readSsda903, type Ssda903File } from "./read-ssda903.ts";
import { csvHeader, scanCsv } from "./scan-csv.ts";

function listFiles(target: string): string[] {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new SuffError("E_903_PATH_NOT_FOUND", `No such file or folder: ${target}`, { hint: "Give the folder holding the SSDA903 CSV or XML files." });
  if (stat.isFile()) return [target];
  return readdirSync(target, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(target, entry.name)) : [path.join(target, entry.name)]));
}

/**
 * Read the SSDA903 tables in a folder or list of files (by content: CSVs whose columns
 * are a 903 table, and XML returns). Other files are ignored.
 * @throws SuffError E_903_PATH_NOT_FOUND when a path does not exist.
 * @example loadSsda903Files("test/fixtures/ssda903-samples/combined").length // 40
 */
export function loadSsda903Files(target: string | string[]): Ssda903File[] {
  const paths = (Array.isArray(target) ? target : [target]).flatMap(listFiles);
  const files: Ssda903File[] = [];
  for (const file of paths) {
    const lower = file.toLowerCase();
    if (!lower.endsWith(".csv") && !lower.endsWith(".xml")) continue;
    const bytes = readFileSync(file);
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (lower.endsWith(".xml") ? looksLikeXml(view) : detectSsda903Kind(csvHeader(view)) !== null) files.push({ name: file, bytes: view });
  }
  return files;
}

export interface LoadedEpisodeTable {
  table: EpisodeTable;
  counts: CleaningCounts;
  diagnostics: Diagnostic[];
}

/**
 * The cleaned EpisodeTable and cleaning counts from a folder or files of SSDA903 data,
 * for the stock-flow model.
 * @throws SuffError E_903_PATH_NOT_FOUND for a missing path; E_903_NO_EPISODES when no episodes table is found.
 * @throws SuffError E_903_NO_LA when a table has no LA column and no LA is given.
 * @example loadEpisodeTable("test/fixtures/ssda903-samples/combined", { la: "202" }).table.length > 0 // true
 */
export function loadEpisodeTable(target: string | string[], options: IngestSsda903Options = {}): LoadedEpisodeTable {
  const files = loadSsda903Files(target);
  const cleaned = cleanSsda903(readSsda903(files, options), options);
  if (!cleaned.files.some((f) => f.kind === "episodes")) {
    throw new SuffError("E_903_NO_EPISODES", `No SSDA903 episodes table found in ${Array.isArray(target) ? target.join(", ") : target}`, { hint: "Episodes are the CSV with columns CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC (or an XML return)." });
  }
  return { table: cleaned.table, counts: cleaned.counts, diagnostics: cleaned.diagnostics };
}

/**
 * Template measures from a folder or files of SSDA903 data (see ingestSsda903).
 * @throws SuffError E_903_PATH_NOT_FOUND for a missing path.
 * @example loadSsda903("test/fixtures/ssda903-samples/combined", { la: "202" }).kind // "ssda903"
 */
export function loadSsda903(target: string | string[], options: IngestSsda903Options = {}): ReadResult {
  return ingestSsda903(loadSsda903Files(target), options);
}

/**
 * Provider locations by Ofsted URN from an Ofsted providers-and-places CSV (columns URN and
 * "Local authority"), for the providerLocations option. Rows without both are ignored.
 * @throws SuffError E_903_PATH_NOT_FOUND when the file does not exist; E_903_PROVIDERS_UNREADABLE when it lacks the columns.
 * @example loadProviderLocations("data/published/ofsted/ofsted_providers_places_31mar2023.csv").size > 3000 // true
 */
export function loadProviderLocations(file: string): Map<string, string> {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new SuffError("E_903_PATH_NOT_FOUND", `No such file: ${file}`);
  const bytes = readFileSync(file);
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const columns = csvHeader(view).map((c) => c.trim().toLowerCase());
  const urnColumn = columns.indexOf("urn");
  const laColumn = columns.indexOf("local authority");
  if (urnColumn < 0 || laColumn < 0) throw new SuffError("E_903_PROVIDERS_UNREADABLE", `${file} has no URN and "Local authority" columns`, { hint: "Use Ofsted's providers and places list (one row per provider)." });
  const locations = new Map<string, string>();
  const decoder = new TextDecoder();
  scanCsv(view, (record) => {
    if (record.row === 1 || record.count <= Math.max(urnColumn, laColumn)) return;
    const text = (f: number) => decoder.decode(record.buffers[f].subarray(record.starts[f], record.ends[f])).trim();
    const urn = text(urnColumn);
    const la = text(laColumn);
    if (urn && la) locations.set(urn, la);
  });
  return locations;
}

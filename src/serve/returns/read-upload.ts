/**
 * Read an uploaded return with the CLI's own readers and rules: a template workbook or a
 * long CSV through validateFile (the same sniffing, zip-bomb and XML guards as `suff
 * validate`), or an SSDA903 extract (one or more tables, or the XML) turned into template
 * measures by ingestSsda903. Only derived measures leave this function: the child-level
 * 903 records are never returned, so they are never stored.
 */
import { createHash } from "node:crypto";
import type { DatasetRow, RowLocation } from "../../spec/dataset.ts";
import type { Diagnostic } from "../../spec/diagnostic.ts";
import { isSuffError, SuffError } from "../../spec/errors.ts";
import { findLa } from "../../reference/las.ts";
import { routeFile } from "../../ingest/ingest-files.ts";
import { ingestSsda903 } from "../../ingest/ssda903/index.ts";
import { validateFile } from "../../validate/validate-file.ts";
import { runRules } from "../../validate/run-rules.ts";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadUpload {
  /** "template-xlsx", "long-csv" or "ssda903". */
  kind: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  /** The LA's rows for the period (template measures only). */
  rows: DatasetRow[];
  locations: RowLocation[];
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

/** An upload that cannot be read at all: its HTTP status (413 too large once unpacked, 422 otherwise) and the toolkit's error. */
export class UnreadableUpload extends Error {
  constructor(readonly status: 413 | 422, readonly code: string, message: string, readonly hint?: string) {
    super(message);
    this.name = "UnreadableUpload";
  }
}

function unreadable(error: unknown): UnreadableUpload {
  if (isSuffError(error)) return new UnreadableUpload(error.code === "E_ZIP_BOMB" ? 413 : 422, error.code, error.message, error.hint);
  throw error;
}

/**
 * Read and validate an upload for `la` (old DfE code) and `period` (YYYY). Rows for another
 * LA or period are not kept: they are an error at their cell.
 * @throws UnreadableUpload when the file is not a return the toolkit can read.
 * @example await readUpload([{ name: "r.csv", bytes }], { la: "350", period: "2026" })
 */
export async function readUpload(files: readonly UploadedFile[], options: { la: string; period: string; today?: Date }): Promise<ReadUpload> {
  if (files.length === 0) throw new UnreadableUpload(422, "E_NO_FILE", "No file was uploaded.", "Choose a filled template (.xlsx), a long CSV or an SSDA903 extract.");
  const la = findLa(options.la);
  if (!la) throw new SuffError("E_USAGE", `Unknown LA ${options.la}.`);
  const sha = createHash("sha256");
  for (const f of files) sha.update(f.bytes);
  const sizeBytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const fileName = files.map((f) => f.name).join(" + ");
  const routes = files.map((f) => routeFile({ path: f.name, bytes: f.bytes, sha256: "" }));
  let kind: string;
  let rows: DatasetRow[];
  let locations: RowLocation[];
  let diagnostics: Diagnostic[];
  const today = options.today ?? new Date();
  if (routes.every((r) => r.reader === "ssda903")) {
    let read;
    try {
      read = ingestSsda903(files.map((f) => ({ name: f.name, bytes: f.bytes })), { la: la.oldCode });
    } catch (error) {
      throw unreadable(error);
    }
    kind = "ssda903";
    rows = read.rows.filter((r) => r.time_period === options.period && (r.old_la_code === la.oldCode || r.new_la_code === la.newCode));
    locations = [];
    const ctx = { file: fileName, rows, locations, period: options.period, today };
    diagnostics = [...read.diagnostics.filter((d) => d.severity !== "info"), ...runRules(ctx)];
    if (rows.length === 0) diagnostics.push({ code: "E_903_NO_ROWS_FOR_PERIOD", severity: "error", file: fileName, message: `The SSDA903 extract holds no figures for ${la.name} in the year ending 31 March ${options.period}.`, hint: "Upload the extract for this collection period." });
  } else {
    if (files.length > 1) throw new UnreadableUpload(422, "E_ONE_FILE", "Upload one return file (several files are only for the tables of an SSDA903 extract).");
    let result;
    try {
      result = await validateFile(files[0], { period: options.period, today });
    } catch (error) {
      throw unreadable(error);
    }
    kind = result.read.kind;
    diagnostics = result.diagnostics;
    const keep: number[] = [];
    result.read.rows.forEach((r, i) => {
      const mine = r.old_la_code === la.oldCode || r.new_la_code === la.newCode;
      if (mine && r.time_period === options.period) keep.push(i);
    });
    if (keep.length < result.read.rows.length) {
      const other = result.read.rows.findIndex((r, i) => !keep.includes(i));
      const where = result.read.locations?.[other] ?? {};
      const r = result.read.rows[other];
      diagnostics.push({ code: "E_RETURN_NOT_YOURS", severity: "error", file: fileName, ...where, message: `${result.read.rows.length - keep.length} row(s) are not ${la.name}'s return for ${options.period} (the first is ${r.la_name || r.new_la_code || r.old_la_code || "an unknown LA"} ${r.time_period}).`, hint: `Upload ${la.name}'s return for the year ending 31 March ${options.period}.` });
    }
    rows = keep.map((i) => result.read.rows[i]);
    locations = keep.map((i) => result.read.locations?.[i] ?? {});
    if (rows.length === 0 && !diagnostics.some((d) => d.severity === "error")) diagnostics.push({ code: "E_RETURN_EMPTY", severity: "error", file: fileName, message: "The file holds no figures.", hint: "Fill the template and upload it again." });
  }
  diagnostics = diagnostics.map((d) => ({ ...d, file: fileName }));
  return {
    kind,
    fileName,
    sha256: sha.digest("hex"),
    sizeBytes,
    rows,
    locations,
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
  };
}

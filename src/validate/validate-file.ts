/**
 * Validate one return file: read it with the reader its content calls for (a template
 * workbook, a long CSV, or with a mapping a legacy LA workbook), then run every rule. Reader diagnostics (unknown sheets and
 * columns, invalid codes, text that is not a number...) come first, then rule diagnostics.
 */
import { readLongCsv } from "../ingest/from-long-csv.ts";
import { readLegacyWorkbook } from "../ingest/from-legacy.ts";
import { readTemplateWorkbook } from "../ingest/from-template-xlsx.ts";
import type { LegacyMapping } from "../ingest/legacy-mapping.ts";
import { readXlsxGrid } from "../ingest/xlsx-grid.ts";
import { sniffFile } from "../ingest/sniff.ts";
import type { ReadResult } from "../spec/dataset.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { SuffError } from "../spec/errors.ts";
import { completeness, type Completeness } from "./required-values.ts";
import { runRules } from "./run-rules.ts";

export interface FileValidation {
  file: string;
  read: ReadResult;
  diagnostics: Diagnostic[];
  /** Required cells missing and blank optional rows (for the validation summary). */
  completeness: Completeness;
}

/**
 * Read and validate a return.
 * @throws SuffError (exit code 2) when the file is not readable as a workbook or text, or
 *   its content contradicts its extension (E_NOT_XLSX, E_NOT_CSV, E_PASSWORD_PROTECTED, E_LEGACY_XLS, E_ZIP_BOMB, E_CORRUPT_XLSX).
 * @example (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,-1\n") })).diagnostics[0].code // "E_VALUE_NEGATIVE"
 */
export async function validateFile(file: { name: string; bytes: Uint8Array }, options: { period?: string; today?: Date; mapping?: LegacyMapping } = {}): Promise<FileValidation> {
  const sniff = sniffFile(file.bytes, file.name);
  const wantsWorkbook = sniff.extension === "xlsx" || sniff.extension === "xlsm" || sniff.extension === "xls";
  const wantsText = sniff.extension === "csv" || sniff.extension === "txt";
  if (wantsText && sniff.kind !== "text") {
    throw new SuffError("E_NOT_CSV", `${file.name} is not a CSV file: it is ${sniff.description}.`, { hint: sniff.kind === "xlsx" ? "Give it an .xlsx extension." : "Give the path of a long CSV return." });
  }
  let read: ReadResult;
  if (sniff.kind === "text" && !wantsWorkbook) read = readLongCsv(file);
  else if (sniff.kind === "xlsx" && sniff.detail === "workbook") read = options.mapping ? await readLegacyWorkbook(file, options.mapping) : await readTemplateWorkbook(file);
  else {
    readXlsxGrid(file); // throws the SuffError that says what the file really is
    throw new Error("unreachable: readXlsxGrid accepted a file sniffFile rejected");
  }
  const ctx = { file: file.name, rows: read.rows, locations: read.locations ?? [], period: options.period, today: options.today ?? new Date() };
  const ruleDiagnostics = runRules(ctx);
  const diagnostics = [...read.diagnostics, ...ruleDiagnostics].map((d) => ({ ...d, file: d.file ?? file.name }));
  return { file: file.name, read, diagnostics, completeness: completeness(ctx) };
}

/**
 * Open .xlsx bytes safely: check what the content really is (sniffFile), refuse
 * password-protected, legacy, non-workbook and zip-bomb files with a clear SuffError
 * (exit code 2) before exceljs inflates anything, and turn an exceljs failure on a
 * damaged file into E_CORRUPT_XLSX instead of a stack trace.
 */
import ExcelJS from "exceljs";
import { SuffError } from "../spec/errors.ts";
import { assertXlsx } from "./assert-xlsx.ts";
import { zipGuard } from "./zip-guard.ts";

/**
 * Worksheet parts readers never use: skipping them roughly halves load time (the template
 * carries thousands of data-validation cells, which exceljs expands cell by cell).
 */
const IGNORED_NODES = ["dataValidations", "conditionalFormatting", "sheetProtection", "pageSetup", "headerFooter", "printOptions", "picture", "drawing", "extLst", "hyperlinks", "autoFilter", "rowBreaks", "tableParts"];

/**
 * Load a workbook after sniffing and zip-bomb checks.
 * @throws SuffError E_PASSWORD_PROTECTED, E_LEGACY_XLS, E_NOT_XLSX, E_ZIP_BOMB or E_CORRUPT_XLSX (exit code 2).
 * @example (await openWorkbook({ name: "t.xlsx", bytes: await blankWorkbook() })).getWorksheet("Return") !== undefined // true
 */
export async function openWorkbook(file: { name: string; bytes: Uint8Array }): Promise<ExcelJS.Workbook> {
  assertXlsx(file);
  zipGuard(file.bytes, file.name);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as object);
  } catch (error) {
    throw new SuffError("E_CORRUPT_XLSX", `${file.name} could not be read as a workbook: ${error instanceof Error ? error.message : String(error)}.`, { hint: "Open it in Excel, save it again and retry.", cause: error });
  }
  return workbook;
}

/**
 * Refuse, with a clear run-stopping error, bytes that are not a readable Excel workbook:
 * a password-protected (encrypted) Office file, a legacy .xls, a damaged zip, or anything
 * else (a CSV, a PNG...) whatever its extension says. Shared by every workbook reader.
 */
import { SuffError } from "../spec/errors.ts";
import { sniffFile } from "./sniff.ts";

/**
 * Check that bytes hold an .xlsx workbook (zip with xl/workbook.xml).
 * @throws SuffError E_PASSWORD_PROTECTED, E_LEGACY_XLS, E_CORRUPT_XLSX or E_NOT_XLSX (exit code 2).
 * @example assertXlsx({ name: "a.xlsx", bytes: new TextEncoder().encode("a,b\n") }) // throws E_NOT_XLSX ("it is a UTF-8 text file")
 */
export function assertXlsx(file: { name: string; bytes: Uint8Array }): void {
  const sniff = sniffFile(file.bytes, file.name);
  if (sniff.kind === "xlsx" && sniff.detail === "workbook") return;
  if (sniff.kind === "cfb" && sniff.detail === "encrypted") {
    throw new SuffError("E_PASSWORD_PROTECTED", `${file.name} is password-protected, so it cannot be read.`, { hint: "Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save and retry." });
  }
  if (sniff.kind === "cfb" && sniff.detail === "legacy-xls") {
    throw new SuffError("E_LEGACY_XLS", `${file.name} is an Excel 97-2003 workbook (.xls), which is not supported.`, { hint: "Open it in Excel and save it as an Excel Workbook (.xlsx)." });
  }
  if (sniff.kind === "xlsx" && sniff.detail === "corrupt") {
    throw new SuffError("E_CORRUPT_XLSX", `${file.name} looks like an .xlsx but is damaged or truncated.`, { hint: "Open it in Excel, save it again and retry; or re-download it." });
  }
  const hint = sniff.kind === "text" ? "It looks like a CSV or text file: give it a .csv extension." : "Give the path of the filled template workbook (.xlsx).";
  throw new SuffError("E_NOT_XLSX", `${file.name} is not an Excel workbook: it is ${sniff.description}.`, { hint });
}

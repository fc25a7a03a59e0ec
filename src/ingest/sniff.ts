/**
 * What a file really is, judged by its content rather than its extension, so that the
 * ingest dispatcher can route it and a PNG or a CSV named .xlsx gets a clear message.
 *
 * - `xlsx`: a zip archive; `detail` says whether it holds an Excel workbook ("workbook"),
 *   another zip ("not-workbook", e.g. .docx/.ods) or is damaged ("corrupt").
 * - `cfb`: an OLE2 compound file; `detail` is "encrypted" (password-protected Office file),
 *   "legacy-xls" (Excel 97-2003) or "other".
 * - `text`: no binary bytes; `detail` is the encoding guess ("utf-8", "utf-8-bom",
 *   "utf-16", "windows-1252").
 * - `unknown`: anything else; `detail` names a recognised format when it can (png, pdf...).
 */
import { cfbDirectory, CFB_SIGNATURE } from "./cfb-directory.ts";
import { readZipDirectory } from "./zip-guard.ts";

export interface SniffResult {
  kind: "xlsx" | "cfb" | "text" | "unknown";
  detail: string;
  /** A sentence for people: "a PNG image", "a password-protected Office file"... */
  description: string;
  /** The file name's extension, lower case, without the dot ("" if none). */
  extension: string;
}

const MAGIC: Array<{ bytes: number[]; detail: string; description: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], detail: "png", description: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], detail: "jpeg", description: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], detail: "gif", description: "a GIF image" },
  { bytes: [0x25, 0x50, 0x44, 0x46], detail: "pdf", description: "a PDF document" },
  { bytes: [0x1f, 0x8b], detail: "gzip", description: "a gzip archive" },
  { bytes: [0x52, 0x61, 0x72, 0x21], detail: "rar", description: "a RAR archive" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], detail: "7z", description: "a 7-Zip archive" },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * True when the bytes are valid UTF-8 (RFC 3629: no overlong forms, surrogates or code
 * points above U+10FFFF). A byte loop, not a decode: a 100 MB extract would otherwise
 * become a 200 MB string just to be checked.
 */
function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; cp = b & 0x0f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; cp = b & 0x07; }
    else return false;
    if (i + need >= n) return false;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a)) control++;
  }
  return control <= sample.length * 0.01;
}

/**
 * Sniff a file's real kind from its bytes.
 * @throws never
 * @example sniffFile(new TextEncoder().encode("a,b\n1,2\n"), "x.xlsx").kind // "text"
 */
export function sniffFile(bytes: Uint8Array, name: string): SniffResult {
  const dot = name.lastIndexOf(".");
  const extension = dot >= 0 ? name.slice(dot + 1).toLowerCase() : "";
  const result = (kind: SniffResult["kind"], detail: string, description: string): SniffResult => ({ kind, detail, description, extension });
  if (bytes.length === 0) return result("unknown", "empty", "an empty file");
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    try {
      const names = new Set(readZipDirectory(bytes, name).map((e) => e.name));
      if (names.has("[Content_Types].xml") && names.has("xl/workbook.xml")) return result("xlsx", "workbook", "an Excel workbook (.xlsx)");
      if (names.has("word/document.xml")) return result("xlsx", "not-workbook", "a Word document (.docx)");
      if (names.has("content.xml")) return result("xlsx", "not-workbook", "an OpenDocument file (.ods/.odt)");
      return result("xlsx", "not-workbook", "a zip archive that is not an Excel workbook");
    } catch {
      return result("xlsx", "corrupt", "a damaged or truncated zip/.xlsx file");
    }
  }
  if (startsWith(bytes, CFB_SIGNATURE)) {
    const streams = cfbDirectory(bytes) ?? [];
    if (streams.includes("EncryptionInfo") || streams.includes("EncryptedPackage")) return result("cfb", "encrypted", "a password-protected (encrypted) Office file");
    if (streams.includes("Workbook") || streams.includes("Book")) return result("cfb", "legacy-xls", "an Excel 97-2003 workbook (.xls)");
    return result("cfb", "other", "an OLE compound file that is not an Excel workbook");
  }
  for (const m of MAGIC) if (startsWith(bytes, m.bytes)) return result("unknown", m.detail, m.description);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return result("text", "utf-16", "a UTF-16 text file");
  if (looksLikeText(bytes)) {
    if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return result("text", "utf-8-bom", "a UTF-8 text file with a byte order mark");
    return isUtf8(bytes) ? result("text", "utf-8", "a UTF-8 text file") : result("text", "windows-1252", "a text file in Windows-1252");
  }
  return result("unknown", "binary", "a binary file of unknown type");
}

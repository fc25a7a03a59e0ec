/**
 * Turn the bytes of a text file (CSV) into a string: strip a UTF-8 byte order mark,
 * honour a UTF-16 BOM, read valid UTF-8 as UTF-8, and fall back to Windows-1252 (what
 * Excel's plain "CSV" save writes on Windows, e.g. the pound sign as byte 0xA3) with a
 * warning. Uses the WHATWG TextDecoder.
 */
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";

/**
 * Windows-1252 bytes 0x80-0x9F (WHATWG encoding standard index). Node's TextDecoder
 * decodes "windows-1252" as Latin-1 in that range (U+0080-U+009F), so fix those up.
 */
const CP1252_HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

export interface DecodedText {
  text: string;
  encoding: "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
  diagnostics: Diagnostic[];
}

/**
 * Decode text bytes, saying what was done.
 * @throws never
 * @example decodeText(new Uint8Array([0xa3, 0x35]), "a.csv").text // "£5"
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = new TextDecoder("utf-8").decode(bytes.subarray(3));
    return { text, encoding: "utf-8", diagnostics: [diagnostic("I_TEXT_BOM", {}, { file })] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", diagnostics: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", diagnostics: [] };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", diagnostics: [] };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252", diagnostics: [diagnostic("W_TEXT_WINDOWS_1252", {}, { file })] };
  }
}

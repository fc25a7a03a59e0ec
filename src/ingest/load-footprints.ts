/**
 * Read a footprint file from disk: the bytes, decoded (UTF-8 with or without a byte order
 * mark, or Windows-1252 from Excel's plain CSV save, with a warning). Parsing and
 * validating the rows is pure, in src/aggregate/parse-footprints.ts.
 */
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { SuffError } from "../spec/errors.ts";
import { decodeText } from "./decode-text.ts";

/**
 * The text of a footprint CSV and any decoding diagnostics.
 * @throws SuffError E_FOOTPRINTS_UNREADABLE (exit 2) when the file cannot be read.
 * @example loadFootprints("data/footprints/regions.csv").text.split("\n")[0] // "new_la_code,footprint_code,footprint_name"
 */
export function loadFootprints(file: string): { text: string; file: string; diagnostics: Diagnostic[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new SuffError("E_FOOTPRINTS_UNREADABLE", `Cannot read the footprint file ${file}: ${(error as NodeJS.ErrnoException).code ?? "read error"}.`, {
      exitCode: 2,
      hint: "Give a CSV with the header new_la_code,footprint_code,footprint_name (see data/footprints/).",
    });
  }
  const decoded = decodeText(bytes, file);
  return { text: decoded.text, file, diagnostics: decoded.diagnostics };
}

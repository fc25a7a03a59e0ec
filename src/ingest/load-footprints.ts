/**
 * Read a footprint file from disk: the bytes, decoded (UTF-8 with or without a byte order
 * mark, or Windows-1252 from Excel's plain CSV save, with a warning). Parsing and
 * validating the rows is pure, in src/aggregate/parse-footprints.ts.
 */
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { SuffError } from "../spec/errors.ts";
import type { FootprintSet } from "../spec/footprint.ts";
import { parseFootprints } from "../aggregate/parse-footprints.ts";
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

/**
 * Load footprints from a CSV, failing on errors in it (warnings and notes are dropped).
 * @throws SuffError E_FOOTPRINTS_UNREADABLE or E_FOOTPRINTS (exit 2).
 * @example loadFootprintSet("data/footprints/regions-2025.csv").footprints.length // 9
 */
export function loadFootprintSet(file: string): FootprintSet {
  const loaded = loadFootprints(file);
  const parsed = parseFootprints(loaded.text, { file: loaded.file });
  const errors = [...loaded.diagnostics, ...parsed.diagnostics].filter((d) => d.severity === "error");
  if (errors.length) throw new SuffError("E_FOOTPRINTS", `${file}: ${errors.length} error(s), first: ${errors[0].message}`, { exitCode: 2, hint: errors[0].hint });
  return parsed.set;
}

/**
 * Read a footprint file: CSV `new_la_code,footprint_code,footprint_name`, one row per
 * (LA, footprint). A footprint is any grouping of LAs (RCC, consortium, sub-region); it may
 * cross regions, and an LA may belong to several footprints. Old 3-digit DfE codes and
 * former ONS codes are accepted and mapped to the LA's current code. Bad rows never throw:
 * each becomes a Diagnostic with the file, row and column.
 */
import { parse } from "csv-parse/sync";
import type { Diagnostic } from "../spec/diagnostic.ts";
import type { Footprint, FootprintSet } from "../spec/footprint.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { findLa } from "../reference/las.ts";

export interface ParsedFootprints {
  set: FootprintSet;
  diagnostics: Diagnostic[];
}

const REQUIRED = ["new_la_code", "footprint_code", "footprint_name"] as const;

/**
 * Parse footprint CSV text into a FootprintSet (members by current ONS code) plus located
 * diagnostics. `file` is used as the set's source and in every diagnostic.
 * @throws never for bad data; only a programmer passing a non-string would see an error.
 * @example parseFootprints("new_la_code,footprint_code,footprint_name\n940,EM1,Northants\n941,EM1,Northants\n").set.footprints[0].members // ["E06000061", "E06000062"]
 */
export function parseFootprints(text: string, options: { file?: string } = {}): ParsedFootprints {
  const file = options.file ?? "footprints.csv";
  const diagnostics: Diagnostic[] = [];
  const records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  const set: FootprintSet = { source: file, footprints: [] };
  if (records.length === 0) {
    diagnostics.push(diagnostic("E_FOOTPRINT_EMPTY", {}, { file }));
    return { set, diagnostics };
  }
  const header = records[0].map((h) => h.trim().toLowerCase());
  const index: Record<string, number> = {};
  for (const column of REQUIRED) {
    index[column] = header.indexOf(column);
    if (index[column] < 0) diagnostics.push(diagnostic("E_FOOTPRINT_COLUMNS", { column, found: records[0].join(", ") }, { file, row: 1 }));
  }
  if (diagnostics.length > 0) return { set, diagnostics };
  if (records.length === 1) diagnostics.push(diagnostic("E_FOOTPRINT_EMPTY", {}, { file }));

  const byCode = new Map<string, { footprint: Footprint; row: number }>();
  for (let r = 1; r < records.length; r++) {
    const row = r + 1;
    const cells = records[r];
    const laCode = (cells[index.new_la_code] ?? "").trim();
    const code = (cells[index.footprint_code] ?? "").trim();
    const name = (cells[index.footprint_name] ?? "").trim() || code;
    if (laCode === "") {
      diagnostics.push(diagnostic("E_FOOTPRINT_LA_MISSING", {}, { file, row, column: "new_la_code" }));
      continue;
    }
    if (code === "") {
      diagnostics.push(diagnostic("E_FOOTPRINT_CODE_MISSING", { la: laCode }, { file, row, column: "footprint_code" }));
      continue;
    }
    const la = findLa(laCode);
    if (!la) {
      diagnostics.push(diagnostic("E_FOOTPRINT_LA_UNKNOWN", { code: laCode, footprint: code }, { file, row, column: "new_la_code" }));
      continue;
    }
    if (laCode.toUpperCase() !== la.newCode) {
      const detail = la.successors.length > 0
        ? `${la.name} stopped reporting after ${la.lastYear}; later years use its successors (${la.successors.join(", ")}).`
        : "The LA's current ONS code is used in outputs.";
      diagnostics.push(diagnostic("I_FOOTPRINT_OLD_CODE", { code: laCode, name: la.name, newCode: la.newCode, detail }, { file, row, column: "new_la_code" }));
    }
    let entry = byCode.get(code);
    if (!entry) {
      entry = { footprint: { code, name, members: [] }, row };
      byCode.set(code, entry);
      set.footprints.push(entry.footprint);
    } else if (entry.footprint.name !== name) {
      diagnostics.push(diagnostic("W_FOOTPRINT_NAME_CONFLICT", { footprint: code, name, first: entry.footprint.name, firstRow: entry.row }, { file, row, column: "footprint_name" }));
    }
    if (entry.footprint.members.includes(la.newCode)) {
      diagnostics.push(diagnostic("W_FOOTPRINT_DUPLICATE", { name: la.name, code: laCode, footprint: code }, { file, row, column: "new_la_code" }));
      continue;
    }
    entry.footprint.members.push(la.newCode);
  }
  return { set, diagnostics };
}

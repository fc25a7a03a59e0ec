/**
 * Load input files for ingest: each path is a file or a folder; folders are walked
 * recursively in sorted order (so a run is deterministic), taking data files only
 * (.csv, .tsv, .txt, .xlsx, .xlsm, .xls, .xml) and leaving out hidden files. A file named
 * explicitly is always taken. Each file's bytes are read and hashed (SHA-256).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { SuffError } from "../spec/errors.ts";
import type { InputFile } from "./ingest-files.ts";

const DATA_EXTENSIONS = new Set([".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".xml"]); // .xml: SSDA903 XML returns

function walk(folder: string, out: string[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && DATA_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
}

/**
 * The files under the given paths, in a deterministic order, without reading them.
 * @throws SuffError E_INPUT_NOT_FOUND (exit 2) when a path does not exist.
 * @example listInputFiles(["data/published/ons"]) // ["data/published/ons/ons_mid-year_population_estimates_2012_to_2024.csv"]
 */
export function listInputFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new SuffError("E_INPUT_NOT_FOUND", `${p} does not exist.`, { exitCode: 2, hint: "Give files or folders to ingest." });
    }
    if (stat.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return [...new Set(out)];
}

/**
 * Read the files under the given paths, with their SHA-256.
 * @throws SuffError E_INPUT_NOT_FOUND / E_INPUT_UNREADABLE (exit 2) when a path is missing or cannot be read.
 * @example loadFiles(["data/published/ons"])[0].sha256.length // 64
 */
export function loadFiles(paths: readonly string[]): InputFile[] {
  return listInputFiles(paths).map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new SuffError("E_INPUT_UNREADABLE", `${file} could not be read: ${error instanceof Error ? error.message : String(error)}`, { exitCode: 2 });
    }
    return { path: file, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  });
}

/**
 * Load input files for ingest: each path is a file or a folder; folders are walked
 * recursively in sorted order (so a run is deterministic), taking data files only
 * (.csv, .tsv, .txt, .xlsx, .xlsm, .xls, .xml) and leaving out hidden files and folders
 * that suff wrote (a dataset or report folder inside an input folder is not read back). A file named
 * explicitly is always taken. Each file's bytes are read and hashed (SHA-256).
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { SuffError } from "../spec/errors.ts";
import type { InputFile } from "./ingest-files.ts";

const DATA_EXTENSIONS = new Set([".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".xml"]); // .xml: SSDA903 XML returns

/** Whether a folder is an output of suff (a dataset folder or a report folder): never read back as input. */
export function isSuffOutput(folder: string): boolean {
  const has = (name: string) => existsSync(path.join(folder, name));
  return (has("dataset.csv") && has("manifest.json")) || has("overview.json") || (has("report.html") && has("annex.xlsx"));
}

/** Whether a CSV file is an output of suff aggregate or suff forecast (by its first lines). */
function isSuffCsvOutput(file: string): boolean {
  if (path.extname(file).toLowerCase() !== ".csv") return false;
  let head = "";
  try {
    const fd = openSync(file, "r");
    try {
      const buffer = Buffer.alloc(4096);
      head = buffer.subarray(0, readSync(fd, buffer, 0, 4096, 0)).toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  const first = head.split("\n").slice(0, 2).join("\n");
  return first.startsWith("# UNPROTECTED") || (/\bfootprint_code\b/.test(first) && /\bmembers_expected\b/.test(first)) || (/\bfootprint_code\b/.test(first) && /\bmodel,mean\b/.test(first));
}

function walk(folder: string, out: string[], skipped: string[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && isSuffOutput(full)) skipped.push(full);
    else if (entry.isDirectory()) walk(full, out, skipped);
    else if (entry.isFile() && DATA_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      if (isSuffCsvOutput(full)) skipped.push(full);
      else out.push(full);
    }
  }
}

/**
 * The files under the given paths, in a deterministic order, without reading them.
 * @throws SuffError E_INPUT_NOT_FOUND (exit 2) when a path does not exist.
 * @example listInputFiles(["data/published/ons"]) // ["data/published/ons/ons_mid-year_population_estimates_2012_to_2024.csv"]
 */
export function listInputFiles(paths: readonly string[], skipped: string[] = []): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new SuffError("E_INPUT_NOT_FOUND", `${p} does not exist.`, { exitCode: 2, hint: "Give files or folders to ingest." });
    }
    if (stat.isDirectory()) walk(p, out, skipped);
    else out.push(p);
  }
  return [...new Set(out)];
}

/**
 * Read the files under the given paths, with their SHA-256.
 * @throws SuffError E_INPUT_NOT_FOUND / E_INPUT_UNREADABLE (exit 2) when a path is missing or cannot be read.
 * @example loadFiles(["data/published/ons"])[0].sha256.length // 64
 */
export function loadFiles(paths: readonly string[], skipped: string[] = []): InputFile[] {
  return listInputFiles(paths, skipped).map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new SuffError("E_INPUT_UNREADABLE", `${file} could not be read: ${error instanceof Error ? error.message : String(error)}`, { exitCode: 2 });
    }
    return { path: file, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  });
}

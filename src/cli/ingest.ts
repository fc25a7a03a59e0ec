/**
 * `suff ingest PATH... --out DIR [--mapping FILE] [--la CODE] [--prefer KIND[,KIND]] [--collection-year-ends|--collection-year-starts] [--json]`: read files and folders
 * (walked, sorted), write DIR/dataset.csv, DIR/manifest.json and DIR/diagnostics.csv,
 * print a short summary. Exit 0 (no errors), 1 (errors in the data), 2 (unreadable input).
 */
import type { Command } from "commander";
import { ingestExitCode, ingestFiles, parsePreference, type IngestResult } from "../ingest/ingest-files.ts";
import { loadFiles } from "../ingest/load-files.ts";
import { checkOutDir } from "../write/out-path.ts";
import { loadMapping } from "../ingest/load-mapping.ts";
import { writeDataset } from "../write/dataset.ts";
import { addCollectionYearOptions, collectionYearOf, type CollectionYearFlags } from "./collection-year-option.ts";

/** A short human summary of an ingest: files by kind, rows, diagnostics. */
export function ingestSummary(result: IngestResult, out: string): string {
  const byKind = new Map<string, { files: number; read: number; accepted: number; rejected: number; skipped: number }>();
  for (const input of result.manifest.inputs) {
    const k = byKind.get(input.kind) ?? { files: 0, read: 0, accepted: 0, rejected: 0, skipped: 0 };
    k.files += input.derived_from ? 0 : input.path.split(" + ").length;
    k.read += input.rows_read;
    k.accepted += input.rows_accepted;
    k.rejected += input.rows_rejected;
    k.skipped += Object.values(input.rows_skipped).reduce((a, b) => a + b, 0);
    byKind.set(input.kind, k);
  }
  const width = Math.max(4, ...[...byKind.keys()].map((k) => k.length));
  const lines = [`${"kind".padEnd(width)}  files  rows read  accepted  rejected   skipped`];
  for (const [kind, k] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${kind.padEnd(width)}  ${String(k.files).padStart(5)}  ${String(k.read).padStart(9)}  ${String(k.accepted).padStart(8)}  ${String(k.rejected).padStart(8)}  ${String(k.skipped).padStart(8)}`);
  }
  const d = result.manifest.diagnostics;
  const files = result.manifest.inputs.reduce((n, input) => n + (input.derived_from ? 0 : input.path.split(" + ").length), 0);
  lines.push(`${files} files -> ${result.manifest.rows} rows in ${out}/dataset.csv`);
  lines.push(`diagnostics: ${d.error} errors, ${d.warning} warnings, ${d.info} info (see ${out}/diagnostics.csv)`);
  for (const diag of result.diagnostics.filter((x) => x.severity === "error").slice(0, 5)) {
    lines.push(`  ${diag.code} ${diag.file ?? ""}${diag.row ? `:${diag.row}` : ""} ${diag.message}`);
  }
  return lines.join("\n") + "\n";
}

/** Register the ingest command. */
export function register(program: Command): void {
  const command = program
    .command("ingest")
    .description("Read LA returns, SSDA903 extracts and the published DfE/ONS/Ofsted/MHCLG files into one tidy dataset folder")
    .argument("<paths...>", "files or folders (folders are walked)")
    .requiredOption("--out <dir>", "dataset folder to write (dataset.csv, manifest.json, diagnostics.csv)")
    .option("--mapping <file>", "mapping file for legacy LA spreadsheets (header aliases, value maps, sheet/range)")
    .option("--la <code>", "LA (old or ONS code, or name) of SSDA903 files that have no LA column; an extract of several LAs needs an LA column")
    .option("--prefer <kinds>", "when two sources give different values for a cell, prefer these (most preferred first): return, ssda903, published or reader kinds such as dfe-cla-la-totals; default return > ssda903 > published. A value always beats a missing value.")
    .option("--json", "print the manifest and diagnostics as JSON instead of a summary");
  addCollectionYearOptions(command)
    .action(async (paths: string[], options: { out: string; mapping?: string; la?: string; prefer?: string; json?: boolean } & CollectionYearFlags) => {
      const collectionYear = collectionYearOf(options);
      const mapping = options.mapping ? loadMapping(options.mapping) : undefined;
      const prefer = options.prefer === undefined ? undefined : parsePreference(options.prefer);
      checkOutDir(options.out, { files: [...paths, ...(options.mapping ? [options.mapping] : [])] });
      const skipped: string[] = [];
      const files = loadFiles(paths, skipped);
      for (const folder of skipped) process.stderr.write(`note: ${folder} was written by suff (a dataset, report, aggregate or forecast output): not read as input\n`);
      const result = await ingestFiles(files, { mapping, la: options.la, prefer, collectionYear });
      writeDataset(options.out, result);
      if (options.json) process.stdout.write(JSON.stringify({ manifest: result.manifest, diagnostics: result.diagnostics }, null, 2) + "\n");
      else process.stdout.write(ingestSummary(result, options.out));
      process.exitCode = ingestExitCode(result.diagnostics);
    });
}

/**
 * `suff aggregate DIR --to region|england|footprint [--footprints FILE] [--publish] [--k 5]
 * [--no-cross-geography] [--years 2021-2025] [--format csv|xlsx|json|ees] --out FILE|DIR`: aggregate a
 * dataset folder's LA rows to the regions, England or a footprint file, write .csv, .xlsx or
 * .json (by extension, or --format), or with `--publish --format ees` a folder of
 * explore-education-statistics files (one data CSV and .meta.csv per measure), and print a
 * summary. With --publish, the figures published are protected against, and added to, the
 * publication ledger (--ledger FILE, default publication-ledger.json in the dataset folder). Exit 0 (no errors), 1 (errors in the footprint file), 2 (unreadable input or
 * usage error).
 */
import path from "node:path";
import type { Command } from "commander";
import { SuffError } from "../spec/errors.ts";
import { loadDataset } from "../ingest/load-dataset.ts";
import { loadFootprints } from "../ingest/load-footprints.ts";
import { aggregateDataset } from "../aggregate/aggregate-dataset.ts";
import { aggregateOutput } from "../aggregate/aggregate-output.ts";
import { aggregateSummary } from "../aggregate/aggregate-summary.ts";
import { EES_META_COLUMNS, eesOutput } from "../aggregate/ees-output.ts";
import { parseFootprints } from "../aggregate/parse-footprints.ts";
import type { AggregateTarget } from "../aggregate/types.ts";
import { laFiguresFor, publishedFigures } from "../aggregate/disclosure/publication-ledger.ts";
import { writeFileAtomic } from "../write/atomic.ts";
import { writeFolderWholeSync } from "../write/swap-folder.ts";
import { checkOutDir, checkOutFile } from "../write/out-path.ts";
import { appendLedgerFile, readLedgerFile } from "../write/publication-ledger-file.ts";
import { toCsv, type CsvCell } from "../write/csv.ts";
import { tablesToXlsx } from "../write/xlsx.ts";

interface AggregateCliOptions {
  to: string;
  footprints?: string;
  publish?: boolean;
  crossGeography: boolean;
  k: string;
  years?: string;
  format?: string;
  ledger?: string;
  out: string;
}

function usage(message: string, hint?: string): SuffError {
  return new SuffError("E_USAGE", message, { exitCode: 2, hint });
}

function parseYears(text: string): { from: number; to: number } {
  const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(text);
  if (!m) throw usage(`--years '${text}' is not a year or a range of years.`, "Use e.g. --years 2025 or --years 2021-2025.");
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (to < from) throw usage(`--years ${text}: the range ends before it starts.`);
  return { from, to };
}

/** Register the aggregate command. */
export function register(program: Command): void {
  program
    .command("aggregate")
    .description("Aggregate a dataset folder's LA figures to the regions, England or any footprint, with coverage, rates and optional disclosure control")
    .argument("<dir>", "dataset folder written by suff ingest")
    .requiredOption("--to <target>", "region | england | footprint")
    .option("--footprints <file>", "footprint CSV new_la_code,footprint_code,footprint_name (needed with --to footprint)")
    .option("--publish", "apply disclosure control: suppress counts 1..k-1 and enough others that none can be worked out")
    .option("--k <n>", "small-count threshold for --publish", "5")
    .option("--no-cross-geography", "with --publish, do not protect the member LAs' small counts against footprint-minus-LA subtraction")
    .option("--years <range>", "only these years ending 31 March, e.g. 2021-2025")
    .option("--format <format>", "csv | xlsx | json (default: from the --out extension) | ees (with --publish: a folder of explore-education-statistics data and .meta.csv files, one pair per measure)")
    .option("--ledger <file>", "with --publish: the publication ledger to protect against and add to (default: publication-ledger.json in the dataset folder)")
    .requiredOption("--out <file>", "output file: .csv, .xlsx or .json; a folder for --format ees")
    .action(async (dir: string, options: AggregateCliOptions) => {
      if (options.out.trim() === "") throw new SuffError("E_OUT", "--out is empty.", { exitCode: 2, hint: "Give the file to write, e.g. --out out/footprints.csv (or a folder with --format ees)." });
      const requested = options.format?.trim().toLowerCase();
      if (requested !== undefined && !["csv", "xlsx", "json", "ees"].includes(requested)) throw usage(`--format ${options.format} is not one of csv, xlsx, json, ees.`);
      const inputs = { files: options.footprints ? [options.footprints] : [], folders: [dir] };
      if (requested !== "ees") checkOutFile(options.out, inputs);
      const format = requested === undefined ? path.extname(options.out).toLowerCase() : `.${requested}`;
      if (format === ".ees") {
        if (!options.publish) throw usage("--format ees writes files for publication: add --publish so that disclosure control is applied.");
        if (path.extname(options.out) !== "") throw usage(`--format ees writes a folder of files: --out ${options.out} should be a folder, not a file.`, "e.g. --out ees/");
      } else if (![".csv", ".xlsx", ".json"].includes(format)) throw usage(`--out ${options.out}: the extension must be .csv, .xlsx or .json (or use --format ees).`);
      if (format === ".ees") checkOutDir(options.out, inputs);
      if (options.ledger !== undefined && !options.publish) throw usage("--ledger is used with --publish.");
      const ledgerFile = options.publish ? (options.ledger ?? path.join(dir, "publication-ledger.json")) : undefined;
      if (ledgerFile !== undefined && ledgerFile.trim() === "") throw usage("--ledger is empty.", "Give the ledger file, or leave --ledger out to use publication-ledger.json in the dataset folder.");
      const k = Number(options.k);
      if (!Number.isInteger(k) || k < 2) throw usage(`--k ${options.k} is not a whole number of at least 2.`);
      const years = options.years === undefined ? undefined : parseYears(options.years);
      let to: AggregateTarget;
      const diagnostics = [];
      let description: string;
      if (options.to === "region" || options.to === "england") {
        if (options.footprints) throw usage("--footprints is only used with --to footprint.");
        to = options.to;
        description = options.to === "region" ? "Aggregates of LA figures to the nine regions of England" : "Aggregates of LA figures to England";
      } else if (options.to === "footprint") {
        if (!options.footprints) throw usage("--to footprint needs --footprints FILE.", "The file has the header new_la_code,footprint_code,footprint_name (see data/footprints/).");
        const loaded = loadFootprints(options.footprints);
        const parsed = parseFootprints(loaded.text, { file: options.footprints });
        diagnostics.push(...loaded.diagnostics, ...parsed.diagnostics);
        if (parsed.set.footprints.length === 0) {
          for (const d of diagnostics) process.stderr.write(`${d.severity} ${d.code} ${d.file ?? ""}${d.row ? `:${d.row}` : ""} ${d.message}\n`);
          throw new SuffError("E_FOOTPRINTS_EMPTY", `${options.footprints} defines no usable footprint.`, { exitCode: 1 });
        }
        to = parsed.set;
        description = `Aggregates of LA figures to the footprints of ${options.footprints}`;
      } else {
        throw usage(`--to ${options.to} is not one of region, england, footprint.`);
      }
      const { rows } = loadDataset(dir);
      const ledger = ledgerFile ? readLedgerFile(ledgerFile) : { entries: [] };
      const publish = options.publish ? { k, crossGeography: options.crossGeography, ledger: ledger.entries, laFigures: laFiguresFor(rows, ledger) } : undefined;
      const result = aggregateDataset(rows, { to, years, publish });
      result.diagnostics.unshift(...diagnostics);
      const output = aggregateOutput(result, years ? `${description}, ${years.from} to ${years.to}` : description);
      if (format === ".ees") {
        // The folder of EES files is written whole (staged, then moved into place).
        const ees = eesOutput(result);
        writeFolderWholeSync(options.out, (staging) => {
          for (const file of ees.files) {
            writeFileAtomic(path.join(staging, `${file.name}.csv`), toCsv(file.columns, file.rows));
            writeFileAtomic(path.join(staging, `${file.name}.meta.csv`), toCsv(EES_META_COLUMNS, file.meta));
          }
        }, { label: "ees", keep: (name) => !name.endsWith(".tmp") });
        process.stdout.write(`${ees.files.length} EES data files, each with its .meta.csv, in ${options.out}\n`);
        for (const s of ees.skipped) process.stdout.write(`  not an EES file: ${s.measure} (${s.reason}; it is in the .csv, .xlsx and .json outputs)\n`);
      } else if (format === ".csv") writeFileAtomic(options.out, toCsv(output.columns, output.records as Array<Record<string, CsvCell>>));
      else if (format === ".xlsx") writeFileAtomic(options.out, await tablesToXlsx(output.sheets));
      else writeFileAtomic(options.out, JSON.stringify(output.json, null, 2) + "\n");
      process.stdout.write(aggregateSummary(result, options.out));
      if (ledgerFile && result.contributions) {
        const added = appendLedgerFile(ledgerFile, publishedFigures(result.rows, result.contributions, path.resolve(options.out), new Date().toISOString().slice(0, 10)));
        process.stdout.write(`publication ledger ${ledgerFile}: ${added} figures added (${ledger.entries.length} published before were protected against)\n`);
      }
      process.exitCode = result.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
    });
}

/**
 * `suff report --dataset DIR --scope england|region:CODE|footprint:CODE|la:CODE|all-las|all-regions
 *  [--footprints FILE] [--year YYYY] [--scenario FILE]... --horizon H --format html,pdf,xlsx,csv --out DIR`:
 * the annual sufficiency report. Supply comes from the dataset's Ofsted register rows
 * (suff ingest of the Ofsted provider lists). Several scopes are rendered on both cores; the
 * output folder's index.html (the national overview) is rebuilt from every report in it. Exit 0 on
 * success, 2 for usage errors or unreadable input.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { SuffError } from "../spec/errors.ts";
import type { FootprintSet } from "../spec/footprint.ts";
import type { ReportScope } from "../spec/report.ts";
import { findLa, lasInYear } from "../reference/las.ts";
import { REGIONS } from "../reference/regions.ts";
import { loadDataset } from "../ingest/load-dataset.ts";
import { loadFootprintSet } from "../aggregate/load-footprint-set.ts";
import { loadEpisodeTable } from "../ingest/ssda903/load-ssda903.ts";
import { buildReport } from "../report/build-report.ts";
import { marketScenario } from "../market/market-scenario.ts";
import { prepareReportContext, publishedByReports, resolveScope, scopeInput, type ReportContext } from "../report/report-context.ts";
import { laFiguresFor } from "../aggregate/disclosure/publication-ledger.ts";
import { appendLedgerFile, readLedgerFile } from "../write/publication-ledger-file.ts";
import { checkOutDir } from "../write/out-path.ts";
import { beginReportFolders, finalPath } from "../write/report-folders.ts";
import type { ReportFormat } from "../write/report-files.ts";
import { renderReports, type RenderJob } from "./render-reports.ts";
import { overviewEntry, type OverviewEntry } from "../report/overview-entry.ts";
import { writeOverview, writeOverviewEntry } from "../write/overview.ts";

interface ReportCliOptions {
  dataset: string;
  scope: string;
  footprints?: string;
  year?: string;
  horizon: string;
  format: string;
  out: string;
  png: boolean;
  ssda903?: string;
  scenario: string[];
  ledger?: string;
}

function usage(message: string, hint?: string): SuffError {
  return new SuffError("E_USAGE", message, { exitCode: 2, hint });
}

/** Parse `--format html,pdf,xlsx,csv`. @throws SuffError E_USAGE for an unknown format. */
export function parseFormats(text: string): ReportFormat[] {
  const formats = text.split(",").map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) if (!["html", "pdf", "xlsx", "csv"].includes(f)) throw usage(`Unknown report format '${f}'.`, "Use any of html,pdf,xlsx,csv.");
  if (!formats.length) throw usage("--format needs at least one of html,pdf,xlsx,csv.");
  return formats as ReportFormat[];
}

/** Load footprints from a CSV, failing on errors in it (src/aggregate/load-footprint-set.ts). */
export { loadFootprintSet };

/** The scopes a --scope value stands for. */
export function expandScopes(scope: string, ctx: ReportContext): ReportScope[] {
  if (scope === "all-las") return lasInYear(ctx.year).map((la) => resolveScope(`la:${la.oldCode}`, ctx));
  if (scope === "all-regions") return REGIONS.map((r) => resolveScope(`region:${r.code}`, ctx));
  if (scope === "all-footprints") return (ctx.footprintSet?.footprints ?? []).map((f) => resolveScope(`footprint:${f.code}`, ctx));
  return scope.split(",").map((s) => resolveScope(s.trim(), ctx));
}

/**
 * Fail fast on a scope that cannot exist (unknown kind, LA, region or footprint), before the
 * shared forecasts are computed. Whether an LA existed in the report year is checked later.
 * @throws SuffError E_SCOPE (exit 2).
 */
export function checkScopeSyntax(scope: string, footprints: FootprintSet | undefined): void {
  if (scope === "all-las" || scope === "all-regions" || scope === "all-footprints") return;
  for (const part of scope.split(",").map((s) => s.trim())) {
    const [kind, code = ""] = part.split(":");
    const ok = kind === "england" ? code === ""
      : kind === "la" ? findLa(code) !== undefined
        : kind === "region" ? REGIONS.some((r) => r.code.toLowerCase() === code.toLowerCase() || r.name.toLowerCase() === code.toLowerCase())
          : kind === "footprint" ? footprints?.footprints.some((f) => f.code === code) === true
            : false;
    if (!ok) throw new SuffError("E_SCOPE", `Unknown scope ${part}.`, { exitCode: 2, hint: "Use england, region:CODE, footprint:CODE (with --footprints), la:CODE (old 3-digit or ONS code), all-las, all-regions or all-footprints." });
  }
}

/**
 * Folder name for a scope's report, e.g. "la-805-hartlepool": only a-z, 0-9 and "-" (a
 * footprint code such as "x/../../escaped" cannot leave the output folder).
 * @example scopeFolder({ kind: "footprint", code: "x/../../escaped", name: "X" }) // "footprint-x-escaped-x"
 */
export function scopeFolder(scope: ReportScope): string {
  const safe = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return scope.kind === "england" ? "england" : [scope.kind, safe(scope.code), safe(scope.name)].filter(Boolean).join("-");
}

/**
 * Every scope's folder; two scopes that would share a folder (codes "A" and "a", or codes
 * that differ only in characters a folder name cannot hold) are an error naming both.
 * @throws SuffError E_SCOPE_FOLDER_CLASH (exit 2).
 */
export function scopeFolders(scopes: readonly ReportScope[]): Map<ReportScope, string> {
  const out = new Map<ReportScope, string>();
  const owner = new Map<string, ReportScope>();
  for (const scope of scopes) {
    const folder = scopeFolder(scope);
    const other = owner.get(folder);
    if (other && !(other.kind === scope.kind && other.code === scope.code)) {
      throw new SuffError("E_SCOPE_FOLDER_CLASH", `${other.kind} ${JSON.stringify(other.code)} (${other.name}) and ${scope.kind} ${JSON.stringify(scope.code)} (${scope.name}) would be written to the same folder ${folder}.`, { exitCode: 2, hint: "Give the footprints codes that differ in more than upper/lower case or punctuation." });
    }
    owner.set(folder, scope);
    out.set(scope, folder);
  }
  return out;
}

/** Register the report command. */
export function register(program: Command): void {
  program
    .command("report")
    .description("Write the annual sufficiency report (HTML, PDF, Excel annex, CSV, charts) for England, a region, a footprint, an LA, or all of them")
    .requiredOption("--dataset <dir>", "dataset folder written by suff ingest")
    .requiredOption("--scope <scope>", "england | region:CODE | footprint:CODE | la:CODE | all-las | all-regions | all-footprints (comma-separate several)")
    .option("--footprints <file>", "footprint CSV new_la_code,footprint_code,footprint_name (used for footprint scopes and reconciliation)")
    .option("--year <yyyy>", "report year ending 31 March (default: latest with data)")
    .option("--horizon <years>", "forecast horizon in years", "3")
    .option("--format <list>", "html,pdf,xlsx,csv", "html,pdf,xlsx,csv")
    .option("--no-png", "do not write PNG copies of the charts (SVG and the vega-lite spec are always written)")
    .option("--ssda903 <dir>", "an SSDA903 extract: the reports of its LAs add the stock-flow projection and its backtest")
    .option("--scenario <file>", "market scenario JSON shown beside the base (repeat for several; see docs/market.md)", (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option("--ledger <file>", "the publication ledger to protect against and add to (default: publication-ledger.json in the dataset folder)")
    .requiredOption("--out <dir>", "output folder (one sub-folder per report)")
    .action(async (options: ReportCliOptions) => {
      const formats = parseFormats(options.format);
      const horizon = Number(options.horizon);
      if (!Number.isInteger(horizon) || horizon < 1 || horizon > 10) throw usage(`--horizon ${options.horizon} must be a whole number of years from 1 to 10.`);
      const year = options.year === undefined ? undefined : Number(options.year);
      if (year !== undefined && !/^\d{4}$/.test(options.year!)) throw usage(`--year ${options.year} is not a year.`);
      checkOutDir(options.out, { folders: [options.dataset], files: [...(options.footprints ? [options.footprints] : []), ...options.scenario, ...(options.ssda903 ? [options.ssda903] : [])] });
      const ledgerFile = options.ledger ?? path.join(options.dataset, "publication-ledger.json");
      if (ledgerFile.trim() === "") throw usage("--ledger is empty.", "Give the ledger file, or leave --ledger out to use publication-ledger.json in the dataset folder.");
      const started = Date.now();
      const { rows } = loadDataset(options.dataset);
      const ledger = readLedgerFile(ledgerFile);
      const footprints = options.footprints ? loadFootprintSet(options.footprints) : undefined;
      checkScopeSyntax(options.scope, footprints);
      process.stderr.write("Preparing aggregates, forecasts and backtests...\n");
      const ssda903 = options.ssda903 ? loadEpisodeTable(options.ssda903).table : undefined;
      const scenarios = options.scenario.map((file) => {
        if (!existsSync(file)) throw new SuffError("E_FILE_UNREADABLE", `Cannot read the scenario ${file}.`, { exitCode: 2 });
        return marketScenario(readFileSync(file, "utf8"), file);
      });
      const ctx = prepareReportContext(rows, { year, horizon, footprints, ssda903, scenarios, ledger: ledger.entries, laFigures: laFiguresFor(rows, ledger) });
      const scopes = expandScopes(options.scope, ctx);
      const folders = scopeFolders(scopes);
      const generated = new Date().toISOString().slice(0, 10);
      const entries: OverviewEntry[] = [];
      const jobs: RenderJob[] = scopes.map((scope) => {
        const input = scopeInput(ctx, scope, generated);
        entries.push(overviewEntry(input, `${folders.get(scope)!}/report.html`));
        return { model: buildReport(input), dir: folders.get(scope)! };
      });
      // Rendered into staging folders, then each moved into place as a unit.
      const staged = beginReportFolders(options.out);
      let written: Awaited<ReturnType<typeof renderReports>>;
      try {
        for (const note of staged.notes) process.stderr.write(`note: ${note}\n`);
        for (const job of jobs) job.dir = staged.staging(job.dir);
        written = await renderReports(jobs, {
          formats,
          png: options.png,
          onProgress: (done, total, report) => process.stderr.write(`[${done}/${total}] ${finalPath(report.dir)}\n`),
        });
        jobs.forEach((job, i) => writeOverviewEntry(job.dir, entries[i]));
        staged.commit(scopes.map((scope) => folders.get(scope)!));
      } finally {
        staged.release();
      }
      for (const w of written) {
        const main = w.files.find((f) => f.endsWith("report.html")) ?? w.files[0];
        process.stdout.write(`${path.join(options.out, path.relative(path.resolve(options.out), finalPath(main)))}\n`);
      }
      if (formats.includes("html")) process.stdout.write(`${writeOverview(options.out, generated)}\n`);
      if (formats.includes("pdf") && written.some((w) => !w.files.some((f) => f.endsWith(".pdf")))) process.stderr.write("PDFs were not written: Chromium is not installed. Install it with `apt-get install -y chromium` and rerun.\n");
      const added = appendLedgerFile(ledgerFile, publishedByReports(ctx, scopes, path.resolve(options.out), generated));
      process.stderr.write(`publication ledger ${ledgerFile}: ${added} figures added (${ledger.entries.length} published before were protected against)\n`);
      process.stderr.write(`${written.length} report(s) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    });
}

/**
 * `npm start`: the published-data pipeline, end to end.
 *
 * Stages (each a small exported function, so later stages such as reports can be added):
 *  1. ingestPublished: ingest every file in data/published/ into one dataset
 *     (reports/latest/dataset/: dataset.csv, manifest.json, diagnostics.csv).
 *  2. aggregatePublished: aggregate the LA rows to the nine regions and England
 *     (counts sum, rates per 10,000 children from ONS population, coverage).
 *  3. writeTidyOutputs: write reports/latest/regions.csv, england.csv and
 *     comparison_with_published.csv (computed vs published regional/national figures).
 *  4. claSummary + formatClaSummary: children looked after at 31 March of the latest year
 *     by region and England, with rates per 10,000, and the England sum of LAs checked
 *     against the published national figure (81,770 in 2025), any difference explained.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { DatasetRow } from "./spec/dataset.ts";
import { REGIONS } from "./reference/regions.ts";
import { ingestFiles, type IngestResult } from "./ingest/ingest-files.ts";
import { loadFiles } from "./ingest/load-files.ts";
import { aggregateDataset } from "./aggregate/aggregate-dataset.ts";
import { ownerTotalsOnly } from "./aggregate/owner-totals-only.ts";
import { AGGREGATE_COLUMNS, type AggregateResult, type AggregateRow } from "./aggregate/types.ts";
import { writeDataset } from "./write/dataset.ts";
import { writeFileAtomic } from "./write/atomic.ts";
import { toCsv, type CsvCell } from "./write/csv.ts";
import { claSummary, formatClaSummary, latestClaYear, type ClaSummary } from "./report/cla-summary.ts";
import { buildReport } from "./report/build-report.ts";
import { prepareReportContext, resolveScope, scopeInput } from "./report/report-context.ts";
import { findChromium } from "./write/pdf.ts";
import { renderReports, type RenderJob } from "./cli/render-reports.ts";
import { scopeFolder } from "./cli/report.ts";
import { overviewEntry, type OverviewEntry } from "./report/overview-entry.ts";
import { writeOverview, writeOverviewEntry } from "./write/overview.ts";

export { claSummary, formatClaSummary, latestClaYear, type ClaSummary, type ClaSummaryLine } from "./report/cla-summary.ts";

/** Where npm start reads and writes by default. */
export const DEFAULTS = { input: "data/published", out: "reports/latest" } as const;

/** Stage 1: ingest every published file under `input`. */
export async function ingestPublished(input: string = DEFAULTS.input): Promise<IngestResult> {
  return ingestFiles(loadFiles([input]));
}

/**
 * Stage 2: aggregate the dataset's LA rows to regions and to England (the Ofsted register's
 * owner leaves are left to src/market: their totals over owners are aggregated).
 */
export function aggregatePublished(rows: readonly DatasetRow[]): { regions: AggregateResult; england: AggregateResult } {
  const aggregable = ownerTotalsOnly(rows);
  return { regions: aggregateDataset(aggregable, { to: "region" }), england: aggregateDataset(aggregable, { to: "england" }) };
}

function aggregateRecords(rows: readonly AggregateRow[]): Record<string, CsvCell>[] {
  return rows.map((row) => {
    const { dims, comparable, ...rest } = row;
    const record: Record<string, CsvCell> = { ...rest, comparable: comparable ? "true" : "false" };
    for (const [column, value] of Object.entries(dims)) record[column] = value;
    return record;
  });
}

/** Stage 3: write the dataset folder and the tidy aggregate outputs into `out`. */
export function writeTidyOutputs(out: string, dataset: IngestResult, aggregates: { regions: AggregateResult; england: AggregateResult }): string[] {
  const written = Object.values(writeDataset(path.join(out, "dataset"), dataset));
  const regions = path.join(out, "regions.csv");
  const england = path.join(out, "england.csv");
  const comparison = path.join(out, "comparison_with_published.csv");
  writeFileAtomic(regions, toCsv(AGGREGATE_COLUMNS, aggregateRecords(aggregates.regions.rows)));
  writeFileAtomic(england, toCsv(AGGREGATE_COLUMNS, aggregateRecords(aggregates.england.rows)));
  const comparisonRows = [...aggregates.regions.comparison, ...aggregates.england.comparison] as unknown as Record<string, CsvCell>[];
  writeFileAtomic(comparison, toCsv(["footprint_code", "footprint_name", "time_period", "measure", "dims", "computed", "computed_status", "published", "published_status", "difference"], comparisonRows));
  return [...written, regions, england, comparison];
}

/** The LA whose report `npm start` writes as an example (Hartlepool, DfE code 805). */
export const EXAMPLE_LA = "805";

function stage(label: string): () => void {
  const started = Date.now();
  process.stderr.write(`${label}...`);
  return () => process.stderr.write(` done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

/**
 * Run every stage: 1-4 as above (ingest, aggregate, tidy outputs, summary), then
 * 5. prepare the shared report context (aggregates, reconciled forecasts, backtests);
 * 6. build the England, nine regional and example LA reports; 7. render them (HTML, PDF,
 * XLSX, CSV, charts) on both cores, printing progress and each report's path; 8. write the
 * national overview (index.html) listing every report with its headline figures.
 */
export async function main(input: string = DEFAULTS.input, out: string = DEFAULTS.out, options: { horizon?: number; reports?: boolean } = {}): Promise<ClaSummary> {
  const started = Date.now();
  let done = stage(`[1/6] Ingesting ${input}`);
  const dataset = await ingestPublished(input);
  done();
  done = stage("[2/6] Aggregating to regions and England");
  const aggregates = aggregatePublished(dataset.rows);
  done();
  done = stage("[3/6] Writing tidy outputs");
  const written = writeTidyOutputs(out, dataset, aggregates);
  done();
  const summary = claSummary(dataset.rows, aggregates, latestClaYear(dataset.rows));
  const d = dataset.manifest.diagnostics;
  process.stdout.write(`Ingested ${dataset.manifest.inputs.filter((i) => !i.derived_from).length} files from ${input}: ${dataset.manifest.rows} rows (${d.error} errors, ${d.warning} warnings, ${d.info} info).\n`);
  process.stdout.write(`Wrote ${written.join(", ")}.\n\n`);
  process.stdout.write(formatClaSummary(summary));
  if (options.reports === false) return summary;

  done = stage("[4/6] Forecasting (LA -> region -> England, reconciled) and backtesting");
  const ctx = prepareReportContext(dataset.rows, { horizon: options.horizon ?? 3 });
  done();
  done = stage("[5/6] Building the England, regional and example LA reports");
  const generated = new Date().toISOString().slice(0, 10);
  const scopes = [resolveScope("england", ctx), ...REGIONS.map((r) => resolveScope(`region:${r.code}`, ctx)), resolveScope(`la:${EXAMPLE_LA}`, ctx)];
  const entries: OverviewEntry[] = [];
  const jobs: RenderJob[] = scopes.map((scope) => {
    const input = scopeInput(ctx, scope, generated);
    entries.push(overviewEntry(input, `${scopeFolder(scope)}/report.html`));
    return { model: buildReport(input), dir: path.join(out, scopeFolder(scope)) };
  });
  done();
  process.stderr.write(`[6/6] Rendering ${jobs.length} reports on both cores (HTML, PDF, Excel, CSV, charts)\n`);
  const reports = await renderReports(jobs, {
    formats: ["html", "pdf", "xlsx", "csv"],
    onProgress: (n, total, report) => process.stderr.write(`  [${String(n).padStart(2)}/${total}] ${report.dir}\n`),
  });
  jobs.forEach((job, i) => writeOverviewEntry(job.dir, entries[i]));
  const overview = writeOverview(out, generated);
  process.stdout.write("\nReports:\n");
  for (const r of reports) {
    const html = r.files.find((f) => f.endsWith("report.html"));
    const pdf = r.files.find((f) => f.endsWith("report.pdf"));
    process.stdout.write(`  ${html}${pdf ? `  (PDF: ${pdf})` : ""}\n`);
  }
  if (!findChromium()) process.stdout.write("\nPDFs were not written: Chromium is not installed. On Debian/Ubuntu run `apt-get install -y chromium`, then `npm start` again.\n");
  process.stdout.write(`\nNational overview: ${overview}\n`);
  process.stdout.write(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Open ${overview} in a browser.\n`);
  return summary;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}

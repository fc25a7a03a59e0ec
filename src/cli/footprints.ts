/**
 * `suff footprints compare --dataset DIR --candidates NAME=FILE[,NAME=FILE...] [--include regions,combined-authorities]
 *  [--beds 4] [--horizon 3] [--origins 6] [--draws 10000] [--seed N] [--no-html] --out DIR`:
 * which grouping of LAs forecasts, fills and shares homes best. Writes footprint_metrics.csv,
 * candidates.csv, footprints.xlsx and footprints.html (logic in src/footprints).
 *
 * Exit 0 on success, 2 on a usage error or unreadable input.
 */
import path from "node:path";
import type { Command } from "commander";
import { SuffError } from "../spec/errors.ts";
import { loadDataset } from "../ingest/load-dataset.ts";
import { BUILT_IN_CANDIDATES, parseCandidates } from "../footprints/candidates.ts";
import { compareFootprints } from "../footprints/compare.ts";
import { candidateChart, candidateColumns, candidateRecords, CHART_METRICS, comparisonHtml, comparisonSheets, METRIC_COLUMNS, metricChart, metricRecords } from "../footprints/outputs.ts";
import { writeFileAtomic } from "../write/atomic.ts";
import { toCsv, type CsvCell } from "../write/csv.ts";

interface CompareCliOptions {
  dataset: string;
  candidates?: string;
  include?: string;
  beds: string;
  horizon: string;
  origins: string;
  draws: string;
  seed: string;
  html: boolean;
  out: string;
}

function wholeNumber(text: string, option: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new SuffError("E_USAGE", `${option} ${text} must be a whole number from ${min} to ${max}.`, { exitCode: 2 });
  return n;
}

/** Register `footprints compare`. */
export function register(program: Command): void {
  program.enablePositionalOptions();
  const footprints = program.command("footprints").description("Footprint design: compare groupings of LAs (regions, combined authorities, your own) on forecastability, specialist scale and void risk, self-sufficiency, market power, distance and size");
  footprints
    .command("compare")
    .description("Measure every footprint of every candidate the same way and rank the candidates (footprint_metrics.csv, candidates.csv, footprints.xlsx, footprints.html)")
    .requiredOption("--dataset <dir>", "dataset folder written by suff ingest")
    .option("--candidates <list>", "NAME=FILE[,NAME=FILE...]: footprint CSVs new_la_code,footprint_code,footprint_name (overlapping and cross-region allowed)")
    .option("--include <names>", `built-in candidates, comma separated: ${Object.keys(BUILT_IN_CANDIDATES).join(", ")}`)
    .option("--beds <n>", "beds of the specialist home whose void risk is simulated", "4")
    .option("--horizon <years>", "years the plan forecasts and is backtested over (1 to 5)", "3")
    .option("--origins <n>", "backtest origins (the latest years that leave an actual)", "6")
    .option("--draws <n>", "simulated draws of specialist demand", "10000")
    .option("--seed <n>", "random seed (the same seed gives the same figures)", "20260101")
    .option("--no-html", "skip the HTML page (and its charts)")
    .requiredOption("--out <dir>", "output folder")
    .action(async (options: CompareCliOptions) => {
      const beds = wholeNumber(options.beds, "--beds", 1, 100);
      const horizon = wholeNumber(options.horizon, "--horizon", 1, 5);
      const origins = wholeNumber(options.origins, "--origins", 1, 15);
      const draws = wholeNumber(options.draws, "--draws", 100, 1000000);
      const seed = wholeNumber(options.seed, "--seed", 0, 2 ** 31);
      const started = Date.now();
      let stageStart = Date.now();
      const stage = (label: string) => { process.stderr.write(`  ${label}: ${((Date.now() - stageStart) / 1000).toFixed(1)} s\n`); stageStart = Date.now(); };
      const candidates = parseCandidates(options.candidates, options.include);
      const { rows } = loadDataset(options.dataset);
      stage("load dataset");
      process.stderr.write(`Measuring ${candidates.reduce((a, c) => a + c.footprints.length, 0)} footprints of ${candidates.length} candidate(s)...\n`);
      const result = compareFootprints(rows, candidates, { beds, horizon, origins, draws, seed, onStage: stage });
      const written: string[] = [];
      const write = (name: string, content: string | Uint8Array) => { const file = path.join(options.out, name); writeFileAtomic(file, content); written.push(file); };
      write("footprint_metrics.csv", toCsv([...METRIC_COLUMNS], metricRecords(result) as Array<Record<string, CsvCell>>));
      write("candidates.csv", toCsv(candidateColumns(), candidateRecords(result) as Array<Record<string, CsvCell>>));
      const { tablesToXlsx } = await import("../write/xlsx.ts");
      write("footprints.xlsx", await tablesToXlsx(comparisonSheets(result), { creator: "Sufficiency Toolkit" }));
      if (options.html) {
        const { renderChart } = await import("../write/chart.ts");
        const svgs = new Map<string, string>();
        svgs.set("f-candidates", (await renderChart(candidateChart(result), "f-candidates", 0)).svg);
        for (const m of CHART_METRICS) svgs.set(`f-${m}`, (await renderChart(metricChart(result, m), `f-${m}`, 0)).svg);
        write("footprints.html", comparisonHtml(result, svgs, { generated: new Date().toISOString().slice(0, 10), dataset: options.dataset }));
      }
      stage("write");
      for (const f of written) process.stdout.write(`${f}\n`);
      for (const r of result.candidateRows) process.stdout.write(`${r.rank}. ${r.candidate}: ${r.reasons}\n`);
      process.stderr.write(`${result.candidateRows.length} candidate(s), ${new Set(result.metrics.map((m) => `${m.candidate}|${m.footprint_code}`)).size} footprints in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    });
}

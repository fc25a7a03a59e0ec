/**
 * `suff forecast INPUT.csv --horizon H --out OUT.csv`: forecast every series of a long CSV
 * (series_id,period,value) and write series_id,period,model,mean,lo80,hi80,lo95,hi95.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { SuffError } from "../spec/errors.ts";
import type { AnyModelSpec, ModelFailure, SeriesSet } from "../spec/forecast.ts";
import { defaultPlan } from "../forecast/default-plan.ts";
import { run } from "../forecast/run.ts";
import { MODEL_NAMES, modelByName } from "../forecast/model-registry.ts";
import { forecastColumns, forecastRecords, readSeriesCsv } from "../forecast/series-io.ts";
import { writeFileAtomic } from "../write/atomic.ts";
import { toCsv } from "../write/csv.ts";
import type { DatasetModeOptions } from "./forecast-dataset-mode.ts";

export interface SeriesCommandOptions {
  horizon: string;
  model: string;
  level: string;
  frequency?: string;
  calibrate: boolean;
  out: string;
}

/** Parse a positive integer option or stop with a usage error. */
export function positiveInteger(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new SuffError("E_USAGE", `${option} must be a positive whole number, got ${JSON.stringify(text)}`);
  return value;
}

/** Parse --level (comma list of percentages in (0, 100)). */
export function parseLevels(text: string): number[] {
  const levels = text.split(",").map((x) => x.trim()).filter((x) => x !== "").map(Number);
  if (levels.length === 0 || levels.some((l) => !(l > 0 && l < 100))) throw new SuffError("E_USAGE", `--level must be a comma list of percentages between 0 and 100, got ${JSON.stringify(text)}`);
  return levels;
}

/** Resolve --model or stop with the list of known names. */
export function resolveModel(name: string): AnyModelSpec | "auto" {
  const spec = modelByName(name);
  if (!spec) throw new SuffError("E_USAGE", `unknown --model ${JSON.stringify(name)}`, { hint: `choose one of: ${MODEL_NAMES.join(", ")}` });
  return spec;
}

/** Read the long CSV, print its diagnostics, and stop when nothing usable is left. */
export function readSeriesFile(input: string, frequency: string | undefined): SeriesSet {
  let text: string;
  try {
    text = readFileSync(input, "utf8");
  } catch (error) {
    throw new SuffError("E_READ", `cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const result = readSeriesCsv(text, { file: input, frequency: frequency === undefined ? undefined : Number(frequency) });
  printDiagnostics(result.diagnostics);
  process.stderr.write(`read ${result.rows} rows: ${result.accepted} accepted, ${result.rows - result.accepted} rejected; ${result.series.length} series\n`);
  const usable = result.series.filter((s) => s.values.some(Number.isFinite));
  if (usable.length === 0) throw new SuffError("E_NO_SERIES", `${input} has no series with an observed value`, { hint: "Columns series_id,period,value; periods like 2025, 2025-Q1 or 2025-01." });
  return usable;
}

/** Print diagnostics one per line (file:row: severity CODE message), at most 50 of them. */
export function printDiagnostics(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics.slice(0, 50)) {
    const where = [d.file, d.row !== undefined ? `row ${d.row}` : undefined, d.column].filter(Boolean).join(":");
    process.stderr.write(`${where}: ${d.severity} ${d.code} ${d.message}\n`);
  }
  if (diagnostics.length > 50) process.stderr.write(`... and ${diagnostics.length - 50} more diagnostics\n`);
}

/**
 * Print failed series: how many, and the reasons (most common first). A failed series is
 * forecast by the named fallback, never dropped.
 */
export function printFailures(failures: readonly ModelFailure[]): string {
  if (failures.length === 0) return "no model failures";
  const reasons = new Map<string, number>();
  for (const f of failures) reasons.set(`${f.model}: ${f.reason} (fallback ${f.fallback})`, (reasons.get(`${f.model}: ${f.reason} (fallback ${f.fallback})`) ?? 0) + 1);
  for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 10)) process.stderr.write(`warning: ${count} series: ${reason}\n`);
  return `${failures.length} series used a fallback model (see warnings)`;
}

/** Register the forecast command (long CSV mode and --dataset mode). */
export function register(program: Command): void {
  program
    .command("forecast")
    .description("Forecast every series of a long CSV (series_id,period,value; periods YYYY, YYYY-Qn or YYYY-MM) with calibrated intervals.")
    .argument("[input]", "long CSV with columns series_id,period,value (not with --dataset)")
    .requiredOption("--horizon <h>", "periods ahead to forecast")
    .option("--model <name>", `model: ${MODEL_NAMES.join(", ")}`, "auto")
    .option("--level <list>", "interval levels in percent, comma separated", "80,95")
    .option("--frequency <m>", "observations per year: 1, 4 or 12 (default: from the periods)")
    .option("--calibrate", "conformal intervals calibrated on rolling-origin errors (default)", true)
    .option("--no-calibrate", "analytic (model-based) intervals instead of calibrated ones")
    .requiredOption("--out <file>", "forecast CSV to write")
    .option("--dataset <dir>", "forecast a measure of a dataset folder made by suff ingest (tidy EES output, reconciled LA -> footprint -> England)")
    .option("--measure <id>", "with --dataset: template measure id, e.g. cla_31_march")
    .option("--by <dims>", "with --dataset: dimensions to forecast by, comma separated (e.g. placement_type)")
    .option("--footprints <file>", "with --dataset: footprint CSV new_la_code,footprint_code,footprint_name (default: regions)")
    .option("--publish", "with --dataset: apply disclosure control (forecasts of suppressed or small cells, and enough others, shown as c); without it the file is marked UNPROTECTED in its name and first line")
    .option("--k <n>", "with --publish: small-count threshold", "5")
    .option("--reconcile <method>", "with --dataset: how LA -> region -> England add up: bottom-up (default), mint, top-down, ols, wls-structural, wls-variance")
    .action(async (input: string | undefined, options: SeriesCommandOptions & Partial<DatasetModeOptions>) => {
      if (options.dataset) {
        // Loaded only when used, so the long-CSV mode starts faster.
        const { runDatasetMode } = await import("./forecast-dataset-mode.ts");
        return runDatasetMode({ ...options, dataset: options.dataset }, positiveInteger(options.horizon, "--horizon"), parseLevels(options.level));
      }
      if (!input) throw new SuffError("E_USAGE", "give a long CSV INPUT, or --dataset DIR --measure ID");
      const horizon = positiveInteger(options.horizon, "--horizon");
      const levels = parseLevels(options.level);
      const spec = resolveModel(options.model);
      const series = readSeriesFile(input, options.frequency);
      const plan = defaultPlan(series, { model: spec, calibrate: options.calibrate, levels });
      const result = run(plan, { horizon });
      for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
      const failures = printFailures(result.failures);
      const table = result.rows;
      writeFileAtomic(options.out, toCsv(forecastColumns(levels), forecastRecords(table, levels)));
      const models = [...new Set(table.map((r) => r.model))];
      process.stdout.write(`wrote ${options.out}: ${table.length} rows, ${series.length} series, horizon ${horizon}, model ${models.slice(0, 3).join("; ")}${models.length > 3 ? "; ..." : ""}, ${plan.calibration.method === "conformal" ? "calibrated" : "analytic"} intervals, ${failures}\n`);
    });
}

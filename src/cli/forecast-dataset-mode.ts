/**
 * The `--dataset` mode of `suff forecast` and `suff backtest`: a template measure of a dataset
 * folder made by `suff ingest`, with the default dataset plan (LA -> region -> England,
 * reconciled; footprints summed; breakdowns by share), written as tidy EES-style CSV.
 * Parse, call, print; no logic.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { protectForecasts } from "../forecast/protect-forecasts.ts";
import { checkOutFile } from "../write/out-path.ts";
import { SuffError } from "../spec/errors.ts";
import { DIMENSION_COLUMNS, type DatasetRow, type DimensionColumn } from "../spec/dataset.ts";
import type { FootprintSet } from "../spec/footprint.ts";
import type { AnyModelSpec, ReconcileMethod } from "../spec/forecast.ts";
import { parseFootprints } from "../aggregate/parse-footprints.ts";
import { loadDataset } from "../ingest/load-dataset.ts";
import { datasetForecastRows, forecastDatasetColumns } from "../forecast/forecast-dataset.ts";
import { datasetPlan, type DatasetPlan } from "../forecast/dataset-plan.ts";
import { run } from "../forecast/run.ts";
import { RECONCILE_METHODS } from "../forecast/reconcile.ts";
import { MODEL_NAMES, modelByName } from "../forecast/model-registry.ts";
import { writeFileAtomic } from "../write/atomic.ts";
import { toCsv } from "../write/csv.ts";
import { printFailures } from "./forecast.ts";

export interface DatasetModeOptions {
  dataset: string;
  measure?: string;
  by?: string;
  footprints?: string;
  reconcile?: string;
  /** A --model name; "auto" (default) means the default dataset model (rate-to-region with the dataset's population). */
  model?: string;
  calibrate?: boolean;
  /** Apply disclosure control (for publication); otherwise the output is marked UNPROTECTED. */
  publish?: boolean;
  k?: string;
  out: string;
}

/**
 * The file an unprotected forecast goes to: the name says UNPROTECTED (added before the
 * extension unless it already does).
 * @example unprotectedPath("out/f.csv") // "out/f.UNPROTECTED.csv"
 */
export function unprotectedPath(out: string): string {
  if (/UNPROTECTED/.test(path.basename(out))) return out;
  const ext = path.extname(out);
  return `${out.slice(0, out.length - ext.length)}.UNPROTECTED${ext}`;
}

/** The first line of an unprotected forecast file. */
export const UNPROTECTED_LINE = "# UNPROTECTED: analyst forecast with no disclosure control (small counts can be worked out from it). Not for publication: use suff forecast --publish.";

/** Accept "mint" as short for mint-shrink and "wls" for wls-structural. */
function reconcileMethod(text: string | undefined): ReconcileMethod | undefined {
  if (text === undefined) return undefined;
  const name = text.trim().toLowerCase();
  const resolved = name === "mint" ? "mint-shrink" : name === "wls" ? "wls-structural" : name;
  if (!(RECONCILE_METHODS as readonly string[]).includes(resolved)) throw new SuffError("E_USAGE", `unknown --reconcile ${JSON.stringify(text)}`, { hint: `choose one of: mint, ${RECONCILE_METHODS.join(", ")} (forecasts are always coherent: LAs add up to regions and England)` });
  return resolved as ReconcileMethod;
}

function readFootprints(file: string): FootprintSet {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SuffError("E_READ", `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const parsed = parseFootprints(text, { file });
  for (const d of parsed.diagnostics.slice(0, 50)) process.stderr.write(`${[d.file, d.row !== undefined ? `row ${d.row}` : undefined, d.column].filter(Boolean).join(":")}: ${d.severity} ${d.code} ${d.message}\n`);
  if (parsed.set.footprints.length === 0) throw new SuffError("E_NO_FOOTPRINTS", `${file} defines no usable footprint`, { hint: "CSV columns new_la_code,footprint_code,footprint_name" });
  return parsed.set;
}

/**
 * The dataset plan the options ask for (the library's default dataset plan, with any --model,
 * --by, --footprints and --reconcile), with progress printed to stderr.
 * @throws SuffError E_USAGE for a missing --measure, an unknown dimension, method or model,
 *   or --no-calibrate; errors of loadDataset and datasetPlan.
 */
export function datasetModePlan(options: DatasetModeOptions, levels: number[]): DatasetPlan {
  if (!options.measure) throw new SuffError("E_USAGE", "--dataset needs --measure ID", { hint: "e.g. suff forecast --dataset ds --measure cla_31_march --horizon 3 --out f.csv" });
  if (options.calibrate === false) throw new SuffError("E_USAGE", "--no-calibrate is not available with --dataset: reconciled forecasts, footprints and breakdowns are calibrated from the plan's own past errors");
  const by = (options.by ?? "").split(",").map((x) => x.trim()).filter((x) => x !== "");
  for (const column of by) if (!(DIMENSION_COLUMNS as readonly string[]).includes(column)) throw new SuffError("E_USAGE", `unknown dimension in --by: ${JSON.stringify(column)}`, { hint: `dimensions: ${DIMENSION_COLUMNS.join(", ")}` });
  const method = reconcileMethod(options.reconcile);
  const footprints = options.footprints ? readFootprints(options.footprints) : undefined;
  let model: AnyModelSpec | undefined;
  if (options.model && options.model !== "auto") {
    const named = modelByName(options.model);
    if (!named) throw new SuffError("E_USAGE", `unknown --model ${JSON.stringify(options.model)}`, { hint: `choose one of: ${MODEL_NAMES.join(", ")}` });
    if (named !== "auto") model = named;
  }
  const { rows } = loadDataset(options.dataset, { measures: [options.measure, "population_0_17"] });
  datasetRows.set(options, rows);
  process.stderr.write(`building the plan for ${options.measure}${by.length ? ` by ${by.join(", ")}` : ""}...\n`);
  footprintSets.set(options, footprints);
  return datasetPlan({ rows, measure: options.measure, by: by as DimensionColumn[], footprints, reconcile: method }, { model, levels });
}
const datasetRows = new WeakMap<DatasetModeOptions, DatasetRow[]>();
const footprintSets = new WeakMap<DatasetModeOptions, FootprintSet | undefined>();

/**
 * A progress callback that prints `label: done of total` on one line: rewritten in place on a
 * terminal, otherwise printed at the start and at every quarter.
 * @example progressLine("forecasting")(3, 11)
 */
export function progressLine(label: string): (done: number, total: number) => void {
  const started = Date.now();
  let printed = -1;
  return (done, total) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${label}: origin ${done} of ${total} (${seconds} s)${done === total ? "\n" : ""}`);
      return;
    }
    const quarter = Math.floor((4 * done) / total);
    if (done === 1 || (quarter > printed && quarter > 0)) {
      printed = quarter;
      process.stderr.write(`${label}: origin ${done} of ${total} (${seconds} s)\n`);
    }
  };
}

/**
 * Runs `suff forecast --dataset DIR --measure ID [--by DIMS] [--footprints FILE] [--reconcile METHOD] --horizon H --out OUT.csv`.
 * @throws SuffError E_USAGE for a missing --measure, an unknown dimension, method or model; errors of loadDataset and datasetPlan.
 * @example runDatasetMode({ dataset: "tmp", measure: "cla_31_march", out: "f.csv" }, 3, [80, 95]) // writes f.csv
 */
export function runDatasetMode(options: DatasetModeOptions, horizon: number, levels: number[]): void {
  const started = Date.now();
  const k = Number(options.k ?? "5");
  if (!Number.isInteger(k) || k < 2) throw new SuffError("E_USAGE", `--k ${options.k} is not a whole number of at least 2.`);
  const out = options.publish ? options.out : unprotectedPath(options.out);
  checkOutFile(out, { folders: [options.dataset], files: options.footprints ? [options.footprints] : [] });
  const plan = datasetModePlan(options, levels);
  for (const note of plan.panel.notes ?? []) process.stderr.write(`note: ${note}\n`);
  const result = run(plan, { horizon, onProgress: progressLine("forecasting: re-running the plan at each earlier origin (calibration, MinT)") });
  for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
  const failures = printFailures(result.failures);
  const rows = datasetForecastRows(plan, result.rows);
  const dimensions = plan.geography.dimensions;
  const control = options.publish ? protectForecasts(rows, datasetRows.get(options) ?? [], { k, footprints: footprintSets.get(options) }) : null;
  const records = rows.map((r, i) => {
    const record: Record<string, string | number> = {
      time_period: r.time_period, time_identifier: r.time_identifier, geographic_level: r.geographic_level, country_code: r.country_code, country_name: r.country_name,
      region_code: r.region_code, region_name: r.region_name, footprint_code: r.footprint_code, footprint_name: r.footprint_name, old_la_code: r.old_la_code, new_la_code: r.new_la_code, la_name: r.la_name,
      measure: r.measure, model: r.model, mean: r.mean,
    };
    for (const column of dimensions) record[column] = r.dims[column] ?? "";
    for (const level of levels) { record[`lo${level}`] = r.lower[level]!; record[`hi${level}`] = r.upper[level]!; }
    if (control?.hidden[i]) {
      record.mean = "c";
      for (const level of levels) { record[`lo${level}`] = "c"; record[`hi${level}`] = "c"; }
    }
    return record;
  });
  const text = toCsv(forecastDatasetColumns(dimensions, levels), records);
  writeFileAtomic(out, control ? text : `${UNPROTECTED_LINE}\n${text}`);
  if (control) for (const note of control.notes) process.stderr.write(`note: ${note}\n`);
  else process.stderr.write(`warning: ${out} is UNPROTECTED (no disclosure control): for your own analysis only. Use --publish for a file to publish.\n`);
  const by = plan.geography.breakdowns.map((b) => b.join(" x "));
  process.stdout.write(`wrote ${out}: ${rows.length} rows (${plan.geography.measure}${by.length ? ` by ${by.join(", ")}` : ""}), horizon ${horizon}, ${result.model} reconciled with ${plan.reconcile!.method}${plan.panel.sums?.length ? `, ${plan.panel.sums.length} footprints summed from the LAs` : ""}, calibrated intervals, ${failures}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

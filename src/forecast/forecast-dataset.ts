/**
 * Forecast a template measure of a dataset (the output of `suff ingest`) for every current LA,
 * region, footprint and England (optionally broken down by dimensions) with its default plan,
 * as tidy EES-style rows with interval columns. See dataset-plan.ts for the plan and run.ts for
 * how it runs.
 */
import type { DatasetRow, DimensionColumn } from "../spec/dataset.ts";
import { DIMENSION_COLUMNS } from "../spec/dataset.ts";
import type { FootprintSet } from "../spec/footprint.ts";
import type { AnyModelSpec, ForecastDistribution, ForecastRow, ModelFailure, ReconcileMethod } from "../spec/forecast.ts";
import { TOTAL } from "../reference/code-lists.ts";
import { ENGLAND, REGIONS } from "../reference/regions.ts";
import { findLa } from "../reference/las.ts";
import { datasetPlan, type DatasetPlan } from "./dataset-plan.ts";
import { run } from "./run.ts";

export interface ForecastDatasetOptions {
  measure: string;
  /** Dimensions to break each LA's forecast into (crossed); default none (totals only). */
  by?: DimensionColumn[];
  /** Footprints shown beside regions and England (sums of the reconciled LAs; they never change England). */
  footprints?: FootprintSet;
  /** How LA -> region -> England are made coherent (default DEFAULT_RECONCILE). */
  reconcile?: ReconcileMethod;
  horizon: number;
  /** Interval levels in percent (default [80, 95]). */
  levels?: number[];
  /** A model instead of the default `rate-to-region`. */
  model?: AnyModelSpec;
  /** Fewest observations a successor LA needs to be forecast from its own series (default 6). */
  minimumHistory?: number;
}

export interface ForecastDatasetRow {
  time_period: string;
  time_identifier: string;
  geographic_level: string;
  country_code: string;
  country_name: string;
  region_code: string;
  region_name: string;
  footprint_code: string;
  footprint_name: string;
  old_la_code: string;
  new_la_code: string;
  la_name: string;
  measure: string;
  dims: Partial<Record<DimensionColumn, string>>;
  model: string;
  mean: number;
  lower: Record<number, number>;
  upper: Record<number, number>;
  /** The calibrated distribution behind the bounds: read any quantile with forecastQuantile(row, p). */
  distribution?: ForecastDistribution;
  /** The plan's series id of this cell (geography, or geography|part key). */
  series_id: string;
}

export interface ForecastDatasetResult {
  rows: ForecastDatasetRow[];
  /** Plain-language notes: boundary-change handling, rows not used, reconciliation, calibration. */
  notes: string[];
  /** Series whose model failed (forecast by a named fallback, never dropped). */
  failures: ModelFailure[];
  /** The plan that made the rows (evaluate it to see how it did in the past). */
  plan: DatasetPlan;
}

/**
 * Tidy EES-style rows of a dataset plan's forecast rows: geography columns from the plan's
 * geography, the breakdown dimensions from the part key (total for totals), period labels as
 * years after the dataset's last period.
 * @throws never.
 * @example datasetForecastRows(plan, run(plan, { horizon: 3 }).rows)[0].geographic_level // "National"
 */
export function datasetForecastRows(plan: DatasetPlan, rows: readonly ForecastRow[]): ForecastDatasetRow[] {
  const g = plan.geography;
  const out: ForecastDatasetRow[] = [];
  for (const r of rows) {
    const [geo, key] = r.series_id.includes("|") ? [r.series_id.slice(0, r.series_id.indexOf("|")), r.series_id.slice(r.series_id.indexOf("|") + 1)] : [r.series_id, undefined];
    const partDims = key === undefined ? {} : g.keyDims[key] ?? {};
    const dims = Object.fromEntries(g.dimensions.map((c) => [c, partDims[c] ?? TOTAL])) as Partial<Record<DimensionColumn, string>>;
    const common = { time_period: r.period, time_identifier: g.timeIdentifier, country_code: ENGLAND.code, country_name: ENGLAND.name, measure: g.measure, dims, model: r.model, mean: r.mean, lower: r.lower, upper: r.upper, series_id: r.series_id, ...(r.distribution ? { distribution: r.distribution } : {}) };
    const la = g.las.get(geo);
    if (la) { out.push({ ...common, geographic_level: "Local authority", region_code: la.regionCode, region_name: la.regionName, footprint_code: "", footprint_name: "", old_la_code: la.oldCode, new_la_code: la.newCode, la_name: la.name }); continue; }
    if (geo === ENGLAND.code) { out.push({ ...common, geographic_level: "National", region_code: "", region_name: "", footprint_code: "", footprint_name: "", old_la_code: "", new_la_code: "", la_name: "" }); continue; }
    const region = g.regions.get(geo);
    if (region) { out.push({ ...common, geographic_level: "Regional", region_code: region.code, region_name: region.name, footprint_code: region.code, footprint_name: region.name, old_la_code: "", new_la_code: "", la_name: "" }); continue; }
    const f = g.footprints.get(geo);
    if (!f) continue;
    const regions = new Set(f.members.map((m) => findLa(m)?.regionCode ?? ""));
    const only = regions.size === 1 ? REGIONS.find((x) => regions.has(x.code)) : undefined;
    out.push({ ...common, geographic_level: "Footprint", region_code: only?.code ?? "", region_name: only?.name ?? "", footprint_code: f.code, footprint_name: f.name, old_la_code: "", new_la_code: "", la_name: "" });
  }
  // Order: National, regions, footprints, LAs; then geography code; totals before parts; then period.
  const levelOrder: Record<string, number> = { National: 0, Regional: 1, Footprint: 2, "Local authority": 3 };
  const keyOf = (r: ForecastDatasetRow) => `${levelOrder[r.geographic_level]}\u0000${r.footprint_code}\u0000${r.new_la_code}\u0000${DIMENSION_COLUMNS.map((c) => (r.dims[c] === TOTAL ? "\u0000" : r.dims[c] ?? "")).join("\u0001")}\u0000${r.time_period}`;
  const keyed = out.map((r) => ({ r, key: keyOf(r) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.r);
}

/**
 * Forecast `measure` for current LAs, regions, footprints and England with the default dataset
 * plan (`datasetPlan`), run to `horizon`: England is the same whatever `by` and `footprints`.
 * @throws SuffError E_FORECAST_MEASURE when the measure is unknown or not additive,
 *   E_FORECAST_NO_DATA when the dataset has no LA rows for it, E_FORECAST_DIMENSION when a
 *   `by` column is not a dimension of the measure.
 * @example forecastDataset(rows, { measure: "cla_31_march", horizon: 3 }).rows[0].geographic_level // "National"
 */
export function forecastDataset(rows: readonly DatasetRow[], options: ForecastDatasetOptions): ForecastDatasetResult {
  const plan = datasetPlan({ rows, measure: options.measure, by: options.by, footprints: options.footprints, reconcile: options.reconcile, minimumHistory: options.minimumHistory }, { model: options.model, levels: options.levels });
  const result = run(plan, { horizon: options.horizon });
  const notes = [...(plan.panel.notes ?? []), ...result.notes];
  notes.push(`Reconciled with ${plan.reconcile!.method} over ${plan.reconcile!.hierarchy.bottom.length} LAs and ${plan.reconcile!.hierarchy.aggregates.length} aggregates (LA -> region -> England)${plan.panel.sums?.length ? `; ${plan.panel.sums.length} footprints are sums of the reconciled LA forecasts` : ""}${plan.panel.parts?.length ? `; ${plan.geography.breakdowns.map((b) => b.join(" x ")).join(" and ")} split from each LA's forecast by its latest shares` : ""}.`);
  if (result.failures.length) notes.push(`${result.failures.length} series could not be forecast by ${result.model} and used a fallback: ${[...new Set(result.failures.map((f) => f.reason))].slice(0, 3).join("; ")}.`);
  return { rows: datasetForecastRows(plan, result.rows), notes, failures: result.failures, plan };
}

/**
 * CSV header of forecastDataset rows for the given dimension columns and levels.
 * @throws never.
 * @example forecastDatasetColumns(["placement_type"], [80]).slice(-5) // ["placement_type", "model", "mean", "lo80", "hi80"]
 */
export function forecastDatasetColumns(dimensions: readonly DimensionColumn[], levels: readonly number[]): string[] {
  return ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "footprint_code", "footprint_name", "old_la_code", "new_la_code", "la_name", "measure", ...dimensions, "model", "mean", ...levels.flatMap((l) => [`lo${l}`, `hi${l}`])];
}

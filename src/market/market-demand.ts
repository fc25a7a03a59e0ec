/**
 * Demand for the market analysis from a dataset: children looked after at 31 March by DfE
 * placement group, forecast with the default dataset plan (the same plan as `suff forecast
 * --dataset` and the reports: LA forecasts summed to regions, footprints and England, each
 * LA's total split by placement group), then adapted to quantile functions
 * (demand-forecast.ts). Regions and the user's footprints are in the same plan (a footprint
 * may overlap regions), so every scope of a run has a forecast.
 *
 * Reference: forecast/forecast-dataset.ts (the default dataset plan, run to the horizon).
 */
import type { DatasetRow } from "../spec/dataset.ts";
import type { FootprintSet } from "../spec/footprint.ts";
import { PLACEMENT_TYPE, TOTAL } from "../reference/code-lists.ts";
import { builtInFootprints } from "../aggregate/built-in-footprints.ts";
import { forecastDataset, type ForecastDatasetRow } from "../forecast/forecast-dataset.ts";
import { demandFromForecastRows, type DemandForecast } from "./demand-forecast.ts";
import type { MarketArea } from "./market-area.ts";

export interface MarketDemandResult {
  demand: DemandForecast;
  rows: ForecastDatasetRow[];
  notes: string[];
}

/** Regions plus the user's footprints (codes kept unique; a footprint named like a region is skipped). */
export function regionsAndFootprints(footprints?: FootprintSet): FootprintSet {
  const regions = builtInFootprints("region");
  if (!footprints) return regions;
  const codes = new Set(regions.footprints.map((f) => f.code));
  return { source: `regions and ${footprints.source}`, footprints: [...regions.footprints, ...footprints.footprints.filter((f) => !codes.has(f.code))] };
}

/**
 * Forecast demand by placement group for the scopes.
 * @throws SuffError from forecastDataset (E_FORECAST_NO_DATA) when the dataset has no placement series.
 * @example marketDemand(rows, [englandArea()], { horizon: 3 }).demand.cells.length
 */
export function marketDemand(rows: readonly DatasetRow[], scopes: readonly MarketArea[], options: { horizon: number; footprints?: FootprintSet; levels?: number[] }): MarketDemandResult {
  const groups = new Set(PLACEMENT_TYPE.roots.map((g) => g.code));
  // The total and the DfE groups (finer codes, where present, add up to them).
  const input = rows.filter((r) => (r.measure === "cla_31_march" && (r.dims.age_band ?? TOTAL) === TOTAL && ((r.dims.placement_type ?? TOTAL) === TOTAL || groups.has(r.dims.placement_type ?? ""))) || r.measure === "population_0_17");
  const result = forecastDataset(input, { measure: "cla_31_march", by: ["placement_type"], horizon: options.horizon, levels: options.levels ?? [80, 95], footprints: options.footprints });
  return { demand: demandFromForecastRows(result.rows, scopes, `the default forecast plan: LA forecasts by placement group, summed to regions, footprints and England`), rows: result.rows, notes: result.notes };
}

/**
 * Fit one model to one series and forecast it, with the fallbacks the grammar promises.
 */
import type { ForecastRow, ModelSpec, Series } from "../spec/forecast.ts";
import { naive } from "./models/naive.ts";
import { periodLabelAfter } from "./period-label.ts";
import { prepareSeries } from "./prepare-series.ts";

export interface ForecastSeriesOptions {
  horizon: number;
  levels: readonly number[];
  /** Clamp at zero: true, false, or "auto" (when the series has no negative value). */
  nonNegative?: boolean | "auto";
}

/**
 * True when no observed value is negative (missing values are ignored).
 * @throws never.
 * @example isNonNegative(Float64Array.of(0, NaN, 3)) // true
 */
export function isNonNegative(values: Float64Array): boolean {
  for (const v of values) if (v < 0) return false;
  return true;
}

/**
 * Long-form forecast rows for one series: 1. keep the observed span (interior gaps
 * interpolated); 2. fit the model, falling back to `naive` (named in `model`) when the fit
 * throws; 3. forecast `horizon` steps after the last observed period. A series without any
 * observation gives no rows.
 *
 * Reference: Hyndman & Athanasopoulos, FPP3 chapter 5 (the forecaster's toolbox).
 * @throws RangeError when horizon is not a positive integer.
 * @example forecastSeries({ id: "a", periods: ["2024", "2025"], values: Float64Array.of(1, 2), frequency: 1 }, naive, { horizon: 1, levels: [] })[0].period // "2026"
 */
export function forecastSeries(series: Series, spec: ModelSpec, options: ForecastSeriesOptions): ForecastRow[] {
  const { horizon, levels } = options;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`horizon must be a positive integer, got ${horizon}`);
  const prepared = prepareSeries(series);
  if (!prepared) return [];
  const nonNegative = options.nonNegative === "auto" || options.nonNegative === undefined ? isNonNegative(prepared.values) : options.nonNegative;
  const fitOptions = { frequency: series.frequency, nonNegative };
  let fitted;
  try {
    fitted = spec.fit(prepared.values, fitOptions);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fitted = { ...naive.fit(prepared.values, fitOptions), model: `naive (fallback: ${spec.name} failed: ${reason})` };
  }
  const band = fitted.forecast(horizon, [...levels]);
  const lastLabel = series.periods[prepared.end] ?? String(prepared.end);
  const rows: ForecastRow[] = [];
  for (let k = 0; k < horizon; k++) {
    const lower: Record<number, number> = {};
    const upper: Record<number, number> = {};
    for (const level of levels) { lower[level] = band.lower[level]![k]!; upper[level] = band.upper[level]![k]!; }
    rows.push({ series_id: series.id, period: periodLabelAfter(lastLabel, k + 1), step: k + 1, model: fitted.model, mean: band.mean[k]!, lower, upper, origin: prepared.end });
  }
  return rows;
}

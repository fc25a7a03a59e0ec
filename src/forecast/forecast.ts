/**
 * The forecasting grammar: many series, one model (or "auto"), one call.
 */
import type { ForecastTable, GlobalModelSpec, ModelSpec, SeriesSet } from "../spec/forecast.ts";
import { autoSelect } from "./auto-select.ts";
import { applyConformal, conformal, type ConformalOptions } from "./conformal.ts";
import { forecastSeries } from "./forecast-series.ts";

export interface ForecastOptions {
  horizon: number;
  /** Interval levels in percent (default [80, 95]). */
  levels?: number[];
  /**
   * Replace analytic intervals by conformal ones calibrated on rolling-origin errors
   * (true, or options for `conformal`). Default false here; the CLI calibrates by default.
   * Global models bring their own intervals and are not recalibrated.
   */
  calibrate?: boolean | Partial<Omit<ConformalOptions, "horizon" | "levels">>;
  /** Clamp at zero: true, false, or "auto" (default: when a series has no negative value). */
  nonNegative?: boolean | "auto";
  /** Global models that "auto" may choose when they win its backtest. */
  candidates?: GlobalModelSpec[];
}

function isGlobal(spec: ModelSpec | GlobalModelSpec): spec is GlobalModelSpec {
  return (spec as GlobalModelSpec).global === true;
}

/**
 * Forecast every series of a set: 1. resolve "auto" (the local auto model, or a global
 * candidate that wins a rolling-origin backtest on this set); 2. fit and forecast each series
 * (a global model forecasts the whole set at once); 3. when `calibrate`, swap the analytic
 * intervals for conformal ones. Rows come out in series order, step by step.
 *
 * Reference: O'Hara-Wild, Hyndman & Wang, fable/fabletools (the grammar);
 * Hyndman & Athanasopoulos, FPP3 chapter 5.
 * @throws RangeError when horizon is not a positive integer or a level is outside (0, 100).
 * @example forecast([{ id: "a", periods: ["2024", "2025"], values: Float64Array.of(1, 2), frequency: 1 }], naive, { horizon: 2, levels: [] }).map((r) => r.period) // ["2026", "2027"]
 */
export function forecast(series: SeriesSet, spec: ModelSpec | GlobalModelSpec | "auto", options: ForecastOptions): ForecastTable {
  const { horizon } = options;
  const levels = options.levels ?? [80, 95];
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`forecast: horizon must be a positive integer, got ${horizon}`);
  for (const level of levels) if (!(level > 0 && level < 100)) throw new RangeError(`forecast: level must be in (0, 100), got ${level}`);
  const chosen = spec === "auto" ? autoSelect(series, { horizon, candidates: options.candidates }).spec : spec;
  if (isGlobal(chosen)) return chosen.forecastMany(series, { horizon, levels });
  const table: ForecastTable = [];
  for (const s of series) table.push(...forecastSeries(s, chosen, { horizon, levels, nonNegative: options.nonNegative }));
  if (!options.calibrate || levels.length === 0) return table;
  const settings = options.calibrate === true ? {} : options.calibrate;
  const calibration = conformal(series, chosen, { ...settings, horizon, levels, nonNegative: options.nonNegative });
  return applyConformal(table, calibration, series, options.nonNegative ?? "auto");
}

/**
 * A plan for a set of independent series (a long CSV): the model, calibration and levels
 * around a panel that is the series themselves.
 */
import type { AnyModelSpec, Calibration, ForecastPlan, ModelChoice, SeriesSet } from "../spec/forecast.ts";
import { auto } from "./models/auto.ts";

export interface SeriesPlanOptions {
  /** A model or a choice of models (default: the local `auto` model). */
  model?: AnyModelSpec | ModelChoice;
  /** true (default: conformal), false (the model's own intervals) or a calibration. */
  calibrate?: boolean | Calibration;
  /** Interval levels in percent (default [80, 95]). */
  levels?: number[];
  /** Clamp at zero (default: when no value is negative). */
  nonNegative?: boolean;
}

/**
 * True when every series has the same periods (one time grid), so origins can be periods.
 * @throws never.
 * @example isAligned([{ id: "a", periods: ["2024", "2025"], values: Float64Array.of(1, 2), frequency: 1 }]) // true
 */
export function isAligned(series: SeriesSet): boolean {
  const first = series[0]?.periods;
  if (!first) return false;
  return series.every((s) => s.periods.length === first.length && s.periods[0] === first[0] && s.periods[s.periods.length - 1] === first[first.length - 1]);
}

/**
 * The plan that forecasts each series of a set with `model`. Conformal calibration (the
 * default) pools the signed errors of forecasts from earlier origins of every series, scaled by
 * each series' mean absolute change: for independent series the last horizon + 2 origins,
 * with local models re-run from those origins with the parameters fitted on all the data
 * (one fit per series: "refilter"); for series on one grid every earlier origin with four
 * observations, refitted. `evaluate` re-runs all of it at each origin, so the coverage it
 * reports is of these intervals.
 * @throws never; `run` and `evaluate` check the horizon and levels.
 * @example seriesPlan(series).calibration.method // "conformal"
 */
export function seriesPlan(series: SeriesSet, options: SeriesPlanOptions = {}): ForecastPlan {
  const aligned = isAligned(series);
  const model = options.model ?? auto;
  const local = !("choose" in model) && !("global" in model && model.global);
  const calibration: Calibration = options.calibrate === false ? { method: "model" }
    : typeof options.calibrate === "object" ? options.calibrate
      : { method: "conformal", origins: aligned ? "all" : undefined, reuse: local ? "refilter" : "refit" };
  return { panel: { series, aligned, nonNegative: options.nonNegative }, model, calibration, levels: options.levels ?? [80, 95] };
}

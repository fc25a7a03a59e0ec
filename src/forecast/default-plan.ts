/**
 * The default plan: what `suff forecast`, `suff backtest`, `suff report` and the library's
 * callers get when they do not choose. One function, so the CLI, the reports and library code
 * forecast (and evaluate) the same way.
 */
import type { AnyModelSpec, ForecastPlan, SeriesSet } from "../spec/forecast.ts";
import { findLa } from "../reference/las.ts";
import { auto } from "./models/auto.ts";
import { rateToRegion } from "./models/rate-to-region.ts";
import { isAligned, seriesPlan } from "./series-plan.ts";
import { datasetPlan, type DatasetPlanInput } from "./dataset-plan.ts";

export interface DefaultPlanOptions {
  /** A model instead of the default ("auto" or undefined: the default). */
  model?: AnyModelSpec | "auto";
  /** Conformal intervals (default true) or the model's own (false; independent series only). */
  calibrate?: boolean;
  /** Interval levels in percent (default [80, 95]). */
  levels?: number[];
}

/**
 * The default plan for a set of series (a long CSV) or for a dataset measure.
 *
 * - Series: the local `auto` model with conformal intervals from the last horizon + 2
 *   origins of every series (one fit per series, re-run from those origins). Annual series of
 *   at least 10 LAs (ids are LA codes) are put on one time grid and choose by rolling-origin
 *   MASE at the 3 previous origins between `auto` and the `rate-to-region` model (region drift;
 *   no population in a long CSV), refitting at every origin.
 * - A dataset measure: see `datasetPlan` (LA rates pulled toward their region's rate, with ONS
 *   population; reconciled LA -> region -> England; footprints summed; parts by share).
 * @throws SuffError from `datasetPlan` for an unknown measure or dimension, or no data.
 * @example defaultPlan(series).model.name // "auto"
 */
export function defaultPlan(input: SeriesSet | DatasetPlanInput, options: DefaultPlanOptions = {}): ForecastPlan {
  const levels = options.levels ?? [80, 95];
  const chosen = options.model === "auto" ? undefined : options.model;
  if (!Array.isArray(input)) return datasetPlan(input, { model: chosen, levels });
  const series = input;
  if (chosen) return seriesPlan(series, { model: chosen, calibrate: options.calibrate ?? true, levels });
  const laPanel = series.length >= 10 && series.every((s) => s.frequency === 1 && findLa(s.id) !== undefined);
  if (laPanel && options.calibrate !== false) {
    // LA series share one time line: put them on one grid (an LA that ended early has missing years at the end).
    const grid = [...new Set(series.flatMap((s) => s.periods))].sort();
    const onGrid = isAligned(series) ? series : series.map((s) => { const at = new Map(s.periods.map((p, i) => [p, s.values[i]!])); return { ...s, periods: grid, values: Float64Array.from(grid, (p) => at.get(p) ?? Number.NaN) }; });
    return seriesPlan(onGrid, { model: { choose: [auto, rateToRegion()] }, calibrate: { method: "conformal", origins: "all", reuse: "refit" }, levels });
  }
  return seriesPlan(series, { model: auto, calibrate: options.calibrate ?? true, levels });
}

/**
 * The forecasting grammar: many series, one model (or "auto"), one call. A shorthand for
 * `run(seriesPlan(series, ...))`.
 */
import type { AnyModelSpec, ForecastTable, GlobalModelSpec, SeriesSet } from "../spec/forecast.ts";
import { auto } from "./models/auto.ts";
import { run } from "./run.ts";
import { seriesPlan } from "./series-plan.ts";

export interface ForecastOptions {
  horizon: number;
  /** Interval levels in percent (default [80, 95]). */
  levels?: number[];
  /**
   * Conformal intervals calibrated on the plan's own errors at earlier origins (true), or the
   * model's own (analytic) intervals (false, the default here; the CLI calibrates by default).
   */
  calibrate?: boolean;
  /** Clamp at zero: true, false, or "auto" (default: when no series has a negative value). */
  nonNegative?: boolean | "auto";
  /** Global models that "auto" may choose when they win a rolling-origin comparison on this set (aligned sets only). */
  candidates?: GlobalModelSpec[];
}

/**
 * Forecast every series of a set with one model (see `seriesPlan` and `run`). "auto" is the
 * local auto model, or a choice between it and `candidates` by rolling-origin MASE when the
 * series share one time grid. Rows come out in series order, step by step; a series whose
 * model fails is forecast by naive and named so in `model`.
 *
 * Reference: O'Hara-Wild, Hyndman & Wang, fable/fabletools (the grammar);
 * Hyndman & Athanasopoulos, FPP3 chapter 5.
 * @throws RangeError when horizon is not a positive integer or a level is outside (0, 100).
 * @example forecast([{ id: "a", periods: ["2024", "2025"], values: Float64Array.of(1, 2), frequency: 1 }], naive, { horizon: 2, levels: [] }).map((r) => r.period) // ["2026", "2027"]
 */
export function forecast(series: SeriesSet, spec: AnyModelSpec | "auto", options: ForecastOptions): ForecastTable {
  const model = spec === "auto" ? (options.candidates?.length ? { choose: [auto, ...options.candidates] } : auto) : spec;
  const usable = series.filter((s) => s.values.some(Number.isFinite));
  if (usable.length === 0) return [];
  const plan = seriesPlan(usable, { model, calibrate: options.calibrate ?? false, levels: options.levels, nonNegative: options.nonNegative === "auto" ? undefined : options.nonNegative });
  return run(plan, { horizon: options.horizon }).rows;
}

/**
 * The set-level choice behind `forecast(series, "auto")`: the local `auto` model, or a
 * registered global (cross-series) model when it wins a rolling-origin backtest on the set.
 */
import type { GlobalModelSpec, ModelSpec, SeriesSet } from "../spec/forecast.ts";
import { accuracy } from "./accuracy.ts";
import { crossValidate } from "./cross-validate.ts";
import { auto } from "./models/auto.ts";

export interface AutoSelection {
  spec: ModelSpec | GlobalModelSpec;
  /** Backtest MASE of every candidate (empty when there was nothing to compare). */
  scores: Array<{ name: string; mase: number }>;
}

/**
 * Choose the model for a whole set: with no global candidates, the local `auto` model;
 * otherwise each candidate and local `auto` are backtested at the last `origins` origins of
 * every series (horizons 1..H, each origin with all H actuals) and the lowest overall MASE
 * wins (ties keep the local model).
 *
 * Reference: Hyndman & Athanasopoulos, FPP3 section 5.10; Montero-Manso & Hyndman (2021)
 * "Principles and algorithms for forecasting groups of time series", IJF 37(4).
 * @throws RangeError when horizon is not a positive integer.
 * @example autoSelect([], { horizon: 3 }).spec.name // "auto"
 */
export function autoSelect(series: SeriesSet, options: { horizon: number; candidates?: GlobalModelSpec[]; origins?: number }): AutoSelection {
  const candidates = options.candidates ?? [];
  if (!Number.isInteger(options.horizon) || options.horizon < 1) throw new RangeError("autoSelect: horizon must be a positive integer");
  if (candidates.length === 0) return { spec: auto, scores: [] };
  const origins = options.origins ?? 3;
  const scores: AutoSelection["scores"] = [];
  let best: { spec: ModelSpec | GlobalModelSpec; mase: number } = { spec: auto, mase: Infinity };
  for (const spec of [auto as ModelSpec | GlobalModelSpec, ...candidates]) {
    const table = crossValidate(series, spec, { horizon: options.horizon, origins });
    const overall = accuracy(table, { series, levels: [] }).at(-1)!;
    scores.push({ name: spec.name, mase: overall.mase });
    if (overall.mase < best.mase) best = { spec, mase: overall.mase };
  }
  return { spec: best.spec, scores };
}

/**
 * Calibrated (conformal) prediction intervals from rolling-origin out-of-sample errors.
 */
import type { ForecastTable, GlobalModelSpec, ModelSpec, Series, SeriesSet } from "../spec/forecast.ts";
import { naiveScale } from "../stats/naive-scale.ts";
import { crossValidate } from "./cross-validate.ts";
import { prepareSeries } from "./prepare-series.ts";

export interface ConformalOptions {
  horizon: number;
  levels: number[];
  /**
   * Calibration origins per series, counting back from the second-last observation. Default:
   * horizon + 2 for a set of 10 or more series (pooled scores are plenty), otherwise
   * horizon + minimumScores - 1, so that a long series can be calibrated on its own errors.
   */
  origins?: number;
  /** Pool scaled errors across series, keep them per series, or choose ("auto", default). */
  pooling?: "auto" | "pooled" | "series";
  /** With pooling "auto", a series is calibrated on its own errors when it has at least this many at every step (default 50). */
  minimumScores?: number;
  nonNegative?: boolean | "auto";
}

export interface ConformalCalibration {
  horizon: number;
  levels: number[];
  /** Scaled-error quantiles by level, one per step; "*" holds the pooled ones. */
  quantiles: Map<string, Record<number, Float64Array>>;
  /** Series calibrated on their own errors (the rest use the pooled quantiles). */
  ownSeries: Set<string>;
  /** Number of pooled calibration scores at each step. */
  pooledScores: number[];
  /** Number of calibration scores at each step for the series calibrated on their own errors. */
  ownScores: Map<string, number[]>;
}

/**
 * The scale that makes errors comparable across series: the mean absolute lag-m difference
 * (lag 1 for annual data or a history no longer than a season), or 1% of the mean absolute
 * level for a constant history (1 for an all-zero one).
 *
 * Reference: Hyndman & Koehler (2006) IJF 22(4) (the MASE scale).
 * @throws never.
 * @example seriesScale(Float64Array.of(1, 3, 2, 6), 1) // 2.3333333333333335
 */
export function seriesScale(values: ArrayLike<number>, frequency: number): number {
  const lag = frequency > 1 && values.length > frequency ? frequency : 1;
  const scale = naiveScale(values, lag, 1);
  if (scale > 0) return scale;
  let total = 0, count = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) { total += Math.abs(values[i]!); count++; }
  const level = count > 0 ? total / count : 0;
  return level > 0 ? level / 100 : 1;
}

/** The ceil((N + 1) p)-th smallest score (the largest when N is too small for that rank). */
function conformalQuantile(sorted: number[], probability: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = Math.min(n, Math.ceil((n + 1) * probability));
  return sorted[rank - 1]!;
}

function quantilesByStep(scores: number[][], levels: number[]): Record<number, Float64Array> {
  const sorted = scores.map((s) => [...s].sort((a, b) => a - b));
  const out: Record<number, Float64Array> = {};
  for (const level of levels) {
    const q = new Float64Array(sorted.length);
    let running = 0;
    for (let k = 0; k < sorted.length; k++) {
      const value = conformalQuantile(sorted[k]!, level / 100);
      // Uncertainty does not shrink with the horizon: carry the running maximum forward.
      running = Number.isFinite(value) ? Math.max(running, value) : running;
      q[k] = running > 0 ? running : Number.NaN;
    }
    out[level] = q;
  }
  return out;
}

/**
 * Calibrate intervals by split conformal prediction on rolling-origin errors: 1. refit the
 * model at the last `origins` origins of every series (expanding window; by default h + 2
 * for sets of 10+ series, more for a few long series; each fit sees at least 4 observations,
 * 2m + 1 for seasonal data) and forecast up to `horizon` steps; 2. score each forecast by its
 * absolute error divided by the series scale (mean absolute lag-m difference of the data up
 * to that origin), separately for each step;
 * 3. take the ceil((N+1) level)-th smallest score per step, pooled across series (many short
 * series) or per series when a series has enough scores of its own; quantiles are made
 * non-decreasing in the step. `applyConformal` then sets mean +/- quantile x scale.
 *
 * Reference: Vovk, Gammerman & Shafer (2005) Algorithmic Learning in a Random World; Stankeviciute,
 * Alaa & van der Schaar (2021) "Conformal time-series forecasting", NeurIPS; Angelopoulos &
 * Bates (2023) "A gentle introduction to conformal prediction", section 1.
 * @throws RangeError when horizon is not a positive integer or a level is outside (0, 100).
 * @example conformal([{ id: "a", periods: ["1", "2", "3", "4", "5", "6"], values: Float64Array.of(1, 2, 4, 3, 5, 6), frequency: 1 }], naive, { horizon: 2, levels: [80] }).pooledScores // [2, 1]
 */
export function conformal(series: SeriesSet, spec: ModelSpec | GlobalModelSpec, options: ConformalOptions): ConformalCalibration {
  const { horizon, levels } = options;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError("conformal: horizon must be a positive integer");
  for (const level of levels) if (!(level > 0 && level < 100)) throw new RangeError(`conformal: level must be in (0, 100), got ${level}`);
  const minimumScores = options.minimumScores ?? 50;
  const origins = options.origins ?? (series.length >= 10 ? horizon + 2 : horizon + minimumScores - 1);
  const pooling = options.pooling ?? "auto";
  // Calibration fits need a history like the real one: at least 4 points, and two full cycles
  // plus one for seasonal data (fits on a handful of points give wild errors that would inflate
  // every interval).
  const frequency = Math.max(1, ...series.map((s) => Math.round(s.frequency)));
  const initial = Math.max(4, frequency > 1 ? 2 * frequency + 1 : 4);
  const table = crossValidate(series, spec, { horizon, origins, fullHorizon: false, nonNegative: options.nonNegative, initial });
  const byId = new Map(series.map((s) => [s.id, s]));
  const scaleCache = new Map<string, number>();
  const pooled: number[][] = Array.from({ length: horizon }, () => []);
  const own = new Map<string, number[][]>();
  for (const row of table) {
    const s = byId.get(row.series_id);
    if (!s || row.actual === undefined || !Number.isFinite(row.actual) || !Number.isFinite(row.mean)) continue;
    const origin = row.origin ?? s.values.length - 1;
    const key = `${row.series_id}\u0000${origin}`;
    let scale = scaleCache.get(key);
    if (scale === undefined) {
      // A constant history has no natural scale: its errors say nothing about other series.
      const history = s.values.subarray(0, origin + 1);
      const lag = s.frequency > 1 && history.length > s.frequency ? s.frequency : 1;
      scale = naiveScale(history, lag, 1) > 0 ? seriesScale(history, s.frequency) : Number.NaN;
      scaleCache.set(key, scale);
    }
    if (!(scale > 0)) continue;
    const score = Math.abs(row.actual - row.mean) / scale;
    pooled[row.step - 1]!.push(score);
    let mine = own.get(row.series_id);
    if (!mine) own.set(row.series_id, (mine = Array.from({ length: horizon }, () => [])));
    mine[row.step - 1]!.push(score);
  }
  const quantiles = new Map<string, Record<number, Float64Array>>();
  quantiles.set("*", quantilesByStep(pooled, levels));
  const ownSeries = new Set<string>();
  const ownScores = new Map<string, number[]>();
  if (pooling !== "pooled") {
    for (const [id, scores] of own) {
      if (pooling === "series" || scores.every((s) => s.length >= minimumScores)) {
        quantiles.set(id, quantilesByStep(scores, levels));
        ownSeries.add(id);
        ownScores.set(id, scores.map((x) => x.length));
      }
    }
  }
  return { horizon, levels, quantiles, ownSeries, pooledScores: pooled.map((s) => s.length), ownScores };
}

/**
 * Replace the interval bounds of a forecast table by calibrated ones: mean +/- q_step x
 * scale, with the scale from each series' observed data; clamped at zero when the series
 * is non-negative (or `nonNegative` is true). Rows whose step is beyond the calibration
 * horizon keep the last step's quantile. Where there are too few calibration scores for a
 * level (fewer than 1/alpha - 1, e.g. 19 for 95%) the largest score is used, widened to the
 * analytic bounds when those are wider; levels stay nested.
 * @throws never.
 * @example applyConformal(table, calibration, series).length === table.length // true
 */
export function applyConformal(table: ForecastTable, calibration: ConformalCalibration, series: SeriesSet, nonNegative: boolean | "auto" = "auto"): ForecastTable {
  const info = new Map<string, { scale: number; nonNegative: boolean }>();
  const infoFor = (s: Series): { scale: number; nonNegative: boolean } => {
    let found = info.get(s.id);
    if (!found) {
      const prepared = prepareSeries(s);
      const values = prepared?.values ?? new Float64Array(0);
      found = { scale: seriesScale(values, s.frequency), nonNegative: nonNegative === "auto" ? values.every((v) => v >= 0) : nonNegative };
      info.set(s.id, found);
    }
    return found;
  };
  const byId = new Map(series.map((s) => [s.id, s]));
  return table.map((row) => {
    const s = byId.get(row.series_id);
    if (!s) return row;
    const { scale, nonNegative: clamp } = infoFor(s);
    const own = calibration.ownSeries.has(row.series_id);
    const quantiles = (own ? calibration.quantiles.get(row.series_id) : undefined) ?? calibration.quantiles.get("*")!;
    const counts = (own ? calibration.ownScores.get(row.series_id) : undefined) ?? calibration.pooledScores;
    const lower: Record<number, number> = { ...row.lower };
    const upper: Record<number, number> = { ...row.upper };
    const index = Math.min(row.step, counts.length) - 1;
    for (const level of calibration.levels) {
      const width = quantiles[level]![index]! * scale;
      if (!Number.isFinite(width)) continue;
      let low = row.mean - width;
      let high = row.mean + width;
      // Too few scores for this level (N < 1/alpha - 1): the quantile is the largest score,
      // which may be too narrow, so take the wider of it and the analytic bounds.
      if (counts[index]! < Math.ceil(1 / (1 - level / 100)) - 1) {
        const analyticLow = row.lower[level], analyticHigh = row.upper[level];
        if (analyticLow !== undefined && Number.isFinite(analyticLow)) low = Math.min(low, analyticLow);
        if (analyticHigh !== undefined && Number.isFinite(analyticHigh)) high = Math.max(high, analyticHigh);
      }
      lower[level] = clamp ? Math.max(0, low) : low;
      upper[level] = clamp ? Math.max(0, high) : high;
    }
    // Keep intervals nested: a higher level is never narrower on either side.
    const sorted = [...calibration.levels].sort((x, y) => x - y);
    for (let i = 1; i < sorted.length; i++) {
      const [inner, outer] = [sorted[i - 1]!, sorted[i]!];
      if (lower[outer]! > lower[inner]!) lower[outer] = lower[inner]!;
      if (upper[outer]! < upper[inner]!) upper[outer] = upper[inner]!;
    }
    return { ...row, lower, upper };
  });
}

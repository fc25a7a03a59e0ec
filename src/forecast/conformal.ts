/**
 * Calibrated (conformal) predictive distributions from a plan's own forecast errors at
 * earlier origins: the one conformal implementation of the toolkit. `run` and `evaluate`
 * (src/forecast/run.ts, evaluate.ts) collect the errors; this module pools them and turns
 * them into a distribution per forecast cell, whose quantiles are the interval bounds.
 */
import type { ForecastDistribution, ForecastRow } from "../spec/forecast.ts";
import { naiveScale } from "../stats/naive-scale.ts";
import { normalQuantile } from "../stats/normal-quantile.ts";

/** One calibration error: a forecast made `step` periods ahead, its actual, and the series' scale at that forecast's origin. */
export interface CalibrationError {
  group: string;
  step: number;
  actual: number;
  mean: number;
  scale: number;
}

/** Sorted signed scores by group and step, with the rule for groups that have too few. */
export interface ConformalPools {
  horizon: number;
  /** Sorted scores by group, one array per step (index step - 1). */
  scores: Map<string, Float64Array[]>;
  /** The group whose scores a group borrows when it has too few (e.g. "National" -> "Regional"). */
  fallback: (group: string) => string | undefined;
  minimumScores: number;
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

/**
 * Pool signed scaled errors (actual - forecast) / scale by group and step and sort them.
 * Errors with a non-finite value or a scale that is not positive are skipped.
 *
 * Reference: Vovk, Gammerman & Shafer (2005) Algorithmic Learning in a Random World (split
 * conformal prediction); Stankeviciute, Alaa & van der Schaar (2021) "Conformal time-series
 * forecasting", NeurIPS (one score pool per horizon).
 * @throws RangeError when horizon is not a positive integer.
 * @example conformalPools([{ group: "g", step: 1, actual: 3, mean: 2, scale: 1 }], { horizon: 1 }).scores.get("g")![0] // Float64Array [1]
 */
export function conformalPools(errors: Iterable<CalibrationError>, options: { horizon: number; fallback?: (group: string) => string | undefined; minimumScores?: number }): ConformalPools {
  const builder = scoreBuilder(options.horizon);
  for (const e of errors) builder.add(e.group, e.step, e.actual, e.mean, e.scale);
  return builder.pools(options);
}

/** Collects scores group by group without building an object per error (the engine's hot loop). */
export interface ScoreBuilder {
  add(group: string, step: number, actual: number, mean: number, scale: number): void;
  /**
   * The pools; `merged` adds groups that hold the scores of every group a predicate accepts
   * (default: "*" holding every score).
   */
  pools(options?: { fallback?: (group: string) => string | undefined; minimumScores?: number; merged?: Record<string, (group: string) => boolean> }): ConformalPools;
}

/**
 * A score collector for `horizon` steps (see ScoreBuilder).
 * @throws RangeError when horizon is not a positive integer.
 * @example scoreBuilder(1).pools().horizon // 1
 */
export function scoreBuilder(horizon: number): ScoreBuilder {
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError("conformalPools: horizon must be a positive integer");
  const lists = new Map<string, number[][]>();
  return {
    add(group, step, actual, mean, scale) {
      if (step < 1 || step > horizon || !Number.isFinite(actual) || !Number.isFinite(mean) || !(scale > 0)) return;
      let byStep = lists.get(group);
      if (!byStep) lists.set(group, (byStep = Array.from({ length: horizon }, () => [])));
      byStep[step - 1]!.push((actual - mean) / scale);
    },
    pools(options = {}) {
      const scores = new Map<string, Float64Array[]>();
      const unions = new Map<string, number[][]>();
      const mergeInto = (name: string, byStep: number[][]) => {
        let target = unions.get(name);
        if (!target) unions.set(name, (target = Array.from({ length: horizon }, () => [])));
        byStep.forEach((list, k) => { for (const v of list) target![k]!.push(v); });
      };
      const merged = Object.entries(options.merged ?? { "*": () => true });
      for (const [group, byStep] of lists) {
        scores.set(group, byStep.map((list) => Float64Array.from(list).sort()));
        for (const [name, accepts] of merged) if (accepts(group)) mergeInto(name, byStep);
      }
      for (const [group, byStep] of unions) if (!scores.has(group)) scores.set(group, byStep.map((list) => Float64Array.from(list).sort()));
      return { horizon, scores, fallback: options.fallback ?? (() => undefined), minimumScores: options.minimumScores ?? 30 };
    },
  };
}

/**
 * The scores a group uses at each step: its own, joined by its fallback groups' (in turn)
 * while there are fewer than `minimumScores`. Cached on the pools.
 */
function resolvedScores(pools: ConformalPools, group: string): Float64Array[] {
  const cache = ((pools as ConformalPools & { resolved?: Map<string, Float64Array[]> }).resolved ??= new Map());
  const cached = cache.get(group);
  if (cached) return cached;
  const out: Float64Array[] = [];
  for (let k = 0; k < pools.horizon; k++) {
    let merged = pools.scores.get(group)?.[k] ?? new Float64Array(0);
    const seen = new Set([group]);
    let next = pools.fallback(group);
    while (merged.length < pools.minimumScores && next !== undefined && !seen.has(next)) {
      seen.add(next);
      const more = pools.scores.get(next)?.[k];
      if (more && more.length) merged = Float64Array.from([...merged, ...more]).sort();
      next = pools.fallback(next);
    }
    out.push(merged);
  }
  cache.set(group, out);
  return out;
}

/**
 * The predictive distribution of a cell calibrated on `group` at `step`, or undefined when
 * the pools hold fewer than two scores for it.
 * @throws never.
 * @example conformalDistribution(pools, "Local authority", 1, 12.5, 0)?.scale // 12.5
 */
export function conformalDistribution(pools: ConformalPools, group: string, step: number, scale: number, floor: number): ForecastDistribution | undefined {
  const scores = resolvedScores(pools, group);
  const k = Math.min(step, pools.horizon);
  if (!(scale > 0) || !scores.slice(0, k).some((s) => s.length >= 2)) return undefined;
  return { scores, step: k, scale, floor, group };
}

/** Quantile of sorted scores at probability p: interpolated order statistics at plotting positions i / (n + 1), with Gaussian tails beyond them. */
function scoreQuantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n < 2) return Number.NaN;
  const u = p * (n + 1);
  if (u >= 1 && u <= n) {
    const lo = Math.floor(u), hi = Math.ceil(u);
    return sorted[lo - 1]! + (u - lo) * (sorted[hi - 1]! - sorted[lo - 1]!);
  }
  // Beyond the most extreme score: a normal tail whose spread matches the extreme score's distance from the median.
  const median = scoreQuantileInside(sorted, 0.5);
  const edge = normalQuantile(n / (n + 1));
  const spread = (x: number) => Math.max(Math.abs(x - median) / edge, meanAbsoluteDeviation(sorted, median) * 1.2533, 1e-12);
  if (u > n) return sorted[n - 1]! + spread(sorted[n - 1]!) * (normalQuantile(p) - edge);
  return sorted[0]! - spread(sorted[0]!) * (normalQuantile(1 - p) - edge);
}

function scoreQuantileInside(sorted: Float64Array, p: number): number {
  const u = Math.min(sorted.length, Math.max(1, p * (sorted.length + 1)));
  const lo = Math.floor(u), hi = Math.ceil(u);
  return sorted[lo - 1]! + (u - lo) * (sorted[hi - 1]! - sorted[lo - 1]!);
}

function meanAbsoluteDeviation(sorted: Float64Array, centre: number): number {
  let total = 0;
  for (const v of sorted) total += Math.abs(v - centre);
  return sorted.length ? total / sorted.length : 0;
}

/**
 * The p-quantile of a cell's distribution around `mean`: mean + scale x q, where q is the
 * p-quantile of the group's scores at this step, made monotone in the step (for p > 0.5 the
 * largest over steps 1..step, for p < 0.5 the smallest), and never below the floor.
 * @throws RangeError when p is outside (0, 1).
 * @example distributionQuantile({ scores: [Float64Array.of(-1, 0, 1)], step: 1, scale: 2, floor: 0, group: "g" }, 10, 0.5) // 10
 */
export function distributionQuantile(distribution: ForecastDistribution, mean: number, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile: probability must be in (0, 1), got ${p}`);
  const q = scaledQuantile(distribution, p);
  if (!Number.isFinite(q)) return Number.NaN;
  return Math.max(distribution.floor, mean + distribution.scale * q);
}

/** The score quantile of a distribution's step at p, monotone in the step; cached per score arrays (shared by a group's cells). */
const quantileCache = new WeakMap<readonly Float64Array[], Map<number, number>>();
function scaledQuantile(distribution: ForecastDistribution, p: number): number {
  let cache = quantileCache.get(distribution.scores);
  if (!cache) quantileCache.set(distribution.scores, (cache = new Map()));
  const key = distribution.step * 2 + p; // p < 1, so step and p never collide
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let q = Number.NaN;
  for (let k = 0; k < distribution.step; k++) {
    const v = scoreQuantile(distribution.scores[k]!, p);
    if (!Number.isFinite(v)) continue;
    if (!Number.isFinite(q) || p === 0.5) q = v;
    else q = p > 0.5 ? Math.max(q, v) : Math.min(q, v);
  }
  cache.set(key, q);
  return q;
}

/**
 * Set a row's interval bounds from its distribution: for each level L the (1 - L/100)/2 and
 * (1 + L/100)/2 quantiles, widened where needed so that every bound is nested and brackets
 * the mean: lo95 <= lo80 <= mean <= hi80 <= hi95.
 * @throws never.
 * @example withDistribution(row, distribution, [80, 95]).lower[95] <= row.mean // true
 */
export function withDistribution(row: ForecastRow, distribution: ForecastDistribution | undefined, levels: readonly number[]): ForecastRow {
  const lower: Record<number, number> = { ...row.lower };
  const upper: Record<number, number> = { ...row.upper };
  if (distribution) {
    for (const level of levels) {
      lower[level] = distributionQuantile(distribution, row.mean, (1 - level / 100) / 2);
      upper[level] = distributionQuantile(distribution, row.mean, (1 + level / 100) / 2);
    }
  }
  const out: ForecastRow = { ...row, lower, upper };
  if (distribution) out.distribution = distribution;
  return nestIntervals(out, levels);
}

/**
 * Make a row's intervals nested around its mean: each level's bounds bracket the mean, and a
 * higher level's bounds are never inside a lower level's. Missing bounds stay missing.
 * @throws never.
 * @example nestIntervals({ series_id: "a", period: "1", step: 1, model: "m", mean: 5, lower: { 80: 4, 95: 4.5 }, upper: { 80: 7, 95: 6 } }, [80, 95]).upper[95] // 7
 */
export function nestIntervals(row: ForecastRow, levels: readonly number[]): ForecastRow {
  const sorted = [...levels].sort((a, b) => a - b);
  let low = row.mean, high = row.mean;
  for (const level of sorted) {
    const lo = row.lower[level], hi = row.upper[level];
    if (lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi) || !Number.isFinite(row.mean)) continue;
    low = Math.min(lo, low);
    high = Math.max(hi, high);
    row.lower[level] = low;
    row.upper[level] = high;
  }
  return row;
}

/**
 * Helpers shared by the models with Gaussian analytic intervals.
 */
import type { ForecastBand } from "../../spec/forecast.ts";
import { normalQuantile } from "../../stats/normal-quantile.ts";

/**
 * A forecast band from point forecasts and forecast standard errors: mean +/- z * se at each
 * level, clamped at zero when `nonNegative` (mean, lower and upper all).
 *
 * Reference: Hyndman & Athanasopoulos, FPP3 section 5.5 (prediction intervals).
 * @throws RangeError when a level is not strictly between 0 and 100.
 * @example normalBand(Float64Array.of(10), Float64Array.of(1), [95]).upper[95][0] // 11.959963984540054
 */
export function normalBand(mean: Float64Array, standardError: Float64Array, levels: readonly number[], nonNegative = false): ForecastBand {
  const band: ForecastBand = { mean: Float64Array.from(mean), lower: {}, upper: {} };
  for (const level of levels) {
    if (!(level > 0 && level < 100)) throw new RangeError(`level must be in (0, 100), got ${level}`);
    const z = normalQuantile(0.5 + level / 200);
    band.lower[level] = mean.map((m, k) => m - z * standardError[k]!);
    band.upper[level] = mean.map((m, k) => m + z * standardError[k]!);
  }
  return nonNegative ? clampBand(band) : band;
}

/**
 * Clamp a band at zero (for counts of children): negative means and bounds become 0.
 * @throws never.
 * @example clampBand({ mean: Float64Array.of(-1), lower: {}, upper: {} }).mean[0] // 0
 */
export function clampBand(band: ForecastBand): ForecastBand {
  const clamp = (a: Float64Array): Float64Array => a.map((v) => (v < 0 ? 0 : v));
  const out: ForecastBand = { mean: clamp(band.mean), lower: {}, upper: {} };
  for (const key of Object.keys(band.lower)) out.lower[Number(key)] = clamp(band.lower[Number(key)]!);
  for (const key of Object.keys(band.upper)) out.upper[Number(key)] = clamp(band.upper[Number(key)]!);
  return out;
}

/**
 * Log-likelihood and AICc from a sum of squared one-step errors in R's `forecast::ets`
 * convention for additive errors: logLik = -0.5 n log(SSE) (the Gaussian log-likelihood at
 * the variance's MLE up to constants that do not depend on the model), AICc counting the
 * variance as a parameter. Comparable across models fitted to the same data only.
 *
 * Reference: Hyndman et al. (2008) Forecasting with Exponential Smoothing, section 5.2; R
 * forecast 8.20 `ets` (C function `etscalc`).
 * @throws never; returns NaN where undefined.
 * @example gaussianInformation(100, 10, 2).logLik // -23.025850929940457
 */
export function gaussianInformation(sse: number, n: number, parameters: number): { logLik: number; aicc: number } {
  const logLik = -0.5 * n * Math.log(sse);
  const k = parameters + 1;
  const aicc = n - k - 1 > 0 ? -2 * logLik + 2 * k + (2 * k * (k + 1)) / (n - k - 1) : Number.NaN;
  return { logLik, aicc };
}

/**
 * Sum of squares of the finite entries, and how many there were.
 * @throws never.
 * @example sumOfSquares(Float64Array.of(1, NaN, 2)) // { total: 5, count: 2 }
 */
export function sumOfSquares(values: Float64Array): { total: number; count: number } {
  let total = 0;
  let count = 0;
  for (const v of values) if (Number.isFinite(v)) { total += v * v; count++; }
  return { total, count };
}

/**
 * Read a forecast cell's calibrated distribution: any quantile, and the probability of
 * exceeding a value. This is what a demand-supply comparison needs ("places needed for 80%
 * assurance" is the 0.8 quantile; "the chance demand exceeds supply" is the probability above).
 */
import type { ForecastRow } from "../spec/forecast.ts";
import { normalQuantile as normal } from "../stats/normal-quantile.ts";
import { distributionQuantile } from "./conformal.ts";

/**
 * The p-quantile of a forecast cell: from its calibrated distribution (rows of `run` with
 * conformal calibration), else interpolated from its interval bounds (normal tails). The
 * 0.1 and 0.9 quantiles are the 80% interval's bounds.
 *
 * Reference: Gneiting & Katzfuss (2014) "Probabilistic forecasting", Annual Review of
 * Statistics 1:125-151 (predictive quantiles); Vovk et al. (2005) (conformal scores).
 * @throws RangeError when p is outside (0, 1); Error when the row has neither a distribution nor intervals.
 * @example forecastQuantile({ series_id: "a", period: "2026", step: 1, model: "m", mean: 100, lower: { 80: 90 }, upper: { 80: 110 } }, 0.9) // 110
 */
export function forecastQuantile(row: ForecastRow, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`forecastQuantile: probability must be in (0, 1), got ${p}`);
  if (row.distribution) return distributionQuantile(row.distribution, row.mean, p);
  return fromBounds(row, p);
}

/**
 * The probability that the outcome exceeds `value`, from the same distribution as
 * `forecastQuantile` (its inverse, by bisection): 1 - F(value).
 * @throws Error when the row has neither a distribution nor intervals.
 * @example forecastProbabilityAbove({ series_id: "a", period: "2026", step: 1, model: "m", mean: 100, lower: { 80: 90 }, upper: { 80: 110 } }, 110) // about 0.1
 */
export function forecastProbabilityAbove(row: ForecastRow, value: number): number {
  let lo = 1e-6, hi = 1 - 1e-6;
  if (forecastQuantile(row, lo) > value) return 1;
  if (forecastQuantile(row, hi) <= value) return 0;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (forecastQuantile(row, mid) <= value) lo = mid;
    else hi = mid;
  }
  return 1 - (lo + hi) / 2;
}

/** Quantiles from central interval bounds: piecewise linear in the normal score between the known bounds and the mean (as the median). */
function fromBounds(row: ForecastRow, p: number): number {
  const knots: Array<[number, number]> = [[0, row.mean]];
  for (const key of Object.keys(row.lower)) {
    const level = Number(key);
    const lo = row.lower[level], hi = row.upper[level];
    if (!(level > 0 && level < 100) || lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi)) continue;
    const z = normal(0.5 + level / 200);
    knots.push([z, hi], [-z, lo]);
  }
  if (knots.length < 3) throw new Error(`forecastQuantile: ${row.series_id} ${row.period} has no interval to read a quantile from`);
  knots.sort((a, b) => a[0] - b[0]);
  const z = normal(p);
  let i = 1;
  while (i < knots.length - 1 && knots[i]![0] < z) i++;
  const [z0, v0] = knots[i - 1]!, [z1, v1] = knots[i]!;
  return z1 === z0 ? v1 : v0 + ((z - z0) * (v1 - v0)) / (z1 - z0);
}

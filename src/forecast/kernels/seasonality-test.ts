/**
 * The 90% autocorrelation test for seasonality used by the Theta method (R's `thetaf`).
 */
import { normalQuantile } from "../../stats/normal-quantile.ts";

const CRITICAL = normalQuantile(0.95);

/**
 * True when the lag-m autocorrelation is significant at the 90% level (two-sided), with
 * Bartlett's standard error from lags 1..m-1; false for m < 2, constant series or series
 * with n <= 2m (as R's `thetaf`).
 *
 * Reference: Assimakopoulos & Nikolopoulos (2000), "The theta model: a decomposition approach
 * to forecasting", IJF 16(4); R `forecast::thetaf` (forecast 8.20).
 * @throws never (a series too short for the test is reported as not seasonal).
 * @example seasonalityTest(Float64Array.from({ length: 20 }, (_, i) => (i % 2 ? 5 : 1)), 2) // true
 */
export function seasonalityTest(values: Float64Array, period: number): boolean {
  const n = values.length;
  if (period < 2 || n <= 2 * period) return false;
  let mean = 0;
  for (const v of values) mean += v / n;
  let denominator = 0;
  for (const v of values) denominator += (v - mean) ** 2;
  if (!(denominator > 0)) return false;
  const autocorrelation = (lag: number): number => {
    let total = 0;
    for (let t = 0; t + lag < n; t++) total += (values[t]! - mean) * (values[t + lag]! - mean);
    return total / denominator;
  };
  let sumSquares = 0;
  for (let lag = 1; lag < period; lag++) sumSquares += autocorrelation(lag) ** 2;
  const standardError = Math.sqrt((1 + 2 * sumSquares) / n);
  return Math.abs(autocorrelation(period)) / standardError > CRITICAL;
}

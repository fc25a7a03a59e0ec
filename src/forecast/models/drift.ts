/**
 * The drift (random walk with drift) model: the last observation plus h times the average
 * change.
 */
import type { Fitted, FitOptions, ModelSpec } from "../../spec/forecast.ts";
import { naive } from "./naive.ts";
import { gaussianInformation, normalBand } from "./normal-band.ts";

export interface DriftParams { lastValue: number; drift: number; driftStandardError: number }

/**
 * Drift forecasts as R's `forecast::rwf(y, drift = TRUE)`: drift b = mean first difference,
 * sigma the standard deviation of the differences, se_h = sqrt(sigma^2 h + (h se(b))^2),
 * se(b) = sigma / sqrt(n - 1). Falls back to `naive` (named) for a single observation.
 *
 * Reference: Hyndman & Athanasopoulos, FPP3 section 5.2 and table 5.2.
 * @throws RangeError from `fit` when the series is empty or has a missing value.
 * @example drift.fit(Float64Array.of(1, 2, 3), { frequency: 1 }).forecast(2, []).mean // Float64Array [4, 5]
 */
export const drift: ModelSpec<DriftParams> = {
  name: "drift",
  fit(y: Float64Array, options: FitOptions): Fitted<DriftParams> {
    const n = y.length;
    if (n === 0 || y.some((v) => !Number.isFinite(v))) throw new RangeError("drift: needs a non-empty series without missing values");
    if (n < 2) {
      const fallback = naive.fit(y, options);
      return { ...fallback, model: "naive (fallback: drift needs 2 observations)", params: { lastValue: fallback.params.lastValue, drift: 0, driftStandardError: Number.NaN } };
    }
    const differences = n - 1;
    const slope = (y[n - 1]! - y[0]!) / differences;
    const fitted = new Float64Array(n).fill(Number.NaN);
    let sse = 0;
    for (let t = 1; t < n; t++) { fitted[t] = y[t - 1]! + slope; sse += (y[t]! - fitted[t]!) ** 2; }
    const residuals = y.map((v, t) => v - fitted[t]!);
    const sigma2 = differences > 1 ? sse / (differences - 1) : Number.NaN;
    const driftStandardError = Math.sqrt(sigma2 / differences);
    const { logLik, aicc } = gaussianInformation(sse, differences, 1);
    const lastValue = y[n - 1]!;
    return {
      model: "drift", params: { lastValue, drift: slope, driftStandardError }, logLik, aicc, fitted, residuals, sigma2,
      forecast(horizon, levels) {
        const mean = new Float64Array(horizon).map((_, k) => lastValue + (k + 1) * slope);
        const se = new Float64Array(horizon).map((_, k) => Math.sqrt(sigma2 * (k + 1) + ((k + 1) * driftStandardError) ** 2));
        return normalBand(mean, se, levels, options.nonNegative);
      },
      forecastFrom(origin, horizon) {
        // The drift refitted on the data up to the origin (as cheap as re-using it).
        const slopeThen = origin > 0 ? (y[origin]! - y[0]!) / origin : 0;
        const mean = new Float64Array(horizon).map((_, k) => y[origin]! + (k + 1) * slopeThen);
        return options.nonNegative ? mean.map((v) => Math.max(0, v)) : mean;
      },
    };
  },
};

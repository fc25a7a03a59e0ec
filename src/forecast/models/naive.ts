/**
 * The naive (random walk) model: every forecast is the last observation.
 */
import type { Fitted, FitOptions, ModelSpec } from "../../spec/forecast.ts";
import { gaussianInformation, normalBand, sumOfSquares } from "./normal-band.ts";

export interface NaiveParams { lastValue: number }

/**
 * Naive forecasts with R's `forecast::naive` intervals: se_h = sigma * sqrt(h), sigma^2 the
 * mean squared first difference.
 *
 * Reference: Hyndman & Athanasopoulos, FPP3 section 5.2 and table 5.2.
 * @throws RangeError from `fit` when the series is empty or its last value is missing.
 * @example naive.fit(Float64Array.of(1, 3, 2), { frequency: 1 }).forecast(2, [80]).mean // Float64Array [2, 2]
 */
export const naive: ModelSpec<NaiveParams> = {
  name: "naive",
  fit(y: Float64Array, options: FitOptions): Fitted<NaiveParams> {
    const n = y.length;
    if (n === 0 || !Number.isFinite(y[n - 1])) throw new RangeError("naive: needs a non-empty series ending in an observed value");
    const fitted = new Float64Array(n).fill(Number.NaN);
    for (let t = 1; t < n; t++) fitted[t] = y[t - 1]!;
    const residuals = y.map((v, t) => v - fitted[t]!);
    const { total, count } = sumOfSquares(residuals);
    const sigma2 = count > 0 ? total / count : Number.NaN;
    const { logLik, aicc } = gaussianInformation(total, count, 0);
    const lastValue = y[n - 1]!;
    return {
      model: "naive", params: { lastValue }, logLik, aicc, fitted, residuals, sigma2,
      forecast(horizon, levels) {
        const mean = new Float64Array(horizon).fill(lastValue);
        const se = new Float64Array(horizon).map((_, k) => Math.sqrt(sigma2 * (k + 1)));
        return normalBand(mean, se, levels, options.nonNegative);
      },
      forecastFrom(origin, horizon) {
        return new Float64Array(horizon).fill(y[origin]!);
      },
    };
  },
};

/**
 * The seasonal naive model: each forecast is the observation one season earlier.
 */
import type { Fitted, FitOptions, ModelSpec } from "../../spec/forecast.ts";
import { naive } from "./naive.ts";
import { gaussianInformation, normalBand, sumOfSquares } from "./normal-band.ts";

export interface SeasonalNaiveParams { period: number; lastSeason: number[] }

/**
 * Seasonal naive forecasts with R's `forecast::snaive` intervals: se_h = sigma * sqrt(k),
 * k = floor((h - 1) / m) + 1, sigma^2 the mean squared seasonal difference. Falls back to
 * `naive` (and says so in `model`) for annual data or a series shorter than one season.
 *
 * Reference: Hyndman & Athanasopoulos, FPP3 section 5.2.
 * @throws RangeError from `fit` when the series is empty.
 * @example seasonalNaive.fit(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), { frequency: 4 }).forecast(1, []).mean[0] // 5
 */
export const seasonalNaive: ModelSpec<SeasonalNaiveParams> = {
  name: "seasonal-naive",
  fit(y: Float64Array, options: FitOptions): Fitted<SeasonalNaiveParams> {
    const period = Math.max(1, Math.round(options.frequency));
    const n = y.length;
    if (period === 1 || n < period) {
      const fallback = naive.fit(y, options);
      return { ...fallback, model: period === 1 ? "naive" : "naive (fallback: shorter than one season)", params: { period: 1, lastSeason: [fallback.params.lastValue] } };
    }
    const fitted = new Float64Array(n).fill(Number.NaN);
    for (let t = period; t < n; t++) fitted[t] = y[t - period]!;
    const residuals = y.map((v, t) => v - fitted[t]!);
    const { total, count } = sumOfSquares(residuals);
    const sigma2 = count > 0 ? total / count : Number.NaN;
    const { logLik, aicc } = gaussianInformation(total, count, 0);
    const lastSeason = Array.from(y.subarray(n - period));
    return {
      model: "seasonal-naive", params: { period, lastSeason }, logLik, aicc, fitted, residuals, sigma2,
      forecast(horizon, levels) {
        const mean = new Float64Array(horizon).map((_, k) => lastSeason[k % period]!);
        const se = new Float64Array(horizon).map((_, k) => Math.sqrt(sigma2 * (Math.floor(k / period) + 1)));
        return normalBand(mean, se, levels, options.nonNegative);
      },
    };
  },
};

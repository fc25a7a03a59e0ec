/**
 * `auto`: the default local model, chosen on the M3 yearly data (see BENCHMARKS.md).
 */
import type { Fitted, FitOptions, ModelSpec } from "../../spec/forecast.ts";
import { fitSes } from "../kernels/theta.ts";
import { combination } from "./combination.ts";
import { drift } from "./drift.ts";
import { naive } from "./naive.ts";
import { gaussianInformation, normalBand } from "./normal-band.ts";
import { holtModel } from "./holt.ts";
import { seasonallyAdjusted } from "./seasonally-adjusted.ts";
import { theta } from "./theta.ts";

export interface SesParams { smoothingLevel: number; initialLevel: number }

/**
 * Simple exponential smoothing fitted by least squares with an exact search (the smoothing
 * parameter on a grid then golden section; the initial level solved in closed form), with
 * ETS(A,N,N) intervals. Same optimum as R's `ses` up to R's Nelder-Mead tolerance, faster.
 *
 * Reference: Hyndman et al. (2008) Forecasting with Exponential Smoothing, chapter 3.
 * @throws RangeError from `fit` when the series has a missing value.
 * @example sesLeastSquares.fit(Float64Array.of(3, 3, 3, 3), { frequency: 1 }).forecast(1, []).mean[0] // 3
 */
export const sesLeastSquares: ModelSpec<SesParams> = {
  name: "ses",
  fit(y: Float64Array, options: FitOptions): Fitted<SesParams> {
    if (y.length < 3) { const f = naive.fit(y, options); return { ...f, model: "naive (fallback: ses needs 3 observations)", params: { smoothingLevel: 1, initialLevel: y[0] ?? Number.NaN } }; }
    const fit = fitSes(y);
    const n = y.length;
    const sigma2 = fit.sse / Math.max(1, n - 2);
    const { logLik, aicc } = gaussianInformation(fit.sse, n, 2);
    const residuals = y.map((v, t) => v - fit.fitted[t]!);
    let levels: Float64Array | undefined;
    return {
      model: "ses", params: { smoothingLevel: fit.smoothingLevel, initialLevel: fit.initialLevel }, logLik, aicc,
      fitted: fit.fitted, residuals, sigma2,
      forecast(horizon, levels) {
        const mean = new Float64Array(horizon).fill(fit.finalLevel);
        const se = mean.map((_, k) => Math.sqrt(sigma2 * (1 + k * fit.smoothingLevel ** 2)));
        return normalBand(mean, se, levels, options.nonNegative);
      },
      forecastFrom(origin, horizon) {
        // The level after each observation, computed once.
        if (!levels) {
          levels = new Float64Array(n);
          let level = fit.initialLevel;
          for (let t = 0; t < n; t++) { level = fit.smoothingLevel * y[t]! + (1 - fit.smoothingLevel) * level; levels[t] = level; }
        }
        const level = levels[Math.min(origin, n - 1)]!;
        return new Float64Array(horizon).fill(options.nonNegative ? Math.max(0, level) : level);
      },
    };
  },
};

/**
 * Holt's linear trend, or Theta (a trend model that needs fewer points) when Holt has too
 * few observations (8 or fewer, where R's ets refuses a trend model).
 * @throws as the model it uses.
 * @example trendMember.fit(Float64Array.of(1, 2, 3, 4, 5, 6), { frequency: 1 }).model // "theta"
 */
export const trendMember: ModelSpec = {
  name: "holt",
  fit(y: Float64Array, options: FitOptions) {
    return y.length > 8 ? holtModel.fit(y, options) : theta.fit(y, options);
  },
};

const members: ModelSpec[] = [drift, sesLeastSquares, trendMember];

/**
 * The default local model: seasonally adjust when the 90% autocorrelation test finds a
 * season (as R's thetaf), then take the median of the drift, SES and Holt forecasts (and of
 * their interval bounds; Theta stands in for Holt on 8 or fewer observations). Chosen on the 645 M3 yearly series among single models and mean
 * or median combinations of naive, drift, SES, Holt, damped, ETS, Theta and OTM: it had the
 * best sMAPE/MASE of the fast candidates (15.96 / 2.56 against R thetaf's 16.76 / 2.77); the
 * 756 quarterly series were kept as a hold-out (BENCHMARKS.md). With a median of three, a
 * trend is followed only when two of the three agree, which damps Holt's overshooting and
 * naive's lag alike.
 *
 * Reference: Petropoulos & Svetunkov (2020) "A simple combination of univariate models",
 * IJF 36(1) 110-115; Makridakis, Spiliotis & Assimakopoulos (2020) M4, IJF 36(1) ("Comb").
 * @throws never itself; falls back through its members.
 * @example auto.fit(Float64Array.of(1, 2, 3, 4, 5, 6), { frequency: 1 }).forecast(1, []).mean[0] > 6 // true
 */
export const auto: ModelSpec = seasonallyAdjusted(combination(members, { method: "median", name: "auto" }), "auto");

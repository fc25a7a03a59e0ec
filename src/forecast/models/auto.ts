/**
 * `auto`: the default local model, chosen on the M3 yearly data (see BENCHMARKS.md).
 */
import type { Fitted, FitOptions, ModelSpec } from "../../spec/forecast";
import { fitSes } from "../kernels/theta";
import { combination } from "./combination";
import { drift } from "./drift";
import { naive } from "./naive";
import { gaussianInformation, normalBand } from "./normal-band";
import { seasonallyAdjusted } from "./seasonally-adjusted";
import { theta } from "./theta";

export interface SesParams { smoothingLevel: number; initialLevel: number }

/** Simple exponential smoothing by least squares (exact search), with ETS(A,N,N) intervals. */
export const sesLeastSquares: ModelSpec<SesParams> = {
  name: "ses",
  fit(y: Float64Array, options: FitOptions): Fitted<SesParams> {
    if (y.length < 3) { const f = naive.fit(y, options); return { ...f, model: "naive (fallback: ses needs 3 observations)", params: { smoothingLevel: 1, initialLevel: y[0] ?? Number.NaN } }; }
    const fit = fitSes(y);
    const n = y.length;
    const sigma2 = fit.sse / Math.max(1, n - 2);
    const { logLik, aicc } = gaussianInformation(fit.sse, n, 2);
    const residuals = y.map((v, t) => v - fit.fitted[t]!);
    return {
      model: "ses", params: { smoothingLevel: fit.smoothingLevel, initialLevel: fit.initialLevel }, logLik, aicc,
      fitted: fit.fitted, residuals, sigma2,
      forecast(horizon, levels) {
        const mean = new Float64Array(horizon).fill(fit.finalLevel);
        const se = mean.map((_, k) => Math.sqrt(sigma2 * (1 + k * fit.smoothingLevel ** 2)));
        return normalBand(mean, se, levels, options.nonNegative);
      },
    };
  },
};

const members: ModelSpec[] = [drift, sesLeastSquares, theta];

/**
 * The default local model: seasonally adjust when the data are seasonal, then take the
 * median of drift, SES and Theta forecasts (and of their interval bounds).
 *
 * Reference: Petropoulos & Svetunkov (2020) IJF 36(1); Makridakis et al. (2020) M4 "Comb".
 * @throws never itself; falls back through its members.
 * @example auto.fit(Float64Array.of(1, 2, 3, 4, 5, 6), { frequency: 1 }).forecast(1, []).mean[0] > 6 // true
 */
export const auto: ModelSpec = seasonallyAdjusted(combination(members, { method: "median", name: "auto" }), "auto");

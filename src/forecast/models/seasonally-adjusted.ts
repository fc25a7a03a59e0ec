/**
 * Wrap a non-seasonal model so it handles seasonal data: test for seasonality, take the
 * season out by classical decomposition, fit, and put the season back into the forecasts.
 */
import type { ForecastBand, Fitted, FitOptions, ModelSpec } from "../../spec/forecast.ts";
import { classicalDecomposition } from "../kernels/classical-decomposition.ts";
import { seasonalityTest } from "../kernels/seasonality-test.ts";
import { clampBand } from "./normal-band.ts";

/**
 * A model that, when the 90% autocorrelation test at lag m finds seasonality (as R's
 * `thetaf`), fits `inner` to the seasonally adjusted series (classical multiplicative
 * decomposition for positive data, additive otherwise) and reseasonalises its forecasts and
 * bounds with the last cycle's indices; otherwise it is `inner` unchanged.
 *
 * Reference: Makridakis, Spiliotis & Assimakopoulos (2020) M4, IJF 36(1): the benchmarks'
 * seasonal adjustment; Hyndman & Athanasopoulos, FPP3 section 3.4.
 * @throws never itself; `fit` passes on the inner model's errors.
 * @example seasonallyAdjusted(naive).fit(Float64Array.from({ length: 20 }, (_, i) => (i % 2 ? 5 : 1)), { frequency: 2 }).forecast(2, []).mean // about [1, 5]
 */
export function seasonallyAdjusted<P>(inner: ModelSpec<P>, name = inner.name): ModelSpec<P> {
  return {
    name,
    fit(y: Float64Array, options: FitOptions): Fitted<P> {
      const period = Math.max(1, Math.round(options.frequency));
      if (!seasonalityTest(y, period)) { const f = inner.fit(y, options); return { ...f, model: f.model === inner.name ? name : f.model }; }
      const multiplicative = y.every((v) => v > 0);
      const { seasonal } = classicalDecomposition(y, period, multiplicative ? "multiplicative" : "additive");
      if (!seasonal.every(Number.isFinite) || (multiplicative && seasonal.some((s) => Math.abs(s) < 1e-4))) { const f = inner.fit(y, options); return { ...f, model: f.model === inner.name ? name : f.model }; }
      const adjusted = multiplicative ? y.map((v, t) => v / seasonal[t]!) : y.map((v, t) => v - seasonal[t]!);
      const fit = inner.fit(adjusted, { ...options, nonNegative: false });
      const n = y.length;
      const apply = (values: Float64Array, t0: (k: number) => number): Float64Array =>
        values.map((v, k) => (multiplicative ? v * seasonal[t0(k)]! : v + seasonal[t0(k)]!));
      const fitted = apply(fit.fitted, (t) => t);
      return {
        ...fit,
        model: fit.model === inner.name ? name : fit.model,
        fitted,
        residuals: y.map((v, t) => v - fitted[t]!),
        forecast(horizon, levels) {
          const band = fit.forecast(horizon, levels);
          const ahead = (k: number): number => n - period + (k % period);
          const out: ForecastBand = { mean: apply(band.mean, ahead), lower: {}, upper: {} };
          for (const level of levels) { out.lower[level] = apply(band.lower[level]!, ahead); out.upper[level] = apply(band.upper[level]!, ahead); }
          return options.nonNegative ? clampBand(out) : out;
        },
        forecastFrom(origin, horizon) {
          // The seasonal indices of the whole fit are kept (re-used, like the inner model's parameters).
          const adjustedMean = fit.forecastFrom ? fit.forecastFrom(origin, horizon) : inner.fit(adjusted.subarray(0, origin + 1), { ...options, nonNegative: false }).forecast(horizon, []).mean;
          const index = (t: number): number => (t < n ? t : n - period + ((t - n) % period));
          const mean = apply(adjustedMean, (k) => index(origin + 1 + k));
          return options.nonNegative ? mean.map((v) => Math.max(0, v)) : mean;
        },
      };
    },
  };
}

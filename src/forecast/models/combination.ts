/**
 * Forecast combinations: the mean or median of several models' forecasts.
 */
import type { ForecastBand, Fitted, FitOptions, ModelSpec } from "../../spec/forecast.ts";
import { clampBand } from "./normal-band.ts";

export interface CombinationParams { method: "mean" | "median"; members: Array<{ model: string; params: unknown }> }

function combine(values: number[], method: "mean" | "median"): number {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return Number.NaN;
  if (method === "mean") return finite.reduce((a, b) => a + b, 0) / finite.length;
  finite.sort((a, b) => a - b);
  const middle = finite.length >> 1;
  return finite.length % 2 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
}

function combineArrays(arrays: Float64Array[], method: "mean" | "median"): Float64Array {
  const length = arrays[0]?.length ?? 0;
  const out = new Float64Array(length);
  const column: number[] = new Array<number>(arrays.length);
  for (let k = 0; k < length; k++) {
    for (let j = 0; j < arrays.length; j++) column[j] = arrays[j]![k]!;
    out[k] = combine(column, method);
  }
  return out;
}

/**
 * A model whose point forecast is the mean (or median) of its members' point forecasts.
 * Intervals combine the members' bounds the same way, level by level (quantile averaging,
 * Lichtendahl, Grushka-Cockayne & Winkler 2013: the average of the members' quantiles is a
 * valid, usually sharper, quantile forecast than averaging their distributions). The median
 * of quantiles is used for the median combination. Fitted values combine likewise; sigma2
 * is the variance of the combined residuals. For calibrated coverage on published output,
 * use `forecast(..., { calibrate: true })`, which replaces these bounds by conformal ones.
 *
 * Reference: Makridakis & Hibon (2000) M3 "Comb S-H-D"; Petropoulos & Svetunkov (2020)
 * "A simple combination of univariate models", IJF 36(1) 110-115.
 * @throws RangeError when no members are given.
 * @example combination([naive, drift], { method: "mean" }).fit(Float64Array.of(1, 2, 3), { frequency: 1 }).forecast(1, []).mean[0] // 3.5
 */
export function combination(members: ModelSpec[], options: { method?: "mean" | "median"; name?: string } = {}): ModelSpec<CombinationParams> {
  if (members.length === 0) throw new RangeError("combination: needs at least one member model");
  const method = options.method ?? "mean";
  const name = options.name ?? `${method}(${members.map((m) => m.name).join(",")})`;
  return {
    name,
    fit(y: Float64Array, fitOptions: FitOptions): Fitted<CombinationParams> {
      // Members forecast unclamped; the combination clamps once at the end.
      const inner: FitOptions = { ...fitOptions, nonNegative: false };
      const fits = members.map((m) => m.fit(y, inner));
      const fitted = combineArrays(fits.map((f) => f.fitted), method);
      const residuals = y.map((v, t) => v - fitted[t]!);
      let sse = 0, count = 0;
      for (const r of residuals) if (Number.isFinite(r)) { sse += r * r; count++; }
      return {
        model: name,
        params: { method, members: fits.map((f) => ({ model: f.model, params: f.params })) },
        logLik: Number.NaN,
        aicc: Number.NaN,
        fitted, residuals,
        sigma2: count > 1 ? sse / (count - 1) : Number.NaN,
        forecast(horizon, levels) {
          const bands = fits.map((f) => f.forecast(horizon, levels));
          const band: ForecastBand = { mean: combineArrays(bands.map((b) => b.mean), method), lower: {}, upper: {} };
          for (const level of levels) {
            band.lower[level] = combineArrays(bands.map((b) => b.lower[level]!), method);
            band.upper[level] = combineArrays(bands.map((b) => b.upper[level]!), method);
          }
          return fitOptions.nonNegative ? clampBand(band) : band;
        },
        forecastFrom(origin, horizon) {
          const means = fits.map((f, i) => (f.forecastFrom ? f.forecastFrom(origin, horizon) : members[i]!.fit(y.subarray(0, origin + 1), inner).forecast(horizon, []).mean));
          const mean = combineArrays(means, method);
          return fitOptions.nonNegative ? mean.map((v) => Math.max(0, v)) : mean;
        },
      };
    },
  };
}

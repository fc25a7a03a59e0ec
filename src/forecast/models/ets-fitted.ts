/**
 * Wrap a kernel ETS fit as the shared `Fitted` contract (src/spec/forecast.ts): data-scale
 * residuals, AICc, and a `forecast` that turns means and variances into central
 * prediction intervals at any levels, clamped at zero for counts.
 */
import type { FitOptions, Fitted, ForecastBand } from "../../spec/forecast.ts";
import { normalQuantile } from "../../stats/normal-quantile.ts";
import { etsForecast, etsPointForecasts } from "../kernels/ets-forecast.ts";
import { ADDITIVE, MULTIPLICATIVE, NONE, etsRecursion } from "../kernels/ets-recursion.ts";
import type { EtsFitResult, EtsParameters } from "../kernels/ets-types.ts";

/** What an ETS `Fitted` carries in `params`: the parameters plus the kernel fit itself. */
export interface EtsFittedParameters extends EtsParameters {
  /** Error, trend and season letters, e.g. "MAdN". */
  components: string;
  period: number;
  /** How the forecast variance is computed: class1/class2/class3 (analytic) or simulation. */
  varianceMethod: string;
  /** The full kernel result (states, AIC, BIC, relative residuals for M error). */
  fit: EtsFitResult;
}

/**
 * Build a `Fitted` from an ETS kernel result. Residuals are y - fitted on the data scale
 * (for multiplicative-error models the relative errors R reports stay in `params.fit`);
 * `sigma2` is R's (relative for multiplicative error). Intervals are mean +/- z sigma_h
 * with sigma_h from `etsForecast`; with `nonNegative`, means and bounds are clamped at 0.
 *
 * Reference: Hyndman and Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed.),
 * section 8.7 (ETS forecasting and prediction intervals).
 * @param model the name to report, e.g. "ETS(M,A,N)" or a fallback description.
 * @throws Error from `forecast` when the horizon is not a positive integer or a level is not in (0, 100).
 * @example etsFitted(etsFit(Float64Array.of(5, 6, 5, 7, 6, 7, 6, 8), { error: "A", trend: "N", damped: false, season: "N" }, 1)!, Float64Array.of(5, 6, 5, 7, 6, 7, 6, 8), { frequency: 1 }, "ETS(A,N,N)").forecast(2, [95]).lower[95]!.length // 2
 */
export function etsFitted(fit: EtsFitResult, y: Float64Array, options: FitOptions, model: string): Fitted<EtsFittedParameters> {
  const n = y.length;
  let statePath: { level: Float64Array; trend: Float64Array } | undefined;
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = y[i]! - fit.fitted[i]!;
  const c = fit.components;
  const varianceMethod =
    (c.trend === "N" || c.trend === "A") && c.season !== "M"
      ? c.error === "A" ? "class1" : "class2"
      : c.error === "M" && c.season === "M" && c.trend !== "M" ? "class3" : "simulation";
  return {
    model,
    params: {
      ...fit.parameters,
      components: `${c.error}${c.trend}${c.damped ? "d" : ""}${c.season}`,
      period: fit.period,
      varianceMethod,
      fit,
    },
    logLik: fit.logLik,
    aicc: fit.aicc,
    fitted: fit.fitted,
    residuals,
    sigma2: fit.sigma2,
    forecast(horizon: number, levels: number[]): ForecastBand {
      for (const level of levels) {
        if (!(level > 0 && level < 100)) throw new Error(`forecast: level must be in (0, 100), got ${level}`);
      }
      const { mean, variance } = etsForecast(fit, horizon);
      const lower: Record<number, Float64Array> = {};
      const upper: Record<number, Float64Array> = {};
      for (const level of levels) {
        const z = normalQuantile(0.5 + level / 200);
        const lo = new Float64Array(horizon);
        const hi = new Float64Array(horizon);
        for (let h = 0; h < horizon; h++) {
          const margin = z * Math.sqrt(Math.max(variance[h]!, 0));
          lo[h] = mean[h]! - margin;
          hi[h] = mean[h]! + margin;
        }
        lower[level] = lo;
        upper[level] = hi;
      }
      if (options.nonNegative) {
        for (let h = 0; h < horizon; h++) mean[h] = Math.max(mean[h]!, 0);
        for (const level of levels) {
          for (let h = 0; h < horizon; h++) {
            lower[level]![h] = Math.max(lower[level]![h]!, 0);
            upper[level]![h] = Math.max(upper[level]![h]!, 0);
          }
        }
      }
      return { mean, lower, upper };
    },
    forecastFrom(origin: number, horizon: number): Float64Array {
      // Additive non-seasonal models (SES, Holt, damped): one pass records the state after
      // every observation, so each earlier origin costs only its forecast.
      if (c.error === "A" && c.season === "N" && c.trend !== "M" && origin < y.length) {
        const path = (statePath ??= linearStatePath(fit, y));
        const phi = fit.parameters.damping;
        const mean = new Float64Array(horizon);
        let damping = 0, power = 1;
        for (let h = 0; h < horizon; h++) {
          power *= phi;
          damping += c.trend === "N" ? 0 : power;
          mean[h] = path.level[origin]! + damping * path.trend[origin]!;
          if (options.nonNegative) mean[h] = Math.max(mean[h]!, 0);
        }
        return mean;
      }
      // Otherwise re-run the recursion with the fitted parameters on the data up to `origin`.
      const code = (letter: string) => (letter === "A" ? ADDITIVE : letter === "M" ? MULTIPLICATIVE : NONE);
      const p = fit.parameters;
      const hasTrend = c.trend !== "N";
      const initial = Float64Array.from([p.initialLevel, ...(hasTrend ? [p.initialTrend] : []), ...p.initialSeasonal]);
      const finalState = new Float64Array(initial.length);
      const ring = new Float64Array(Math.max(1, fit.period));
      etsRecursion(y.subarray(0, origin + 1), fit.period, code(c.error), code(c.trend), code(c.season), p.smoothingLevel, hasTrend ? p.smoothingTrend : 0,
        c.season !== "N" ? p.smoothingSeasonal : 0, p.damping, initial, ring, 1, { finalState });
      const mean = etsPointForecasts({ ...fit, finalState }, horizon);
      if (options.nonNegative) for (let h = 0; h < horizon; h++) mean[h] = Math.max(mean[h]!, 0);
      return mean;
    },
  };
}

/**
 * Level and trend after each observation of an additive-error, non-seasonal ETS model with its
 * fitted parameters (error-correction form: e = y - (l + phi b); l' = l + phi b + alpha e;
 * b' = phi b + beta e); a missing observation moves the state on by its forecast.
 */
function linearStatePath(fit: EtsFitResult, y: Float64Array): { level: Float64Array; trend: Float64Array } {
  const p = fit.parameters;
  const hasTrend = fit.components.trend !== "N";
  const alpha = p.smoothingLevel, beta = hasTrend ? p.smoothingTrend : 0, phi = hasTrend ? p.damping : 0;
  const level = new Float64Array(y.length), trend = new Float64Array(y.length);
  let l = p.initialLevel, b = hasTrend ? p.initialTrend : 0;
  for (let t = 0; t < y.length; t++) {
    const forecast = l + phi * b;
    const e = Number.isFinite(y[t]) ? y[t]! - forecast : 0;
    l = forecast + alpha * e;
    b = phi * b + beta * e;
    level[t] = l;
    trend[t] = b;
  }
  return { level, trend };
}

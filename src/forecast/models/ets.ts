/**
 * ETS (error, trend, season) exponential smoothing state space models as a `ModelSpec`:
 * automatic selection by AICc like R's `forecast::ets(y)`, or any fixed member of the
 * family. Short or degenerate series fall back to a named simpler model.
 */
import type { FitOptions, Fitted, ModelSpec } from "../../spec/forecast.ts";
import { etsFit, etsName } from "../kernels/ets-fit.ts";
import { ADDITIVE, NONE, etsRecursion } from "../kernels/ets-recursion.ts";
import { etsSelect, type EtsSelectOptions } from "../kernels/ets-select.ts";
import type { EtsFitResult } from "../kernels/ets-types.ts";
import { etsFitted, type EtsFittedParameters } from "./ets-fitted.ts";

type Auto = "auto" | "Z";

export interface EtsModelOptions {
  /** "A", "M" or "auto"/"Z" (default): M only for strictly positive data. */
  error?: "A" | "M" | Auto;
  /** "N", "A", "M" or "auto"/"Z" (default: N or A, as R). */
  trend?: "N" | "A" | "M" | Auto;
  /** true, false or "auto"/null (default: both tried). */
  damped?: boolean | "auto" | null;
  /** "N", "A", "M" or "auto"/"Z" (default; N for annual data). */
  season?: "N" | "A" | "M" | Auto;
  /** Optimisation criterion: "likelihood" (default, as `ets`) or "mse" (as `ses`/`holt`). */
  criterion?: "likelihood" | "mse";
  /** Selection criterion (default "aicc"). */
  informationCriterion?: "aicc" | "aic" | "bic";
  /** Try multiplicative trends in automatic selection (default false, as R). */
  allowMultiplicativeTrend?: boolean;
  /** Nelder-Mead budget per candidate model (default 2000 evaluations, as R). */
  maxEvaluations?: number;
  /** Name of the spec (default "ets", or e.g. "ETS(A,Ad,N)" when fully fixed). */
  name?: string;
}

const letter = <T extends string>(value: T | Auto | undefined): T | "Z" =>
  value === undefined || value === "auto" || value === "Z" ? "Z" : value;

/** A random walk written as ETS(A,N,N) with alpha = 0.99999 and the first value as level (R's choice for constant series). */
function randomWalkFit(y: Float64Array): EtsFitResult {
  const n = y.length;
  let first = NaN;
  let observed = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] === y[i]) {
      if (observed === 0) first = y[i]!;
      observed++;
    }
  }
  const alpha = 0.99999;
  const residuals = new Float64Array(n);
  const fitted = new Float64Array(n);
  const finalState = new Float64Array(1);
  const lik = etsRecursion(y, 1, ADDITIVE, NONE, NONE, alpha, 0, 0, 1, Float64Array.of(first), new Float64Array(1), 0, {
    residuals,
    fitted,
    finalState,
  });
  let sse = 0;
  for (let i = 0; i < n; i++) if (residuals[i] === residuals[i]) sse += residuals[i]! ** 2;
  const k = 3;
  const logLik = Number.isFinite(lik) ? -0.5 * lik : Infinity;
  const aic = -2 * logLik + 2 * k;
  return {
    components: { error: "A", trend: "N", damped: false, season: "N" },
    period: 1,
    parameters: {
      smoothingLevel: alpha,
      smoothingTrend: NaN,
      smoothingSeasonal: NaN,
      damping: 1,
      initialLevel: first,
      initialTrend: NaN,
      initialSeasonal: [],
    },
    logLik,
    aic,
    aicc: observed - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (observed - k - 1) : Infinity,
    bic: -2 * logLik + Math.log(observed) * k,
    mse: sse / observed,
    sigma2: observed > 1 ? sse / (observed - 1) : NaN,
    parameterCount: 2,
    fitted,
    residuals,
    finalState,
    evaluations: 0,
  };
}

/**
 * An ETS model specification. With no options it selects automatically like R's
 * `ets(y)`: additive or multiplicative error (multiplicative only for strictly positive
 * data), no/additive/damped trend, and for quarterly or monthly data no/additive/
 * multiplicative season, by AICc, with R's bounds and admissibility. Fix any component
 * to restrict the search (`{ error: "A", trend: "A", damped: true, season: "N" }` is
 * ETS(A,Ad,N)). When no ETS model can be fitted (too few observations for the requested
 * components, or every fit failed) it falls back to ETS(A,N,N) and then to a random walk,
 * and `model` says so, e.g. "ETS(A,N,N) (fallback from ETS(Z,Z,Z): too few observations)".
 * A constant series gives a random walk (R does the same).
 *
 * Reference: Hyndman, Koehler, Ord and Snyder (2008) "Forecasting with Exponential
 * Smoothing"; Hyndman and Athanasopoulos, "Forecasting: Principles and Practice" (3rd
 * ed.), chapter 8; R package forecast 8.20 `ets`.
 * @throws Error from `fit` when y is empty, or a fixed multiplicative component meets non-positive data.
 * @example etsModel().fit(Float64Array.of(12, 14, 13, 16, 15, 18, 17, 19, 21, 20, 23, 24), { frequency: 1 }).model // "ETS(A,A,N)"
 */
export function etsModel(options: EtsModelOptions = {}): ModelSpec<EtsFittedParameters> {
  const error = letter(options.error);
  const trend = letter(options.trend);
  const season = letter(options.season);
  const damped = options.damped === undefined || options.damped === null || options.damped === "auto" ? null : options.damped;
  const requested = `ETS(${error},${trend}${damped ? "d" : ""},${season})`;
  const fixed = error !== "Z" && trend !== "Z" && season !== "Z" && (damped !== null || trend === "N");
  const name = options.name ?? (fixed ? requested : "ets");
  const selectOptions: EtsSelectOptions = {
    error,
    trend,
    season,
    damped,
    criterion: options.criterion ?? "likelihood",
    informationCriterion: options.informationCriterion ?? "aicc",
    allowMultiplicativeTrend: options.allowMultiplicativeTrend ?? false,
    maxEvaluations: options.maxEvaluations ?? 2000,
  };
  return {
    name,
    fit(y: Float64Array, fitOptions: FitOptions): Fitted<EtsFittedParameters> {
      if (y.length === 0) throw new Error(`${name}: cannot fit an empty series`);
      let min = Infinity;
      let max = -Infinity;
      let observed = 0;
      for (let i = 0; i < y.length; i++) {
        const v = y[i]!;
        if (v === v) {
          observed++;
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      if (observed === 0) throw new Error(`${name}: every value is missing`);
      if (min === max) return etsFitted(randomWalkFit(y), y, fitOptions, "ETS(A,N,N) (constant series: random walk)");
      const period = Math.max(1, Math.round(fitOptions.frequency));
      let reason = "every candidate fit failed";
      let fit: EtsFitResult | null = null;
      try {
        fit = etsSelect(y, period, selectOptions);
        if (!fit) reason = "too few observations";
      } catch (err) {
        if (fixed) throw err;
        reason = (err as Error).message;
      }
      if (fit) return etsFitted(fit, y, fitOptions, etsName(fit.components));
      const simple = { error: "A", trend: "N", damped: false, season: "N" } as const;
      let fallback: EtsFitResult | null = null;
      if (observed >= 4 && !(error === "A" && trend === "N" && season === "N")) {
        try {
          fallback = etsFit(y, simple, 1, { criterion: selectOptions.criterion, maxEvaluations: selectOptions.maxEvaluations });
        } catch {
          fallback = null;
        }
      }
      if (fallback) return etsFitted(fallback, y, fitOptions, `ETS(A,N,N) (fallback from ${requested}: ${reason})`);
      return etsFitted(randomWalkFit(y), y, fitOptions, `random walk ETS(A,N,N) alpha=0.99999 (fallback from ${requested}: ${reason})`);
    },
  };
}

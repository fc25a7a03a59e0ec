/**
 * Automatic ETS model selection, as R's `forecast::ets(y)`: fit every allowed member of
 * the family and keep the one with the smallest information criterion (AICc by default).
 */
import { observedCount } from "../../stats/observed-count.ts";
import { etsFit, type EtsFitOptions } from "./ets-fit.ts";
import type { EtsComponents, EtsFitResult } from "./ets-types.ts";

export interface EtsSelectOptions extends EtsFitOptions {
  /** "Z" (default) tries A and M; M only when the data are strictly positive. */
  error?: "A" | "M" | "Z";
  /** "Z" (default) tries N and A (and M when allowMultiplicativeTrend). */
  trend?: "N" | "A" | "M" | "Z";
  /** null (default) tries damped and undamped trends. */
  damped?: boolean | null;
  /** "Z" (default) tries N, A and M when the period is 2..24 and there is more than one season of data. */
  season?: "N" | "A" | "M" | "Z";
  /** Information criterion to minimise (default "aicc"). */
  informationCriterion?: "aicc" | "aic" | "bic";
  /** Allow multiplicative trends (R's default: false). */
  allowMultiplicativeTrend?: boolean;
  /** R's `restrict`: skip models with infinite variance (default true). */
  restrict?: boolean;
  /** Only additive components (default false). */
  additiveOnly?: boolean;
}

/**
 * Choose and fit the best ETS model for y. Follows R's rules: a season only when
 * 2 <= period <= 24 and there are more than `period` observations; multiplicative error
 * or season only for strictly positive data; with `restrict`, no additive error with a
 * multiplicative component and no M,M,A; a candidate whose fit fails or which has more
 * parameters than the data allow is skipped. When the series has no more than (the
 * parameters of the requested components + 4) observations, R switches to Holt-Winters;
 * we return null and let the caller fall back to a named simpler model.
 *
 * Reference: Hyndman, Koehler, Snyder and Grose (2002) "A state space framework for
 * automatic forecasting using exponential smoothing methods", International Journal of
 * Forecasting 18, 439-454; R package forecast 8.20, R/ets.R `ets`.
 * @returns the best fit, or null when no candidate could be fitted.
 * @throws Error when a fixed component is impossible for the data (e.g. error "M" with
 *   non-positive values, or a season with period 1).
 * @example etsSelect(Float64Array.of(3, 5, 4, 6, 5, 7, 6, 8, 7, 9, 8, 10), 1)!.components.season // "N"
 */
export function etsSelect(y: Float64Array, period: number, options: EtsSelectOptions = {}): EtsFitResult | null {
  const wantError = options.error ?? "Z";
  const wantTrend = options.trend ?? "Z";
  let wantSeason = options.season ?? "Z";
  const restrict = options.restrict ?? true;
  const additiveOnly = options.additiveOnly ?? false;
  const criterion = options.informationCriterion ?? "aicc";
  const { observed, positive } = observedCount(y);
  const m = period;
  if (m < 1 || observed <= m) wantSeason = wantSeason === "Z" ? "N" : wantSeason;
  if (m === 1 || m > 24 || observed <= m) {
    if (wantSeason === "A" || wantSeason === "M") throw new Error(`etsSelect: a seasonal model is not possible with period ${m} and ${observed} observations`);
    wantSeason = "N";
  }
  if (!positive && (wantError === "M" || wantSeason === "M" || wantTrend === "M")) {
    throw new Error("etsSelect: multiplicative components need strictly positive data");
  }
  // R counts only the components fixed in the request; with too little data it leaves ETS.
  const requestedCount =
    2 +
    (wantTrend === "A" || wantTrend === "M" ? 2 : 0) +
    (wantSeason === "A" || wantSeason === "M" ? m : 0) +
    (options.damped ? 1 : 0);
  if (observed <= requestedCount + 4) return null;
  const errors: Array<"A" | "M"> = wantError === "Z" ? ["A", "M"] : [wantError];
  const trends: Array<"N" | "A" | "M"> =
    wantTrend === "Z" ? (options.allowMultiplicativeTrend ? ["N", "A", "M"] : ["N", "A"]) : [wantTrend];
  const seasons: Array<"N" | "A" | "M"> = wantSeason === "Z" ? ["N", "A", "M"] : [wantSeason];
  const dampings: boolean[] = options.damped === undefined || options.damped === null ? [true, false] : [options.damped];

  let best: EtsFitResult | null = null;
  let bestValue = Infinity;
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        for (const damped of dampings) {
          if (trend === "N" && damped) continue;
          if (restrict) {
            if (error === "A" && (trend === "M" || season === "M")) continue;
            if (error === "M" && trend === "M" && season === "A") continue;
          }
          if (additiveOnly && (error === "M" || trend === "M" || season === "M")) continue;
          if (!positive && (error === "M" || trend === "M" || season === "M")) continue;
          const components: EtsComponents = { error, trend, damped, season };
          let fit: EtsFitResult | null = null;
          try {
            fit = etsFit(y, components, m, options);
          } catch {
            fit = null;
          }
          if (!fit) continue;
          const value = criterion === "aic" ? fit.aic : criterion === "bic" ? fit.bic : fit.aicc;
          if (value < bestValue) {
            bestValue = value;
            best = fit;
          }
        }
      }
    }
  }
  return best;
}

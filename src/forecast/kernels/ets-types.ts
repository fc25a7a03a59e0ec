/**
 * Shapes shared by the ETS kernels (Hyndman, Koehler, Ord and Snyder 2008, "Forecasting
 * with Exponential Smoothing: The State Space Approach"). Components use the book's
 * letters: error A/M, trend N/A/M (with `damped`), season N/A/M.
 */

export type EtsErrorType = "A" | "M";
export type EtsTrendType = "N" | "A" | "M";
export type EtsSeasonType = "N" | "A" | "M";

/** One member of the ETS family, e.g. ETS(M,Ad,N) is {error: "M", trend: "A", damped: true, season: "N"}. */
export interface EtsComponents {
  error: EtsErrorType;
  trend: EtsTrendType;
  damped: boolean;
  season: EtsSeasonType;
}

/** Fitted ETS parameters in words (R's alpha, beta, gamma, phi and initial states). */
export interface EtsParameters {
  /** alpha */
  smoothingLevel: number;
  /** beta (NaN without a trend) */
  smoothingTrend: number;
  /** gamma (NaN without a season) */
  smoothingSeasonal: number;
  /** phi (1 when the trend is not damped) */
  damping: number;
  /** l0 */
  initialLevel: number;
  /** b0 (NaN without a trend) */
  initialTrend: number;
  /** s0 .. s(1-m), most recent first as in R's `states[1, ]` (empty without a season) */
  initialSeasonal: number[];
}

/** Everything an ETS fit produces; the model layer wraps it as a `Fitted`. */
export interface EtsFitResult {
  components: EtsComponents;
  /** Season length used by the model (1 when there is no season). */
  period: number;
  parameters: EtsParameters;
  /** R's log-likelihood: -0.5 * (n log(SSE) [+ 2 sum log|fitted|]). */
  logLik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Mean squared one-step error on the data scale. */
  mse: number;
  /** sum(residuals^2) / (n - free parameters), R's `sigma2` (relative errors for M error). */
  sigma2: number;
  /** Number of estimated parameters and initial states (R's `length(fit$par)`). */
  parameterCount: number;
  /** One-step fitted values and residuals (relative residuals for multiplicative error). */
  fitted: Float64Array;
  residuals: Float64Array;
  /** State after the last observation, R order: level, trend, s1 (most recent) .. sm. */
  finalState: Float64Array;
  /** Objective evaluations spent by the optimiser. */
  evaluations: number;
}

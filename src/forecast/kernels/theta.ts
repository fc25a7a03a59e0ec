/**
 * The Theta method: the standard method as R's `forecast::thetaf` (simple exponential
 * smoothing on the seasonally adjusted series plus half the slope of its linear trend), and
 * the optimised Theta model (OTM) of Fiorucci et al. (2016), which chooses theta by MSE.
 *
 * Both fits concentrate out the linear parameters: for a fixed smoothing parameter the
 * one-step predictions are linear in the initial level (and, for OTM, in the trend weight
 * 1 - 1/theta), so those are solved exactly by least squares and only the smoothing
 * parameter is searched (grid + golden section). This is exact where R's Nelder-Mead is
 * approximate, and fast.
 */
import { minimiseScalar } from "../../stats/minimise-scalar.ts";
import { classicalDecomposition } from "./classical-decomposition.ts";
import { seasonalityTest } from "./seasonality-test.ts";

/** A simple exponential smoothing fit (ETS(A,N,N) by least squares). */
export interface SesFit {
  smoothingLevel: number;
  initialLevel: number;
  /** Level after the last observation: the point forecast at every horizon. */
  finalLevel: number;
  /** One-step-ahead predictions, same length as the series. */
  fitted: Float64Array;
  sse: number;
}

/** The result of a Theta fit; `mean` and `standardError` give forecasts on the original scale. */
export interface ThetaKernelFit {
  method: "standard" | "optimised";
  smoothingLevel: number;
  initialLevel: number;
  /** The theta coefficient (2 for the standard method). */
  thetaCoefficient: number;
  trendIntercept: number;
  trendSlope: number;
  /** Multiplicative seasonal indices per observation, or null when not seasonal. */
  seasonal: Float64Array | null;
  fitted: Float64Array;
  residuals: Float64Array;
  /** Residual variance on the seasonally adjusted scale (as R's thetaf uses for intervals). */
  sigma2: number;
  sse: number;
  parameterCount: number;
  mean(horizon: number): Float64Array;
  standardError(horizon: number): Float64Array;
}

/** For smoothing parameter a: z_t = y_t - s_{t-1} and g_t = (1-a)^(t-1), so prediction_t = s_{t-1} + g_t * initialLevel. */
function smoothedParts(values: Float64Array, smoothing: number): { z: Float64Array; g: Float64Array; sFinal: number } {
  const n = values.length;
  const z = new Float64Array(n);
  const g = new Float64Array(n);
  let s = 0;
  let power = 1;
  for (let t = 0; t < n; t++) {
    z[t] = values[t]! - s;
    g[t] = power;
    s = smoothing * values[t]! + (1 - smoothing) * s;
    power *= 1 - smoothing;
  }
  return { z, g, sFinal: s };
}

function sesSse(values: Float64Array, smoothing: number): { sse: number; initialLevel: number } {
  const { z, g } = smoothedParts(values, smoothing);
  let gg = 0, gz = 0, zz = 0;
  for (let t = 0; t < z.length; t++) { gg += g[t]! * g[t]!; gz += g[t]! * z[t]!; zz += z[t]! * z[t]!; }
  const initialLevel = gz / gg;
  return { sse: Math.max(0, zz - gz * initialLevel), initialLevel };
}

/**
 * Simple exponential smoothing with the smoothing parameter and initial level chosen to
 * minimise the in-sample one-step squared error (as R's `ses`, i.e. `ets(y, "ANN", opt.crit = "mse")`).
 *
 * Reference: Hyndman et al. (2008), Forecasting with Exponential Smoothing, chapter 3.
 * @throws RangeError when the series is empty or has a missing value.
 * @example fitSes(Float64Array.from([3, 3, 3, 3])).finalLevel // 3
 */
export function fitSes(values: Float64Array, bounds: { lower?: number; upper?: number } = {}): SesFit {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) throw new RangeError("fitSes: needs a non-empty series without missing values");
  const lower = bounds.lower ?? 1e-4;
  const upper = bounds.upper ?? 0.9999;
  const best = minimiseScalar((a) => sesSse(values, a).sse, lower, upper, { gridPoints: 21, tolerance: 1e-9 });
  const smoothingLevel = best.argument;
  const { initialLevel, sse } = sesSse(values, smoothingLevel);
  const fitted = new Float64Array(values.length);
  let level = initialLevel;
  for (let t = 0; t < values.length; t++) {
    fitted[t] = level;
    level = smoothingLevel * values[t]! + (1 - smoothingLevel) * level;
  }
  return { smoothingLevel, initialLevel, finalLevel: level, fitted, sse };
}

/** OLS intercept and slope of values on t = 1..n. */
function linearTrend(values: Float64Array): { intercept: number; slope: number } {
  const n = values.length;
  let meanY = 0, meanTY = 0;
  for (let t = 0; t < n; t++) { meanY += values[t]! / n; meanTY += ((t + 1) * values[t]!) / n; }
  const slope = n > 1 ? (6 * (2 * meanTY - (1 + n) * meanY)) / (n * n - 1) : 0;
  return { intercept: meanY - ((n + 1) * slope) / 2, slope };
}

interface OtmSolution { sse: number; initialLevel: number; weight: number }

/** For fixed smoothing, solve initial level and weight w = 1 - 1/theta in [0, maxWeight] by least squares. */
function otmSolve(values: Float64Array, smoothing: number, intercept: number, slope: number, maxWeight: number): OtmSolution {
  const { z, g } = smoothedParts(values, smoothing);
  const n = values.length;
  let gg = 0, gd = 0, dd = 0, gz = 0, dz = 0, zz = 0;
  let power = 1;
  for (let t = 0; t < n; t++) {
    // D_t = (1-a)^(t-1) A + (1 - (1-a)^t)/a B, with t 1-based.
    const d = power * intercept + ((1 - power * (1 - smoothing)) / smoothing) * slope;
    power *= 1 - smoothing;
    gg += g[t]! * g[t]!; gd += g[t]! * d; dd += d * d; gz += g[t]! * z[t]!; dz += d * z[t]!; zz += z[t]! * z[t]!;
  }
  const sseOf = (level: number, weight: number): number =>
    zz - 2 * level * gz - 2 * weight * dz + level * level * gg + 2 * level * weight * gd + weight * weight * dd;
  const det = gg * dd - gd * gd;
  let weight = det > 1e-12 * gg * dd ? (gg * dz - gd * gz) / det : 0;
  if (!Number.isFinite(weight) || weight < 0) weight = 0;
  if (weight > maxWeight) weight = maxWeight;
  const initialLevel = (gz - weight * gd) / gg;
  return { sse: Math.max(0, sseOf(initialLevel, weight)), initialLevel, weight };
}

/**
 * Fit the Theta method. `method: "standard"` reproduces R's `thetaf` (forecast 8.20):
 * seasonality by the 90% autocorrelation test at lag m, classical multiplicative
 * decomposition, SES on the adjusted series, drift of half the OLS slope, intervals from the
 * SES variance. `method: "optimised"` fits Fiorucci et al.'s OTM: the initial level, smoothing
 * parameter (in [0.1, 0.99] as their implementation) and theta >= 1 minimise the in-sample MSE.
 *
 * References: Assimakopoulos & Nikolopoulos (2000) IJF 16(4) 521-530; Hyndman & Billah (2003)
 * "Unmasking the Theta method", IJF 19(2); Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler
 * (2016) "Models for optimising the theta method and their relationship to state space models",
 * IJF 32(4) 1151-1161.
 * @throws RangeError when the series has fewer than 3 observations or a missing value.
 * @example theta(Float64Array.from([1, 2, 3, 4, 5, 6]), { period: 1 }).mean(1)[0] // about 6.5
 */
export function theta(values: Float64Array, options: { period: number; method?: "standard" | "optimised" }): ThetaKernelFit {
  const n = values.length;
  if (n < 3 || values.some((v) => !Number.isFinite(v))) throw new RangeError("theta: needs at least 3 observations and no missing values");
  const method = options.method ?? "standard";
  const period = options.period;
  // 1. Seasonal adjustment when the lag-m autocorrelation is significant.
  let seasonal: Float64Array | null = null;
  let adjusted = values;
  if (seasonalityTest(values, period)) {
    const decomposition = classicalDecomposition(values, period, "multiplicative");
    if (decomposition.seasonal.every((s) => Math.abs(s) >= 1e-4 && Number.isFinite(s))) {
      seasonal = decomposition.seasonal;
      adjusted = values.map((v, t) => v / decomposition.seasonal[t]!);
    }
  }
  const seasonalAhead = (horizon: number): Float64Array => {
    const out = new Float64Array(horizon).fill(1);
    if (seasonal) for (let k = 0; k < horizon; k++) out[k] = seasonal[n - period + (k % period)]!;
    return out;
  };
  const trend = linearTrend(adjusted);
  // 2. Fit on the adjusted series.
  let smoothingLevel: number, initialLevel: number, thetaCoefficient: number, sse: number, parameterCount: number;
  let fittedAdjusted: Float64Array;
  let finalLevel: number;
  let sigma2: number;
  let meanAdjusted: (horizon: number) => Float64Array;
  if (method === "standard") {
    const ses = fitSes(adjusted);
    smoothingLevel = ses.smoothingLevel;
    initialLevel = ses.initialLevel;
    thetaCoefficient = 2;
    sse = ses.sse;
    parameterCount = 2;
    fittedAdjusted = ses.fitted;
    finalLevel = ses.finalLevel;
    sigma2 = n > 2 ? sse / (n - 2) : Number.NaN;
    const a = Math.max(1e-10, smoothingLevel);
    meanAdjusted = (horizon) => {
      const out = new Float64Array(horizon);
      for (let k = 0; k < horizon; k++) out[k] = finalLevel + (trend.slope / 2) * (k + (1 - (1 - a) ** n) / a);
      return out;
    };
  } else {
    const maxWeight = 1 - 1e-6;
    const best = minimiseScalar((a) => otmSolve(adjusted, a, trend.intercept, trend.slope, maxWeight).sse, 0.1, 0.99, { gridPoints: 19, tolerance: 1e-9 });
    smoothingLevel = best.argument;
    const solution = otmSolve(adjusted, smoothingLevel, trend.intercept, trend.slope, maxWeight);
    initialLevel = solution.initialLevel;
    const weight = solution.weight;
    thetaCoefficient = 1 / (1 - weight);
    sse = solution.sse;
    parameterCount = 3;
    fittedAdjusted = new Float64Array(n);
    let level = initialLevel;
    let power = 1;
    const a = smoothingLevel;
    for (let t = 0; t < n; t++) {
      fittedAdjusted[t] = level + weight * (power * trend.intercept + ((1 - power * (1 - a)) / a) * trend.slope);
      power *= 1 - a;
      level = a * adjusted[t]! + (1 - a) * level;
    }
    finalLevel = level;
    sigma2 = n > 3 ? sse / (n - 3) : Number.NaN;
    meanAdjusted = (horizon) => {
      const out = new Float64Array(horizon);
      const decay = (1 - a) ** n;
      for (let k = 0; k < horizon; k++) out[k] = finalLevel + weight * (decay * trend.intercept + (k + (1 - decay * (1 - a)) / a) * trend.slope);
      return out;
    };
  }
  // 3. Back to the original scale.
  const fitted = seasonal ? fittedAdjusted.map((f, t) => f * seasonal![t]!) : fittedAdjusted;
  const residuals = values.map((v, t) => v - fitted[t]!);
  return {
    method, smoothingLevel, initialLevel, thetaCoefficient,
    trendIntercept: trend.intercept, trendSlope: trend.slope,
    seasonal, fitted, residuals, sigma2, sse, parameterCount,
    mean(horizon) {
      const factors = seasonalAhead(horizon);
      return meanAdjusted(horizon).map((m, k) => m * factors[k]!);
    },
    standardError(horizon) {
      const out = new Float64Array(horizon);
      for (let k = 0; k < horizon; k++) out[k] = Math.sqrt(sigma2 * (1 + k * smoothingLevel * smoothingLevel));
      return out;
    },
  };
}

/**
 * The ETS state-space recursion: one pass over the data that produces one-step forecasts,
 * errors and updated states, and returns the fitting criterion. This is the inner loop of
 * estimation, so it allocates nothing: components are small integer codes and the
 * seasonal states live in a caller-provided ring buffer.
 */

/** Component codes used by the kernels: 0 none, 1 additive, 2 multiplicative. */
export const NONE = 0;
export const ADDITIVE = 1;
export const MULTIPLICATIVE = 2;

const TOLERANCE = 1e-10;
const HUGE = 1e10;

/** Where to write per-observation results; any may be omitted. */
export interface EtsRecursionOutput {
  /** Errors: y - forecast (additive) or (y - forecast) / forecast (multiplicative); NaN where y is missing. */
  residuals?: Float64Array;
  /** One-step forecasts. */
  fitted?: Float64Array;
  /** State after the last observation, R order [level, trend?, s1 (most recent) .. sm]. */
  finalState?: Float64Array;
}

/**
 * Run the ETS recursion of Hyndman et al. (2008), in the error-independent update form of
 * R's `etscalc` (the same state update serves additive and multiplicative errors; the
 * trend update uses beta* = beta / alpha). A missing observation (NaN) is skipped: the
 * state moves on by its forecast and the observation does not count in the criterion.
 * Without outputs and for the likelihood criterion, models without a multiplicative trend
 * run through branch-free copies of the loop that take the log-sum blockwise; they agree
 * with the general loop to rounding (tested).
 *
 * Reference: Hyndman, Koehler, Ord and Snyder (2008) "Forecasting with Exponential
 * Smoothing", Table 2.3; R package forecast, src/etscalc.c.
 * @param initialState R order [l0, b0?, s0 .. s(m-1)] with all m seasonal states.
 * @param ring scratch of length >= period (seasonal ring buffer).
 * @param criterion 0: R's likelihood criterion n log(SSE) (+ 2 sum log|forecast| for
 *   multiplicative error); 1: mean squared one-step error on the data scale.
 * @returns the criterion, or Infinity when a multiplicative trend turns negative.
 * @throws never; bad parameters show up as a non-finite criterion.
 * @example etsRecursion(Float64Array.of(1, 2, 3), 1, 1, 0, 0, 0.5, 0, 0, 1, Float64Array.of(1), new Float64Array(1), 1) // 1.0833333333333333 (errors 0, 1, 1.5)
 */
export function etsRecursion(
  y: Float64Array,
  period: number,
  error: number,
  trend: number,
  season: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  initialState: Float64Array,
  ring: Float64Array,
  criterion: number,
  output?: EtsRecursionOutput,
): number {
  if (trend !== MULTIPLICATIVE && output === undefined && criterion === 0) {
    if (season === NONE) return linearNonSeasonal(y, error === MULTIPLICATIVE, trend === ADDITIVE, alpha, beta, phi, initialState);
    return linearSeasonal(y, period, error === MULTIPLICATIVE, trend === ADDITIVE, season === MULTIPLICATIVE, alpha, beta, gamma, phi, initialState, ring);
  }
  const n = y.length;
  const m = season === NONE ? 1 : period;
  let level = initialState[0]!;
  let slope = trend === NONE ? 0 : initialState[1]!;
  const seasonOffset = trend === NONE ? 1 : 2;
  if (season !== NONE) for (let k = 0; k < m; k++) ring[k] = initialState[seasonOffset + m - 1 - k]!;
  let position = 0;
  const residuals = output?.residuals;
  const fitted = output?.fitted;
  const betaStar = trend === NONE ? 0 : beta / alpha;
  let sse = 0;
  let sumLog = 0;
  let squaredError = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    let damped = 0;
    let base: number;
    if (trend === NONE) {
      base = level;
    } else if (trend === ADDITIVE) {
      damped = phi * slope;
      base = level + damped;
    } else {
      if (slope < 0) return Infinity;
      damped = phi === 1 ? slope : Math.pow(slope, phi);
      base = level * damped;
    }
    const seasonal = season === NONE ? 0 : ring[position]!;
    const forecast = season === NONE ? base : season === ADDITIVE ? base + seasonal : base * seasonal;
    let observed = y[i]!;
    if (observed !== observed) {
      observed = forecast;
      if (residuals) residuals[i] = NaN;
    } else {
      const difference = observed - forecast;
      const e = error === ADDITIVE ? difference : difference / forecast;
      if (residuals) residuals[i] = e;
      sse += e * e;
      squaredError += difference * difference;
      if (error === MULTIPLICATIVE) sumLog += Math.log(Math.abs(forecast));
      count++;
    }
    if (fitted) fitted[i] = forecast;

    let adjusted: number;
    if (season === NONE) adjusted = observed;
    else if (season === ADDITIVE) adjusted = observed - seasonal;
    else adjusted = Math.abs(seasonal) < TOLERANCE ? HUGE : observed / seasonal;
    const newLevel = base + alpha * (adjusted - base);
    if (trend !== NONE) {
      let growth: number;
      if (trend === ADDITIVE) growth = newLevel - level;
      else growth = Math.abs(level) < TOLERANCE ? HUGE : newLevel / level;
      slope = damped + betaStar * (growth - damped);
    }
    if (season !== NONE) {
      let detrended: number;
      if (season === ADDITIVE) detrended = observed - base;
      else detrended = Math.abs(base) < TOLERANCE ? HUGE : observed / base;
      ring[position] = seasonal + gamma * (detrended - seasonal);
      position = position + 1 === m ? 0 : position + 1;
    }
    level = newLevel;
  }
  const finalState = output?.finalState;
  if (finalState) {
    finalState[0] = level;
    if (trend !== NONE) finalState[1] = slope;
    if (season !== NONE) {
      for (let j = 0; j < m; j++) {
        let k = position - 1 - j;
        while (k < 0) k += m;
        finalState[seasonOffset + j] = ring[k]!;
      }
    }
  }
  if (criterion === 1) return count > 0 ? squaredError / count : NaN;
  let lik = count * Math.log(sse);
  if (error === MULTIPLICATIVE) lik += 2 * sumLog;
  return lik;
}

/**
 * Hot paths of estimation (likelihood only, no multiplicative trend): the same state
 * arithmetic as the general loop without its per-step branches, and the sum of
 * log|forecast| taken as the logarithm of blockwise products (one logarithm per 8 steps;
 * factors outside 1e-100..1e100 are logged one by one so products cannot overflow).
 */
function linearNonSeasonal(
  y: Float64Array,
  multiplicativeError: boolean,
  hasTrend: boolean,
  alpha: number,
  beta: number,
  phi: number,
  initialState: Float64Array,
): number {
  const n = y.length;
  let level = initialState[0]!;
  let slope = hasTrend ? initialState[1]! : 0;
  const dampingFactor = hasTrend ? phi : 0;
  const betaStar = hasTrend ? beta / alpha : 0;
  let sse = 0;
  let sumLog = 0;
  let count = 0;
  let product = 1;
  let inBlock = 0;
  for (let i = 0; i < n; i++) {
    const damped = dampingFactor * slope;
    const forecast = level + damped;
    let observed = y[i]!;
    if (observed !== observed) {
      observed = forecast;
    } else {
      const difference = observed - forecast;
      if (multiplicativeError) {
        const e = difference / forecast;
        sse += e * e;
        const size = Math.abs(forecast);
        if (size > 1e-100 && size < 1e100) {
          product *= size;
          if (++inBlock === 8 || product > 1e200 || product < 1e-200) {
            sumLog += Math.log(product);
            product = 1;
            inBlock = 0;
          }
        } else {
          sumLog += Math.log(size);
        }
      } else {
        sse += difference * difference;
      }
      count++;
    }
    const newLevel = forecast + alpha * (observed - forecast);
    if (hasTrend) slope = damped + betaStar * (newLevel - level - damped);
    level = newLevel;
  }
  let lik = count * Math.log(sse);
  if (multiplicativeError) lik += 2 * (sumLog + Math.log(product));
  return lik;
}

function linearSeasonal(
  y: Float64Array,
  m: number,
  multiplicativeError: boolean,
  hasTrend: boolean,
  multiplicativeSeason: boolean,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  initialState: Float64Array,
  ring: Float64Array,
): number {
  const n = y.length;
  let level = initialState[0]!;
  let slope = hasTrend ? initialState[1]! : 0;
  const offset = hasTrend ? 2 : 1;
  for (let k = 0; k < m; k++) ring[k] = initialState[offset + m - 1 - k]!;
  const dampingFactor = hasTrend ? phi : 0;
  const betaStar = hasTrend ? beta / alpha : 0;
  let position = 0;
  let sse = 0;
  let sumLog = 0;
  let count = 0;
  let product = 1;
  let inBlock = 0;
  for (let i = 0; i < n; i++) {
    const damped = dampingFactor * slope;
    const base = level + damped;
    const seasonal = ring[position]!;
    const forecast = multiplicativeSeason ? base * seasonal : base + seasonal;
    let observed = y[i]!;
    if (observed !== observed) {
      observed = forecast;
    } else {
      const difference = observed - forecast;
      if (multiplicativeError) {
        const e = difference / forecast;
        sse += e * e;
        const size = Math.abs(forecast);
        if (size > 1e-100 && size < 1e100) {
          product *= size;
          if (++inBlock === 8 || product > 1e200 || product < 1e-200) {
            sumLog += Math.log(product);
            product = 1;
            inBlock = 0;
          }
        } else {
          sumLog += Math.log(size);
        }
      } else {
        sse += difference * difference;
      }
      count++;
    }
    let adjusted: number;
    let detrended: number;
    if (multiplicativeSeason) {
      adjusted = Math.abs(seasonal) < TOLERANCE ? HUGE : observed / seasonal;
      detrended = Math.abs(base) < TOLERANCE ? HUGE : observed / base;
    } else {
      adjusted = observed - seasonal;
      detrended = observed - base;
    }
    const newLevel = base + alpha * (adjusted - base);
    if (hasTrend) slope = damped + betaStar * (newLevel - level - damped);
    ring[position] = seasonal + gamma * (detrended - seasonal);
    position = position + 1 === m ? 0 : position + 1;
    level = newLevel;
  }
  let lik = count * Math.log(sse);
  if (multiplicativeError) lik += 2 * (sumLog + Math.log(product));
  return lik;
}

/**
 * Forecasts from a fitted ETS model: point forecasts from the final state and the
 * forecast variance, as R's `forecast.ets`:
 * - class 1 (additive error, N/A/Ad trend, N/A season): exact variance, Hyndman et al.
 *   (2008) Table 6.1 in its general matrix form sigma2 (1 + sum c_j^2), c_j = w' F^(j-1) g;
 * - class 2 (multiplicative error, N/A/Ad trend, N/A season): exact variance,
 *   (1 + sigma2) theta_h - mu_h^2 (section 6.4);
 * - class 3 (multiplicative error and season, N/A/Ad trend): the approximation of
 *   section 6.5 (R's `class3`), whose mean also replaces the point forecast as in R;
 * - anything else (multiplicative trend, or additive error with multiplicative season):
 *   5,000 simulated sample paths with a fixed seed; the variance is the paths' variance.
 */
import { seededRandom } from "../../stats/seeded-random.ts";
import type { EtsFitResult } from "./ets-types.ts";

export interface EtsForecastResult {
  mean: Float64Array;
  /** Forecast variance at each step ahead. */
  variance: Float64Array;
  /** How the variance was obtained: "class1", "class2", "class3" or "simulation". */
  method: "class1" | "class2" | "class3" | "simulation";
}

/**
 * Point forecasts from the fit's final state, R's `etsforecast` (C) (without the class-3
 * mean correction): cheap, for re-forecasting from earlier states.
 * @throws never.
 * @example etsPointForecasts(etsFit(Float64Array.of(5, 6, 5, 7, 6, 7, 6, 8), { error: "A", trend: "N", damped: false, season: "N" }, 1)!, 2).length // 2
 */
export function etsPointForecasts(fit: EtsFitResult, horizon: number): Float64Array {
  return pointForecasts(fit, horizon);
}

/** Point forecasts from a state, R's `etsforecast` (C). */
function pointForecasts(fit: EtsFitResult, horizon: number): Float64Array {
  const { trend, season } = fit.components;
  const phi = fit.parameters.damping;
  const m = fit.period;
  const state = fit.finalState;
  const level = state[0]!;
  const slope = trend === "N" ? 0 : state[1]!;
  const offset = trend === "N" ? 1 : 2;
  const out = new Float64Array(horizon);
  let phiStar = phi;
  for (let i = 0; i < horizon; i++) {
    let f: number;
    if (trend === "N") f = level;
    else if (trend === "A") f = level + phiStar * slope;
    else f = slope < 0 ? NaN : level * Math.pow(slope, phiStar);
    if (season !== "N") {
      let j = m - 1 - i;
      while (j < 0) j += m;
      const s = state[offset + j]!;
      f = season === "A" ? f + s : f * s;
    }
    out[i] = f;
    if (i < horizon - 1) phiStar += Math.abs(phi - 1) < 1e-10 ? 1 : Math.pow(phi, i + 1);
  }
  return out;
}

/** w' F^(j) x and w' F^(j) g for j = 0..horizon-1 of the linear (additive) state space form. */
function linearCoefficients(fit: EtsFitResult, horizon: number): { mu: Float64Array; c: Float64Array } {
  const { trend, season } = fit.components;
  const m = fit.period;
  const hasTrend = trend !== "N";
  const p = fit.finalState.length;
  const phi = fit.parameters.damping;
  const w = new Float64Array(p);
  const g = new Float64Array(p);
  w[0] = 1;
  g[0] = fit.parameters.smoothingLevel;
  if (hasTrend) {
    w[1] = phi;
    g[1] = fit.parameters.smoothingTrend;
  }
  if (season !== "N") {
    w[p - 1] = 1;
    g[hasTrend ? 2 : 1] = fit.parameters.smoothingSeasonal;
  }
  // F x: level' = l + phi b; b' = phi b; s1' = sm; s(k)' = s(k-1).
  const transition = (v: Float64Array, out: Float64Array): void => {
    out[0] = v[0]! + (hasTrend ? phi * v[1]! : 0);
    if (hasTrend) out[1] = phi * v[1]!;
    if (season !== "N") {
      const o = hasTrend ? 2 : 1;
      out[o] = v[p - 1]!;
      for (let k = 1; k < m; k++) out[o + k] = v[o + k - 1]!;
    }
  };
  let x = Float64Array.from(fit.finalState);
  let gj = Float64Array.from(g);
  let xNext = new Float64Array(p);
  let gNext = new Float64Array(p);
  const mu = new Float64Array(horizon);
  const c = new Float64Array(horizon);
  for (let j = 0; j < horizon; j++) {
    let a = 0;
    let b = 0;
    for (let k = 0; k < p; k++) {
      a += w[k]! * x[k]!;
      b += w[k]! * gj[k]!;
    }
    mu[j] = a;
    c[j] = b;
    transition(x, xNext);
    transition(gj, gNext);
    [x, xNext] = [xNext, x];
    [gj, gNext] = [gNext, gj];
  }
  return { mu, c };
}

function multiply(a: Float64Array, ar: number, ac: number, b: Float64Array, bc: number): Float64Array {
  const out = new Float64Array(ar * bc);
  for (let i = 0; i < ar; i++) {
    for (let k = 0; k < ac; k++) {
      const v = a[i * ac + k]!;
      if (v === 0) continue;
      for (let j = 0; j < bc; j++) out[i * bc + j] += v * b[k * bc + j]!;
    }
  }
  return out;
}

function transpose(a: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j]!;
  return out;
}

function kronecker(a: Float64Array, ar: number, ac: number, b: Float64Array, br: number, bc: number): Float64Array {
  const cols = ac * bc;
  const out = new Float64Array(ar * br * cols);
  for (let i = 0; i < ar; i++)
    for (let j = 0; j < ac; j++) {
      const v = a[i * ac + j]!;
      if (v === 0) continue;
      for (let k = 0; k < br; k++) for (let l = 0; l < bc; l++) out[(i * br + k) * cols + j * bc + l] = v * b[k * bc + l]!;
    }
  return out;
}

/** R's `class3`: mean and variance for multiplicative error and season (matrices row-major). */
function class3(fit: EtsFitResult, horizon: number, sigma2: number): { mu: Float64Array; variance: Float64Array } {
  const m = fit.period;
  const hasTrend = fit.components.trend !== "N";
  const r = hasTrend ? 2 : 1;
  const { smoothingLevel: alpha, smoothingTrend: beta, smoothingSeasonal: gamma, damping: phi } = fit.parameters;
  const state = fit.finalState;
  const p = state.length;
  const H1 = new Float64Array(r).fill(1);
  const H2 = new Float64Array(m);
  H2[m - 1] = 1;
  const F1 = hasTrend ? Float64Array.of(1, 1, 0, phi) : Float64Array.of(1);
  const G1 = hasTrend ? Float64Array.of(alpha, alpha, beta, beta) : Float64Array.of(alpha);
  const F2 = new Float64Array(m * m);
  F2[m - 1] = 1;
  for (let i = 1; i < m; i++) F2[i * m + i - 1] = 1;
  const G2 = new Float64Array(m * m);
  G2[m - 1] = gamma;
  // Mh = (level, trend)' (s1 .. sm), r x m.
  let Mh = new Float64Array(r * m);
  for (let i = 0; i < r; i++) for (let j = 0; j < m; j++) Mh[i * m + j] = state[i]! * state[p - m + j]!;
  const q = r * m;
  let Vh = new Float64Array(q * q);
  const H21 = kronecker(H2, 1, m, H1, 1, r);
  const F21 = kronecker(F2, m, m, F1, r, r);
  const G21 = kronecker(G2, m, m, G1, r, r);
  const GF = kronecker(G2, m, m, F1, r, r);
  const FG = kronecker(F2, m, m, G1, r, r);
  const K = new Float64Array(q * q);
  for (let i = 0; i < q * q; i++) K[i] = GF[i]! + FG[i]!;
  const F21t = transpose(F21, q, q);
  const G21t = transpose(G21, q, q);
  const Kt = transpose(K, q, q);
  const F2t = transpose(F2, m, m);
  const G2t = transpose(G2, m, m);
  const H21t = transpose(H21, 1, q);
  const mu = new Float64Array(horizon);
  const variance = new Float64Array(horizon);
  const vec = new Float64Array(q);
  for (let h = 0; h < horizon; h++) {
    // H1 Mh H2'
    let mean = 0;
    for (let i = 0; i < r; i++) mean += H1[i]! * Mh[i * m + m - 1]!;
    mu[h] = mean;
    const hv = multiply(multiply(H21, 1, q, Vh, q), 1, q, H21t, 1)[0]!;
    variance[h] = (1 + sigma2) * hv + sigma2 * mean * mean;
    // vec(Mh), column-major.
    for (let j = 0; j < m; j++) for (let i = 0; i < r; i++) vec[j * r + i] = Mh[i * m + j]!;
    const outer = new Float64Array(q * q);
    for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) outer[i * q + j] = vec[i]! * vec[j]!;
    const a = multiply(multiply(F21, q, q, Vh, q), q, q, F21t, q);
    const b = multiply(multiply(F21, q, q, Vh, q), q, q, G21t, q);
    const c = multiply(multiply(G21, q, q, Vh, q), q, q, F21t, q);
    const vPlus = new Float64Array(q * q);
    const threeTwo = new Float64Array(q * q);
    for (let i = 0; i < q * q; i++) {
      vPlus[i] = Vh[i]! + outer[i]!;
      threeTwo[i] = 3 * Vh[i]! + 2 * outer[i]!;
    }
    const d = multiply(multiply(K, q, q, vPlus, q), q, q, Kt, q);
    const e = multiply(multiply(G21, q, q, threeTwo, q), q, q, G21t, q);
    const next = new Float64Array(q * q);
    for (let i = 0; i < q * q; i++) next[i] = a[i]! + sigma2 * (b[i]! + c[i]! + d[i]! + sigma2 * e[i]!);
    Vh = next;
    const m1 = multiply(multiply(F1, r, r, Mh, m), r, m, F2t, m);
    const m2 = multiply(multiply(G1, r, r, Mh, m), r, m, G2t, m);
    const nextM = new Float64Array(r * m);
    for (let i = 0; i < r * m; i++) nextM[i] = m1[i]! + m2[i]! * sigma2;
    Mh = nextM;
  }
  return { mu, variance };
}

/** Simulated sample paths through the model's own recursion; returns the paths' variance. */
function simulatedVariance(fit: EtsFitResult, horizon: number, paths: number, seed: number): Float64Array {
  const { error, trend, season } = fit.components;
  const { smoothingLevel: alpha, smoothingTrend: beta, smoothingSeasonal: gamma, damping: phi } = fit.parameters;
  const m = fit.period;
  const offset = trend === "N" ? 1 : 2;
  const random = seededRandom(seed);
  const sigma = Math.sqrt(fit.sigma2);
  const sum = new Float64Array(horizon);
  const sumSquares = new Float64Array(horizon);
  const counts = new Float64Array(horizon);
  const seasonal = new Float64Array(m);
  for (let path = 0; path < paths; path++) {
    let level = fit.finalState[0]!;
    let slope = trend === "N" ? 0 : fit.finalState[1]!;
    // R order s1 (most recent) .. sm; the oldest (sm) is used next.
    for (let j = 0; j < m; j++) seasonal[j] = season === "N" ? 0 : fit.finalState[offset + j]!;
    for (let h = 0; h < horizon; h++) {
      const damped = trend === "N" ? 0 : trend === "A" ? phi * slope : Math.pow(Math.max(slope, 0), phi);
      const base = trend === "N" ? level : trend === "A" ? level + damped : level * damped;
      const old = seasonal[m - 1]!;
      const forecast = season === "N" ? base : season === "A" ? base + old : base * old;
      const e = sigma * random.normal();
      const y = error === "A" ? forecast + e : forecast * (1 + e);
      if (Number.isFinite(y)) {
        sum[h] += y;
        sumSquares[h] += y * y;
        counts[h]++;
      }
      const adjusted = season === "N" ? y : season === "A" ? y - old : y / old;
      const newLevel = base + alpha * (adjusted - base);
      if (trend !== "N") {
        const growth = trend === "A" ? newLevel - level : newLevel / level;
        slope = damped + (beta / alpha) * (growth - damped);
      }
      if (season !== "N") {
        const detrended = season === "A" ? y - base : y / base;
        for (let j = m - 1; j > 0; j--) seasonal[j] = seasonal[j - 1]!;
        seasonal[0] = old + gamma * (detrended - old);
      }
      level = newLevel;
    }
  }
  const variance = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    const mean = sum[h]! / counts[h]!;
    variance[h] = Math.max(0, sumSquares[h]! / counts[h]! - mean * mean);
  }
  return variance;
}

/**
 * Point forecasts and forecast variances from a fitted ETS model, for 1..horizon steps.
 *
 * Reference: Hyndman, Koehler, Ord and Snyder (2008) "Forecasting with Exponential
 * Smoothing", chapter 6 (Table 6.1 and sections 6.3-6.5); R package forecast 8.20,
 * `forecast.ets`, `class1`, `class2`, `class3`.
 * @throws Error when the horizon is not a positive integer.
 * @example etsForecast(etsFit(Float64Array.of(10, 12, 11, 13, 12, 14, 13, 15, 14, 16), { error: "A", trend: "N", damped: false, season: "N" }, 1)!, 3).method // "class1"
 */
export function etsForecast(fit: EtsFitResult, horizon: number): EtsForecastResult {
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error("etsForecast: horizon must be a positive integer");
  const { error, trend, season } = fit.components;
  const sigma2 = fit.sigma2;
  const linearTrend = trend === "N" || trend === "A";
  if (linearTrend && season !== "M") {
    const { mu, c } = linearCoefficients(fit, horizon);
    const variance = new Float64Array(horizon);
    if (error === "A") {
      // variance[h] = sigma2 (1 + sum_{j=1}^{h} c_j^2), c_j = w' F^(j-1) g.
      let running = 0;
      for (let h = 0; h < horizon; h++) {
        variance[h] = sigma2 * (1 + running);
        running += c[h]! ** 2;
      }
      return { mean: mu, variance, method: "class1" };
    }
    const theta = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) {
      let total = mu[h]! ** 2;
      for (let j = 0; j < h; j++) total += sigma2 * c[j]! ** 2 * theta[h - 1 - j]!;
      theta[h] = total;
      variance[h] = (1 + sigma2) * theta[h]! - mu[h]! ** 2;
    }
    return { mean: mu, variance, method: "class2" };
  }
  if (error === "M" && season === "M" && linearTrend) {
    const { mu, variance } = class3(fit, horizon, sigma2);
    return { mean: mu, variance, method: "class3" };
  }
  return { mean: pointForecasts(fit, horizon), variance: simulatedVariance(fit, horizon, 5000, 20080101), method: "simulation" };
}

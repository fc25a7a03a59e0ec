/**
 * Estimate one ETS model by maximum likelihood, as R's `forecast:::etsmodel`: R-like
 * starting values, then Nelder-Mead over smoothing parameters and initial states
 * together, with R's "both" bounds (usual bounds and the admissible region).
 */
import { observedCount } from "../../stats/observed-count.ts";
import { nelderMead } from "../../stats/nelder-mead.ts";
import { etsAdmissible } from "./ets-admissible.ts";
import { etsInitialState } from "./ets-initial-state.ts";
import { ADDITIVE, MULTIPLICATIVE, NONE, etsRecursion } from "./ets-recursion.ts";
import type { EtsComponents, EtsFitResult } from "./ets-types.ts";

export interface EtsFitOptions {
  /** What the optimiser minimises: R's likelihood ("lik", default) or one-step MSE ("mse", as `ses()`/`holt()`). */
  criterion?: "likelihood" | "mse";
  /** Parameter bounds: "both" (default, as R), "usual" or "admissible". */
  bounds?: "both" | "usual" | "admissible";
  /** Lower bounds of alpha, beta, gamma, phi (R: 1e-4, 1e-4, 1e-4, 0.8). */
  lower?: readonly [number, number, number, number];
  /** Upper bounds of alpha, beta, gamma, phi (R: 0.9999, 0.9999, 0.9999, 0.98). */
  upper?: readonly [number, number, number, number];
  /** Optimiser budget in objective evaluations (R: 2000). */
  maxEvaluations?: number;
}

const DEFAULT_LOWER = [1e-4, 1e-4, 1e-4, 0.8] as const;
const DEFAULT_UPPER = [0.9999, 0.9999, 0.9999, 0.98] as const;

function code(letter: string): number {
  return letter === "A" ? ADDITIVE : letter === "M" ? MULTIPLICATIVE : NONE;
}

/** Format components as R does: "ETS(M,Ad,N)". */
export function etsName(components: EtsComponents): string {
  return `ETS(${components.error},${components.trend}${components.damped ? "d" : ""},${components.season})`;
}

/**
 * Fit one ETS model to y. Returns null when there are too few observations for the
 * number of parameters (R returns an infinite AICc then).
 *
 * Reference: Hyndman, Koehler, Ord and Snyder (2008) "Forecasting with Exponential
 * Smoothing", chapter 5; R package forecast 8.20, R/ets.R `etsmodel`, `initparam`.
 * @param period observations per season (ignored when components.season is "N").
 * @throws Error for a forbidden combination (damped without trend, season with period < 2)
 *   or a multiplicative component with non-positive data.
 * @example etsFit(Float64Array.of(10, 12, 11, 13, 12, 14, 13, 15, 14, 16), { error: "A", trend: "N", damped: false, season: "N" }, 1)!.parameterCount // 2
 */
export function etsFit(
  y: Float64Array,
  components: EtsComponents,
  period: number,
  options: EtsFitOptions = {},
): EtsFitResult | null {
  const error = code(components.error);
  const trend = code(components.trend);
  const season = code(components.season);
  const damped = components.damped;
  if (damped && trend === NONE) throw new Error("etsFit: a damped model needs a trend");
  if (season !== NONE && period < 2) throw new Error("etsFit: a seasonal model needs a period of at least 2");
  const m = season === NONE ? 1 : period;
  const { observed, positive } = observedCount(y);
  if (!positive && (error === MULTIPLICATIVE || season === MULTIPLICATIVE || trend === MULTIPLICATIVE)) {
    throw new Error("etsFit: multiplicative components need strictly positive data");
  }
  const lower = options.lower ?? DEFAULT_LOWER;
  const upper = options.upper ?? DEFAULT_UPPER;
  const bounds = options.bounds ?? "both";
  const criterion = options.criterion === "mse" ? 1 : 0;

  // 1. Starting smoothing parameters (R's initparam).
  const lo = lower.slice();
  const up = upper.slice();
  if (bounds === "admissible") {
    for (let i = 0; i < 3; i++) {
      lo[i] = 0;
      up[i] = 1e-3;
    }
  }
  const start: number[] = [];
  let alpha = lo[0]! + (0.2 * (up[0]! - lo[0]!)) / m;
  if (alpha > 1 || alpha < 0) alpha = lo[0]! + 2e-3;
  start.push(alpha);
  if (trend !== NONE) {
    const betaUpper = Math.min(up[1]!, alpha);
    let beta = lo[1]! + 0.1 * (betaUpper - lo[1]!);
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
    start.push(beta);
  }
  if (season !== NONE) {
    const gammaUpper = Math.min(up[2]!, 1 - alpha);
    let gamma = lo[2]! + 0.05 * (gammaUpper - lo[2]!);
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
    start.push(gamma);
  }
  if (damped) {
    let phi = lo[3]! + 0.99 * (up[3]! - lo[3]!);
    if (phi < 0 || phi > 1) phi = up[3]! - 1e-3;
    start.push(phi);
  }
  const smoothingCount = start.length;

  // 2. Starting states (R's initstate), appended to the parameter vector.
  const initial = etsInitialState(y, m, trend, season);
  const stateCount = initial.length;
  for (let i = 0; i < stateCount; i++) start.push(initial[i]!);
  const parameterCount = start.length;
  if (parameterCount >= observed - 1) return null;

  // 3. The objective: R's EtsTargetFunction (bounds, admissibility, then the recursion).
  const fullStateLength = 1 + (trend !== NONE ? 1 : 0) + (season !== NONE ? m : 0);
  const state = new Float64Array(fullStateLength);
  const ring = new Float64Array(m);
  const scratch = new Float64Array(2 * (m + 2));
  const seasonOffset = trend !== NONE ? 2 : 1;
  const hasTrend = trend !== NONE;
  const hasSeason = season !== NONE;
  const checkUsual = bounds !== "admissible";
  const checkAdmissible = bounds !== "usual";
  const unpack = (p: Float64Array): boolean => {
    let j = 0;
    alphaNow = p[j++]!;
    betaNow = hasTrend ? p[j++]! : 0;
    gammaNow = hasSeason ? p[j++]! : 0;
    phiNow = damped ? p[j++]! : 1;
    if (checkUsual) {
      if (alphaNow < lower[0] || alphaNow > upper[0]) return false;
      if (hasTrend && (betaNow < lower[1] || betaNow > alphaNow || betaNow > upper[1])) return false;
      if (damped && (phiNow < lower[3] || phiNow > upper[3])) return false;
      if (hasSeason && (gammaNow < lower[2] || gammaNow > 1 - alphaNow || gammaNow > upper[2])) return false;
    }
    if (checkAdmissible && !etsAdmissible(alphaNow, betaNow, gammaNow, phiNow, m, hasTrend, hasSeason, scratch)) return false;
    for (let i = 0; i < stateCount; i++) state[i] = p[smoothingCount + i]!;
    if (hasSeason) {
      let total = 0;
      for (let i = seasonOffset; i < stateCount; i++) total += state[i]!;
      state[stateCount] = (season === MULTIPLICATIVE ? m : 0) - total;
      if (season === MULTIPLICATIVE) {
        for (let i = seasonOffset; i <= stateCount; i++) if (state[i]! < 0) return false;
      }
    }
    return true;
  };
  let alphaNow = 0, betaNow = 0, gammaNow = 0, phiNow = 1;
  const objective = (p: Float64Array): number => {
    if (!unpack(p)) return Infinity;
    let value = etsRecursion(y, m, error, trend, season, alphaNow, betaNow, gammaNow, phiNow, state, ring, criterion);
    if (value < -1e10) value = -1e10;
    if (value !== value) value = Infinity;
    return value;
  };

  // 4. Optimise, then one last pass at the optimum for residuals, states and criteria.
  const result = nelderMead(objective, Float64Array.from(start), {
    maxEvaluations: options.maxEvaluations ?? 2000,
    relativeTolerance: Math.sqrt(2.220446049250313e-16),
    absoluteTolerance: -Infinity,
  });
  const best = result.parameters;
  unpack(best);
  const n = y.length;
  const residuals = new Float64Array(n);
  const fitted = new Float64Array(n);
  const finalState = new Float64Array(fullStateLength);
  const initialState = Float64Array.from(state);
  const lik = etsRecursion(y, m, error, trend, season, alphaNow, betaNow, gammaNow, phiNow, state, ring, 0, {
    residuals,
    fitted,
    finalState,
  });
  if (!Number.isFinite(lik)) return null;
  let squaredError = 0;
  let squaredResidual = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v === v) {
      squaredError += (v - fitted[i]!) ** 2;
      squaredResidual += residuals[i]! ** 2;
    }
  }
  const k = parameterCount + 1; // + the error variance
  const aic = lik + 2 * k;
  return {
    components: { ...components },
    period: m,
    parameters: {
      smoothingLevel: alphaNow,
      smoothingTrend: hasTrend ? betaNow : NaN,
      smoothingSeasonal: hasSeason ? gammaNow : NaN,
      damping: phiNow,
      initialLevel: initialState[0]!,
      initialTrend: hasTrend ? initialState[1]! : NaN,
      initialSeasonal: hasSeason ? Array.from(initialState.subarray(seasonOffset)) : [],
    },
    logLik: -0.5 * lik,
    aic,
    aicc: aic + (2 * k * (k + 1)) / (observed - k - 1),
    bic: lik + Math.log(observed) * k,
    mse: squaredError / observed,
    sigma2: squaredResidual / (observed - parameterCount),
    parameterCount,
    fitted,
    residuals,
    finalState,
    evaluations: result.evaluations,
  };
}

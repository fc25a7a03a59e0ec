/**
 * The admissible (forecastable) region of ETS parameters, as R's `forecast::ets` checks
 * it with `bounds = "admissible"` or `"both"`: the model's discount matrix has all its
 * eigenvalues inside the unit circle, so old observations lose their weight.
 */
import { isSchurStable } from "../../stats/is-schur-stable.ts";
import { polynomialRootModulus } from "../../stats/polynomial-root-modulus.ts";

/**
 * Whether (alpha, beta, gamma, phi) lies in the admissible region of Hyndman et al.
 * (2008) chapter 10. Non-seasonal models use the closed-form inequalities; seasonal
 * models add the easy inequalities and then the characteristic polynomial test (roots of
 * modulus at most 1 + 1e-10), as
 * `EtsTargetFunction::admissible` in R's forecast package.
 *
 * Reference: Hyndman, Akram and Archibald (2008) "The admissible parameter space for
 * exponential smoothing models", Annals of the Institute of Statistical Mathematics 60,
 * 407-426; R package forecast, src/etsTargetFunction.cpp.
 * @param smoothingTrend beta, ignored without a trend.
 * @param smoothingSeasonal gamma, ignored without a season.
 * @param damping phi (1 for an undamped or absent trend).
 * @param scratch optional work array of length >= 2 * (period + 2) for the polynomial test.
 * @throws never.
 * @example etsAdmissible(0.5, 0.1, NaN, 1, 1, true, false) // true
 */
export function etsAdmissible(
  smoothingLevel: number,
  smoothingTrend: number,
  smoothingSeasonal: number,
  damping: number,
  period: number,
  hasTrend: boolean,
  hasSeason: boolean,
  scratch?: Float64Array,
): boolean {
  const alpha = smoothingLevel;
  const phi = damping;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (!hasSeason) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (hasTrend && (smoothingTrend < alpha * (phi - 1) || smoothingTrend > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  if (period <= 1) return true;
  const m = period;
  const beta = hasTrend ? smoothingTrend : 0;
  const gamma = smoothingSeasonal;
  const d = 1 - 1 / phi - alpha;
  if (gamma < (d > 0 ? d : 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  // Characteristic polynomial, highest power first:
  // z^(m+1) + (a+b-phi) z^m + (a+b-a phi) z^(m-1..2) + (a+b-a phi+g-1) z + phi(1-a-g).
  const size = m + 2;
  const poly = scratch && scratch.length >= 2 * size ? scratch.subarray(0, size) : new Float64Array(size);
  const work = scratch && scratch.length >= 2 * size ? scratch.subarray(size, 2 * size) : undefined;
  poly[0] = 1;
  poly[1] = alpha + beta - phi;
  for (let i = 0; i < m - 2; i++) poly[2 + i] = alpha + beta - alpha * phi;
  poly[m] = alpha + beta - alpha * phi + gamma - 1;
  poly[m + 1] = phi * (1 - alpha - gamma);
  let degree = m + 1;
  if (!hasTrend) {
    // Without a trend (beta = 0, phi = 1) z = 1 is always a root (the level's unit root,
    // which R accepts within its 1e-10 tolerance): divide it out and test the rest.
    for (let i = 1; i < size - 1; i++) poly[i] = poly[i]! + poly[i - 1]!;
    degree = m;
  }
  const reduced = poly.subarray(0, degree + 1);
  return reducedAdmissible(reduced, work);
}

function reducedAdmissible(poly: Float64Array, work: Float64Array | undefined): boolean {
  const size = poly.length;
  if (isSchurStable(poly, work)) return true;
  // The step-down test is exact only away from the unit circle. If even the polynomial
  // scaled to the circle of radius 1 + 1e-6 is unstable, a root is clearly outside.
  // Otherwise a root sits at the boundary (often where the optimum lies, e.g. gamma =
  // 1 - alpha): decide as R does, on the largest root modulus with a tolerance of 1e-10.
  const scaled = new Float64Array(size);
  let factor = 1;
  for (let i = 0; i < size; i++) {
    scaled[i] = poly[i]! * factor;
    factor /= 1 + 1e-6;
  }
  if (!isSchurStable(scaled, work)) return false;
  return polynomialRootModulus(poly) <= 1 + 1e-10;
}

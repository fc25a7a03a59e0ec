/**
 * Whether every root of a real polynomial lies strictly inside the unit circle (the
 * polynomial is "Schur stable"), decided by the Schur-Cohn step-down recursion on its
 * reflection coefficients instead of by finding the roots. `forecast::ets` asks the same
 * question of the characteristic polynomial of a seasonal model (it calls a root finder).
 *
 * Reference: Jury, E. I. (1964) "Theory and Application of the z-Transform Method";
 * Hyndman, Koehler, Ord and Snyder (2008) "Forecasting with Exponential Smoothing",
 * section 10.2 (admissible parameter space).
 * @param coefficients highest power first: c0 z^d + c1 z^(d-1) + ... + cd, with c0 != 0.
 * @param scratch optional work array of length >= coefficients.length (avoids allocation).
 * @throws Error when the leading coefficient is zero or the polynomial is empty.
 * @example isSchurStable(Float64Array.of(1, -0.5)) // true: the root 0.5 is inside
 */
export function isSchurStable(coefficients: Float64Array, scratch?: Float64Array): boolean {
  const d = coefficients.length - 1;
  if (d < 0) throw new Error("isSchurStable: empty polynomial");
  const leading = coefficients[0]!;
  if (leading === 0) throw new Error("isSchurStable: leading coefficient must not be zero");
  const a = scratch && scratch.length >= d + 1 ? scratch : new Float64Array(d + 1);
  for (let i = 0; i <= d; i++) a[i] = coefficients[i]! / leading;
  for (let degree = d; degree >= 1; degree--) {
    const k = a[degree]!;
    if (!(Math.abs(k) < 1)) return false;
    const denominator = 1 - k * k;
    // a_i <- (a_i - k a_{degree-i}) / (1 - k^2), in place from both ends.
    for (let i = 1, j = degree - 1; i <= j; i++, j--) {
      const ai = a[i]!;
      const aj = a[j]!;
      a[i] = (ai - k * aj) / denominator;
      if (i !== j) a[j] = (aj - k * ai) / denominator;
    }
  }
  return true;
}

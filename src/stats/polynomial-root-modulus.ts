/**
 * The largest modulus among the roots of a real polynomial, found with the
 * Durand-Kerner (Weierstrass) simultaneous iteration in complex arithmetic. Used where
 * a yes/no stability test is too blunt: deciding, like R's `polyroot`, whether a root
 * sitting on the unit circle up to rounding counts as inside.
 *
 * Reference: Kerner, I. O. (1966) "Ein Gesamtschrittverfahren zur Berechnung der
 * Nullstellen von Polynomen", Numerische Mathematik 8, 290-294.
 * @param coefficients highest power first, leading coefficient not zero.
 * @throws Error when the leading coefficient is zero or the polynomial is empty.
 * @example polynomialRootModulus(Float64Array.of(1, 0, -4)) // 2 (roots +2 and -2)
 */
export function polynomialRootModulus(coefficients: Float64Array): number {
  const d = coefficients.length - 1;
  if (d < 0) throw new Error("polynomialRootModulus: empty polynomial");
  const leading = coefficients[0]!;
  if (leading === 0) throw new Error("polynomialRootModulus: leading coefficient must not be zero");
  if (d === 0) return 0;
  const c = new Float64Array(d + 1);
  for (let i = 0; i <= d; i++) c[i] = coefficients[i]! / leading;
  // Cauchy's bound on the root moduli sets the starting circle.
  let bound = 0;
  for (let i = 1; i <= d; i++) bound = Math.max(bound, Math.abs(c[i]!));
  const radius = 1 + bound;
  const re = new Float64Array(d);
  const im = new Float64Array(d);
  for (let k = 0; k < d; k++) {
    const angle = (2 * Math.PI * k) / d + 0.4;
    re[k] = 0.5 * radius * Math.cos(angle);
    im[k] = 0.5 * radius * Math.sin(angle);
  }
  for (let iteration = 0; iteration < 1000; iteration++) {
    let largestStep = 0;
    for (let k = 0; k < d; k++) {
      // p(z_k) by Horner, in complex arithmetic.
      let pr = 1;
      let pi = 0;
      const zr = re[k]!;
      const zi = im[k]!;
      for (let i = 1; i <= d; i++) {
        const nr = pr * zr - pi * zi + c[i]!;
        pi = pr * zi + pi * zr;
        pr = nr;
      }
      // prod_{j != k} (z_k - z_j)
      let qr = 1;
      let qi = 0;
      for (let j = 0; j < d; j++) {
        if (j === k) continue;
        const dr = zr - re[j]!;
        const di = zi - im[j]!;
        const nr = qr * dr - qi * di;
        qi = qr * di + qi * dr;
        qr = nr;
      }
      const denominator = qr * qr + qi * qi;
      if (denominator === 0) {
        re[k] = zr + 1e-8 * radius;
        largestStep = Infinity;
        continue;
      }
      const stepR = (pr * qr + pi * qi) / denominator;
      const stepI = (pi * qr - pr * qi) / denominator;
      re[k] = zr - stepR;
      im[k] = zi - stepI;
      const size = Math.hypot(stepR, stepI);
      if (size > largestStep) largestStep = size;
    }
    if (largestStep <= 1e-15 * radius) break;
  }
  let largest = 0;
  for (let k = 0; k < d; k++) largest = Math.max(largest, Math.hypot(re[k]!, im[k]!));
  return largest;
}

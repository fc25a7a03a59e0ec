/**
 * Schäfer-Strimmer shrinkage estimate of a covariance matrix toward its diagonal, as used
 * by MinT reconciliation (Wickramasuriya, Athanasopoulos & Hyndman 2019, JASA 114:804;
 * Schäfer & Strimmer 2005, Stat. Appl. Genet. Mol. Biol. 4:32, target "D"). The
 * correlations are shrunk toward zero with intensity
 * λ = Σ_{i≠j} Var(r_ij) / Σ_{i≠j} r_ij², clamped to [0, 1]; variances are kept.
 *
 * `residuals` is row-major `observations x variables`; NaN marks a missing residual. Rows
 * with any NaN are dropped for the cross-products (complete cases); a variable's variance
 * uses all its own non-missing values. The mean is taken as zero (one-step residuals), as
 * in `hts::MinT`. With fewer than 3 complete rows the result is the diagonal (λ = 1).
 * @throws Error when the array length is not observations x variables.
 * @example shrinkageCovariance(Float64Array.of(1, 1, -1, -1, 1, 1, -1, -1), 4, 2).shrinkage // 0
 */
export function shrinkageCovariance(residuals: Float64Array, observations: number, variables: number): { covariance: Float64Array; shrinkage: number } {
  if (residuals.length !== observations * variables) throw new Error("shrinkageCovariance: residuals must be observations x variables");
  const n = variables;
  const variance = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    let count = 0;
    for (let t = 0; t < observations; t++) {
      const v = residuals[t * n + j];
      if (Number.isFinite(v)) { sum += v * v; count++; }
    }
    variance[j] = count > 0 ? sum / count : NaN;
  }
  // Guard variances that are zero or undefined: use the median positive variance so W stays invertible.
  const positive = Array.from(variance).filter((v) => v > 0).sort((a, b) => a - b);
  const fallback = positive.length > 0 ? positive[Math.floor(positive.length / 2)] : 1;
  for (let j = 0; j < n; j++) if (!(variance[j] > 0)) variance[j] = fallback * 1e-3 || 1e-6;

  const complete: number[] = [];
  for (let t = 0; t < observations; t++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) ok = Number.isFinite(residuals[t * n + j]);
    if (ok) complete.push(t);
  }
  const covariance = new Float64Array(n * n);
  for (let j = 0; j < n; j++) covariance[j * n + j] = variance[j];
  const rows = complete.length;
  if (rows < 3 || n < 2) return { covariance, shrinkage: 1 };

  // Standardised residuals of complete rows.
  const scale = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (const t of complete) sum += residuals[t * n + j] ** 2;
    scale[j] = Math.sqrt(sum / rows) || 1;
  }
  const standardised = new Float64Array(rows * n);
  complete.forEach((t, r) => { for (let j = 0; j < n; j++) standardised[r * n + j] = residuals[t * n + j] / scale[j]; });

  const correlation = new Float64Array(n * n);
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let mean = 0;
      for (let r = 0; r < rows; r++) mean += standardised[r * n + i] * standardised[r * n + j];
      mean /= rows;
      let spread = 0;
      for (let r = 0; r < rows; r++) spread += (standardised[r * n + i] * standardised[r * n + j] - mean) ** 2;
      // Var of the sample correlation: n/(n-1)^3 * Σ (w_k - w̄)^2 (Schäfer & Strimmer 2005, eq. 11).
      numerator += 2 * (rows / (rows - 1) ** 3) * spread;
      denominator += 2 * mean * mean;
      correlation[i * n + j] = mean;
    }
  }
  const shrinkage = denominator > 0 ? Math.min(1, Math.max(0, numerator / denominator)) : 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const value = (1 - shrinkage) * correlation[i * n + j] * Math.sqrt(variance[i] * variance[j]);
      covariance[i * n + j] = value;
      covariance[j * n + i] = value;
    }
  }
  return { covariance, shrinkage };
}

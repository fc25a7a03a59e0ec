import { cholesky } from "./cholesky.ts";

/**
 * Schäfer-Strimmer shrinkage estimate of a covariance matrix toward its diagonal, as used
 * by MinT reconciliation (Wickramasuriya, Athanasopoulos & Hyndman 2019, JASA 114:804;
 * Schäfer & Strimmer 2005, Stat. Appl. Genet. Mol. Biol. 4:32, target "D"). The
 * correlations are shrunk toward zero with intensity
 * λ = Σ_{i≠j} Var(r_ij) / Σ_{i≠j} r_ij², clamped to [0, 1]; variances are kept.
 *
 * `residuals` is row-major `observations x variables`; NaN marks a missing residual. Each
 * variance uses all of the variable's non-missing values and each correlation the rows where
 * both are observed (pairwise complete; a pair with fewer than 3 joint rows gets correlation
 * 0), so one short series does not discard everyone's history. The mean is taken as zero
 * (one-step residuals), as in `hts::MinT`. With no usable pair the result is the diagonal (λ = 1).
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

  const covariance = new Float64Array(n * n);
  for (let j = 0; j < n; j++) covariance[j * n + j] = variance[j];
  if (n < 2) return { covariance, shrinkage: 1 };

  // Standardised residuals (each variable by its own root mean square; NaN stays NaN).
  const scale = Float64Array.from(variance, (v) => Math.sqrt(v));
  const standardised = new Float64Array(observations * n);
  for (let t = 0; t < observations; t++) for (let j = 0; j < n; j++) standardised[t * n + j] = residuals[t * n + j] / scale[j];

  // Pairwise-complete correlations and their estimated variances.
  const correlation = new Float64Array(n * n);
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let mean = 0;
      let rows = 0;
      for (let t = 0; t < observations; t++) {
        const w = standardised[t * n + i] * standardised[t * n + j];
        if (Number.isFinite(w)) { mean += w; rows++; }
      }
      if (rows < 3) continue; // too few joint observations: correlation taken as zero
      mean /= rows;
      let spread = 0;
      for (let t = 0; t < observations; t++) {
        const w = standardised[t * n + i] * standardised[t * n + j];
        if (Number.isFinite(w)) spread += (w - mean) ** 2;
      }
      // Var of the sample correlation: n/(n-1)^3 * Σ (w_k - w̄)^2 (Schäfer & Strimmer 2005, eq. 11).
      numerator += 2 * (rows / (rows - 1) ** 3) * spread;
      denominator += 2 * mean * mean;
      correlation[i * n + j] = mean;
    }
  }
  let shrinkage = denominator > 0 ? Math.min(1, Math.max(0, numerator / denominator)) : 1;
  // Pairwise estimates need not form a positive definite matrix: raise λ toward 1 until the
  // shrunk correlation matrix has a Cholesky factor (λ = 1, the identity, always does).
  const shrunk = new Float64Array(n * n);
  for (let attempt = 0; attempt < 20 && shrinkage < 1; attempt++) {
    for (let i = 0; i < n; i++) {
      shrunk[i * n + i] = 1 + 1e-9;
      for (let j = i + 1; j < n; j++) shrunk[j * n + i] = shrunk[i * n + j] = (1 - shrinkage) * correlation[i * n + j];
    }
    try {
      cholesky(shrunk, n);
      break;
    } catch {
      shrinkage = attempt === 19 ? 1 : shrinkage + (1 - shrinkage) / 4;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const value = (1 - shrinkage) * correlation[i * n + j] * Math.sqrt(variance[i] * variance[j]);
      covariance[i * n + j] = value;
      covariance[j * n + i] = value;
    }
  }
  return { covariance, shrinkage };
}

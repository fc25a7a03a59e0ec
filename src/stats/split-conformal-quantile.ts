/**
 * The split-conformal quantile of calibration scores: the ⌈(n + 1) p⌉-th smallest of n
 * scores, which gives a prediction set with coverage at least p for an exchangeable new
 * score (Vovk, Gammerman & Shafer 2005; Angelopoulos & Bates 2023, "A gentle introduction to
 * conformal prediction", section 1). For a lower quantile (p < 0.5) the mirror rule is used:
 * the ⌊(n + 1) p⌋-th smallest. NaN scores are ignored. Returns NaN when there are too few
 * scores for the rank (fewer than 1/min(p, 1-p) - 1).
 * @throws Error when probability is outside (0, 1).
 * @example splitConformalQuantile(Float64Array.of(5, 1, 4, 2, 3, 6, 7, 8, 9, 10), 0.8) // 9
 */
export function splitConformalQuantile(scores: ArrayLike<number>, probability: number): number {
  if (!(probability > 0 && probability < 1)) throw new Error("splitConformalQuantile: probability must be in (0, 1)");
  const sorted = Array.from(scores).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  const rank = probability >= 0.5 ? Math.ceil((n + 1) * probability) : Math.floor((n + 1) * probability);
  if (rank < 1 || rank > n) return NaN;
  return sorted[rank - 1];
}

/**
 * Sample quantile of values already sorted ascending, R's default definition (type 7:
 * linear interpolation between order statistics).
 *
 * Reference: Hyndman and Fan (1996) "Sample quantiles in statistical packages", type 7;
 * R `quantile(x, p, type = 7)`.
 * @throws Error when the probability is outside [0, 1].
 * @example sampleQuantile(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function sampleQuantile(sorted: ArrayLike<number>, probability: number): number {
  if (!(probability >= 0 && probability <= 1)) throw new Error("sampleQuantile: probability must be in [0, 1]");
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = (n - 1) * probability;
  const lower = Math.floor(position);
  const upper = Math.min(n - 1, lower + 1);
  const weight = position - lower;
  return sorted[lower] + weight * (sorted[upper] - sorted[lower]);
}

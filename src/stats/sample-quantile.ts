/**
 * Sample quantile of values already sorted ascending, R's default definition (type 7:
 * linear interpolation between order statistics), computed by simple-statistics'
 * `quantileSorted` (which implements type 7; test/stats/sample-quantile.test.ts checks it
 * against the interpolation formula and against R).
 *
 * Reference: Hyndman and Fan (1996) "Sample quantiles in statistical packages", type 7;
 * R `quantile(x, p, type = 7)`.
 * @throws Error when the probability is outside [0, 1].
 * @example sampleQuantile(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
import { quantileSorted } from "simple-statistics";

export function sampleQuantile(sorted: ArrayLike<number>, probability: number): number {
  if (!(probability >= 0 && probability <= 1)) throw new Error("sampleQuantile: probability must be in [0, 1]");
  if (sorted.length === 0) return NaN;
  return quantileSorted(sorted as number[], probability);
}

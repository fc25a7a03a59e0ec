/**
 * The in-sample scale of MASE and RMSSE: the mean absolute (or squared) lag-m difference.
 */

/**
 * Mean of |y_t - y_{t-lag}|^power over the pairs where both values are observed; NaN when
 * there is no such pair. power 1 gives the MASE scale, power 2 the RMSSE scale.
 *
 * Reference: Hyndman & Koehler (2006) "Another look at measures of forecast accuracy",
 * IJF 22(4) 679-688; Makridakis, Spiliotis & Assimakopoulos (2022) M5, IJF 38(4).
 * @throws RangeError when lag is not a positive integer.
 * @example naiveScale(Float64Array.of(1, 3, 2, 6), 1) // 2.3333333333333335
 */
export function naiveScale(values: ArrayLike<number>, lag: number, power: 1 | 2 = 1): number {
  if (!Number.isInteger(lag) || lag < 1) throw new RangeError("naiveScale: lag must be a positive integer");
  let total = 0;
  let count = 0;
  for (let t = lag; t < values.length; t++) {
    const d = values[t]! - values[t - lag]!;
    if (Number.isFinite(d)) { total += power === 1 ? Math.abs(d) : d * d; count++; }
  }
  return count > 0 ? total / count : Number.NaN;
}

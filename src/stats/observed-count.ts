/**
 * Count the observed (non-NaN) values of a series and say whether all of them are
 * strictly positive (multiplicative ETS components need positive data; Hyndman et al.
 * 2008, section 2.5).
 * @throws never.
 * @example observedCount(Float64Array.of(1, NaN, 3)) // { observed: 2, positive: true }
 */
export function observedCount(y: ArrayLike<number>): { observed: number; positive: boolean } {
  let observed = 0;
  let positive = true;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v === v) {
      observed++;
      if (v <= 0) positive = false;
    }
  }
  return { observed, positive };
}

/**
 * Herfindahl-Hirschman index of market concentration: the sum of squared market shares
 * in percent, from 0 (many tiny suppliers) to 10,000 (one supplier). Thresholds for
 * reading it are the market layer's (src/market/concentration.ts, HHI_THRESHOLDS, with
 * their sources): the CMA's current Merger Assessment Guidelines (2021) set none.
 * @throws Error when a size is negative or not finite.
 * @example hhi([50, 50]) // 5000
 * @example hhi([]) // NaN
 */
export function hhi(sizes: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < sizes.length; i++) {
    const s = sizes[i];
    if (!Number.isFinite(s) || s < 0) throw new Error(`hhi: sizes must be finite and non-negative, got ${s}`);
    total += s;
  }
  if (total === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < sizes.length; i++) {
    const share = (100 * sizes[i]) / total;
    sum += share * share;
  }
  return sum;
}

/**
 * The interval (Winkler) score of a central prediction interval.
 */

/**
 * Width plus a penalty of 2/alpha times the distance by which the actual falls outside,
 * where alpha = 1 - level/100. Lower is better; divided by the MASE scale it is the MSIS.
 *
 * Reference: Gneiting & Raftery (2007) "Strictly proper scoring rules", JASA 102, section
 * 6.2; Winkler (1972); Makridakis et al. (2020) M4, IJF 36(1), for MSIS.
 * @throws RangeError when level is not in (0, 100).
 * @example intervalScore(0, 10, 12, 95) // 90
 */
export function intervalScore(lower: number, upper: number, actual: number, level: number): number {
  if (!(level > 0 && level < 100)) throw new RangeError("intervalScore: level must be in (0, 100)");
  const alpha = 1 - level / 100;
  let score = upper - lower;
  if (actual < lower) score += (2 / alpha) * (lower - actual);
  if (actual > upper) score += (2 / alpha) * (actual - upper);
  return score;
}

/**
 * The symmetric absolute percentage error of one forecast (the term averaged by sMAPE).
 */

/**
 * 200 |a - f| / (|a| + |f|), in percent (M3/M4 definition); NaN when both are zero.
 *
 * Reference: Makridakis & Hibon (2000) M3, IJF 16(4); Hyndman & Koehler (2006).
 * @throws never.
 * @example symmetricPercentageError(100, 110) // 9.523809523809524
 */
export function symmetricPercentageError(actual: number, forecast: number): number {
  const denominator = Math.abs(actual) + Math.abs(forecast);
  return denominator > 0 ? (200 * Math.abs(actual - forecast)) / denominator : Number.NaN;
}

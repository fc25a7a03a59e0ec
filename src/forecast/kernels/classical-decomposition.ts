/**
 * Classical seasonal decomposition by moving averages (R's `stats::decompose`).
 */

/**
 * The seasonal component of a classical decomposition, one value per observation: a
 * centred moving average of order m (2 x m for even m) estimates the trend; the detrended
 * series (ratio or difference) is averaged by position in the cycle, counted from the first
 * observation, and normalised (mean 1 for multiplicative, mean 0 for additive).
 *
 * Reference: Hyndman & Athanasopoulos, Forecasting: Principles and Practice (3rd ed.),
 * section 3.4; R `stats::decompose`.
 * @throws RangeError when the period is below 2 or the series has fewer than two full cycles.
 * @example classicalDecomposition(Float64Array.from([1, 2, 1, 2, 1, 2]), 2, "multiplicative").seasonal[1] // 1.3333 (approx.)
 */
export function classicalDecomposition(
  values: Float64Array,
  period: number,
  type: "multiplicative" | "additive",
): { trend: Float64Array; seasonal: Float64Array; figure: Float64Array } {
  const n = values.length;
  if (!Number.isInteger(period) || period < 2) throw new RangeError("classicalDecomposition: period must be an integer >= 2");
  if (n < 2 * period) throw new RangeError("classicalDecomposition: needs at least two full cycles");
  const weights = period % 2 === 0
    ? [0.5 / period, ...new Array<number>(period - 1).fill(1 / period), 0.5 / period]
    : new Array<number>(period).fill(1 / period);
  const half = (weights.length - 1) / 2;
  const trend = new Float64Array(n).fill(Number.NaN);
  for (let t = half; t < n - half; t++) {
    let total = 0;
    for (let j = 0; j < weights.length; j++) total += weights[j]! * values[t - half + j]!;
    trend[t] = total;
  }
  const figure = new Float64Array(period);
  for (let position = 0; position < period; position++) {
    let total = 0;
    let count = 0;
    for (let t = position; t < n; t += period) {
      const detrended = type === "multiplicative" ? values[t]! / trend[t]! : values[t]! - trend[t]!;
      if (Number.isFinite(detrended)) { total += detrended; count++; }
    }
    figure[position] = count > 0 ? total / count : Number.NaN;
  }
  let centre = 0;
  for (const f of figure) centre += f / period;
  for (let i = 0; i < period; i++) figure[i] = type === "multiplicative" ? figure[i]! / centre : figure[i]! - centre;
  const seasonal = new Float64Array(n);
  for (let t = 0; t < n; t++) seasonal[t] = figure[t % period]!;
  return { trend, seasonal, figure };
}

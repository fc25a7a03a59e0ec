/**
 * Make a series fit for the models: leading and trailing missing values are dropped and
 * interior gaps filled by linear interpolation (missing is never zero).
 */
import type { Series } from "../spec/forecast.ts";

export interface PreparedSeries {
  /** Observed span with interior gaps interpolated. */
  values: Float64Array;
  /** Index in the original series of values[0]. */
  start: number;
  /** Index in the original series of the last observed value (the forecast origin). */
  end: number;
  /** How many interior missing values were interpolated. */
  interpolated: number;
}

/**
 * The observed span of a series, interior gaps linearly interpolated; null when the series
 * has no observed value.
 *
 * Reference: Hyndman & Athanasopoulos, FPP3 section 13.9 (missing values).
 * @throws never.
 * @example prepareSeries({ id: "a", periods: ["1", "2", "3", "4"], values: Float64Array.of(NaN, 1, NaN, 3), frequency: 1 })?.values // Float64Array [1, 2, 3]
 */
export function prepareSeries(series: Pick<Series, "values">): PreparedSeries | null {
  const y = series.values;
  let start = 0;
  while (start < y.length && !Number.isFinite(y[start])) start++;
  if (start === y.length) return null;
  let end = y.length - 1;
  while (!Number.isFinite(y[end])) end--;
  const values = Float64Array.from(y.subarray(start, end + 1));
  let interpolated = 0;
  let previous = 0;
  for (let t = 1; t < values.length; t++) {
    if (Number.isFinite(values[t])) {
      const gap = t - previous;
      for (let k = 1; k < gap; k++) { values[previous + k] = values[previous]! + ((values[t]! - values[previous]!) * k) / gap; interpolated++; }
      previous = t;
    }
  }
  return { values, start, end, interpolated };
}

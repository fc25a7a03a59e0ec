/**
 * Heuristic starting values for the ETS states, as R's `forecast:::initstate`: a
 * classical decomposition (or, with fewer than three seasons of data, a regression on a
 * trend and one Fourier pair) gives the seasonal indices; a least-squares line through
 * the first max(10, 2m) seasonally adjusted values gives the level and trend. The
 * optimiser then refines them together with the smoothing parameters.
 */
import { ADDITIVE, MULTIPLICATIVE, NONE } from "./ets-recursion.ts";

function mean(values: Float64Array, count: number): number {
  let total = 0;
  let used = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (v === v) {
      total += v;
      used++;
    }
  }
  return used ? total / used : NaN;
}

/** Ordinary least squares of values[0..count) on x = 1..count: [intercept, slope]. */
function straightLine(values: Float64Array, count: number): [number, number] {
  let sx = 0, sy = 0, sxx = 0, sxy = 0, used = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    const x = i + 1;
    sx += x;
    sy += v;
    sxx += x * x;
    sxy += x * v;
    used++;
  }
  if (used < 2) return [used ? sy / used : NaN, 0];
  const slope = (used * sxy - sx * sy) / (used * sxx - sx * sx);
  return [(sy - slope * sx) / used, slope];
}

/** R's `decompose(y)$seasonal`: centred moving-average trend, averaged seasonal figure. */
function classicalSeasonal(y: Float64Array, m: number, multiplicative: boolean): Float64Array {
  const n = y.length;
  const weights = new Float64Array(m % 2 === 0 ? m + 1 : m);
  if (m % 2 === 0) {
    weights.fill(1 / m);
    weights[0] = 0.5 / m;
    weights[m] = 0.5 / m;
  } else {
    weights.fill(1 / m);
  }
  const offset = Math.floor(weights.length / 2);
  const figureSum = new Float64Array(m);
  const figureCount = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let trend = 0;
    let ok = i - offset >= 0 && i - offset + weights.length - 1 < n;
    for (let j = 0; ok && j < weights.length; j++) {
      const v = y[i - offset + j]!;
      if (v !== v) ok = false;
      else trend += weights[j]! * v;
    }
    if (!ok || y[i] !== y[i]) continue;
    const detrended = multiplicative ? y[i]! / trend : y[i]! - trend;
    figureSum[i % m] += detrended;
    figureCount[i % m]++;
  }
  const figure = new Float64Array(m);
  let average = 0;
  for (let k = 0; k < m; k++) {
    figure[k] = figureSum[k]! / figureCount[k]!;
    average += figure[k]! / m;
  }
  for (let k = 0; k < m; k++) figure[k] = multiplicative ? figure[k]! / average : figure[k]! - average;
  const seasonal = new Float64Array(n);
  for (let i = 0; i < n; i++) seasonal[i] = figure[i % m]!;
  return seasonal;
}

/** Solve a small dense system a x = b by Gaussian elimination with partial pivoting. */
function solveSmall(a: Float64Array, b: Float64Array, size: number): Float64Array {
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r * size + col]!) > Math.abs(a[pivot * size + col]!)) pivot = r;
    if (pivot !== col) {
      for (let c = 0; c < size; c++) {
        const t = a[col * size + c]!;
        a[col * size + c] = a[pivot * size + c]!;
        a[pivot * size + c] = t;
      }
      const t = b[col]!;
      b[col] = b[pivot]!;
      b[pivot] = t;
    }
    const d = a[col * size + col]!;
    for (let r = col + 1; r < size; r++) {
      const factor = a[r * size + col]! / d;
      for (let c = col; c < size; c++) a[r * size + c] -= factor * a[col * size + c]!;
      b[r] -= factor * b[col]!;
    }
  }
  const x = new Float64Array(size);
  for (let r = size - 1; r >= 0; r--) {
    let total = b[r]!;
    for (let c = r + 1; c < size; c++) total -= a[r * size + c]! * x[c]!;
    x[r] = total / a[r * size + r]!;
  }
  return x;
}

/** R's fallback for short seasonal series: y ~ trend + one Fourier pair; y minus (or over) the line. */
function fourierSeasonal(y: Float64Array, m: number, multiplicative: boolean): Float64Array {
  const n = y.length;
  const withSine = m > 2; // sin(pi t) is identically zero when m = 2; R drops that column
  const size = withSine ? 4 : 3;
  const xtx = new Float64Array(size * size);
  const xty = new Float64Array(size);
  const row = new Float64Array(size);
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v !== v) continue;
    const t = i + 1;
    row[0] = 1;
    row[1] = t;
    if (withSine) {
      row[2] = Math.sin((2 * Math.PI * t) / m);
      row[3] = Math.cos((2 * Math.PI * t) / m);
    } else {
      row[2] = Math.cos((2 * Math.PI * t) / m);
    }
    for (let r = 0; r < size; r++) {
      xty[r] += row[r]! * v;
      for (let c = 0; c < size; c++) xtx[r * size + c] += row[r]! * row[c]!;
    }
  }
  const coefficients = solveSmall(xtx, xty, size);
  const seasonal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const line = coefficients[0]! + coefficients[1]! * (i + 1);
    seasonal[i] = multiplicative ? y[i]! / line : y[i]! - line;
  }
  return seasonal;
}

/**
 * Starting states for an ETS model, R's `initstate`.
 *
 * Reference: Hyndman, Koehler, Ord and Snyder (2008) "Forecasting with Exponential
 * Smoothing", section 5.2; R package forecast, R/ets.R `initstate`.
 * @param trend 0 none, 1 additive, 2 multiplicative.
 * @param season 0 none, 1 additive, 2 multiplicative.
 * @returns [l0, b0?, s0 .. s(m-2)]: the last seasonal state is implied (they sum to 0, or to m).
 * @throws Error when a seasonal model has fewer than 4 observations.
 * @example etsInitialState(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 1, 1, 0) // Float64Array [0, 1] (level 0, trend 1)
 */
export function etsInitialState(y: Float64Array, period: number, trend: number, season: number): Float64Array {
  const n = y.length;
  let m = 1;
  let adjusted = y;
  let seasonalStates: Float64Array | null = null;
  if (season !== NONE) {
    m = period;
    if (n < 4) throw new Error("etsInitialState: a seasonal model needs at least 4 observations");
    const multiplicative = season === MULTIPLICATIVE;
    const seasonal = n < 3 * m ? fourierSeasonal(y, m, multiplicative) : classicalSeasonal(y, m, multiplicative);
    seasonalStates = new Float64Array(m - 1);
    for (let k = 0; k < m - 1; k++) seasonalStates[k] = seasonal[m - 1 - k]!;
    adjusted = new Float64Array(n);
    if (!multiplicative) {
      for (let i = 0; i < n; i++) adjusted[i] = y[i]! - seasonal[i]!;
    } else {
      let total = 0;
      for (let k = 0; k < m - 1; k++) {
        seasonalStates[k] = Math.max(seasonalStates[k]!, 1e-2);
        total += seasonalStates[k]!;
      }
      if (total > m) {
        const scale = total + (m - 1) * 1e-2;
        for (let k = 0; k < m - 1; k++) seasonalStates[k] = seasonalStates[k]! / scale;
      }
      for (let i = 0; i < n; i++) adjusted[i] = y[i]! / Math.max(seasonal[i]!, 1e-2);
    }
  }
  const count = Math.min(Math.max(10, 2 * m), n);
  const trendStates = trend === NONE ? 0 : 1;
  const out = new Float64Array(1 + trendStates + (seasonalStates ? seasonalStates.length : 0));
  if (trend === NONE) {
    out[0] = mean(adjusted, count);
  } else {
    const [intercept, slope] = straightLine(adjusted, count);
    if (trend === ADDITIVE) {
      let l0 = intercept;
      let b0 = slope;
      if (Math.abs(l0 + b0) < 1e-8) {
        l0 *= 1 + 1e-3;
        b0 *= 1 - 1e-3;
      }
      out[0] = l0;
      out[1] = b0;
    } else {
      let l0 = intercept + slope;
      if (Math.abs(l0) < 1e-8) l0 = 1e-7;
      let b0 = (intercept + 2 * slope) / l0;
      l0 = l0 / b0;
      if (Math.abs(b0) > 1e10) b0 = Math.sign(b0) * 1e10;
      if (l0 < 1e-8 || b0 < 1e-8) {
        l0 = Math.max(adjusted[0]!, 1e-3);
        b0 = Math.max(adjusted[1]! / adjusted[0]!, 1e-3);
      }
      out[0] = l0;
      out[1] = b0;
    }
  }
  if (seasonalStates) out.set(seasonalStates, 1 + trendStates);
  return out;
}

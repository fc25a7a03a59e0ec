/**
 * Transition probabilities over a time step from the transition rates (hazards) of a
 * continuous-time Markov chain: P = exp(Q t), where Q has the rates off the diagonal and
 * minus the row sums on it. Computed by uniformisation (all terms non-negative, so P is a
 * proper stochastic matrix without cancellation), with scaling and squaring when the
 * largest exit rate times the step is above 1.
 *
 * Reference: Grassmann (1977) "Transient solutions in Markovian queueing systems";
 * Moler and Van Loan (2003) "Nineteen dubious ways to compute the exponential of a matrix".
 */

function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      if (aik === 0) continue;
      const rowB = k * n;
      const rowOut = i * n;
      for (let j = 0; j < n; j++) out[rowOut + j] += aik * b[rowB + j];
    }
  }
  return out;
}

/**
 * Transition matrix (row i = from state i, row-stochastic) over `duration` time units.
 * `rates[i * states + j]` is the rate from i to j per time unit; the diagonal is ignored.
 * @throws Error when sizes disagree or a rate is negative or not finite.
 * @example markovTransition(Float64Array.of(0, Math.LN2, 0, 0), 2, 1)[1] // 0.5
 */
export function markovTransition(rates: Float64Array, states: number, duration: number): Float64Array {
  const n = states;
  if (rates.length !== n * n) throw new Error("markovTransition: rates must have states * states entries");
  if (!(duration >= 0)) throw new Error("markovTransition: duration must be non-negative");
  const exitRate = new Float64Array(n);
  let maxRate = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const r = rates[i * n + j];
      if (!(r >= 0) || !Number.isFinite(r)) throw new Error("markovTransition: rates must be finite and non-negative");
      sum += r;
    }
    exitRate[i] = sum;
    if (sum > maxRate) maxRate = sum;
  }
  const identity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) identity[i * n + i] = 1;
  if (maxRate === 0 || duration === 0) return identity;

  // Scale the step so that the uniformisation rate times the step is at most 1.
  let squarings = 0;
  let step = duration;
  while (maxRate * step > 1) {
    step /= 2;
    squarings++;
  }
  const uniformRate = maxRate;
  // R = I + Q / uniformRate (stochastic, non-negative).
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) r[i * n + j] = i === j ? 1 - exitRate[i] / uniformRate : rates[i * n + j] / uniformRate;
  }
  const lambda = uniformRate * step;
  let weight = Math.exp(-lambda);
  let cumulative = weight;
  let power: Float64Array = identity;
  let result: Float64Array = new Float64Array(n * n);
  for (let e = 0; e < n * n; e++) result[e] = weight * power[e];
  // R is sparse (each state reaches few others), so multiply by its non-zero entries only.
  const rowStart = new Int32Array(n + 1);
  const columns: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    rowStart[i] = columns.length;
    for (let j = 0; j < n; j++) if (r[i * n + j] !== 0) { columns.push(j); values.push(r[i * n + j]); }
  }
  rowStart[n] = columns.length;
  for (let k = 1; k < 200 && cumulative < 1 - 1e-15; k++) {
    const nextPower = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let m = 0; m < n; m++) {
        const a = power[i * n + m];
        if (a === 0) continue;
        for (let e = rowStart[m]; e < rowStart[m + 1]; e++) nextPower[i * n + columns[e]] += a * values[e];
      }
    }
    power = nextPower;
    weight *= lambda / k;
    cumulative += weight;
    for (let e = 0; e < n * n; e++) result[e] += weight * power[e];
  }
  for (let s = 0; s < squarings; s++) result = multiply(result, result, n);
  // Renormalise rows against the truncated tail.
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += result[i * n + j];
    if (sum > 0) for (let j = 0; j < n; j++) result[i * n + j] /= sum;
  }
  return result;
}

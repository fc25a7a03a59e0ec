/**
 * Exact propagation of the mean and covariance of a multinomial Markov population model.
 * Each step, every child in state i moves to state j with probability P[i][j]
 * independently (so the counts leaving i are multinomial), then new entries arrive
 * (independent, with a given mean and variance). By the law of total covariance:
 *
 *   mean' = P' mean + entries
 *   cov'  = P' cov P + sum_i mean_i (diag(P_i) - P_i P_i') + diag(entryVariance)
 *
 * Optional linear combinations (for example spend = weekly cost x stock) are accumulated
 * over periods of several steps with their exact variance, using
 * Cov(x[t+1], A[t]) = P' Cov(x[t], A[t]) for anything A[t] known at time t.
 *
 * Reference: the multinomial transition model of population projection (e.g. Bartholomew,
 * "Stochastic Models for Social Processes", 3rd ed., ch. 2-3); law of total covariance.
 */

export interface MarkovCombination {
  /** Weight of each state at the end of each step: steps * states. */
  weights: Float64Array;
  /** Period index (0-based, non-decreasing) of each step; the sum restarts at each new period. */
  period: Int32Array;
  /** Number of periods. */
  periods: number;
}

export interface MarkovPropagateInput {
  states: number;
  initialMean: Float64Array;
  /** states * states; zero (a known starting stock) when omitted. */
  initialCovariance?: Float64Array;
  /** One transition matrix per step (row-stochastic, states * states); entries may be shared. */
  transitions: Float64Array[];
  /** Expected entries per step: steps * states. */
  entryMean: Float64Array;
  /** Variance of entries per step (independent across states): steps * states. Poisson (= mean) when omitted. */
  entryVariance?: Float64Array;
  combinations?: MarkovCombination[];
}

export interface MarkovPropagateResult {
  /** (steps + 1) * states: index 0 is the starting stock. */
  mean: Float64Array;
  /** (steps + 1) * states * states. */
  covariance: Float64Array;
  /** Expected flows per step: steps * states * states (from i to j during the step, before entries). */
  flows: Float64Array;
  combinations: Array<{ mean: Float64Array; variance: Float64Array }>;
}

/**
 * Propagate mean and covariance through the steps.
 * @throws Error when array sizes disagree.
 * @example markovPropagate({ states: 2, initialMean: Float64Array.of(10, 0), transitions: [Float64Array.of(0.5, 0.5, 0, 1)], entryMean: Float64Array.of(0, 0) }).covariance[4] // 2.5
 */
export function markovPropagate(input: MarkovPropagateInput): MarkovPropagateResult {
  const n = input.states;
  const steps = input.transitions.length;
  if (input.initialMean.length !== n) throw new Error("markovPropagate: initialMean must have one value per state");
  if (input.entryMean.length !== steps * n) throw new Error("markovPropagate: entryMean must be steps * states");
  if (input.entryVariance && input.entryVariance.length !== steps * n) throw new Error("markovPropagate: entryVariance must be steps * states");
  const nn = n * n;
  const mean = new Float64Array((steps + 1) * n);
  const covariance = new Float64Array((steps + 1) * nn);
  const flows = new Float64Array(steps * nn);
  mean.set(input.initialMean, 0);
  if (input.initialCovariance) {
    if (input.initialCovariance.length !== nn) throw new Error("markovPropagate: initialCovariance must be states * states");
    covariance.set(input.initialCovariance, 0);
  }
  const combos = (input.combinations ?? []).map((c) => {
    if (c.weights.length !== steps * n || c.period.length !== steps) throw new Error("markovPropagate: combination sizes must match steps");
    return { spec: c, mean: new Float64Array(c.periods), variance: new Float64Array(c.periods), crossCov: new Float64Array(n), acc: 0, accVar: 0 };
  });
  const temp = new Float64Array(nn);
  const nextCrossCov = new Float64Array(n);

  for (let t = 0; t < steps; t++) {
    const p = input.transitions[t];
    if (p.length !== nn) throw new Error("markovPropagate: each transition matrix must be states * states");
    const m0 = t * n;
    const m1 = (t + 1) * n;
    const c0 = t * nn;
    const c1 = (t + 1) * nn;
    // Mean and flows.
    for (let i = 0; i < n; i++) {
      const mi = mean[m0 + i];
      if (mi === 0) continue;
      for (let j = 0; j < n; j++) {
        const pij = p[i * n + j];
        if (pij === 0) continue;
        const f = mi * pij;
        flows[t * nn + i * n + j] = f;
        mean[m1 + j] += f;
      }
    }
    // temp = cov P
    temp.fill(0);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        const s = covariance[c0 + i * n + k];
        if (s === 0) continue;
        for (let j = 0; j < n; j++) temp[i * n + j] += s * p[k * n + j];
      }
    }
    // cov' = P' temp
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        const pki = p[k * n + i];
        if (pki === 0) continue;
        for (let j = 0; j < n; j++) covariance[c1 + i * n + j] += pki * temp[k * n + j];
      }
    }
    // Multinomial noise.
    for (let i = 0; i < n; i++) {
      const mi = mean[m0 + i];
      if (mi === 0) continue;
      for (let j = 0; j < n; j++) {
        const pij = p[i * n + j];
        if (pij === 0) continue;
        covariance[c1 + j * n + j] += mi * pij;
        for (let k = 0; k < n; k++) {
          const pik = p[i * n + k];
          if (pik !== 0) covariance[c1 + j * n + k] -= mi * pij * pik;
        }
      }
    }
    // Entries.
    for (let j = 0; j < n; j++) {
      const e = input.entryMean[t * n + j];
      mean[m1 + j] += e;
      covariance[c1 + j * n + j] += input.entryVariance ? input.entryVariance[t * n + j] : e;
    }
    // Linear combinations accumulated over periods.
    for (const combo of combos) {
      const { spec } = combo;
      if (t > 0 && spec.period[t] !== spec.period[t - 1]) {
        combo.crossCov.fill(0);
        combo.acc = 0;
        combo.accVar = 0;
      }
      // nextCrossCov = P' crossCov  (Cov(x[t+1], A[t]))
      nextCrossCov.fill(0);
      for (let k = 0; k < n; k++) {
        const a = combo.crossCov[k];
        if (a === 0) continue;
        for (let i = 0; i < n; i++) nextCrossCov[i] += p[k * n + i] * a;
      }
      const w = spec.weights.subarray(t * n, t * n + n);
      let crossTerm = 0;
      let quad = 0;
      let meanPart = 0;
      for (let i = 0; i < n; i++) {
        crossTerm += w[i] * nextCrossCov[i];
        meanPart += w[i] * mean[m1 + i];
        let sigmaW = 0;
        for (let j = 0; j < n; j++) sigmaW += covariance[c1 + i * n + j] * w[j];
        quad += w[i] * sigmaW;
        combo.crossCov[i] = nextCrossCov[i] + sigmaW;
      }
      combo.acc += meanPart;
      combo.accVar += 2 * crossTerm + quad;
      const period = spec.period[t];
      combo.mean[period] = combo.acc;
      combo.variance[period] = Math.max(0, combo.accVar);
    }
  }
  return { mean, covariance, flows, combinations: combos.map((c) => ({ mean: c.mean, variance: c.variance })) };
}

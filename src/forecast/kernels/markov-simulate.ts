/**
 * Seeded simulation of a multinomial Markov population model: each step, the children in
 * each state are split among destination states by a multinomial draw (the number leaving
 * is binomial; each leaver then picks a destination from the conditional distribution),
 * then Poisson entries are added. Parameters (transition
 * matrices and expected entries) are supplied per simulation by a callback, so parameter
 * uncertainty (posterior draws of rates) is simulated together with the process noise.
 *
 * Reference: Devroye, "Non-Uniform Random Variate Generation" (1986), XI.1 on
 * multinomial generation (a binomial for the total, then the conditional split); Bartholomew, "Stochastic Models for Social Processes", ch. 2-3.
 */
import { seededRandom, type SeededRandom } from "../../stats/seeded-random.ts";

export interface MarkovSimulationParameters {
  /** One row-stochastic transition matrix (states * states) per step; steps may share one. */
  transitions: Float64Array[];
  /** Expected entries per step: steps * states. */
  entryMean: Float64Array;
}

export interface MarkovSimulateInput {
  states: number;
  steps: number;
  simulations: number;
  seed: number;
  /** Starting counts, one per state (rounded to whole children). */
  initial: Float64Array;
  /** Parameters for one simulation (draw them from a posterior with `random` for parameter uncertainty). */
  parameters(simulation: number, random: SeededRandom): MarkovSimulationParameters;
  /** Probabilities below this are folded into staying put (default 1e-9) to keep the draws cheap. */
  negligible?: number;
}

export interface MarkovSimulateResult {
  /** simulations * (steps + 1) * states counts; simulation s, step t, state i at (s * (steps + 1) + t) * states + i. */
  stock: Float64Array;
  /** Mean realised flows per step: steps * states * states (from i to j, before entries). */
  flows: Float64Array;
}

interface PreparedMatrix {
  /** Probability of leaving each state during the step. */
  leave: Float64Array;
  /** For each row: destinations other than staying put, most likely first, with the cumulative conditional probability given leaving. */
  offsets: Int32Array;
  targets: Int32Array;
  cumulative: Float64Array;
}

function prepare(p: Float64Array, n: number, negligible: number): PreparedMatrix {
  const offsets = new Int32Array(n + 1);
  const leave = new Float64Array(n);
  const targets = new Int32Array(n * n);
  const cumulative = new Float64Array(n * n);
  const probability = new Float64Array(n);
  let used = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = used;
    let total = 0;
    let count = 0;
    for (let j = 0; j < n; j++) {
      const pij = p[i * n + j];
      if (j === i || pij < negligible) continue;
      // Insertion in descending order of probability (most likely destination first).
      let k = count++;
      while (k > 0 && probability[k - 1] < pij) { probability[k] = probability[k - 1]; targets[used + k] = targets[used + k - 1]; k--; }
      probability[k] = pij;
      targets[used + k] = j;
      total += pij;
    }
    leave[i] = Math.min(1, total);
    let running = 0;
    for (let k = 0; k < count; k++) {
      running += probability[k] / total;
      cumulative[used + k] = running;
    }
    if (count > 0) cumulative[used + count - 1] = 1;
    used += count;
  }
  offsets[n] = used;
  return { leave, offsets, targets, cumulative };
}

/**
 * Run the simulations.
 * @throws Error when sizes disagree.
 * @example markovSimulate({ states: 2, steps: 1, simulations: 2, seed: 1, initial: Float64Array.of(5, 0), parameters: () => ({ transitions: [Float64Array.of(0, 1, 0, 1)], entryMean: Float64Array.of(0, 0) }) }).stock[3] // 5
 */
export function markovSimulate(input: MarkovSimulateInput): MarkovSimulateResult {
  const { states: n, steps, simulations } = input;
  if (input.initial.length !== n) throw new Error("markovSimulate: initial must have one count per state");
  const negligible = input.negligible ?? 1e-9;
  const random = seededRandom(input.seed);
  const stride = (steps + 1) * n;
  const stock = new Float64Array(simulations * stride);
  const flows = new Float64Array(steps * n * n);
  const current = new Float64Array(n);
  const next = new Float64Array(n);
  for (let s = 0; s < simulations; s++) {
    const params = input.parameters(s, random);
    if (params.transitions.length !== steps) throw new Error("markovSimulate: one transition matrix per step is required");
    if (params.entryMean.length !== steps * n) throw new Error("markovSimulate: entryMean must be steps * states");
    const cache = new Map<Float64Array, PreparedMatrix>();
    for (let i = 0; i < n; i++) current[i] = Math.max(0, Math.round(input.initial[i]));
    stock.set(current, s * stride);
    for (let t = 0; t < steps; t++) {
      const p = params.transitions[t];
      let prepared = cache.get(p);
      if (!prepared) {
        if (p.length !== n * n) throw new Error("markovSimulate: each transition matrix must be states * states");
        prepared = prepare(p, n, negligible);
        cache.set(p, prepared);
      }
      next.fill(0);
      const flowBase = t * n * n;
      for (let i = 0; i < n; i++) {
        const count = current[i];
        if (count === 0) continue;
        // Multinomial split: how many leave (binomial), then where each leaver goes.
        const leavers = prepared.leave[i] > 0 ? random.binomial(count, prepared.leave[i]) : 0;
        next[i] += count - leavers;
        flows[flowBase + i * n + i] += (count - leavers) / simulations;
        const from = prepared.offsets[i], to = prepared.offsets[i + 1];
        for (let c = 0; c < leavers; c++) {
          const u = random.uniform();
          let e = from;
          while (e < to - 1 && u >= prepared.cumulative[e]) e++;
          const j = prepared.targets[e];
          next[j]++;
          flows[flowBase + i * n + j] += 1 / simulations;
        }
      }
      for (let j = 0; j < n; j++) {
        const expected = params.entryMean[t * n + j];
        if (expected > 0) next[j] += random.poisson(expected);
      }
      current.set(next);
      stock.set(current, s * stride + (t + 1) * n);
    }
  }
  return { stock, flows };
}

/**
 * A small seeded pseudo-random generator (xoshiro128**, seeded through splitmix32) with
 * the draws the stock-flow simulation needs: uniform, normal, gamma, beta, Poisson and
 * binomial. The same seed always gives the same sequence on every platform, so a
 * projection run with `--seed` is reproducible.
 *
 * References: Blackman and Vigna (2018) "Scrambled linear pseudorandom number generators"
 * (xoshiro128**); Marsaglia and Tsang (2000) "A simple method for generating gamma
 * variables"; Devroye (1986) "Non-Uniform Random Variate Generation", X.3 (Poisson and
 * binomial by inversion); Kachitvichyanukul and Schmeiser (1988) for when a normal approximation of a
 * large binomial is adequate.
 */

export interface SeededRandom {
  /** Uniform on [0, 1), 32-bit resolution. */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Gamma with the given shape and scale 1 (shape > 0). */
  gamma(shape: number): number;
  /** Beta(a, b). */
  beta(a: number, b: number): number;
  /** Poisson with the given mean. */
  poisson(mean: number): number;
  /** Binomial(trials, probability). */
  binomial(trials: number, probability: number): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Create a seeded generator.
 * @throws Error when the seed is not a finite number.
 * @example seededRandom(42).uniform() === seededRandom(42).uniform() // true
 */
export function seededRandom(seed: number): SeededRandom {
  if (!Number.isFinite(seed)) throw new Error("seededRandom: seed must be a finite number");
  const init = splitmix32(Math.floor(seed) ^ 0x5bd1e995);
  let s0 = init(), s1 = init(), s2 = init(), s3 = init();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  let spareNormal = NaN;

  function nextUint(): number {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3 >>> 0, 11);
    s0 >>>= 0; s1 >>>= 0; s2 >>>= 0;
    return result;
  }
  function rotl(x: number, k: number): number {
    return ((x << k) | (x >>> (32 - k))) >>> 0;
  }
  function uniform(): number {
    // 32-bit resolution (2.3e-10) is ample for simulation draws and twice as fast as 53-bit.
    return nextUint() * 2.3283064365386963e-10;
  }
  function normal(): number {
    if (!Number.isNaN(spareNormal)) {
      const value = spareNormal;
      spareNormal = NaN;
      return value;
    }
    let u = 0, v = 0, s = 0;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spareNormal = v * factor;
    return u * factor;
  }
  function gamma(shape: number): number {
    if (!(shape > 0)) throw new Error("gamma: shape must be positive");
    if (shape < 1) return gamma(shape + 1) * Math.pow(uniform() || Number.MIN_VALUE, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x = 0, v = 0;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }
  function beta(a: number, b: number): number {
    const x = gamma(a);
    const y = gamma(b);
    return x / (x + y);
  }
  function poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean > 30) {
      // Normal approximation with continuity correction; adequate above 30 (documented).
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
    }
    // Inversion: one uniform, walk the cumulative distribution (expected cost O(mean)).
    const u = uniform();
    let pmf = Math.exp(-mean);
    let cumulative = pmf;
    let k = 0;
    while (u > cumulative && k < 1000) {
      k++;
      pmf *= mean / k;
      cumulative += pmf;
    }
    return k;
  }
  function binomial(trials: number, probability: number): number {
    if (trials <= 0 || probability <= 0) return 0;
    if (probability >= 1) return trials;
    if (probability > 0.5) return trials - binomial(trials, 1 - probability);
    const mean = trials * probability;
    if (mean > 30) {
      const sd = Math.sqrt(mean * (1 - probability));
      return Math.min(trials, Math.max(0, Math.round(mean + sd * normal())));
    }
    // Inversion: walk the cumulative distribution from 0 (expected cost O(mean)).
    const ratio = probability / (1 - probability);
    let pmf = Math.pow(1 - probability, trials);
    let cumulative = pmf;
    const u = uniform();
    let k = 0;
    while (u > cumulative && k < trials) {
      pmf *= (ratio * (trials - k)) / (k + 1);
      k++;
      cumulative += pmf;
      if (pmf < 1e-300 && cumulative < u) break;
    }
    return k;
  }
  return { uniform, normal, gamma, beta, poisson, binomial };
}

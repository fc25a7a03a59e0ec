import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/stats/seeded-random";

function moments(draw: () => number, n = 40000): { mean: number; variance: number } {
  let sum = 0, squares = 0;
  for (let i = 0; i < n; i++) { const x = draw(); sum += x; squares += x * x; }
  const mean = sum / n;
  return { mean, variance: squares / n - mean * mean };
}

describe("seededRandom", () => {
  it("matches the JSDoc example: same seed, same sequence", () => {
    expect(seededRandom(42).uniform() === seededRandom(42).uniform()).toBe(true);
    expect(seededRandom(42).uniform()).not.toBe(seededRandom(43).uniform());
  });

  it("draws uniforms in [0, 1) with mean 1/2 and variance 1/12", () => {
    const r = seededRandom(1);
    const m = moments(() => r.uniform());
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(m.variance).toBeCloseTo(1 / 12, 2);
  });

  it("draws normal, gamma, beta, Poisson and binomial with the right moments", () => {
    const r = seededRandom(7);
    const normal = moments(() => r.normal());
    expect(normal.mean).toBeCloseTo(0, 1);
    expect(normal.variance).toBeCloseTo(1, 1);
    for (const shape of [0.5, 3, 40]) {
      const g = moments(() => r.gamma(shape));
      expect(g.mean / shape).toBeCloseTo(1, 1);
      expect(g.variance / shape).toBeCloseTo(1, 1);
    }
    const beta = moments(() => r.beta(2, 6));
    expect(beta.mean).toBeCloseTo(0.25, 2);
    for (const mean of [0.3, 4, 80]) {
      const pois = moments(() => r.poisson(mean));
      expect(pois.mean / mean).toBeCloseTo(1, 1);
      expect(pois.variance / mean).toBeCloseTo(1, 1);
    }
    for (const [n, p] of [[10, 0.3], [200, 0.02], [1000, 0.4], [50, 0.9]] as const) {
      const bin = moments(() => r.binomial(n, p));
      expect(bin.mean / (n * p)).toBeCloseTo(1, 1);
      expect(bin.variance / (n * p * (1 - p))).toBeCloseTo(1, 1);
    }
  });

  it("throws on a non-finite seed or a non-positive gamma shape", () => {
    expect(() => seededRandom(NaN)).toThrow();
    expect(() => seededRandom(1).gamma(0)).toThrow();
  });
});

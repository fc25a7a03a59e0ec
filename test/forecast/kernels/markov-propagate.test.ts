import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markovPropagate } from "../../../src/forecast/kernels/markov-propagate";
import { markovSimulate } from "../../../src/forecast/kernels/markov-simulate";

describe("markovPropagate", () => {
  it("matches the JSDoc example: binomial variance n p (1 - p)", () => {
    const r = markovPropagate({ states: 2, initialMean: Float64Array.of(10, 0), transitions: [Float64Array.of(0.5, 0.5, 0, 1)], entryMean: Float64Array.of(0, 0) });
    expect(r.covariance[4]).toBe(2.5);
    expect(r.covariance[5]).toBe(-2.5);
    expect(r.mean[2]).toBe(5);
  });

  it("gives the known two-step variance of survival (binomial with p^2)", () => {
    const p = 0.8;
    const matrix = Float64Array.of(p, 1 - p, 0, 1);
    const r = markovPropagate({ states: 2, initialMean: Float64Array.of(100, 0), transitions: [matrix, matrix], entryMean: new Float64Array(4) });
    // After two steps the survivors are Binomial(100, p^2).
    expect(r.mean[4]).toBeCloseTo(100 * p * p, 10);
    expect(r.covariance[2 * 4]).toBeCloseTo(100 * p * p * (1 - p * p), 10);
  });

  it("adds Poisson entries (variance = mean) by default", () => {
    const r = markovPropagate({ states: 1, initialMean: Float64Array.of(0), transitions: [Float64Array.of(1)], entryMean: Float64Array.of(7) });
    expect(r.mean[1]).toBe(7);
    expect(r.covariance[1]).toBe(7);
  });

  it("conserves the population apart from entries (property)", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 9, maxLength: 9 }), fc.array(fc.nat(50), { minLength: 3, maxLength: 3 }), (raw, start) => {
      const p = new Float64Array(9);
      for (let i = 0; i < 3; i++) {
        const sum = raw[i * 3] + raw[i * 3 + 1] + raw[i * 3 + 2];
        for (let j = 0; j < 3; j++) p[i * 3 + j] = raw[i * 3 + j] / sum;
      }
      const entries = Float64Array.of(1, 0, 2, 0, 3, 0);
      const r = markovPropagate({ states: 3, initialMean: Float64Array.from(start), transitions: [p, p], entryMean: entries });
      const total = (t: number) => r.mean[t * 3] + r.mean[t * 3 + 1] + r.mean[t * 3 + 2];
      expect(total(2)).toBeCloseTo(total(0) + 6, 9);
      // Variance of the total = variance of entries only (moves inside are conserved).
      let variance = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) variance += r.covariance[2 * 9 + i * 3 + j];
      expect(variance).toBeCloseTo(6, 9);
    }), { numRuns: 40 });
  });

  it("matches simulation for means, covariances and summed linear combinations", () => {
    const p = Float64Array.of(0.9, 0.07, 0.03, 0.05, 0.9, 0.05, 0, 0, 1);
    const steps = 6;
    const transitions = Array.from({ length: steps }, () => p);
    const entryMean = new Float64Array(steps * 3);
    for (let t = 0; t < steps; t++) entryMean[t * 3] = 4;
    const weights = new Float64Array(steps * 3);
    for (let t = 0; t < steps; t++) { weights[t * 3] = 1; weights[t * 3 + 1] = 2; }
    const period = Int32Array.of(0, 0, 0, 1, 1, 1);
    const exact = markovPropagate({ states: 3, initialMean: Float64Array.of(50, 20, 0), transitions, entryMean, combinations: [{ weights, period, periods: 2 }] });
    const sims = 20000;
    const sim = markovSimulate({ states: 3, steps, simulations: sims, seed: 11, initial: Float64Array.of(50, 20, 0), parameters: () => ({ transitions, entryMean }) });
    const stride = (steps + 1) * 3;
    let m0 = 0, v0 = 0, combo = 0, comboSquares = 0;
    for (let s = 0; s < sims; s++) {
      const x = sim.stock[s * stride + steps * 3];
      m0 += x; v0 += x * x;
      let a = 0;
      for (let t = 3; t < steps; t++) a += sim.stock[s * stride + (t + 1) * 3] + 2 * sim.stock[s * stride + (t + 1) * 3 + 1];
      combo += a; comboSquares += a * a;
    }
    m0 /= sims; v0 = v0 / sims - m0 * m0;
    combo /= sims; comboSquares = comboSquares / sims - combo * combo;
    expect(m0).toBeCloseTo(exact.mean[steps * 3], 0);
    expect(v0 / exact.covariance[steps * 9]).toBeGreaterThan(0.93);
    expect(v0 / exact.covariance[steps * 9]).toBeLessThan(1.07);
    expect(combo / exact.combinations[0].mean[1]).toBeCloseTo(1, 2);
    expect(comboSquares / exact.combinations[0].variance[1]).toBeGreaterThan(0.93);
    expect(comboSquares / exact.combinations[0].variance[1]).toBeLessThan(1.07);
  });
});

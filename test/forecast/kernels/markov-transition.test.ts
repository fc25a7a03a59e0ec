import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markovTransition } from "../../../src/forecast/kernels/markov-transition";

describe("markovTransition", () => {
  it("matches the JSDoc example (half-life of one time unit)", () => {
    expect(markovTransition(Float64Array.of(0, Math.LN2, 0, 0), 2, 1)[1]).toBeCloseTo(0.5, 12);
  });

  it("gives exp(-rate x t) for staying, with and without scaling and squaring", () => {
    for (const rate of [0.01, 0.7, 5, 40]) {
      const p = markovTransition(Float64Array.of(0, rate, 0, 0), 2, 1);
      expect(p[0]).toBeCloseTo(Math.exp(-rate), 10);
      expect(p[3]).toBe(1);
    }
  });

  it("matches the closed form of a two-step chain (0 -> 1 -> 2)", () => {
    // Known answer: P(0 -> 1 by t) = a/(b-a) (e^{-at} - e^{-bt}) for rates a (0->1), b (1->2).
    const a = 0.3, b = 0.8, t = 2;
    const rates = new Float64Array(9);
    rates[1] = a;
    rates[5] = b;
    const p = markovTransition(rates, 3, t);
    expect(p[1]).toBeCloseTo((a / (b - a)) * (Math.exp(-a * t) - Math.exp(-b * t)), 10);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12);
  });

  it("returns a stochastic matrix for any non-negative rates (property)", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 16, maxLength: 16 }), fc.double({ min: 0, max: 5, noNaN: true }), (values, t) => {
      const p = markovTransition(Float64Array.from(values), 4, t);
      for (let i = 0; i < 4; i++) {
        let sum = 0;
        for (let j = 0; j < 4; j++) { expect(p[i * 4 + j]).toBeGreaterThanOrEqual(0); sum += p[i * 4 + j]; }
        expect(sum).toBeCloseTo(1, 9);
      }
    }), { numRuns: 50 });
  });

  it("throws on negative rates or a size mismatch", () => {
    expect(() => markovTransition(Float64Array.of(0, -1, 0, 0), 2, 1)).toThrow();
    expect(() => markovTransition(new Float64Array(3), 2, 1)).toThrow();
  });
});

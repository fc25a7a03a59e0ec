import { describe, expect, it } from "vitest";
import { ADDITIVE, MULTIPLICATIVE, NONE, etsRecursion } from "../../../src/forecast/kernels/ets-recursion";

describe("etsRecursion", () => {
  it("matches the JSDoc example (SES by hand)", () => {
    expect(etsRecursion(Float64Array.of(1, 2, 3), 1, 1, 0, 0, 0.5, 0, 0, 1, Float64Array.of(1), new Float64Array(1), 1)).toBeCloseTo(1.0833333333333333, 15);
  });

  it("reproduces R's log-likelihood at R's optimum (ETS(M,N,M), M3 N0666)", () => {
    // f <- ets(ts(y, frequency = 4), model = "MNM"); f$loglik = -271.7800663; f$par as below
    const y = Float64Array.of(2549.2, 2910.4, 3475.4, 3319, 2532.2, 2884.8, 3690, 3475, 2841.6, 3202, 3868, 3364.4, 2885.6, 3242.8, 3959.8, 3929.8, 3482, 3998, 4926, 4682, 4116, 4704, 5336, 5342, 4316, 4908, 4752, 5338, 3830, 4322, 4246, 4618, 4248, 3912, 3424, 3816);
    const s = [1.0797308509, 1.1408189896, 0.9364657381];
    const state = Float64Array.of(3440.6928453034, ...s, 4 - s[0]! - s[1]! - s[2]!);
    const lik = etsRecursion(y, 4, MULTIPLICATIVE, NONE, MULTIPLICATIVE, 0.6110266804, 0, 0.388973279, 1, state, new Float64Array(4), 0);
    expect(-0.5 * lik).toBeCloseTo(-271.7800663, 6);
  });

  it("writes errors, one-step forecasts and the final state in R's order", () => {
    // Holt's linear method by hand: l0 = 1, b0 = 1, alpha = 0.5, beta = 0.25 on y = 2, 4.
    const residuals = new Float64Array(2);
    const fitted = new Float64Array(2);
    const finalState = new Float64Array(2);
    etsRecursion(Float64Array.of(2, 4), 1, ADDITIVE, ADDITIVE, NONE, 0.5, 0.25, 0, 1, Float64Array.of(1, 1), new Float64Array(1), 0, { residuals, fitted, finalState });
    // t=1: f = 2, e = 0, l = 2, b = 1. t=2: f = 3, e = 1, l = 3.5, b = 1 + 0.25 * 1 = 1.25.
    expect(Array.from(fitted)).toEqual([2, 3]);
    expect(Array.from(residuals)).toEqual([0, 1]);
    expect(Array.from(finalState)).toEqual([3.5, 1.25]);
  });

  it("moves past a missing value without counting it", () => {
    const residuals = new Float64Array(3);
    const mse = etsRecursion(Float64Array.of(1, NaN, 3), 1, ADDITIVE, NONE, NONE, 0.5, 0, 0, 1, Float64Array.of(1), new Float64Array(1), 1, { residuals });
    expect(Number.isNaN(residuals[1])).toBe(true);
    expect(mse).toBeCloseTo((0 + 4) / 2, 12);
  });

  it("rejects a negative multiplicative trend", () => {
    expect(etsRecursion(Float64Array.of(1, 2), 1, ADDITIVE, MULTIPLICATIVE, NONE, 0.5, 0.1, 0, 1, Float64Array.of(1, -1), new Float64Array(1), 0)).toBe(Infinity);
  });

  it("the fast paths agree with the general loop, also where products would overflow", () => {
    for (const scale of [1, 1e45, 1e-45]) {
      const y = Float64Array.from([3, 4, 3.5, 5, 4.8, 6, 5.5, 7, 6.9, 8, 7.7, 9, 9.4, 10, 9.9, 11, 12, 11.5, 13, 12.6], (v) => v * scale);
      const state = Float64Array.of(3 * scale, 0.5 * scale);
      for (const [error, trend] of [[MULTIPLICATIVE, ADDITIVE], [MULTIPLICATIVE, NONE], [ADDITIVE, ADDITIVE]]) {
        const fast = etsRecursion(y, 1, error!, trend!, NONE, 0.6, 0.1, 0, 0.9, state, new Float64Array(1), 0);
        const general = etsRecursion(y, 1, error!, trend!, NONE, 0.6, 0.1, 0, 0.9, state, new Float64Array(1), 0, { residuals: new Float64Array(y.length) });
        expect(Number.isFinite(fast)).toBe(true);
        expect(Math.abs(fast - general)).toBeLessThanOrEqual(1e-9 * Math.abs(general));
      }
      // Seasonal (quarterly) paths: additive and multiplicative season, with and without trend.
      for (const [error, trend, season] of [[MULTIPLICATIVE, ADDITIVE, MULTIPLICATIVE], [MULTIPLICATIVE, NONE, ADDITIVE], [ADDITIVE, ADDITIVE, ADDITIVE], [MULTIPLICATIVE, NONE, MULTIPLICATIVE]]) {
        const multiplicative = season === MULTIPLICATIVE;
        const seasons = multiplicative ? [1.1, 0.9, 1.2, 0.8] : [0.1 * scale, -0.1 * scale, 0.2 * scale, -0.2 * scale];
        const initial = trend === NONE ? Float64Array.of(3 * scale, ...seasons) : Float64Array.of(3 * scale, 0.5 * scale, ...seasons);
        const args = [y, 4, error!, trend!, season!, 0.4, 0.05, 0.2, 0.95, initial, new Float64Array(4), 0] as const;
        const fast = etsRecursion(...args);
        const general = etsRecursion(...args, { residuals: new Float64Array(y.length) });
        expect(Number.isFinite(fast)).toBe(true);
        expect(Math.abs(fast - general)).toBeLessThanOrEqual(1e-9 * Math.abs(general));
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { polynomialRootModulus } from "../../src/stats/polynomial-root-modulus";

describe("polynomialRootModulus", () => {
  it("matches the JSDoc example", () => {
    expect(polynomialRootModulus(Float64Array.of(1, 0, -4))).toBeCloseTo(2, 12);
  });

  it("agrees with R's polyroot on an ETS characteristic polynomial with a root at the unit circle", () => {
    // R: a <- 0.6110266804; g <- 0.3889732790
    //    print(max(Mod(polyroot(c(1 - a - g, g - 1, 0, 0, a - 1, 1)))), digits = 15)  # 1
    const a = 0.6110266804;
    const g = 0.388973279;
    const value = polynomialRootModulus(Float64Array.of(1, a - 1, 0, 0, g - 1, 1 - a - g));
    expect(value).toBeLessThan(1 + 1e-10);
    expect(value).toBeGreaterThan(0.9999999);
  });

  it("handles constants, repeated roots and throws on bad input", () => {
    expect(polynomialRootModulus(Float64Array.of(3))).toBe(0);
    expect(polynomialRootModulus(Float64Array.of(1, -1, 0.25))).toBeCloseTo(0.5, 6); // (z - 0.5)^2
    expect(() => polynomialRootModulus(new Float64Array(0))).toThrow(/empty/);
    expect(() => polynomialRootModulus(Float64Array.of(0, 1))).toThrow(/leading/);
  });
});

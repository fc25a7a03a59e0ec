import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { etsAdmissible } from "../../../src/forecast/kernels/ets-admissible";

describe("etsAdmissible", () => {
  it("matches the JSDoc example", () => {
    expect(etsAdmissible(0.5, 0.1, NaN, 1, 1, true, false)).toBe(true);
  });

  it("non-seasonal region: 0 < alpha < 2, 0 < beta < 4 - 2 alpha (undamped)", () => {
    expect(etsAdmissible(1.5, 0.5, NaN, 1, 1, true, false)).toBe(true);
    expect(etsAdmissible(2.1, 0.1, NaN, 1, 1, true, false)).toBe(false);
    expect(etsAdmissible(1.5, 1.1, NaN, 1, 1, true, false)).toBe(false);
    expect(etsAdmissible(0.5, 0.1, NaN, 1.2, 1, true, false)).toBe(false); // phi > 1
  });

  it("accepts R's seasonal optimum on the boundary gamma = 1 - alpha (M3 N0666, ETS(M,N,M))", () => {
    // R: ets(ts(y, frequency = 4), model = "MNM")$par: alpha 0.6110266804, gamma 0.3889732790
    expect(etsAdmissible(0.6110266804, 0, 0.388973279, 1, 4, false, true)).toBe(true);
    expect(etsAdmissible(0.6110266804, 0, 1.5, 1, 4, false, true)).toBe(false); // gamma > 2 - alpha
  });

  it("decides by the characteristic polynomial as R's polyroot does", () => {
    // R: P <- c(phi*(1-a-g), a+b-a*phi+g-1, a+b-a*phi, a+b-a*phi, a+b-phi, 1); max(Mod(polyroot(P)))
    //   a = 1.5, b = 0.9, g = 0.3, phi = 1: 1.141645314 (outside)
    //   a = 1.8, b = 0.1, g = 0.1, phi = 1: 1.000039402 (just outside)
    //   a = 0.9, b = 0.8, g = 0.05, phi = 1: 0.9937861433 (inside)
    expect(etsAdmissible(1.5, 0.9, 0.3, 1, 4, true, true)).toBe(false);
    expect(etsAdmissible(1.8, 0.1, 0.1, 1, 4, true, true)).toBe(false);
    expect(etsAdmissible(0.9, 0.8, 0.05, 1, 4, true, true)).toBe(true);
  });

  it("every point inside R's usual bounds is admissible for quarterly Holt-Winters (property)", () => {
    // With 0 < beta < alpha < 1 and 0 < gamma < 1 - alpha the additive Holt-Winters model is
    // forecastable (Hyndman et al. 2008, section 10.3), so the two bounds nest.
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (a, bFraction, gFraction) => {
        const beta = a * bFraction * 0.5;
        const gamma = (1 - a) * gFraction;
        expect(etsAdmissible(a, beta, gamma, 1, 4, true, true)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

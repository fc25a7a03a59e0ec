import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSchurStable } from "../../src/stats/is-schur-stable";
import { polynomialRootModulus } from "../../src/stats/polynomial-root-modulus";

/** Real polynomial (highest power first) with the given real roots and complex pairs r e^(+-i theta). */
function fromRoots(real: number[], pairs: Array<[number, number]>): Float64Array {
  let c = [1];
  const times = (factor: number[]): void => {
    const out = new Array<number>(c.length + factor.length - 1).fill(0);
    c.forEach((a, i) => factor.forEach((b, j) => (out[i + j]! += a * b)));
    c = out;
  };
  for (const r of real) times([1, -r]);
  for (const [r, theta] of pairs) times([1, -2 * r * Math.cos(theta), r * r]);
  return Float64Array.from(c);
}

describe("isSchurStable", () => {
  it("matches the JSDoc example", () => {
    expect(isSchurStable(Float64Array.of(1, -0.5))).toBe(true);
  });

  it("decides simple cases", () => {
    expect(isSchurStable(Float64Array.of(1, -1.5))).toBe(false); // root 1.5
    expect(isSchurStable(Float64Array.of(1, 0, 0.25))).toBe(true); // roots +-0.5i
    expect(isSchurStable(Float64Array.of(1, 0, 4))).toBe(false); // roots +-2i
    expect(isSchurStable(Float64Array.of(2, -1))).toBe(true); // leading coefficient not 1
  });

  it("agrees with the largest root modulus away from the unit circle (property)", () => {
    const modulus = fc.double({ min: 0, max: 2, noNaN: true }).filter((r) => Math.abs(r - 1) > 0.02);
    fc.assert(
      fc.property(
        fc.array(modulus.chain((r) => fc.boolean().map((s) => (s ? r : -r))), { maxLength: 4 }),
        fc.array(fc.tuple(modulus, fc.double({ min: 0.1, max: 3, noNaN: true })), { maxLength: 3 }),
        (real, pairs) => {
          fc.pre(real.length + pairs.length > 0);
          const poly = fromRoots(real, pairs);
          const largest = Math.max(...real.map(Math.abs), ...pairs.map((p) => p[0]));
          expect(isSchurStable(poly)).toBe(largest < 1);
          expect(polynomialRootModulus(poly)).toBeCloseTo(largest, 4);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("throws on a zero leading coefficient", () => {
    expect(() => isSchurStable(Float64Array.of(0, 1))).toThrow(/leading/);
  });
});

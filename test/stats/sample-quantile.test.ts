import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { probit } from "simple-statistics";
import { sampleQuantile } from "../../src/stats/sample-quantile";
import { normalQuantile } from "../../src/stats/normal-quantile";

/** The type-7 formula the toolkit used before it took simple-statistics' quantileSorted. */
function type7(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(sorted.length - 1, lower + 1);
  return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}

describe("sampleQuantile", () => {
  it("matches R quantile(type = 7): quantile(1:4, c(0.5, 0.1, 0.9)) = 2.5, 1.3, 3.7", () => {
    const x = Float64Array.of(1, 2, 3, 4);
    expect(sampleQuantile(x, 0.5)).toBe(2.5);
    expect(sampleQuantile(x, 0.1)).toBeCloseTo(1.3, 12);
    expect(sampleQuantile(x, 0.9)).toBeCloseTo(3.7, 12);
    expect(sampleQuantile(x, 0)).toBe(1);
    expect(sampleQuantile(x, 1)).toBe(4);
  });
  it("returns NaN for no values and throws outside [0, 1]", () => {
    expect(sampleQuantile([], 0.5)).toBeNaN();
    expect(() => sampleQuantile([1], 1.5)).toThrow();
  });
  it("simple-statistics' quantileSorted agrees with the type-7 formula it replaced (typed and plain arrays)", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
      const sorted = Float64Array.from(values).sort();
      const expected = type7(sorted, p);
      expect(Math.abs(sampleQuantile(sorted, p) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      expect(Math.abs(sampleQuantile(Array.from(sorted), p) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    }), { numRuns: 500 });
  });
  it("keeps the toolkit's own normal quantile: simple-statistics' probit is too coarse to match R's qnorm", () => {
    // R: qnorm(0.975) = 1.959963984540054. The README quotes the worst difference measured here.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    let worst = 0;
    for (let i = 1; i < 1000; i++) worst = Math.max(worst, Math.abs(probit(i / 1000) - normalQuantile(i / 1000)));
    expect(worst).toBeGreaterThan(0.01);
    expect(worst).toBeLessThan(0.0102);
  });
});

import { describe, expect, it } from "vitest";
import { sampleQuantile } from "../../src/stats/sample-quantile";

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
});

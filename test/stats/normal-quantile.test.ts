import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../src/stats/normal-quantile";

describe("normalQuantile", () => {
  // Rscript -e 'print(qnorm(c(0.975, 0.9, 0.5, 0.025, 1e-10, 0.999999)), digits=17)'
  it("matches R's qnorm", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446008, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.3613409024040557, 12);
    expect(normalQuantile(0.999999)).toBeCloseTo(4.7534243088170891, 12);
  });
  it("throws outside [0, 1]", () => {
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { minimiseScalar } from "../../src/stats/minimise-scalar";
import { naiveScale } from "../../src/stats/naive-scale";
import { intervalScore } from "../../src/stats/interval-score";
import { symmetricPercentageError } from "../../src/stats/symmetric-percentage-error";

describe("forecast measure helpers", () => {
  it("minimiseScalar finds the minimum, also of a bimodal function", () => {
    expect(minimiseScalar((x) => (x - 0.3) ** 2, 0, 1).argument).toBeCloseTo(0.3, 7);
    const bimodal = (x: number): number => Math.min((x - 0.1) ** 2 + 0.01, (x - 0.8) ** 2);
    expect(minimiseScalar(bimodal, 0, 1).argument).toBeCloseTo(0.8, 6);
    expect(minimiseScalar((x) => x, 0, 1).argument).toBeCloseTo(0, 6);
    expect(() => minimiseScalar((x) => x, 1, 0)).toThrow(RangeError);
  });
  it("naiveScale (MASE and RMSSE scales)", () => {
    expect(naiveScale(Float64Array.of(1, 3, 2, 6), 1)).toBeCloseTo(7 / 3, 12);
    expect(naiveScale(Float64Array.of(1, 3, 2, 6), 1, 2)).toBeCloseTo(21 / 3, 12);
    expect(naiveScale(Float64Array.of(1, 2, 3, 5), 2)).toBeCloseTo(2.5, 12);
    expect(naiveScale(Float64Array.of(1, Number.NaN, 3), 1)).toBeNaN();
    expect(() => naiveScale([1, 2], 0)).toThrow(RangeError);
  });
  it("intervalScore and symmetricPercentageError (doc examples)", () => {
    expect(intervalScore(0, 10, 12, 95)).toBeCloseTo(90, 10);
    expect(intervalScore(0, 10, 5, 80)).toBe(10);
    expect(intervalScore(0, 10, -1, 80)).toBeCloseTo(20, 10);
    expect(() => intervalScore(0, 1, 0, 0)).toThrow(RangeError);
    expect(symmetricPercentageError(100, 110)).toBeCloseTo(9.523809523809524, 12);
    expect(symmetricPercentageError(0, 0)).toBeNaN();
  });
});

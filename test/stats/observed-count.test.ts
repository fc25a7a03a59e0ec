import { describe, expect, it } from "vitest";
import { observedCount } from "../../src/stats/observed-count";

describe("observedCount", () => {
  it("counts observed values and checks positivity, ignoring NaN", () => {
    expect(observedCount(Float64Array.of(1, NaN, 3))).toEqual({ observed: 2, positive: true });
    expect(observedCount(Float64Array.of(1, 0, NaN))).toEqual({ observed: 2, positive: false });
    expect(observedCount([])).toEqual({ observed: 0, positive: true });
  });
});

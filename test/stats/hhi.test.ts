import { describe, expect, it } from "vitest";
import { hhi } from "../../src/stats/hhi";

describe("hhi", () => {
  it("matches the textbook values", () => {
    expect(hhi([50, 50])).toBe(5000);
    expect(hhi([100])).toBe(10000);
    expect(hhi([1, 1, 1, 1])).toBe(2500);
    expect(hhi([30, 30, 20, 20])).toBeCloseTo(2600, 9);
    expect(hhi([])).toBeNaN();
  });
  it("rejects negative sizes", () => {
    expect(() => hhi([1, -1])).toThrow(/non-negative/);
  });
});

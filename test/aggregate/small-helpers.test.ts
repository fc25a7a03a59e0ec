// JSDoc examples of the small aggregate helpers, checked.
import { describe, expect, it } from "vitest";
import { cellRollUp } from "../../src/aggregate/cell-roll-up";
import { dimensionKey } from "../../src/aggregate/dimension-key";
import { periodYear } from "../../src/aggregate/period-year";
import { rollUpSum } from "../../src/aggregate/roll-up-sum";
import { rollUpWeightedMean } from "../../src/aggregate/roll-up-weighted-mean";
import { comparePublished } from "../../src/aggregate/compare-published";

describe("aggregate helpers", () => {
  it("dimensionKey ignores key order and absent columns", () => {
    expect(dimensionKey({ age_band: "total", placement_type: "foster" }) === dimensionKey({ placement_type: "foster", age_band: "total" })).toBe(true);
    expect(dimensionKey({ age_band: "total" })).not.toBe(dimensionKey({ placement_type: "total" }));
  });
  it("periodYear reads reporting and financial years", () => {
    expect(periodYear("202425")).toBe(2025);
    expect(periodYear("2025")).toBe(2025);
    expect(periodYear("202426")).toBeNaN();
    expect(periodYear("2025-26")).toBeNaN();
  });
  it("cellRollUp says how partial a value is", () => {
    expect(cellRollUp({ expected: 2, present: 1, suppressed: 1, value: 5, lowReliability: false, what: "lower bound: sum", contributions: [] }).note).toBe("lower bound: sum over 1 of 2 members (1 suppressed, 0 missing)");
    expect(cellRollUp({ expected: 2, present: 2, suppressed: 0, value: 5, lowReliability: true, what: "sum", contributions: [] }).value_status).toBe("low_reliability");
    expect(cellRollUp({ expected: 0, present: 0, suppressed: 0, value: 0, lowReliability: false, what: "sum", contributions: [] }).value_status).toBe("not_available");
  });
  it("rollUpSum and rollUpWeightedMean give their JSDoc examples", () => {
    expect(rollUpSum(["1", "2"], new Map([["1", { value: 3, value_status: "ok" }], ["2", { value: null, value_status: "suppressed" }]]) as never).value_status).toBe("estimated");
    expect(rollUpWeightedMean(["1", "2"], new Map([["1", { value: 100, value_status: "ok" }], ["2", { value: 200, value_status: "ok" }]]) as never, new Map([["1", { value: 1, value_status: "ok" }], ["2", { value: 3, value_status: "ok" }]]) as never).value).toBe(175);
  });
  it("a weighted mean with total weight 0 is not applicable, not zero", () => {
    const out = rollUpWeightedMean(["1"], new Map([["1", { value: 500, value_status: "ok" }]]) as never, new Map([["1", { value: 0, value_status: "ok" }]]) as never);
    expect(out).toMatchObject({ value: null, value_status: "not_applicable" });
  });
  it("sums of decimal amounts carry no binary noise", () => {
    const rows = new Map([["1", { value: 0.1, value_status: "ok" }], ["2", { value: 0.2, value_status: "ok" }]]);
    expect(rollUpSum(["1", "2"], rows as never).value).toBe(0.3);
  });
  it("comparePublished gives its JSDoc example", () => {
    expect(comparePublished([], [], "National")).toEqual([]);
  });
});

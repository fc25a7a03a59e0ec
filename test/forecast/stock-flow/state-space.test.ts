import { describe, expect, it } from "vitest";
import { bandOfAge, DFE_AGE_BANDS, stateSpace } from "../../../src/forecast/stock-flow/state-space";

describe("stateSpace", () => {
  it("matches the JSDoc examples: 5 DfE age bands x 8 DfE placement groups + not looked after", () => {
    const space = stateSpace();
    expect(space.size).toBe(41);
    expect(space.live).toBe(40);
    expect(space.placementGroups[0]).toBe("foster");
    expect(space.placementGroups).toHaveLength(8);
    expect(bandOfAge(DFE_AGE_BANDS.map((b) => b.lowerAge), 7)).toBe(2);
    expect(bandOfAge(DFE_AGE_BANDS.map((b) => b.lowerAge), 0)).toBe(0);
    expect(bandOfAge(DFE_AGE_BANDS.map((b) => b.lowerAge), 17)).toBe(4);
  });

  it("maps fine placement types to their group, and both ways between index and (band, group)", () => {
    const space = stateSpace();
    expect(space.placementGroups[space.groupOfType.get("foster_ifa")!]).toBe("foster");
    expect(space.placementGroups[space.groupOfType.get("childrens_home_private")!]).toBe("secure_and_childrens_homes");
    for (let state = 0; state < space.live; state++) expect(space.index(space.bandOf(state), space.groupOf(state))).toBe(state);
  });

  it("accepts custom groupings and age bands", () => {
    const space = stateSpace({
      ageBands: [{ code: "under_10", lowerAge: 0 }, { code: "10_plus", lowerAge: 10 }],
      placementGroups: { foster_ifa: "ifa", foster_la: "in_house_foster", foster_kinship: "in_house_foster" },
    });
    expect(space.ageBands).toEqual(["under_10", "10_plus"]);
    expect(space.placementGroups).toContain("ifa");
    expect(space.placementGroups).toContain("in_house_foster");
    expect(space.placementGroups).not.toContain("foster");
    expect(space.size).toBe(2 * space.placementGroups.length + 1);
  });

  it("throws on bands not starting at 0 or an unknown placement type", () => {
    expect(() => stateSpace({ ageBands: [{ code: "a", lowerAge: 1 }] })).toThrow();
    expect(() => stateSpace({ ageBands: [{ code: "a", lowerAge: 0 }, { code: "b", lowerAge: 0 }] })).toThrow();
    expect(() => stateSpace({ placementGroups: { castle: "x" } })).toThrow(/castle/);
  });
});

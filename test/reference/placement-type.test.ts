import { describe, expect, it } from "vitest";
import { placementType } from "../../src/reference/placement-type";

describe("placementType (DOMAIN.md section 4)", () => {
  it("JSDoc examples", () => {
    expect(placementType("U5", "PR4")).toBe("foster_ifa");
    expect(placementType("K2", "")).toBe("");
    expect(placementType("Q9", "PR1")).toBeNull();
  });
  it("maps PLACE x PLACE_PROVIDER as the table says", () => {
    const table: [string, string, string][] = [
      ["U1", "PR1", "foster_kinship"], ["U3", "PR4", "foster_kinship"],
      ["U4", "PR1", "foster_la"], ["U6", "PR2", "foster_la"], ["U5", "PR3", "foster_la"],
      ["U4", "PR4", "foster_ifa"], ["U6", "PR5", "foster_ifa"],
      ["K2", "PR1", "childrens_home_la"], ["K2", "PR2", "childrens_home_la"], ["K2", "PR3", "childrens_home_la"],
      ["K2", "PR4", "childrens_home_private"], ["K2", "PR5", "childrens_home_voluntary"],
      ["K1", "PR1", "secure"], ["K3", "PR4", "supported_accommodation"], ["H5", "", "supported_accommodation"], ["P2", "PR4", "supported_accommodation"],
      ["S1", "PR5", "residential_school"], ["R1", "PR3", "other_residential"], ["R5", "PR4", "other_residential"],
      ["P1", "PR0", "with_parents"], ["A3", "PR1", "placed_for_adoption"], ["A6", "PR5", "placed_for_adoption"],
      ["Z1", "PR4", "other"], ["T2", "PR1", "other"], ["P3", "PR4", "other"], ["u4", "pr4", "foster_ifa"],
    ];
    for (const [place, provider, code] of table) expect(placementType(place, provider), `${place} ${provider}`).toBe(code);
  });
  it("leaves U4-U6 and K2 unresolved without a usable provider", () => {
    expect(placementType("U4", "PR0")).toBe("");
    expect(placementType("K2", "PR0")).toBe("");
    expect(placementType("U5", "")).toBe("");
  });
});

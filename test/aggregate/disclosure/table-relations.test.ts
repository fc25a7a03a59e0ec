import { describe, expect, it } from "vitest";
import { tableRelations } from "../../../src/aggregate/disclosure/table-relations";

describe("tableRelations", () => {
  it("gives the JSDoc example: age band total = the five bands", () => {
    expect(tableRelations([{ age_band: "total" }, { age_band: "under_1" }, { age_band: "1_to_4" }, { age_band: "5_to_9" }, { age_band: "10_to_15" }, { age_band: "16_plus" }], ["age_band"]))
      .toEqual([{ total: 0, parts: [1, 2, 3, 4, 5] }]);
  });
  it("uses the code tree: total = published groups, group = its leaves, leaves standing in for an absent group", () => {
    const cells = [
      { placement_type: "total" },
      { placement_type: "foster" },
      { placement_type: "foster_kinship" }, { placement_type: "foster_la" }, { placement_type: "foster_ifa" },
      { placement_type: "childrens_home_la" }, { placement_type: "childrens_home_private" }, { placement_type: "childrens_home_voluntary" }, { placement_type: "secure" },
      { placement_type: "supported_accommodation_group" }, { placement_type: "residential_schools" }, { placement_type: "other_residential_group" },
      { placement_type: "with_parents_group" }, { placement_type: "placed_for_adoption_group" }, { placement_type: "other_placements" },
    ];
    const relations = tableRelations(cells, ["placement_type"]);
    expect(relations).toContainEqual({ total: 0, parts: [1, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14] });
    expect(relations).toContainEqual({ total: 1, parts: [2, 3, 4] });
    expect(relations).toHaveLength(2);
  });
  it("leaves out a relation with a part absent from the table", () => {
    expect(tableRelations([{ age_band: "total" }, { age_band: "under_1" }, { age_band: "1_to_4" }], ["age_band"])).toEqual([]);
  });
  it("gives row, column and marginal relations for a 2-D table", () => {
    const cells: Array<Record<string, string>> = [];
    for (const locality of ["total", "inside_la", "outside_la", "not_known"]) for (const distance of ["total", "20_miles_or_less", "over_20_miles", "not_known"]) cells.push({ locality, distance });
    const relations = tableRelations(cells, ["locality", "distance"]);
    // 4 distance columns x (total = inside + outside + not known) and 4 locality rows x (total = three distances)
    expect(relations).toHaveLength(8);
    expect(relations).toContainEqual({ total: 0, parts: [4, 8, 12] });
    expect(relations).toContainEqual({ total: 0, parts: [1, 2, 3] });
  });
});

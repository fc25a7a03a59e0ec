import { describe, expect, it } from "vitest";
import { ageBandIndex, deriveTemplate, reasonGroup } from "../../../src/ingest/ssda903/derive-template";
import { cleanSsda903 } from "../../../src/ingest/ssda903/clean-ssda903";
import { ingestSsda903 } from "../../../src/ingest/ssda903/ingest-ssda903";
import { readSsda903 } from "../../../src/ingest/ssda903/read-ssda903";
import type { DatasetRow } from "../../../src/spec/dataset";
import { findMeasure } from "../../../src/template/measures";
import { bytes, episodes, header } from "./helpers";

// A hand-worked LA (Camden, 202) with returns for the years ending 31 March 2020 and 2021.
const files = [
  header("header.csv", [["A", "15/06/2012"], ["B", "01/04/2004"], ["C", "10/10/2019"], ["D", "01/01/2004"], ["E", "01/01/2010"], ["F", "01/01/2015"]]),
  { name: "uasc.csv", bytes: bytes("CHILD,SEX,DOB,DUC\nD,1,01/01/2004,01/01/2022\n") },
  episodes("2020.csv", [
    "A,01/05/2019,S,C2,N1,U4,PR4,01/09/2019,X1",
    "A,01/09/2019,P,C2,N1,K2,PR4,,",
    "B,01/01/2018,S,V2,N4,P2,PR4,,",
    "C,15/10/2019,S,C1,N1,U1,PR1,31/03/2020,E11", // ceased on 31 March: not looked after at 31 March
    "D,01/02/2020,S,V2,N8,U5,PR2,,",              // UASC, another LA's foster carer: outside the LA
    "E,01/06/2019,S,V3,N2,K2,PR1,03/06/2019,E13", // short break: never counted
    "F,01/05/2019,S,C2,N1,U1,PR1,01/06/2019,E4A",  // two periods of care in one year
    "F,01/08/2019,S,C2,N1,U1,PR1,01/09/2019,E45",
  ], "YEAR", Array(8).fill("2020")),
  episodes("2021.csv", [
    "A,01/09/2019,P,C2,N1,K2,PR4,01/12/2020,E4A",
    "B,01/01/2018,S,V2,N4,P2,PR4,,",
    "D,01/02/2020,S,V2,N8,U5,PR2,,",
  ], "YEAR", Array(3).fill("2021")),
];

function value(rows: DatasetRow[], year: string, measure: string, dims: Record<string, string> = {}): number | null | undefined {
  const row = rows.find((r) => r.time_period === year && r.measure === measure && Object.entries(dims).every(([k, v]) => r.dims[k as keyof typeof r.dims] === v) && Object.keys(r.dims).length === Object.keys(dims).length);
  return row === undefined ? undefined : row.value;
}

describe("deriveTemplate", () => {
  const result = ingestSsda903(files, { la: "202" });
  const rows = result.rows;

  it("JSDoc examples", () => {
    expect(deriveTemplate(cleanSsda903(readSsda903([], {})).table).rows.length).toBe(0);
    expect(ageBandIndex(16)).toBe(4);
    expect(reasonGroup("E45")).toBe("special_guardianship");
    expect(reasonGroup("E4A")).toBe("returned_home");
    expect(reasonGroup("X1")).toBeNull();
  });

  it("fills the EES geography of the LA and the reporting year", () => {
    expect(rows[0]).toMatchObject({ time_identifier: "Reporting year", geographic_level: "Local authority", old_la_code: "202", new_la_code: "E09000007", la_name: "Camden", region_code: "E12000007" });
    expect(new Set(rows.map((r) => r.time_period))).toEqual(new Set(["2020", "2021"]));
  });

  it("children looked after at 31 March 2020 by placement type x age band (age at 31 March)", () => {
    expect(value(rows, "2020", "cla_31_march", { placement_type: "total", age_band: "total" })).toBe(3);
    expect(value(rows, "2020", "cla_31_march", { placement_type: "childrens_home_private", age_band: "5_to_9" })).toBe(1);
    expect(value(rows, "2020", "cla_31_march", { placement_type: "supported_accommodation", age_band: "10_to_15" })).toBe(1);
    expect(value(rows, "2020", "cla_31_march", { placement_type: "foster_la", age_band: "16_plus" })).toBe(1);
    expect(value(rows, "2020", "cla_31_march", { placement_type: "foster_ifa", age_band: "total" })).toBe(0);
    expect(value(rows, "2020", "cla_31_march", { placement_type: "total", age_band: "16_plus" })).toBe(1);
    // B turns 16 on 1 April 2020: 15 at 31 March 2020, 16 at 31 March 2021.
    expect(value(rows, "2021", "cla_31_march", { placement_type: "supported_accommodation", age_band: "16_plus" })).toBe(1);
    expect(value(rows, "2021", "cla_31_march", { placement_type: "total", age_band: "total" })).toBe(2);
  });

  it("by need, legal status (V3/V4 not applicable), provider and UASC", () => {
    expect(value(rows, "2020", "cla_31_march_by_need", { category_of_need: "N1" })).toBe(1);
    expect(value(rows, "2020", "cla_31_march_by_need", { category_of_need: "N8" })).toBe(1);
    expect(value(rows, "2020", "cla_31_march_by_need", { category_of_need: "total" })).toBe(3);
    expect(value(rows, "2020", "cla_31_march_by_legal_status", { legal_status: "V2" })).toBe(2);
    expect(value(rows, "2020", "cla_31_march_by_legal_status", { legal_status: "C2" })).toBe(1);
    // Short breaks are excluded from the measure by definition: not applicable, never zero.
    expect(rows.find((r) => r.time_period === "2020" && r.measure === "cla_31_march_by_legal_status" && r.dims.legal_status === "V3")).toMatchObject({ value: null, value_status: "not_applicable" });
    expect(value(rows, "2020", "cla_31_march_by_provider", { place_provider: "PR4" })).toBe(2);
    expect(value(rows, "2020", "cla_31_march_by_provider", { place_provider: "PR2" })).toBe(1);
    expect(value(rows, "2020", "cla_31_march_uasc", { age_band: "16_plus" })).toBe(1);
    expect(value(rows, "2020", "cla_31_march_uasc", { age_band: "total" })).toBe(1);
  });

  it("starts: first of a period of care, a child once a year, age on starting", () => {
    expect(value(rows, "2020", "starts_in_year", { age_band: "total" })).toBe(4);
    expect(value(rows, "2020", "starts_in_year", { age_band: "under_1" })).toBe(1);
    expect(value(rows, "2020", "starts_in_year", { age_band: "1_to_4" })).toBe(1);
    expect(value(rows, "2020", "starts_in_year", { age_band: "5_to_9" })).toBe(1);
    expect(value(rows, "2020", "starts_in_year", { age_band: "16_plus" })).toBe(1);
    expect(value(rows, "2020", "starts_in_year_by_legal_status", { legal_status: "C2" })).toBe(2);
    expect(value(rows, "2020", "starts_in_year_by_need", { category_of_need: "N1" })).toBe(3);
    expect(value(rows, "2020", "starts_in_year_uasc")).toBe(1);
    expect(value(rows, "2021", "starts_in_year", { age_band: "total" })).toBe(0);
  });

  it("ceases: REC not X1, the last of a child in the year, age on ceasing, reason group", () => {
    expect(value(rows, "2020", "ceases_in_year", { age_band: "total" })).toBe(2);
    expect(value(rows, "2020", "ceases_in_year_by_reason", { reason_ceased: "adopted" })).toBe(1);
    expect(value(rows, "2020", "ceases_in_year_by_reason", { reason_ceased: "special_guardianship" })).toBe(1); // F's last cease (E45), not E4A
    expect(value(rows, "2020", "ceases_in_year_by_reason", { reason_ceased: "returned_home" })).toBe(0);
    expect(value(rows, "2021", "ceases_in_year", { age_band: "5_to_9" })).toBe(1);
    expect(value(rows, "2021", "ceases_in_year_by_reason", { reason_ceased: "returned_home" })).toBe(1);
    expect(value(rows, "2020", "ceases_in_year_uasc")).toBe(0);
  });

  it("location: known only where every child's placement LA is known; distance never from postcodes", () => {
    const outside = rows.filter((r) => r.time_period === "2020" && r.measure === "placed_outside_la");
    expect(outside.find((r) => r.dims.placement_type === "foster_la")).toMatchObject({ value: 1, value_status: "ok" });
    expect(outside.find((r) => r.dims.placement_type === "childrens_home_private")).toMatchObject({ value: null, value_status: "not_available" });
    expect(outside.find((r) => r.dims.placement_type === "total")).toMatchObject({ value: null, value_status: "not_available" });
    // New placements in 2020: A twice (S, then P), B, C, D, F twice; locality unknown for most, so missing.
    expect(rows.find((r) => r.time_period === "2020" && r.measure === "new_placements_in_year_by_location")).toMatchObject({ value: null, value_status: "not_available" });
    const far = rows.filter((r) => r.measure === "placed_over_20_miles");
    expect(far.every((r) => r.value === null && r.value_status === "not_available" && r.dims.placement_type === "total")).toBe(true);
    expect(result.diagnostics.some((d) => d.code === "I_903_NOT_DERIVED" && d.message.includes("placed_over_20_miles"))).toBe(true);
  });

  it("derives locality, region and distance from PL_LOCATION, PL_LA and PL_DISTANCE when present", () => {
    const located = ingestSsda903([
      header("h.csv", [["A", "01/01/2010"], ["B", "01/01/2010"], ["C", "01/01/2010"]]),
      episodes("e.csv", ["A,01/05/2019,S,C2,N1,U4,PR4,,", "B,01/05/2019,S,C2,N1,U4,PR4,,", "C,01/05/2019,S,C2,N1,K2,PR4,,"], "PL_LOCATION,PL_LA,PL_DISTANCE", ["IN,202,3.5", "OUT,203,25", "OUT,E06000001,120"]),
    ], { la: "202" }).rows;
    expect(new Set(located.map((r) => r.old_la_code))).toEqual(new Set(["202"])); // placement LAs are not LAs of a return
    expect(value(located, "2020", "placed_outside_la", { placement_type: "foster_ifa" })).toBe(1);
    expect(value(located, "2020", "placed_outside_la", { placement_type: "total" })).toBe(2);
    expect(value(located, "2020", "placed_outside_region", { placement_type: "total" })).toBe(1); // Hartlepool is in the North East
    expect(value(located, "2020", "placed_over_20_miles", { placement_type: "total" })).toBe(2);
    expect(value(located, "2020", "cla_31_march_by_location", { locality: "outside_la", distance: "over_20_miles" })).toBe(2);
    expect(value(located, "2020", "cla_31_march_by_location", { locality: "inside_la", distance: "20_miles_or_less" })).toBe(1);
    expect(value(located, "2020", "cla_31_march_by_location", { locality: "total", distance: "total" })).toBe(3);
    expect(value(located, "2020", "new_placements_in_year_by_location", { locality: "outside_la", distance: "over_20_miles" })).toBe(2);
    expect(value(located, "2020", "new_placements_in_year_by_location", { locality: "total", distance: "total" })).toBe(3);
  });

  it("derives locality from the provider's URN when provider locations are given", () => {
    const providerLocations = new Map([["SC100001", "Camden"], ["SC100002", "E06000001"], ["SC100003", "Islington"]]);
    const located = ingestSsda903([
      header("h.csv", [["A", "01/01/2010"], ["B", "01/01/2010"], ["C", "01/01/2010"]]),
      { name: "e.csv", bytes: bytes("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,URN\nA,01/05/2019,S,C2,N1,K2,PR4,,,SC100001\nB,01/05/2019,S,C2,N1,K2,PR4,,,sc100002\nC,01/05/2019,S,C2,N1,K2,PR5,,,SC100003\n") },
    ], { la: "202", providerLocations }).rows;
    expect(value(located, "2020", "placed_outside_la", { placement_type: "childrens_home_private" })).toBe(1);
    expect(value(located, "2020", "placed_outside_la", { placement_type: "childrens_home_voluntary" })).toBe(1);
    expect(value(located, "2020", "placed_outside_la", { placement_type: "total" })).toBe(2);
    expect(value(located, "2020", "placed_outside_region", { placement_type: "total" })).toBe(1); // Islington is in London, Hartlepool is not
    expect(value(located, "2020", "cla_31_march_by_location", { locality: "inside_la", distance: "not_known" })).toBe(1);
    // Without the locations, the same data gives no locality.
    const without = ingestSsda903([header("h.csv", [["A", "01/01/2010"]]), { name: "e.csv", bytes: bytes("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,URN\nA,01/05/2019,S,C2,N1,K2,PR4,,,SC100001\n") }], { la: "202" }).rows;
    expect(value(without, "2020", "placed_outside_la", { placement_type: "total" })).toBeNull();
  });

  it("every measure written is a template measure with its own dimensions, and parts sum to totals", () => {
    for (const row of rows) {
      const measure = findMeasure(row.measure);
      expect(measure, row.measure).toBeDefined();
      expect(Object.keys(row.dims).sort()).toEqual(measure!.dimensions.map((d) => d.column).sort());
    }
    for (const year of ["2020", "2021"]) {
      const parts = rows.filter((r) => r.time_period === year && r.measure === "starts_in_year" && r.dims.age_band !== "total").reduce((a, r) => a + (r.value ?? 0), 0);
      expect(parts).toBe(value(rows, year, "starts_in_year", { age_band: "total" }));
    }
  });
});

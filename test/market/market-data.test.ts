/**
 * The market layer's readers of a dataset on small synthetic rows: sums over a scope's
 * members, bounds of flows for several LAs, unit costs in real terms.
 */
import { describe, expect, it } from "vitest";
import { supplyPanel } from "../../src/market/supply-panel";
import { placementFlows } from "../../src/market/placement-flows";
import { fosteringCapacity, fosteringDefinition } from "../../src/market/fostering-capacity";
import { realUnitCosts } from "../../src/market/real-unit-costs";
import { scopeMembers } from "../../src/market/market-scope";
import { laGeography, findLa } from "../../src/reference/las";
import type { DatasetRow } from "../../src/spec/dataset";

function r(code: string, year: number, measure: string, dims: DatasetRow["dims"], value: number | null, timeIdentifier = "Reporting year"): DatasetRow {
  const geography = code === "E" ? { geographic_level: "National" as const, country_code: "E92000001", country_name: "England", region_code: "", region_name: "", old_la_code: "", new_la_code: "", la_name: "" } : laGeography(findLa(code)!, year);
  return { time_period: String(year), time_identifier: timeIdentifier, ...geography, measure, dims, value, value_status: value === null ? "not_applicable" : "ok" };
}

describe("scopeMembers", () => {
  it("follows boundary changes year by year", () => {
    expect(scopeMembers({ kind: "las", codes: ["940", "941"] }, 2021).map((la) => la.oldCode)).toEqual(["928"]);
    expect(scopeMembers({ kind: "las", codes: ["940", "941"] }, 2022).map((la) => la.oldCode).sort()).toEqual(["940", "941"]);
    expect(scopeMembers({ kind: "region", code: "E12000001" }, 2025)).toHaveLength(12);
  });
});

describe("supplyPanel", () => {
  const rows = [
    r("805", 2025, "registered_providers", { provision_type: "childrens_home", sector: "total", owning_group: "total" }, 9),
    r("805", 2025, "registered_places", { provision_type: "childrens_home", sector: "total", owning_group: "total" }, 39),
    r("806", 2025, "registered_providers", { provision_type: "childrens_home", sector: "total", owning_group: "total" }, 5),
    r("806", 2025, "registered_places", { provision_type: "childrens_home", sector: "total", owning_group: "total" }, 20),
    r("806", 2025, "registered_providers", { provision_type: "childrens_home", sector: "private", owning_group: "Group A" }, 5),
    r("330", 2025, "registered_providers", { provision_type: "childrens_home", sector: "total", owning_group: "total" }, 100),
    r("805", 2025, "registered_providers_opened", { provision_type: "childrens_home", sector: "total" }, 1),
    r("806", 2025, "registered_providers_opened", { provision_type: "childrens_home", sector: "total" }, 0),
  ];
  it("sums the scope's members only, totals over owners by default", () => {
    const panel = supplyPanel(rows, { kind: "las", codes: ["805", "806"] });
    expect(panel.register).toEqual([expect.objectContaining({ year: 2025, provisionType: "childrens_home", owner: "total", providers: 14, places: 59, members: 2, membersWithData: 2 })]);
    expect(panel.flows[0]).toMatchObject({ providersOpened: 1, providersClosed: 0 });
  });
  it("gives owner leaves when asked", () => {
    const panel = supplyPanel(rows, { kind: "las", codes: ["805", "806"] }, { byOwner: true });
    expect(panel.register.find((x) => x.owner === "Group A")?.providers).toBe(5);
  });
});

describe("placementFlows", () => {
  const rows = [
    ...[["805", 100, 30, 20], ["806", 200, 50, 60]].flatMap(([code, cla, out, inn]) => [
      r(code as string, 2020, "cla_31_march", { placement_type: "total", age_band: "total" }, cla as number),
      r(code as string, 2020, "placed_outside_la", { placement_type: "total" }, out as number),
      r(code as string, 2020, "cla_placed_in_la_by_other_las", {}, inn as number),
      r(code as string, 2020, "cla_net_gain", {}, (inn as number) - (out as number)),
    ]),
  ];
  it("is exact for one LA", () => {
    const f = placementFlows(rows, { kind: "las", codes: ["805"] })[0];
    expect([f.placedOutside, f.placedInByOthers, f.netGain]).toEqual([{ low: 30, high: 30, exact: true }, { low: 20, high: 20, exact: true }, -10]);
    expect(f.shareLivingHereWhoAreOwn.low).toBeCloseTo(70 / 90, 10);
  });
  it("bounds exports and imports of several LAs; their net gain is exact", () => {
    const f = placementFlows(rows, { kind: "las", codes: ["805", "806"] })[0];
    expect(f.netGain).toBe(0);
    expect(f.placedOutside).toEqual({ low: 0, high: 80, exact: false });
    expect(f.placedInByOthers).toEqual({ low: 0, high: 80, exact: false });
    expect(f.ownPlacedInside).toEqual({ low: 220, high: 300, exact: false });
    expect(f.shareLivingHereWhoAreOwn.high).toBe(1);
  });
});

describe("fosteringCapacity and realUnitCosts", () => {
  it("sums in-house fostering and labels the definition of the year", () => {
    const rows = [r("805", 2025, "foster_places_approved", {}, 100), r("806", 2025, "foster_places_approved", {}, 50)];
    expect(fosteringCapacity(rows, { kind: "las", codes: ["805", "806"] })).toEqual([{ year: 2025, measure: "foster_places_approved", value: 150, members: 2, membersWithData: 2, definition: fosteringDefinition(2025) }]);
    expect(fosteringDefinition(2019)).toMatch(/includes family and friends/);
  });
  it("deflates by the financial-year CPI and weights a footprint's members by children", () => {
    const rows = [
      r("E", 2024, "cpi_index", {}, 100, "Financial year"), r("E", 2025, "cpi_index", {}, 110, "Financial year"),
      r("805", 2024, "s251_weekly_unit_cost", { spend_category: "fostering" }, 500, "Financial year"),
      r("806", 2024, "s251_weekly_unit_cost", { spend_category: "fostering" }, 800, "Financial year"),
      r("805", 2024, "cla_31_march", { placement_type: "foster", age_band: "total" }, 300),
      r("806", 2024, "cla_31_march", { placement_type: "foster", age_band: "total" }, 100),
    ];
    const one = realUnitCosts(rows, { kind: "las", codes: ["805"] }, { baseYear: 2025 }).find((c) => c.category === "fostering")!;
    expect([one.nominal, one.real, one.basis]).toEqual([500, 550, "published"]);
    const two = realUnitCosts(rows, { kind: "las", codes: ["805", "806"] }, { baseYear: 2025 }).find((c) => c.category === "fostering")!;
    expect([two.nominal, two.real, two.basis]).toEqual([575, 632.5, "estimate"]);
  });
});

import { describe, expect, it } from "vitest";
import { MarketData } from "../../src/market/market-data";
import { englandArea, footprintArea, laArea, marketAreas, regionArea } from "../../src/market/market-area";
import { supplyTable, placesOf } from "../../src/market/supply-table";
import { SupplyModel } from "../../src/market/supply-projection";
import { quantileThrough, type DemandForecast } from "../../src/market/demand-forecast";
import { marketAnalysis } from "../../src/market/market-analysis";
import { marketScenario } from "../../src/market/market-scenario";
import { areaFlows } from "../../src/market/area-flows";
import { concentrationTable } from "../../src/market/concentration";
import { stressTest, matchOwners } from "../../src/market/stress-test";
import { childrensHomeOccupancy } from "../../src/market/occupancy";
import { GM_FOUR, marketFixture } from "./market-fixture";

const rows = marketFixture();
const data = new MarketData(rows);
const gm = footprintArea(GM_FOUR);

/** A demand forecast that grows 3% a year from 2025 with a ±10% 80% interval. */
function demandFor(scopes: ReturnType<typeof laArea>[]): DemandForecast {
  const cells: DemandForecast["cells"] = [];
  for (const scope of scopes) {
    for (const group of ["foster", "secure_and_childrens_homes", "supported_accommodation_group", "residential_schools", "other_residential_group", "with_parents_group", "placed_for_adoption_group", "other_placements"]) {
      let base = 0;
      for (const la of scope.kind === "england" ? ["352", "355", "350", "359", "805"] : scope.footprint.members) {
        const code = la.length === 3 ? la : (la === "E08000003" ? "352" : la === "E08000006" ? "355" : la === "E08000001" ? "350" : la === "E08000010" ? "359" : la === "E06000001" ? "805" : "");
        base += data.la("cla_31_march", code, 2025, { placement_type: group, age_band: "total" }).value ?? 0;
      }
      for (let h = 1; h <= 3; h++) {
        const mean = base * Math.pow(1.03, h);
        cells.push({ scopeCode: scope.code, year: 2025 + h, placementType: group, mean, quantile: quantileThrough([{ p: 0.1, q: mean * 0.9 }, { p: 0.5, q: mean }, { p: 0.9, q: mean * 1.1 }]) });
      }
    }
  }
  return { source: "test", cells };
}

describe("market scopes and supply as data", () => {
  it("parses scopes", () => {
    expect(marketAreas("england,region:E12000002,la:352", { year: 2025 }).map((s) => s.code)).toEqual(["E92000001", "E12000002", "352"]);
    expect(() => marketAreas("footprint:X", { year: 2025 })).toThrow(/Unknown footprint/);
    expect(gm.regions).toEqual(["E12000002"]);
  });

  it("sums the register over a footprint's members by type and sector", () => {
    const s = supplyTable(data, [gm]).filter((r) => r.year === 2025);
    const home = s.find((r) => r.provision_code === "childrens_home" && r.sector_code === "private")!;
    // Alpha 40+36 + 16+18 + 8; Beta 20 + 12; Delta 12+9
    expect(home.places).toBe(76 + 34 + 8 + 20 + 12 + 21);
    expect(home.provision_type).toBe("Children's home");
    const ifa = s.find((r) => r.provision_code === "ifa")!;
    expect(ifa.places).toBeNull();
    expect(ifa.places_status).toBe("not_applicable");
    expect(ifa.providers).toBe(8);
    expect(placesOf(data, gm, 2025, ["secure_childrens_home"])).toBe(10);
  });
});

describe("supply projection", () => {
  it("sums LA paths so a footprint equals the sum of its members, draw by draw", () => {
    const model = new SupplyModel(data, { origin: 2025, horizon: 3, samples: 50, seed: 1 });
    const total = model.scopeSamples(gm, ["childrens_home"], 2);
    const parts = GM_FOUR.members.map((m) => model.scopeSamples(laArea(m), ["childrens_home"], 2));
    for (let k = 0; k < 50; k++) expect(total[k]).toBeCloseTo(parts.reduce((a, p) => a + p[k], 0), 3);
  });
  it("is reproducible with the same seed", () => {
    const a = new SupplyModel(data, { origin: 2025, horizon: 2, samples: 20, seed: 7 }).scopeSamples(gm, ["childrens_home"], 2);
    const b = new SupplyModel(data, { origin: 2025, horizon: 2, samples: 20, seed: 7 }).scopeSamples(gm, ["childrens_home"], 2);
    expect([...a]).toEqual([...b]);
  });
});

describe("flows", () => {
  it("are exact for one LA and bounds for a group", () => {
    const one = areaFlows(data.flowRows, laArea("352")).find((f) => f.year === 2022)!;
    expect(one.exports_low).toBe(one.exports_high);
    expect(one.imports_low).toBe(one.imports_high);
    const group = areaFlows(data.flowRows, gm).find((f) => f.year === 2022)!;
    expect(group.exports_low!).toBeLessThan(group.exports_high!);
    expect(group.children_living_in_area).toBe(group.own_children! + group.net_gain!);
    expect(group.share_own_low!).toBeLessThanOrEqual(group.share_own_high!);
    expect(group.members_complete).toBe(4);
  });
});

describe("concentration and stress", () => {
  it("computes HHI on recorded owners from 2018", () => {
    const c = concentrationTable(data, [laArea("350")]).filter((r) => r.market === "childrens_homes");
    expect(c[0].year).toBe(2018);
    // Bolton: Beta 12, Bolton Council 8 -> shares 60/40 -> HHI 5200.
    expect(c.at(-1)!.hhi).toBeCloseTo(5200, 6);
    expect(c.at(-1)!.band).toBe("highly concentrated");
  });
  it("stress-tests an owner's exit", () => {
    expect(matchOwners(["Alpha Care Ltd", "Beta Homes Ltd"], "alpha")).toEqual(["Alpha Care Ltd"]);
    const occ = childrensHomeOccupancy(data, 2025)!;
    expect(occ.rate).toBeGreaterThan(0);
    const rows = stressTest(data, gm, ["Alpha Care Ltd"], 2025, occ);
    const scopeRow = rows.find((r) => r.scope_code === "GM4" && r.provision_type === "Children's home")!;
    expect(scopeRow.places_lost).toBe(76 + 34 + 8);
    expect(scopeRow.homes_lost).toBe(16);
    expect(scopeRow.children_affected).toBeCloseTo(118 * occ.rate, 6);
    expect(rows.some((r) => r.scope_code === "352")).toBe(true);
  });
});

describe("marketAnalysis", () => {
  const scopes = [englandArea(), regionArea("E12000002"), gm, laArea("352")];
  const scenario = marketScenario(JSON.stringify({ name: "more fostering", changes: [{ target: "demand", placement: "secure_and_childrens_homes", multiply: 0.8, moveTo: "foster" }] }));
  const result = marketAnalysis(rows, { scopes, demand: demandFor(scopes), samples: 400, seed: 3, scenarios: [scenario], horizon: 3, backtest: false });

  it("gives a gap per scope, year and type with a probability and places needed", () => {
    const g = result.gap.filter((r) => r.scope_code === "GM4" && r.scenario === "base" && r.placement_type === "childrens_homes");
    expect(g.map((r) => r.year)).toEqual([2025, 2026, 2027, 2028]);
    for (const r of g) {
      expect(r.prob_shortfall).toBeGreaterThanOrEqual(0);
      expect(r.prob_shortfall).toBeLessThanOrEqual(1);
      expect(r.expected_shortfall).toBeGreaterThanOrEqual(0);
      expect(r.places_needed).toBeGreaterThanOrEqual(0);
    }
    // 2025 is observed: demand is the children in homes, no uncertainty.
    expect(g[0].demand_mean).toBe(150 + 60 + 55 + 50);
    expect(g[0].note).toMatch(/observed/);
  });

  it("runs scenarios with common random numbers", () => {
    const base = result.gap.find((r) => r.scope_code === "GM4" && r.scenario === "base" && r.placement_type === "childrens_homes" && r.year === 2027)!;
    const more = result.gap.find((r) => r.scope_code === "GM4" && r.scenario === "more fostering" && r.placement_type === "childrens_homes" && r.year === 2027)!;
    expect(more.demand_mean!).toBeCloseTo(base.demand_mean! * 0.8, 6);
    expect(more.supply_mean).toBeCloseTo(base.supply_mean!, 9);
    const diff = result.scenarioComparison.find((r) => r.scope_code === "GM4" && r.year === 2027 && r.placement_type === "childrens_homes" && r.measure === "expected_shortfall")!;
    expect(diff.difference!).toBeLessThanOrEqual(0);
    expect(diff.difference_se).not.toBeNull();
  });

  it("costs the forecast and labels each default weekly cost with its source", () => {
    const prices = result.groupCosts.GM4;
    const withParents = prices.find((p) => p.placementGroup === "with_parents_group")!;
    const supported = prices.find((p) => p.placementGroup === "supported_accommodation_group")!;
    expect(withParents.weekly).toBe(0);
    expect(supported.weekly).toBeGreaterThan(0);
    expect(withParents.weekly).not.toBe(supported.weekly);
    expect(supported.source).toMatch(/proxy/);
    expect(result.costs.some((c) => c.scope_code === "GM4" && c.measure === "forecast_cost" && c.scenario === "more fostering")).toBe(true);
  });

  it("ranks providers at risk and counts foster carers needed", () => {
    const risk = result.providersAtRisk.filter((r) => r.scope_code === "GM4");
    expect(risk[0].owner).toBe("Alpha Care Ltd");
    expect(risk[0].criteria).toMatch(/share/);
    const carers = result.fosterCarers.filter((r) => r.scope_code === "GM4" && r.scenario === "base");
    expect(carers).toHaveLength(3);
    expect(carers[0].recruitment_needed).toBeGreaterThan(0);
  });
});

// The whole comparison on a synthetic dataset where the right answer is known (the market
// fixture's four Greater Manchester LAs, with flows replaced): Manchester and Salford place
// 100 children each in the other, within 20 miles; Bolton and Wigan place nobody outside.
// A design that keeps Manchester with Salford must keep more children inside its footprints,
// and rank above a design that splits them on keeping children close.
import { beforeAll, describe, expect, it } from "vitest";
import type { DatasetRow } from "../../src/spec/dataset";
import { findLa } from "../../src/reference/las";
import { hhi } from "../../src/stats/hhi";
import { compareFootprints, type FootprintComparison } from "../../src/footprints/compare";
import type { Candidate } from "../../src/footprints/candidates";
import { marketFixture } from "../market/market-fixture";

const FLOWS = new Set(["placed_outside_la", "cla_placed_in_la_by_other_las", "cla_net_gain", "cla_31_march_by_location"]);
const TRADE: Record<string, number> = { "352": 100, "355": 100, "350": 0, "359": 0, "805": 0 };

function row(oldCode: string, year: number, measure: string, dims: DatasetRow["dims"], value: number): DatasetRow {
  const la = findLa(oldCode)!;
  return { time_period: String(year), time_identifier: "Reporting year", geographic_level: "Local authority", country_code: "E92000001", country_name: "England", region_code: la.regionCode, region_name: la.regionName, old_la_code: la.oldCode, new_la_code: la.newCode, la_name: la.name, measure, dims, value, value_status: "ok" };
}

const fp = (code: string, olds: string[]) => ({ code, name: code, members: olds.map((o) => findLa(o)!.newCode) });
const candidates: Candidate[] = [
  { name: "keep", source: "test", footprints: [fp("MS", ["352", "355"]), fp("BW", ["350", "359"])] },
  { name: "split", source: "test", footprints: [fp("MB", ["352", "350"]), fp("SW", ["355", "359"])] },
];

let result: FootprintComparison;
const value = (candidate: string, code: string, metric: string) => result.metrics.find((m) => m.candidate === candidate && m.footprint_code === code && m.metric === metric)!;

beforeAll(() => {
  const rows = marketFixture().filter((r) => !FLOWS.has(r.measure));
  for (const la of Object.keys(TRADE)) for (let year = 2018; year <= 2022; year++) {
    rows.push(row(la, year, "placed_outside_la", { placement_type: "total" }, TRADE[la]));
    rows.push(row(la, year, "cla_placed_in_la_by_other_las", {}, TRADE[la]));
    rows.push(row(la, year, "cla_net_gain", {}, 0));
    rows.push(row(la, year, "cla_31_march_by_location", { locality: "outside_la", distance: "20_miles_or_less" }, TRADE[la]));
    rows.push(row(la, year, "cla_31_march_by_location", { locality: "outside_la", distance: "total" }, TRADE[la]));
  }
  result = compareFootprints(rows, candidates, { beds: 4, draws: 2000, horizon: 2, origins: 3 });
}, 120_000);

describe("footprint comparison on a synthetic map", () => {
  it("keeps every child inside when the trading pair shares a footprint", () => {
    expect(value("keep", "MS", "own_children_placed_inside_share").value).toBe(1);
    expect(value("keep", "BW", "own_children_placed_inside_share").value).toBe(1);
    expect(value("keep", "MS", "placed_outside_footprint").value).toBe(0);
  });

  it("scores the design that splits the pair worse on self-sufficiency and ranks it lower there", () => {
    const split = value("split", "MB", "own_children_placed_inside_share");
    expect(split.value!).toBeLessThan(1);
    expect(split.upper!).toBeLessThan(1); // Bolton takes nobody in: Manchester's 100 must leave.
    expect(value("split", "MB", "placed_outside_footprint").value).toBe(100);
    const keep = result.candidateRows.find((r) => r.candidate === "keep")!;
    const other = result.candidateRows.find((r) => r.candidate === "split")!;
    expect(keep.figures.own_children_placed_inside_share.value!).toBeGreaterThan(other.figures.own_children_placed_inside_share.value!);
    expect(keep.ranks.close).toBe(1);
    expect(other.ranks.close).toBe(2);
    expect(keep.reasons).toMatch(/100% of own children placed inside/);
  });

  it("measures size and market power from the fixture's known figures", () => {
    expect(value("keep", "MS", "las").value).toBe(2);
    const children = marketFixture().filter((r) => r.measure === "cla_31_march" && r.time_period === "2025" && r.dims.placement_type === "total" && (r.old_la_code === "352" || r.old_la_code === "355")).reduce((a, r) => a + r.value!, 0);
    expect(value("keep", "MS", "children").value).toBe(children);
    // Children's home places at 2025 (2016 + 9 years of change) by owner in Manchester and Salford.
    const places = { alpha: 40 + 36 + 16 + 18, beta: 20, manchester: 24 - 9, salford: 10, delta: 12 + 9 };
    expect(value("keep", "MS", "hhi").value).toBeCloseTo(hhi(Object.values(places)), 6);
    // Alpha Care also holds places in Wigan, which belongs to the other candidate's footprint SW.
    expect(value("keep", "MS", "large_providers_elsewhere").value).toBeGreaterThanOrEqual(1);
  });

  it("gives forecastability, specialist demand and void risk for every footprint, with intervals", () => {
    for (const c of candidates) for (const f of c.footprints) {
      for (const m of ["forecast_mase", "forecast_coverage_80", "specialist_demand", "void_empty_beds", "void_turn_away_prob", "places_per_own_child"]) expect(value(c.name, f.code, m).value, `${f.code} ${m}`).not.toBeNull();
      const cov = value(c.name, f.code, "forecast_coverage_80");
      expect(cov.lower!).toBeLessThanOrEqual(cov.value!);
      const empty = value(c.name, f.code, "void_empty_beds");
      expect(empty.value!).toBeGreaterThanOrEqual(0);
      expect(empty.value!).toBeLessThanOrEqual(4);
    }
    expect(result.uncertain.some((u) => /What|bounds/.test(u))).toBe(true);
  });
});

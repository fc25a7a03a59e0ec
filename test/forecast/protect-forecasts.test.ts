// Issue 14: forecasts under the same rules as the tables. A group's forecast is its latest
// figure carried forward, so the forecast of a suppressed cell must not be published, nor
// enough of the others that the forecasts' own sums (groups to total, LAs to region and
// England) give it back. An exact attacker (BigInt elimination) checks the sums.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { forecastDataset } from "../../src/forecast/forecast-dataset";
import { protectForecasts } from "../../src/forecast/protect-forecasts";
import type { DatasetRow } from "../../src/spec/dataset";
import { ExactAttacker } from "../helpers/exact-attacker";
import { laRow } from "../aggregate/la-row";

const ROOTS = ["foster", "secure_and_childrens_homes", "supported_accommodation_group", "residential_schools", "other_residential_group", "with_parents_group", "placed_for_adoption_group", "other_placements"];
const LAS = ["E06000001", "E06000002", "E06000003", "E06000004"];

function dataset(groups: number[][]): DatasetRow[] {
  const rows: DatasetRow[] = [];
  for (let y = 2017; y <= 2025; y++) LAS.forEach((la, i) => {
    const v = groups[i]!.map((g) => g + (g >= 5 ? y - 2017 : 0));
    ROOTS.forEach((g, j) => rows.push({ ...laRow(la, String(y), "cla_31_march", { placement_type: g, age_band: "total" }, v[j]!), source: "template-xlsx" }));
    rows.push({ ...laRow(la, String(y), "cla_31_march", { placement_type: "total", age_band: "total" }, v.reduce((a, b) => a + b, 0)), source: "template-xlsx" });
    rows.push(laRow(la, String(y), "population_0_17", {}, 20000 + 1000 * i));
  });
  return rows;
}

describe("forecasts for publication (issue 14)", () => {
  it("never show the forecast of a suppressed or small cell, and the sums of the others do not give it back", () => {
    const group = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 }));
    fc.assert(fc.property(fc.array(fc.array(group, { minLength: 8, maxLength: 8 }), { minLength: 4, maxLength: 4 }), (groups) => {
      const rows = dataset(groups);
      const result = forecastDataset(rows, { measure: "cla_31_march", by: ["placement_type"], horizon: 1 });
      const forecasts = result.rows;
      const control = protectForecasts(forecasts, rows, { k: 5 });
      // Without protection the small groups' forecasts are out (the control: 3 -> about 3).
      const small = forecasts.filter((r) => r.geographic_level === "Local authority" && r.dims.placement_type !== "total" && groups[LAS.indexOf(r.new_la_code)]![ROOTS.indexOf(r.dims.placement_type!)]! < 5);
      expect(small.length).toBeGreaterThan(0);
      for (const r of small) expect(control.hidden[forecasts.indexOf(r)], `${r.la_name} ${r.dims.placement_type} ${r.mean}`).toBe(true);
      // The attacker: published forecasts, plus the sums they obey.
      const attacker = new ExactAttacker();
      const key = (r: (typeof forecasts)[number]) => `${r.geographic_level}|${r.region_code}|${r.old_la_code}|${r.dims.placement_type}`;
      forecasts.forEach((r, i) => { if (!control.hidden[i]) attacker.learn(new Map([[key(r), 1n]]), BigInt(Math.round(r.mean * 1000))); });
      const byGeo = new Map<string, typeof forecasts>();
      for (const r of forecasts) { const g = `${r.geographic_level}|${r.region_code}|${r.old_la_code}`; byGeo.set(g, [...(byGeo.get(g) ?? []), r]); }
      for (const list of byGeo.values()) {
        const total = list.find((r) => r.dims.placement_type === "total")!;
        attacker.learn(new Map([[key(total), 1n], ...list.filter((r) => r !== total).map((r) => [key(r), -1n] as [string, bigint])]));
      }
      for (const level of ["Regional", "National"]) for (const g of [...ROOTS, "total"]) {
        const agg = forecasts.find((r) => r.geographic_level === level && r.dims.placement_type === g);
        if (!agg) continue;
        attacker.learn(new Map([[key(agg), 1n], ...forecasts.filter((r) => r.geographic_level === "Local authority" && r.dims.placement_type === g).map((r) => [key(r), -1n] as [string, bigint])]));
      }
      for (const r of small) expect(attacker.determines(new Map([[key(r), 1n]])), `${r.la_name} ${r.dims.placement_type}`).toBe(false);
    }), { numRuns: 20, seed: 14 });
  }, 60_000);
});

// A small synthetic scope (rows shaped like the ingested dataset) for report tests.
import type { DatasetRow, DimensionColumn } from "../../src/spec/dataset";
import type { ReportInput, ReportMarket } from "../../src/report/report-input";
import { MarketContext } from "../../src/market/market-analysis";
import { laArea } from "../../src/market/market-area";
import { quantileThrough } from "../../src/market/demand-forecast";
import { marketFixture } from "../market/market-fixture";

/** The market analysis of Hartlepool on the market fixture, with the report fixture's placement forecasts as demand. */
export function reportMarket(byPlacement: NonNullable<ReportInput["forecast"]>["byPlacement"]): ReportMarket {
  const ctx = new MarketContext(marketFixture(), { demand: null, horizon: 3, samples: 200, backtest: false });
  const cells = Object.entries(byPlacement).flatMap(([code, pts]) => pts.map((p) => ({ scopeCode: "805", year: p.year, placementType: code, mean: p.mean, quantile: quantileThrough([{ p: 0.5, q: p.mean }, { p: 0.1, q: p.lo80! }, { p: 0.9, q: p.hi80! }]) })));
  return { scope: ctx.scope(laArea("805"), cells), origin: ctx.origin, years: ctx.years, assurance: ctx.assurance, samples: ctx.samples, occupancy: ctx.occupancy, backtest: null, references: ctx.references, scenarios: [], demandSource: "test" };
}
import type { SupplyPanelRow } from "../../src/market/supply-panel";

export function row(measure: string, dims: Partial<Record<DimensionColumn, string>>, year: number, value: number | null, status: DatasetRow["value_status"] = value === null ? "suppressed" : "ok"): DatasetRow {
  return {
    time_period: String(year), time_identifier: "Reporting year", geographic_level: "Local authority", country_code: "E92000001", country_name: "England",
    region_code: "E12000001", region_name: "North East", old_la_code: "805", new_la_code: "E06000001", la_name: "Hartlepool", measure, dims, value, value_status: status,
  };
}

export function scopeRows(scale = 1): DatasetRow[] {
  const rows: DatasetRow[] = [];
  for (let y = 2011; y <= 2025; y++) {
    rows.push(row("cla_31_march", { placement_type: "total", age_band: "total" }, y, Math.round(scale * (200 + 8 * (y - 2011)))));
    rows.push(row("population_0_17", {}, y, Math.round(scale * 20000)));
  }
  const groups: Array<[string, number | null]> = [["foster", 200], ["secure_and_childrens_homes", 30], ["supported_accommodation_group", 12], ["residential_schools", null], ["other_residential_group", 0], ["with_parents_group", 40], ["placed_for_adoption_group", 20], ["other_placements", 10]];
  for (let y = 2021; y <= 2025; y++) {
    for (const [g, v] of groups) rows.push(row("cla_31_march", { placement_type: g, age_band: "total" }, y, v === null ? null : Math.round(scale * v * (1 + 0.02 * (y - 2021)))));
    for (const [a, v] of [["under_1", 20], ["1_to_4", 50], ["5_to_9", 60], ["10_to_15", 130], ["16_plus", 52]] as const) rows.push(row("cla_31_march", { placement_type: "total", age_band: a }, y, Math.round(scale * v)));
    for (const [n, v] of [["N1", 200], ["N2", 10], ["N3", 8], ["N4", 30], ["N5", 40], ["N6", 6], ["N7", null], ["N8", 12]] as const) rows.push(row("cla_31_march_by_need", { category_of_need: n }, y, v === null ? null : Math.round(scale * v)));
    rows.push(row("starts_in_year", { age_band: "total" }, y, Math.round(scale * 120)));
    rows.push(row("ceases_in_year", { age_band: "total" }, y, Math.round(scale * 110)));
    rows.push(row("placed_outside_la", { placement_type: "total" }, y, Math.round(scale * 90)));
    rows.push(row("placed_over_20_miles", { placement_type: "total" }, y, Math.round(scale * 40)));
    rows.push(row("cla_31_march_uasc", { age_band: "total" }, y, Math.round(scale * 15)));
  }
  for (const [c, v] of [["total", 30000], ["residential_care", 14000], ["fostering", 9000], ["uasc_services", 1000], ["other_spend", 6000]] as const) rows.push(row("spend", { spend_category: c }, 2025, v * scale));
  return rows;
}

/** Register rows as supplyPanel returns them: the owner leaf and the totals over owner. */
function supplyRows(provisionType: string, sector: string, owner: string, providers: number, places: number | null): SupplyPanelRow[] {
  const row = (o: string, t: string, s: string): SupplyPanelRow => ({ year: 2023, timeIdentifier: "Reporting year", provisionType: t, sector: s, owner: o, providers, places, providersRebuilt: null, placesRebuilt: null, members: 1, membersWithData: 1 });
  return [row(owner, provisionType, sector), row("total", provisionType, sector), row("total", provisionType, "total")];
}

export function reportInput(): ReportInput {
  const input: ReportInput = {
    scope: { kind: "la", code: "E06000001", name: "Hartlepool" },
    year: 2025,
    horizon: 3,
    rows: scopeRows(),
    comparators: [
      { name: "England", kind: "england", rows: scopeRows(300) },
      { name: "North East", kind: "region", rows: scopeRows(12) },
      { name: "Halton", kind: "neighbour", rows: scopeRows(0.9) },
    ],
    supply: {
      year: 2023,
      rebuilt: false,
      rows: [
        ...supplyRows("childrens_home", "private", "Group A", 2, 10),
        ...supplyRows("childrens_home", "la", "Hartlepool Borough Council", 1, 5),
        ...supplyRows("secure_childrens_home", "la", "Another Council", 1, 8),
        ...supplyRows("ifa", "private", "IFA Ltd", 1, null),
      ],
    },
    forecast: {
      model: "pooled-rate",
      intervals: "Intervals are calibrated from rolling-origin forecast errors.",
      total: [2026, 2027, 2028].map((y, i) => ({ year: y, mean: 320 + 8 * i, lo80: 300 - 5 * i, hi80: 340 + 20 * i, lo95: 290 - 10 * i, hi95: 350 + 30 * i })),
      backtest: [1, 2, 3].map((h) => ({ horizon: h, origins: 6, mase: 0.8 + 0.1 * h, smape: 4 + h, coverage80: 0.8, coverage95: 0.95, naiveMase: 1 + 0.1 * h })),
      byPlacement: { foster: [2026, 2027, 2028].map((y) => ({ year: y, mean: 220, lo80: 200, hi80: 240, lo95: 190, hi95: 250 })), secure_and_childrens_homes: [2026, 2027, 2028].map((y) => ({ year: y, mean: 36, lo80: 30, hi80: 40, lo95: 28, hi95: 44 })) },
      reconciliation: "MinT with shrinkage, scaled to the total",
      evaluation: {
        origins: ["2019", "2020", "2021"],
        own: { series: 1, forecasts: 6, mase: 0.9, naiveMase: 1.1, coverage80: 5 / 6, coverage95: 1, inside80: 5, inside95: 6 },
        layer: { series: 153, forecasts: 918, mase: 0.95, naiveMase: 1.05, coverage80: 0.79, coverage95: 0.94, inside80: 725, inside95: 863 },
        layerName: "all 153 local authorities",
        placement: null,
        age: null,
      },
    },
    coverage: [{ year: 2025, measure: "cla_31_march", expected: 1, present: 1, missing: [], suppressed: [] }],
    members: ["Hartlepool"],
    generated: "2026-01-01",
  };
  input.market = reportMarket(input.forecast!.byPlacement);
  return input;
}

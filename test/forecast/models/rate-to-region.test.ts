import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ForecastPlan, Series } from "../../../src/spec/forecast";
import { findLa } from "../../../src/reference/las";
import { fitRateToRegion, rateToRegion } from "../../../src/forecast/models/rate-to-region";
import { readSeriesCsv } from "../../../src/forecast/series-io";
import { evaluate } from "../../../src/forecast/evaluate";
import { naive } from "../../../src/forecast/models/naive";

const years = Array.from({ length: 10 }, (_, t) => String(2016 + t));

describe("rate-to-region", () => {
  it("forecasts a flat series flat (JSDoc example)", () => {
    expect(rateToRegion().forecastMany([{ id: "a", periods: ["2023", "2024", "2025"], values: Float64Array.of(10, 10, 10), frequency: 1 }], { horizon: 1, levels: [] })[0]!.mean).toBeCloseTo(10, 9);
    expect(fitRateToRegion([{ id: "a", periods: ["2024", "2025"], values: Float64Array.of(10, 10), frequency: 1 }], { horizon: 1, levels: [] }).table[0]!.mean).toBeCloseTo(10, 9);
  });

  it("learns each region's drift and the pull toward the region's rate", () => {
    // Region R1 grows 5% a year, R2 is flat; in each, a low-rate LA closes a fifth of its gap a year.
    const series: Series[] = [];
    const population: Record<string, Float64Array> = {};
    const groups: Record<string, string> = {};
    for (const [region, growth] of [["R1", 0.05], ["R2", 0]] as const) {
      for (let i = 0; i < 8; i++) {
        const id = `${region}-${i}`;
        let gap = i === 0 ? -0.5 : 0.5 / 7; // one LA far below, the others a little above: the region's rate stays near 1
        series.push({ id, periods: years, values: Float64Array.from(years, (_, t) => { const v = Math.round(1000 * Math.exp(growth * t + gap)); gap *= 0.8; return v; }), frequency: 1 });
        population[id] = new Float64Array(years.length).fill(100_000);
        groups[id] = region;
      }
    }
    const { coefficients, table } = fitRateToRegion(series, { horizon: 2, levels: [80], covariates: { population, groups } });
    expect(coefficients.drift[0]!.R1!).toBeGreaterThan(0.03);
    expect(Math.abs(coefficients.drift[0]!.R2!)).toBeLessThan(0.02);
    expect(coefficients.pull[0]).toBeGreaterThan(0.05);
    expect(coefficients.pull[1]).toBeGreaterThan(coefficients.pull[0]!);
    const low = table.filter((r) => r.series_id === "R2-0");
    expect(low[1]!.mean).toBeGreaterThan(low[0]!.mean); // pulled up toward its flat region
    for (const r of table) expect(r.lower[80]).toBeLessThanOrEqual(r.mean);
  });

  it("beats the no-change forecast on the published LA totals with ONS population, origins 2017-2022, with calibrated 80% intervals", () => {
    const raw = readSeriesCsv(readFileSync("test/fixtures/la-cla-totals-long/input.csv", "utf8")).series;
    const grid = [...new Set(raw.flatMap((s) => s.periods))].sort();
    const series = raw.map((s) => ({ ...s, periods: grid, values: Float64Array.from(grid, (p) => { const i = s.periods.indexOf(p); return i < 0 ? NaN : s.values[i]!; }) }));
    const byPeriod: Record<string, Record<string, number>> = {};
    for (const r of parse(readFileSync("data/published/ons/ons_mid-year_population_estimates_2012_to_2024.csv"), { columns: true }) as Array<Record<string, string>>) {
      const la = r.geographic_level === "Local authority" ? findLa(r.new_la_code!) ?? findLa(r.old_la_code!) : undefined;
      if (la) (byPeriod[la.newCode] ??= {})[String(Number(r.time_period) + 1)] = Number(r.population_estimate);
    }
    const population = Object.fromEntries(series.map((s) => [s.id, Float64Array.from(grid, (p) => byPeriod[s.id]?.[p] ?? NaN)]));
    const plan = (model: ForecastPlan["model"]): ForecastPlan => ({ panel: { series, aligned: true, covariates: { population } }, model, calibration: { method: "conformal", origins: "all" }, levels: [80, 95] });
    const origins = ["2017", "2018", "2019", "2020", "2021", "2022"];
    const model = evaluate(plan(rateToRegion()), { origins, horizon: 3 }).accuracy.at(-1)!;
    const base = evaluate(plan(naive), { origins, horizon: 3 }).accuracy.at(-1)!;
    expect(model.mase).toBeLessThan(0.95 * base.mase);
    expect(model.intervals[80]!.coverage).toBeGreaterThan(0.77);
    expect(model.intervals[80]!.coverage).toBeLessThan(0.85);
    expect(model.intervals[95]!.coverage).toBeGreaterThan(0.93);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ForecastPlan, Series } from "../../../src/spec/forecast";
import { fitPooledRate, nextPeriod, pooledRate } from "../../../src/forecast/models/pooled-rate";
import { naive } from "../../../src/forecast/models/naive";
import { readSeriesCsv } from "../../../src/forecast/series-io";
import { evaluate } from "../../../src/forecast/evaluate";

/** The published LA totals 2011-2025 as the long CSV `suff forecast` reads (series_id,period,value). */
function laTotals(): Series[] {
  const file = "test/fixtures/la-cla-totals-long/input.csv";
  return readSeriesCsv(readFileSync(file, "utf8"), { file }).series;
}

function panel(trend: number, count = 12, length = 10): Series[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    periods: Array.from({ length }, (_, t) => String(2010 + t)),
    values: Float64Array.from({ length }, (_, t) => (50 + 10 * i) * Math.exp(trend * t) * (1 + 0.02 * Math.sin(3 * i + t))),
    frequency: 1,
  }));
}

describe("pooled-rate", () => {
  it("forecasts a flat series flat (JSDoc example)", () => {
    const rows = pooledRate().forecastMany([{ id: "a", periods: ["2020", "2021", "2022", "2023"], values: Float64Array.of(10, 10, 10, 10), frequency: 1 }], { horizon: 1, levels: [80] });
    expect(rows[0].mean).toBeCloseTo(10, 10);
    expect(rows[0].period).toBe("2024");
  });

  it("labels the next period for every frequency", () => {
    expect(nextPeriod("2025")).toBe("2026");
    expect(nextPeriod("2024-Q4")).toBe("2025-Q1");
    expect(nextPeriod("2024-12")).toBe("2025-01");
    expect(() => nextPeriod("week 3")).toThrow();
    expect(fitPooledRate([{ id: "a", periods: ["2020", "2021", "2022", "2023"], values: Float64Array.of(5, 5, 5, 5), frequency: 1 }], {}, 2, [95]).table.map((r) => r.period)).toEqual(["2024", "2025"]);
  });

  it("learns a shared growth trend across the panel; intervals are left to the plan's calibration", () => {
    const { table, parameters } = fitPooledRate(panel(0.05), {}, 3, [80, 95]);
    expect(parameters.localWeight + parameters.peerWeight + parameters.nationalWeight).toBeGreaterThan(0.5);
    const s0 = table.filter((r) => r.series_id === "s0");
    expect(s0[2].mean).toBeGreaterThan(s0[0].mean);
    for (const r of table) expect(r.lower[80]).toBeNaN();
  });

  it("multiplies the rate back by the population path", () => {
    const series: Series[] = [{ id: "a", periods: ["2020", "2021", "2022", "2023"], values: Float64Array.of(100, 100, 100, 100), frequency: 1 }];
    const population = { a: { "2020": 10000, "2021": 10000, "2022": 10000, "2023": 10000 } };
    const flat = pooledRate({ population }).forecastMany(series, { horizon: 1, levels: [80] })[0].mean;
    const grown = pooledRate({ population, populationProjection: { a: { "2024": 12000 } } }).forecastMany(series, { horizon: 1, levels: [80] })[0].mean;
    expect(flat).toBeCloseTo(100, 6);
    expect(grown).toBeCloseTo(101 * 1.2 - 1, 6);
  });

  it("beats naive on the published LA totals in a rolling-origin backtest (origins 2017-2022, h = 1-3)", () => {
    const raw = laTotals();
    const grid = [...new Set(raw.flatMap((s) => s.periods))].sort();
    const series = raw.map((s) => ({ ...s, periods: grid, values: Float64Array.from(grid, (p) => { const i = s.periods.indexOf(p); return i < 0 ? NaN : s.values[i]!; }) }));
    const plan = (model: ForecastPlan["model"]): ForecastPlan => ({ panel: { series, aligned: true }, model, calibration: { method: "conformal", origins: "all" }, levels: [80, 95] });
    const origins = ["2017", "2018", "2019", "2020", "2021", "2022"];
    const pooled = evaluate(plan(pooledRate()), { origins, horizon: 3 }).accuracy.at(-1)!;
    const base = evaluate(plan(naive), { origins, horizon: 3 }).accuracy.at(-1)!;
    expect(pooled.n).toBe(base.n);
    expect(pooled.mase).toBeLessThan(base.mase);
    expect(pooled.intervals[80]!.coverage).toBeGreaterThan(0.75);
    expect(pooled.intervals[80]!.coverage).toBeLessThan(0.86);
  });
});

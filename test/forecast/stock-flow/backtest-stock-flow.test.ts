import { describe, expect, it } from "vitest";
import { backtestStockFlow } from "../../../src/forecast/stock-flow/backtest-stock-flow";
import { loadEpisodeTable } from "../../../src/ingest/ssda903/load-ssda903";
import { isoToDay } from "../../../src/spec/ssda903";
import { syntheticEpisodeTable } from "./synthetic-episode-table";

describe("backtestStockFlow", () => {
  it("backtests on the SSDA903 samples: observed stock, MASE and coverage for every group", () => {
    const { table } = loadEpisodeTable("test/fixtures/ssda903-samples/combined", { la: "202" });
    const result = backtestStockFlow(table, { origin: isoToDay("2020-03-31"), windowStart: isoToDay("2017-04-01"), horizonMonths: 12, method: "exact" });
    const total = result.accuracy.find((a) => a.placement === "total")!;
    expect(total.months).toBe(12);
    expect(Number.isFinite(total.mase)).toBe(true);
    expect(total.mase).toBeGreaterThan(0);
    for (const level of [80, 95]) expect(result.coverage[level]).toBeGreaterThanOrEqual(0);
    expect(result.coverage[95]).toBeGreaterThanOrEqual(result.coverage[80]);
    // Observed values are whole children; the first test month is one month after the origin.
    const first = result.rows.find((r) => r.placement === "total")!;
    expect(first.date).toBe(isoToDay("2020-04-30"));
    expect(Number.isInteger(first.observed)).toBe(true);
  });

  it("is well calibrated on a generated population in steady state", () => {
    const table = syntheticEpisodeTable({ seed: 21, las: 4, entriesPerYearPerLa: 200, firstYear: 2000, lastYear: 2021 });
    const result = backtestStockFlow(table, { origin: isoToDay("2019-03-31"), windowStart: isoToDay("2016-04-01"), horizonMonths: 24, method: "exact" });
    // Across the groups and months, 95% intervals should cover most observations.
    expect(result.coverage[95]).toBeGreaterThan(0.75);
    const total = result.accuracy.find((a) => a.placement === "total")!;
    expect(total.months).toBe(24);
  });

  it("throws when no observed month follows the origin", () => {
    const table = syntheticEpisodeTable({ seed: 1, lastYear: 2021 });
    expect(() => backtestStockFlow(table, { origin: isoToDay("2021-03-31"), windowStart: isoToDay("2019-04-01"), horizonMonths: 12 })).toThrow(/no observed month/);
  });
});

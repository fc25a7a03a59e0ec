/**
 * Backtest of the supply projection on the Ofsted history, as the demand forecasts are
 * backtested: at each origin year the model is refitted on the register up to that year
 * only (rates, England's year shocks, sizes), children's home places are projected 1..H
 * years ahead for England, the regions and every LA, and the projection is scored against
 * the places Ofsted registered, with the project's one scorer (forecast/accuracy.ts): MASE,
 * sMAPE, and the coverage of the 80% and 95% intervals, beside the no-change forecast
 * (places held flat, today's practice). Planned beds are left out (returns have no history).
 *
 * Reference: Hyndman & Athanasopoulos, FPP3 section 5.10 (time series cross-validation).
 */
import type { ForecastRow, ForecastTable, Series } from "../spec/forecast.ts";
import { accuracy, type AccuracyRow } from "../forecast/accuracy.ts";
import { REGIONS } from "../reference/regions.ts";
import { lasInYear } from "../reference/las.ts";
import type { MarketData } from "./market-data.ts";
import { englandArea, laArea, regionArea, type MarketArea } from "./market-area.ts";
import { CHILDRENS_HOME_PROVISION } from "./market-types.ts";
import { placesOf } from "./supply-table.ts";
import { SupplyModel, summarise } from "./supply-projection.ts";

export interface SupplyBacktestOptions {
  origins: number[];
  horizon: number;
  samples?: number;
  seed?: number;
  /** Scopes scored (default England, the regions and every LA of the last origin). */
  scopes?: MarketArea[];
}

export interface SupplyBacktestRow {
  model: string;
  horizon: number;
  forecasts: number;
  mase: number;
  smape: number;
  coverage80: number;
  coverage95: number;
}

export interface SupplyBacktestResult {
  table: ForecastTable;
  series: Series[];
  rows: SupplyBacktestRow[];
  /** Plain-language summary of what was scored. */
  description: string;
}

/**
 * Run the backtest.
 * @throws never (origins without data are skipped).
 * @example supplyBacktest(data, { origins: [2019, 2020, 2021], horizon: 3 }).rows
 */
export function supplyBacktest(data: MarketData, options: SupplyBacktestOptions): SupplyBacktestResult {
  const years = data.registerYears;
  const origins = options.origins.filter((o) => years.includes(o) && years.some((y) => y > o));
  const lastOrigin = origins.length ? Math.max(...origins) : years[years.length - 1] ?? 0;
  const scopes = options.scopes ?? [englandArea(), ...REGIONS.map((r) => regionArea(r.code)), ...lasInYear(lastOrigin).map((la) => laArea(la.oldCode))];
  const first = years[0] ?? 0, last = years[years.length - 1] ?? 0;
  const periods: string[] = [];
  for (let y = first; y <= last; y++) periods.push(String(y));
  const series: Series[] = scopes.map((scope) => ({
    id: scope.code, periods, frequency: 1,
    values: Float64Array.from(periods.map((p) => placesOf(data, scope, Number(p), CHILDRENS_HOME_PROVISION) ?? NaN)),
  }));
  const byId = new Map(series.map((s) => [s.id, s]));
  const table: ForecastRow[] = [];
  for (const origin of origins) {
    const model = new SupplyModel(data, { origin, horizon: options.horizon, samples: options.samples ?? 200, seed: options.seed, planned: false });
    for (const scope of scopes) {
      const s = byId.get(scope.code)!;
      const originIndex = origin - first;
      const start = s.values[originIndex];
      if (!Number.isFinite(start)) continue;
      for (let h = 1; h <= options.horizon; h++) {
        const actual = s.values[originIndex + h];
        if (actual === undefined || !Number.isFinite(actual)) continue;
        const sum = summarise(model.scopeSamples(scope, CHILDRENS_HOME_PROVISION, h));
        const period = String(origin + h);
        table.push({ series_id: scope.code, period, step: h, model: "rates", mean: sum.mean, lower: { 80: sum.lo80, 95: sum.lo95 }, upper: { 80: sum.hi80, 95: sum.hi95 }, actual, origin: originIndex });
        table.push({ series_id: scope.code, period, step: h, model: "naive", mean: start, lower: {}, upper: {}, actual, origin: originIndex });
      }
    }
  }
  const rows: SupplyBacktestRow[] = [];
  for (const model of ["rates", "naive"]) {
    const scored = accuracy(table.filter((r) => r.model === model), { series, levels: [80, 95], model });
    for (const a of scored.filter((x: AccuracyRow) => x.scope === "horizon")) {
      rows.push({ model, horizon: a.step!, forecasts: a.n, mase: a.mase, smape: a.smape, coverage80: a.intervals[80]?.coverage ?? NaN, coverage95: a.intervals[95]?.coverage ?? NaN });
    }
  }
  return {
    table, series, rows,
    description: `Children's home places (incl. secure and residential special schools registered as homes) of England, ${REGIONS.length} regions and ${scopes.length - REGIONS.length - 1} LAs, projected from origins ${origins.join(", ")} up to ${options.horizon} years ahead, scored against Ofsted's registered places.`,
  };
}

export const SUPPLY_BACKTEST_COLUMNS = ["model", "horizon", "forecasts", "mase", "smape", "coverage80", "coverage95"] as const;

/**
 * Tidy tables of a stock-flow run, ready for CSV: stock by date and state with intervals,
 * flows by quarter, the rates table, and backtest rows. Aggregate counts and rates only:
 * nothing here can carry a child identifier, a date of birth or any child-level row.
 *
 * Reference: Wickham (2014) "Tidy data"; EES tidy-data conventions (one row per
 * observation, one column per variable).
 */
import { dayToIso } from "../../spec/ssda903.ts";
import { markovTransition } from "../kernels/markov-transition.ts";
import type { BacktestResult } from "./backtest-stock-flow.ts";
import { DAYS_PER_MONTH } from "./calendar.ts";
import type { RateEstimate } from "./estimate-rates.ts";
import type { ObservedStock } from "./observed-stock.ts";
import type { StockFlowProjection } from "./project-stock-flow.ts";
import { NOT_LOOKED_AFTER } from "./state-space.ts";

export type Row = Record<string, string | number | null>;

export interface StockFlowTables {
  stock: { columns: string[]; rows: Row[] };
  flows: { columns: string[]; rows: Row[] };
  rates: { columns: string[]; rows: Row[] };
  backtest: { columns: string[]; rows: Row[] };
}

const round = (value: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

function quarterOf(day: number): string {
  const iso = dayToIso(day);
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * Build the tidy tables. `observed` (monthly observed stock, e.g. over the reference window)
 * is written to the stock table as scenario "observed", without intervals.
 * @throws nothing.
 * @example stockFlowTables(projection, rates).stock.columns[0] // "date"
 */
export function stockFlowTables(projection: StockFlowProjection, rates: RateEstimate, backtests: BacktestResult[] = [], observed?: ObservedStock): StockFlowTables {
  const { space, levels } = projection;
  const bounds = levels.flatMap((l) => [`lo${l}`, `hi${l}`]);
  // Stock: observed history first (scenario "observed", no intervals), then the runs.
  const stockRows: Row[] = [];
  if (observed) {
    const groups = space.placementGroups.length;
    observed.days.forEach((day, d) => {
      const at = (state: number) => observed.stock[d * space.live + state];
      const add = (ageBand: string, placement: string, value: number) => stockRows.push({ date: dayToIso(day), scenario: "observed", age_band: ageBand, placement_group: placement, mean: value });
      for (let state = 0; state < space.live; state++) add(space.ageBands[space.bandOf(state)], space.placementGroups[state % groups], at(state));
      for (let g = 0; g < groups; g++) add("total", space.placementGroups[g], space.ageBands.reduce((a, _, b) => a + at(space.index(b, g)), 0));
      for (let b = 0; b < space.ageBands.length; b++) add(space.ageBands[b], "total", space.placementGroups.reduce((a, _, g) => a + at(space.index(b, g)), 0));
      add("total", "total", Array.from({ length: space.live }, (_, state) => at(state)).reduce((a, v) => a + v, 0));
    });
  }
  for (const run of projection.runs) {
    for (const series of run.series) {
      projection.dates.forEach((day, t) => {
        const row: Row = { date: dayToIso(day), scenario: run.scenario, age_band: series.ageBand, placement_group: series.placement, mean: round(series.mean[t]) };
        for (const level of levels) {
          row[`lo${level}`] = round(series.lower[level][t]);
          row[`hi${level}`] = round(series.upper[level][t]);
        }
        stockRows.push(row);
      });
    }
  }
  // Flows by quarter.
  const size = space.size;
  const groups = space.placementGroups.length;
  const flowRows: Row[] = [];
  for (const run of projection.runs) {
    const totals = new Map<string, Row>();
    const add = (quarter: string, flow: string, fromBand: string, fromPlacement: string, toBand: string, toPlacement: string, value: number) => {
      if (value === 0) return;
      const key = [quarter, flow, fromBand, fromPlacement, toBand, toPlacement].join("|");
      const row = totals.get(key);
      if (row) row.mean = (row.mean as number) + value;
      else totals.set(key, { quarter, scenario: run.scenario, flow, from_age_band: fromBand, from_placement: fromPlacement, to_age_band: toBand, to_placement: toPlacement, mean: value });
    };
    for (let t = 0; t + 1 < projection.dates.length; t++) {
      const quarter = quarterOf(Math.floor((projection.dates[t] + projection.dates[t + 1]) / 2));
      for (let j = 0; j < space.live; j++) {
        add(quarter, "entry", "", "", space.ageBands[space.bandOf(j)], space.placementGroups[j % groups], run.entries[t * size + j]);
      }
      for (let i = 0; i < space.live; i++) {
        const fromBand = space.bandOf(i), fromGroup = i % groups;
        for (let j = 0; j < size; j++) {
          if (j === i) continue;
          const value = run.flows[(t * size + i) * size + j];
          if (value === 0) continue;
          if (j === space.live) add(quarter, "exit", space.ageBands[fromBand], space.placementGroups[fromGroup], "", NOT_LOOKED_AFTER, value);
          else if (j % groups === fromGroup) add(quarter, "ageing", space.ageBands[fromBand], "total", space.ageBands[space.bandOf(j)], "total", value);
          else add(quarter, "move", "total", space.placementGroups[fromGroup], "total", space.placementGroups[j % groups], value);
        }
      }
    }
    for (const row of totals.values()) { row.mean = round(row.mean as number, 2); flowRows.push(row); }
  }
  // Rates.
  const p = markovTransition(rates.rates, size, DAYS_PER_MONTH);
  const rateRows: Row[] = [];
  for (let i = 0; i < space.live; i++) {
    for (let j = 0; j < size; j++) {
      if (j === i || rates.rates[i * size + j] === 0) continue;
      const kind = j === space.live ? "exit" : j % groups === i % groups ? "ageing" : "move";
      rateRows.push({
        kind, from_age_band: space.ageBands[space.bandOf(i)], from_placement: space.placementGroups[i % groups],
        to_age_band: j === space.live ? "" : space.ageBands[space.bandOf(j)], to_placement: j === space.live ? NOT_LOOKED_AFTER : space.placementGroups[j % groups],
        uasc: "", events: rates.events[i * size + j], exposure_years: round(rates.exposure[i] / 365.25, 2),
        rate_per_year: round(rates.rates[i * size + j] * 365.25, 5), monthly_probability: round(p[i * size + j], 6), estimator: rates.estimator,
      });
    }
  }
  const windowYears = (rates.window.end - rates.window.start) / 365.25;
  for (let state = 0; state < space.live; state++) {
    for (let flag = 0; flag < 2; flag++) {
      const count = rates.entries[state * 2 + flag];
      if (count === 0) continue;
      rateRows.push({
        kind: "entry", from_age_band: "", from_placement: NOT_LOOKED_AFTER, to_age_band: space.ageBands[space.bandOf(state)], to_placement: space.placementGroups[state % groups],
        uasc: flag === 1 ? "yes" : "no", events: count, exposure_years: round(windowYears, 2), rate_per_year: round(count / windowYears, 3), monthly_probability: null, estimator: rates.estimator,
      });
    }
  }
  // Backtests.
  const backtestRows: Row[] = [];
  for (const backtest of backtests) {
    for (const r of backtest.rows) {
      const row: Row = { origin: dayToIso(backtest.origin), date: dayToIso(r.date), horizon_months: r.horizon, placement_group: r.placement, observed: r.observed, mean: round(r.mean) };
      for (const level of levels) {
        row[`lo${level}`] = round(r.lower[level] ?? NaN);
        row[`hi${level}`] = round(r.upper[level] ?? NaN);
      }
      backtestRows.push(row);
    }
  }
  return {
    stock: { columns: ["date", "scenario", "age_band", "placement_group", "mean", ...bounds], rows: stockRows },
    flows: { columns: ["quarter", "scenario", "flow", "from_age_band", "from_placement", "to_age_band", "to_placement", "mean"], rows: flowRows },
    rates: { columns: ["kind", "from_age_band", "from_placement", "to_age_band", "to_placement", "uasc", "events", "exposure_years", "rate_per_year", "monthly_probability", "estimator"], rows: rateRows },
    backtest: { columns: ["origin", "date", "horizon_months", "placement_group", "observed", "mean", ...bounds], rows: backtestRows },
  };
}

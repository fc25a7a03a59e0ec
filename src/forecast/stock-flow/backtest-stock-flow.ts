/**
 * Backtest of the stock-flow projection: fit the rates on a reference window ending at an
 * origin date, project from the stock observed at the origin, and compare month by month
 * with the stock actually observed, for the total and each placement group, scored with
 * `accuracy()`: the mean absolute scaled error (MASE, scaled by the in-window mean absolute
 * one-month change, i.e. the one-step naive forecast) and the coverage of each level.
 *
 * Reference: Hyndman and Koehler (2006) "Another look at measures of forecast accuracy"
 * (MASE); Hyndman and Athanasopoulos, FPP3 5.8 (evaluating point forecast accuracy) and
 * 5.9 (distributional accuracy, coverage).
 */
import type { ForecastTable, Series } from "../../spec/forecast.ts";
import { dayToIso, type EpisodeTable } from "../../spec/ssda903.ts";
import { accuracy } from "../accuracy.ts";
import { addMonths } from "./calendar.ts";
import type { EntryMethod } from "./entry-projection.ts";
import { estimateRates, type RateEstimator } from "./estimate-rates.ts";
import { observedStock } from "./observed-stock.ts";
import type { PopulationPath } from "./population-path.ts";
import { projectStockFlow, type UncertaintyMethod } from "./project-stock-flow.ts";
import { stateSpace, type StateSpace } from "./state-space.ts";

export interface BacktestOptions {
  space?: StateSpace;
  las?: string[];
  /** Origin (day): the last day of data the fit may use; the projection starts here. */
  origin: number;
  /** First day of the reference window. */
  windowStart: number;
  horizonMonths: number;
  estimator?: RateEstimator;
  entries?: { method: EntryMethod; population?: PopulationPath };
  method?: UncertaintyMethod;
  simulations?: number;
  seed?: number;
  levels?: number[];
}

export interface BacktestRow {
  date: number;
  horizon: number;
  placement: string;
  observed: number;
  mean: number;
  lower: Record<number, number>;
  upper: Record<number, number>;
}

export interface BacktestAccuracy {
  placement: string;
  /** Mean absolute scaled error; NaN when the in-window stock never changed. */
  mase: number;
  /** Share of months with the observed stock inside the interval, by level. */
  coverage: Record<number, number>;
  months: number;
}

export interface BacktestResult {
  origin: number;
  windowStart: number;
  rows: BacktestRow[];
  /** By placement group and total, from `accuracy()`. */
  accuracy: BacktestAccuracy[];
  /** Coverage over every group and month pooled (the total and its groups together), by level. */
  coverage: Record<number, number>;
  /** The same forecasts as a ForecastTable with actuals (series_id = placement group or "total"), and the observed monthly histories they are scored against. */
  table: ForecastTable;
  series: Series[];
}

/**
 * Run one backtest.
 * @throws Error when the origin leaves no month of observed data to compare with.
 * @example backtestStockFlow(table, { origin: isoToDay("2020-03-31"), windowStart: isoToDay("2017-04-01"), horizonMonths: 12 }).accuracy[0].mase
 */
export function backtestStockFlow(table: EpisodeTable, options: BacktestOptions): BacktestResult {
  const space = options.space ?? stateSpace();
  const levels = options.levels ?? [80, 95];
  const rates = estimateRates(table, { space, las: options.las, window: { start: options.windowStart, end: options.origin + 1 }, estimator: options.estimator });
  let steps = 0;
  while (steps < options.horizonMonths && addMonths(options.origin, steps + 1) <= rates.dataEnd) steps++;
  if (steps === 0) throw new Error("backtestStockFlow: no observed month after the origin to compare with");
  // Observed stock: the window (for the MASE scale) and the test months.
  const history: number[] = [];
  for (let k = 0; addMonths(options.origin, -k) >= options.windowStart; k++) history.unshift(addMonths(options.origin, -k));
  const future = Array.from({ length: steps }, (_, k) => addMonths(options.origin, k + 1));
  const observed = observedStock(table, space, [...history, ...future], { las: options.las });
  const startStock = new Float64Array(space.size);
  startStock.set(observed.stock.subarray((history.length - 1) * space.live, history.length * space.live));
  const projection = projectStockFlow({
    rates, startStock, start: options.origin, horizonMonths: steps, entries: options.entries, method: options.method,
    simulations: options.simulations, seed: options.seed, levels,
  });
  const run = projection.runs[0];
  const groups = space.placementGroups.length;
  const observedSeries = (placement: string, dateIndex: number): number => {
    let v = 0;
    for (let state = 0; state < space.live; state++) {
      if (placement === "total" || space.placementGroups[state % groups] === placement) v += observed.stock[dateIndex * space.live + state];
    }
    return v;
  };
  // Scored with the one scorer: monthly observed stock (window and test months) as the series,
  // MASE scaled by its mean absolute one-month change over the window.
  const rows: BacktestRow[] = [];
  const scored: ForecastTable = [];
  const series: Series[] = [];
  const days = [...history, ...future];
  const periods = days.map((d) => dayToIso(d).slice(0, 7));
  for (const s of run.series.filter((x) => x.ageBand === "total")) {
    const placement = s.placement;
    series.push({ id: placement, periods, values: Float64Array.from(days, (_, i) => observedSeries(placement, i)), frequency: 12 });
    for (let k = 1; k <= steps; k++) {
      const value = observedSeries(placement, history.length + k - 1);
      const row: BacktestRow = { date: future[k - 1], horizon: k, placement, observed: value, mean: s.mean[k], lower: {}, upper: {} };
      for (const level of levels) { row.lower[level] = s.lower[level][k]; row.upper[level] = s.upper[level][k]; }
      rows.push(row);
      scored.push({ series_id: placement, period: periods[history.length + k - 1], step: k, model: "stock-flow", mean: row.mean, lower: row.lower, upper: row.upper, actual: value, origin: history.length - 1 });
    }
  }
  const scores = accuracy(scored, { series, levels, scaleLag: 1 });
  const accuracyRows: BacktestAccuracy[] = scores.filter((a) => a.scope === "series").map((a) => ({
    placement: a.series_id!, mase: a.mase, months: a.n, coverage: Object.fromEntries(levels.map((l) => [l, a.intervals[l]?.coverage ?? NaN])),
  }));
  const overall = scores.at(-1)!;
  return { origin: options.origin, windowStart: options.windowStart, rows, accuracy: accuracyRows, coverage: Object.fromEntries(levels.map((l) => [l, overall.intervals[l]?.coverage ?? NaN])), table: scored, series };
}

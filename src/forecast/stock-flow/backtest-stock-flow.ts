/**
 * Backtest of the stock-flow projection: fit the rates on a reference window ending at an
 * origin date, project from the stock observed at the origin, and compare month by month
 * with the stock actually observed, for the total and each placement group. Reports the
 * mean absolute scaled error (MASE, scaled by the in-window mean absolute one-month change,
 * i.e. the one-step naive forecast) and the empirical coverage of each interval level.
 *
 * Reference: Hyndman and Koehler (2006) "Another look at measures of forecast accuracy"
 * (MASE); Hyndman and Athanasopoulos, FPP3 5.8 (evaluating point forecast accuracy) and
 * 5.9 (distributional accuracy, coverage).
 */
import type { EpisodeTable } from "../../spec/ssda903.ts";
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
  accuracy: BacktestAccuracy[];
  /** Coverage over all series and months, by level. */
  coverage: Record<number, number>;
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
  const rows: BacktestRow[] = [];
  const accuracy: BacktestAccuracy[] = [];
  const hits: Record<number, number> = {};
  let total = 0;
  for (const level of levels) hits[level] = 0;
  for (const series of run.series.filter((s) => s.ageBand === "total")) {
    const placement = series.placement;
    let scale = 0;
    for (let h = 1; h < history.length; h++) scale += Math.abs(observedSeries(placement, h) - observedSeries(placement, h - 1));
    scale = history.length > 1 ? scale / (history.length - 1) : NaN;
    let absError = 0;
    const covered: Record<number, number> = {};
    for (const level of levels) covered[level] = 0;
    for (let k = 1; k <= steps; k++) {
      const value = observedSeries(placement, history.length + k - 1);
      const row: BacktestRow = { date: future[k - 1], horizon: k, placement, observed: value, mean: series.mean[k], lower: {}, upper: {} };
      for (const level of levels) {
        row.lower[level] = series.lower[level][k];
        row.upper[level] = series.upper[level][k];
        if (value >= row.lower[level] && value <= row.upper[level]) { covered[level]++; hits[level]++; }
      }
      absError += Math.abs(value - series.mean[k]);
      rows.push(row);
      total++;
    }
    const coverage: Record<number, number> = {};
    for (const level of levels) coverage[level] = covered[level] / steps;
    accuracy.push({ placement, mase: scale > 0 ? absError / steps / scale : NaN, coverage, months: steps });
  }
  const coverage: Record<number, number> = {};
  for (const level of levels) coverage[level] = total > 0 ? hits[level] / total : NaN;
  return { origin: options.origin, windowStart: options.windowStart, rows, accuracy, coverage };
}

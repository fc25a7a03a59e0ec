/**
 * The stock-flow (Markov) projection as a plan: an SSDA903 episode table, the state space, the
 * reference window, the rate estimator, the entry method, the uncertainty method and the
 * levels, as one value. `runStockFlow` projects from the end of the data; `evaluateStockFlow`
 * re-runs the whole plan at past origins (rates re-estimated on the window before each) and
 * scores it with the one scorer, `accuracy()`, next to the no-change forecast. `run` and
 * `evaluate` (src/forecast/run.ts, evaluate.ts) accept it like any plan.
 */
import type { ForecastRow, ForecastTable, Series } from "../../spec/forecast.ts";
import { dayToIso, type EpisodeTable } from "../../spec/ssda903.ts";
import { accuracy, type AccuracyTable } from "../accuracy.ts";
import { backtestStockFlow, type BacktestResult } from "./backtest-stock-flow.ts";
import { addMonths } from "./calendar.ts";
import type { EntryMethod } from "./entry-projection.ts";
import { dataEndOf } from "./episode-selection.ts";
import { estimateRates, type RateEstimator } from "./estimate-rates.ts";
import { observedStock } from "./observed-stock.ts";
import type { PopulationPath } from "./population-path.ts";
import { projectStockFlow, type StockFlowProjection, type UncertaintyMethod } from "./project-stock-flow.ts";
import { stateSpace, type StateSpace } from "./state-space.ts";

/** A stock-flow plan (see the module comment). */
export interface StockFlowPlan {
  kind: "stock-flow";
  table: EpisodeTable;
  space: StateSpace;
  /** Old LA codes making the footprint (default: every LA in the table). */
  las?: string[];
  /** Months of data before an origin the rates are estimated on (default 36). */
  windowMonths: number;
  estimator: RateEstimator;
  entries: { method: EntryMethod; population?: PopulationPath };
  method: UncertaintyMethod;
  simulations: number;
  seed: number;
  levels: number[];
  /** The day the data end (open episodes are censored there). */
  dataEnd: number;
}

export type StockFlowPlanOptions = Partial<Omit<StockFlowPlan, "kind" | "table">>;

/**
 * The stock-flow plan for an episode table, with the defaults of `suff project` (exposure
 * rates over the last 36 months, constant entries, 1,000 seeded simulations, 80 and 95%).
 * @throws never.
 * @example stockFlowPlan(table).windowMonths // 36
 */
export function stockFlowPlan(table: EpisodeTable, options: StockFlowPlanOptions = {}): StockFlowPlan {
  return {
    kind: "stock-flow",
    table,
    space: options.space ?? stateSpace(),
    las: options.las,
    windowMonths: options.windowMonths ?? 36,
    estimator: options.estimator ?? "exposure",
    entries: options.entries ?? { method: "constant" },
    method: options.method ?? "simulate",
    simulations: options.simulations ?? 1000,
    seed: options.seed ?? 1,
    levels: options.levels ?? [80, 95],
    dataEnd: options.dataEnd ?? dataEndOf(table),
  };
}

/** True for a stock-flow plan. @example isStockFlowPlan(stockFlowPlan(table)) // true */
export function isStockFlowPlan(plan: unknown): plan is StockFlowPlan {
  return (plan as StockFlowPlan | undefined)?.kind === "stock-flow";
}

/** Rows of the total and each placement group (all ages) of a projection's base run, month by month. */
function projectionRows(projection: StockFlowProjection, levels: number[]): ForecastTable {
  const rows: ForecastTable = [];
  for (const s of projection.runs[0]!.series.filter((x) => x.ageBand === "total" || x.placement === "total")) {
    const id = s.ageBand === "total" ? s.placement : `age:${s.ageBand}`;
    for (let k = 1; k < projection.dates.length; k++) {
      const row: ForecastRow = { series_id: id, period: dayToIso(projection.dates[k]!).slice(0, 7), step: k, model: `stock-flow (${projection.method})`, mean: s.mean[k]!, lower: {}, upper: {} };
      for (const level of levels) { row.lower[level] = s.lower[level]![k]!; row.upper[level] = s.upper[level]![k]!; }
      rows.push(row);
    }
  }
  return rows;
}

/**
 * Project from the end of the data (or `start`) for `horizon` months: rates over the plan's
 * window before the start, the stock observed at the start.
 * @throws Error from projectStockFlow for a bad horizon.
 * @example runStockFlow(stockFlowPlan(table), { horizon: 36 }).rows.find((r) => r.series_id === "total" && r.step === 36)?.mean
 */
export function runStockFlow(plan: StockFlowPlan, options: { horizon: number; start?: number }): { rows: ForecastTable; projection: StockFlowProjection } {
  const start = options.start ?? plan.dataEnd;
  const rates = estimateRates(plan.table, { space: plan.space, window: { start: addMonths(start, -plan.windowMonths) + 1, end: start + 1 }, estimator: plan.estimator, las: plan.las, dataEnd: plan.dataEnd });
  const observed = observedStock(plan.table, plan.space, [start], { las: plan.las });
  const startStock = new Float64Array(plan.space.size);
  startStock.set(observed.stock);
  const projection = projectStockFlow({ rates, startStock, start, horizonMonths: options.horizon, entries: plan.entries, method: plan.method, simulations: plan.simulations, seed: plan.seed, levels: plan.levels });
  return { rows: projectionRows(projection, plan.levels), projection };
}

/** What `evaluateStockFlow` returns: the same shape as `evaluate` of a panel plan. */
export interface StockFlowEvaluation {
  rows: ForecastTable;
  naive: ForecastTable;
  accuracy: AccuracyTable;
  byGroup: Record<string, AccuracyTable>;
  naiveByGroup: Record<string, AccuracyTable>;
  /** Origins as ISO dates. */
  origins: string[];
  series: Series[];
  groups: Record<string, string>;
  /** The backtests behind the rows, one per origin. */
  backtests: BacktestResult[];
}

/**
 * Re-run the whole plan at each origin (a day): rates estimated on the plan's window before it,
 * projected from the stock observed then, compared month by month with the observed stock for
 * up to `horizon` months (the total and each placement group), scored with `accuracy()`; the
 * no-change forecast (the stock at the origin, held) is scored on the same months.
 * @throws Error when an origin leaves no observed month after it.
 * @example evaluateStockFlow(plan, { origins: [isoToDay("2021-03-31")], horizon: 12 }).byGroup.total!.at(-1)!.mase
 */
export function evaluateStockFlow(plan: StockFlowPlan, options: { origins: number[]; horizon: number }): StockFlowEvaluation {
  const backtests = options.origins.map((origin) => backtestStockFlow(plan.table, {
    space: plan.space, las: plan.las, origin, windowStart: addMonths(origin, -plan.windowMonths) + 1, horizonMonths: options.horizon,
    estimator: plan.estimator, entries: plan.entries, method: plan.method, simulations: plan.simulations, seed: plan.seed, levels: plan.levels,
  }));
  const rows: ForecastTable = [];
  const naive: ForecastTable = [];
  const series: Series[] = [];
  backtests.forEach((b, i) => {
    // Each origin's histories are their own series (ids suffixed with the origin), so MASE scales come from that origin's window.
    const suffix = `@${dayToIso(b.origin)}`;
    for (const s of b.series) series.push({ ...s, id: `${s.id}${suffix}` });
    for (const r of b.table) {
      rows.push({ ...r, series_id: `${r.series_id}${suffix}` });
      const history = b.series.find((s) => s.id === r.series_id)!;
      naive.push({ ...r, series_id: `${r.series_id}${suffix}`, model: "naive", mean: history.values[r.origin!]!, lower: {}, upper: {} });
    }
    void i;
  });
  const groupOf = (id: string) => id.slice(0, id.indexOf("@"));
  const groups = Object.fromEntries(series.map((s) => [s.id, groupOf(s.id)]));
  const byGroup: Record<string, AccuracyTable> = {};
  const naiveByGroup: Record<string, AccuracyTable> = {};
  for (const g of new Set(Object.values(groups))) {
    byGroup[g] = accuracy(rows.filter((r) => groups[r.series_id] === g), { series, levels: plan.levels, scaleLag: 1 });
    naiveByGroup[g] = accuracy(naive.filter((r) => groups[r.series_id] === g), { series, levels: [], scaleLag: 1 });
  }
  return { rows, naive, accuracy: accuracy(rows, { series, levels: plan.levels, scaleLag: 1 }), byGroup, naiveByGroup, origins: backtests.map((b) => dayToIso(b.origin)), series, groups, backtests };
}

/**
 * `evaluate(plan, { origins, horizon })`: the whole plan re-run at past origins on the data up
 * to each, scored against what happened with the one scorer, `accuracy()`.
 */
import type { ForecastPlan, ForecastTable, Series } from "../spec/forecast.ts";
import { accuracy, type AccuracyTable } from "./accuracy.ts";
import { planEngine } from "./plan-engine.ts";
import { addMonths } from "./stock-flow/calendar.ts";
import { evaluateStockFlow, isStockFlowPlan, type StockFlowPlan } from "./stock-flow/stock-flow-plan.ts";
import { isoToDay } from "../spec/ssda903.ts";

export interface PlanEvaluation {
  /** Forecasts at every origin with the actual beside them (origin = index of the last period used). */
  rows: ForecastTable;
  /** The no-change (naive) forecast of the same targets: the last value at each origin. */
  naive: ForecastTable;
  /** Accuracy of every scored forecast, by series, by horizon and overall. */
  accuracy: AccuracyTable;
  /** Accuracy by calibration group: the layer ("Local authority", "Regional", "National", "Footprint"; "series"), or layer|key for parts. */
  byGroup: Record<string, AccuracyTable>;
  /** Accuracy of the no-change forecast, by group, on the same targets. */
  naiveByGroup: Record<string, AccuracyTable>;
  /** The origins' period labels (aligned panels) or offsets from each series' end ("-3"). */
  origins: string[];
  /** Histories of every scored series (the scales of MASE and MSIS come from them). */
  series: Series[];
  /** Calibration group of each series id. */
  groups: Record<string, string>;
}

/**
 * Re-run the whole plan (model choice, fits, reconciliation, calibration) at each origin with
 * the data up to that origin only, attach the actuals, and score with `accuracy()`: exactly
 * `run` on the truncated data, with every forecast the origins share computed once.
 * `origins`: a number n (the n latest origins that leave all `horizon` actuals: the last is
 * `horizon` periods before the end) or period labels of an aligned panel (e.g. ["2017", "2018"]).
 * A stock-flow plan is backtested at ISO-date origins (or the last n, 12 months apart) for
 * `horizon` months (see evaluateStockFlow).
 *
 * Reference: Tashman (2000) "Out-of-sample tests of forecasting accuracy", IJF 16(4);
 * Hyndman & Athanasopoulos, FPP3 section 5.10 (time series cross-validation).
 * @throws RangeError when horizon is not a positive integer, origins is empty or not a positive integer, or a label is not a period of the panel.
 * @example evaluate(seriesPlan(series, { model: naive }), { origins: 3, horizon: 2 }).accuracy.at(-1)!.mase
 */
export function evaluate(plan: ForecastPlan | StockFlowPlan, options: { origins: number | string[]; horizon: number }): PlanEvaluation {
  if (isStockFlowPlan(plan)) {
    // Origins: ISO dates, or the last n at 12-month steps, the last `horizon` months before the data end.
    const origins = typeof options.origins === "number"
      ? Array.from({ length: options.origins }, (_, j) => addMonths(plan.dataEnd, -(options.horizon + 12 * (options.origins as number - 1 - j))))
      : options.origins.map(isoToDay);
    const { backtests: _b, ...rest } = evaluateStockFlow(plan, { origins, horizon: options.horizon });
    void _b;
    return rest;
  }
  const engine = planEngine(plan, options.horizon);
  const H = options.horizon;
  let offsets: number[];
  if (typeof options.origins === "number") {
    const count = options.origins;
    if (!Number.isInteger(count) || count < 1) throw new RangeError("evaluate: origins must be a positive integer");
    offsets = Array.from({ length: count }, (_, j) => H + count - 1 - j);
  } else {
    if (!engine.aligned) throw new RangeError("evaluate: period origins need an aligned panel");
    if (options.origins.length === 0) throw new RangeError("evaluate: no origins");
    const grid = plan.panel.series[0]!.periods;
    offsets = options.origins.map((label) => {
      const index = grid.indexOf(label);
      if (index < 0) throw new RangeError(`evaluate: ${label} is not a period of the panel`);
      return grid.length - 1 - index;
    });
  }
  const rows: ForecastTable = [];
  const naiveRows: ForecastTable = [];
  for (const offset of offsets) {
    if (offset < 1) continue;
    const { rows: forecastRows } = engine.rowsAt(offset);
    for (const row of forecastRows) {
      const o = engine.byId.get(row.series_id)!;
      const cut = row.origin!;
      const actual = o.history[cut + row.step];
      if (actual === undefined || !Number.isFinite(actual)) continue;
      rows.push({ ...row, period: o.periods[cut + row.step]!, actual });
      let last = cut;
      while (last >= 0 && !Number.isFinite(o.history[last])) last--;
      if (last >= 0) naiveRows.push({ series_id: row.series_id, period: o.periods[cut + row.step]!, step: row.step, model: "naive", mean: o.history[last]!, lower: {}, upper: {}, actual, origin: cut });
    }
  }
  const series: Series[] = engine.outputs.map((o) => ({ id: o.id, periods: o.periods, values: o.history, frequency: o.frequency }));
  const groups = Object.fromEntries(engine.outputs.map((o) => [o.id, o.group]));
  const levels = plan.levels;
  const byGroup: Record<string, AccuracyTable> = {};
  const naiveByGroup: Record<string, AccuracyTable> = {};
  const bucket = (table: ForecastTable) => {
    const out = new Map<string, ForecastTable>();
    for (const r of table) { const g = groups[r.series_id]!; let list = out.get(g); if (!list) out.set(g, (list = [])); list.push(r); }
    return out;
  };
  const rowsByGroup = bucket(rows), naiveByGroupRows = bucket(naiveRows);
  for (const group of new Set(engine.outputs.map((o) => o.group))) {
    byGroup[group] = accuracy(rowsByGroup.get(group) ?? [], { series, levels });
    naiveByGroup[group] = accuracy(naiveByGroupRows.get(group) ?? [], { series, levels: [] });
  }
  const grid = plan.panel.series[0]!.periods;
  return {
    rows,
    naive: naiveRows,
    accuracy: accuracy(rows, { series, levels }),
    byGroup,
    naiveByGroup,
    origins: offsets.map((k) => (engine.aligned ? grid[grid.length - 1 - k]! : `-${k}`)),
    series,
    groups,
  };
}

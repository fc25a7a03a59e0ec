/**
 * `run(plan, { horizon })`: the forecast a plan makes from all its data.
 */
import type { ForecastPlan, ForecastTable, ModelFailure } from "../spec/forecast.ts";
import { planEngine } from "./plan-engine.ts";
import { isStockFlowPlan, runStockFlow, type StockFlowPlan } from "./stock-flow/stock-flow-plan.ts";

export interface PlanForecast {
  /** One row per shown series and step, with calibrated bounds and (conformal plans) the distribution behind them. */
  rows: ForecastTable;
  /** Series whose model failed: forecast by the named fallback, counted here, never dropped. */
  failures: ModelFailure[];
  /** Plain-language notes (model chosen, reconciliation fallbacks, cells without an interval). */
  notes: string[];
  /** Name of the model used (the chosen one when the plan offers a choice). */
  model: string;
  /** Layer of each series id ("Local authority", "Regional", ...; "series" for independent series). */
  layers: Record<string, string>;
}

/**
 * Forecast with a plan, as its stages say: choose the model (if the plan offers a choice),
 * forecast the model series, split combined areas, reconcile LA -> region -> England, sum the
 * footprints, split into parts, then calibrate every cell from the plan's own errors at
 * earlier origins (conformal) or keep the model's intervals. Intervals are nested: lo95 <=
 * lo80 <= mean <= hi80 <= hi95. Rows come in output order (bottoms, aggregates, footprints,
 * parts), step by step. A stock-flow plan (src/forecast/stock-flow/stock-flow-plan.ts) runs
 * its projection for `horizon` months. `onProgress(done, total)` is called as each earlier origin of the
 * calibration is computed (for a progress line).
 *
 * Reference: O'Hara-Wild, Hyndman & Wang, fable/fabletools (model + data as one value);
 * Wickramasuriya, Athanasopoulos & Hyndman (2019) JASA 114 (MinT); Vovk et al. (2005) (conformal).
 * @throws RangeError when horizon is not a positive integer, a level is outside (0, 100), or the panel is empty.
 * @example run(seriesPlan([{ id: "a", periods: ["2021", "2022", "2023", "2024", "2025"], values: Float64Array.of(1, 2, 3, 4, 5), frequency: 1 }], { model: naive }), { horizon: 2 }).rows.map((r) => r.mean) // [5, 5]
 */
export function run(plan: ForecastPlan | StockFlowPlan, options: { horizon: number; onProgress?: (done: number, total: number) => void }): PlanForecast {
  if (isStockFlowPlan(plan)) {
    // A stock-flow plan: `horizon` in months; rows are the total, each placement group and each age band.
    const { rows, projection } = runStockFlow(plan, { horizon: options.horizon });
    return { rows, failures: [], notes: [projection.entries.description, ...projection.entries.warnings], model: rows[0]?.model ?? "stock-flow", layers: Object.fromEntries(rows.map((r) => [r.series_id, "stock-flow"])) };
  }
  const engine = planEngine(plan, options.horizon);
  const result = engine.rowsAt(0, options.onProgress);
  return { rows: result.rows, failures: result.failures, notes: result.notes, model: result.chosen, layers: Object.fromEntries(engine.outputs.map((o) => [o.id, o.layer])) };
}

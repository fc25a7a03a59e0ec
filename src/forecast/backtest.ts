/**
 * A backtest of the whole forecasting pipeline (model choice and calibration included) at
 * rolling origins, for `suff backtest`.
 */
import type { ForecastTable, GlobalModelSpec, ModelSpec, Series, SeriesSet } from "../spec/forecast.ts";
import { forecast, type ForecastOptions } from "./forecast.ts";

export interface BacktestOptions extends ForecastOptions {
  /** Number of rolling origins: the last at `horizon` periods before each series' end. */
  origins: number;
  /** Periods between origins (default 1). */
  step?: number;
}

function lastObserved(values: Float64Array): number {
  let end = values.length - 1;
  while (end >= 0 && !Number.isFinite(values[end])) end--;
  return end;
}

/**
 * Rolling-origin backtest of `forecast(series, spec, options)` exactly as a user would run
 * it: at each origin every series is cut `horizon + j * step` periods before its last
 * observation (j = origins - 1 .. 0), the whole set is forecast (so "auto" choices and
 * conformal calibration see only data before the origin) and the actuals are attached.
 * Series too short for an origin (fewer than 3 observations left) sit that origin out.
 *
 * Reference: Tashman (2000) IJF 16(4); Hyndman & Athanasopoulos, FPP3 section 5.10.
 * @throws RangeError when origins or step is not a positive integer (and as `forecast`).
 * @example backtest([{ id: "a", periods: ["1", "2", "3", "4", "5", "6"], values: Float64Array.of(1, 2, 4, 3, 5, 6), frequency: 1 }], naive, { horizon: 2, origins: 2 }).map((r) => r.actual) // [3, 5, 5, 6]
 */
export function backtest(series: SeriesSet, spec: ModelSpec | GlobalModelSpec | "auto", options: BacktestOptions): ForecastTable {
  const step = options.step ?? 1;
  if (!Number.isInteger(options.origins) || options.origins < 1) throw new RangeError("backtest: origins must be a positive integer");
  if (!Number.isInteger(step) || step < 1) throw new RangeError("backtest: step must be a positive integer");
  const table: ForecastTable = [];
  for (let j = options.origins - 1; j >= 0; j--) {
    const cut = options.horizon + j * step;
    const truncated: Series[] = [];
    const byId = new Map<string, { series: Series; origin: number }>();
    for (const s of series) {
      const origin = lastObserved(s.values) - cut;
      if (origin < 2) continue;
      truncated.push({ ...s, periods: s.periods.slice(0, origin + 1), values: s.values.slice(0, origin + 1) });
      byId.set(s.id, { series: s, origin });
    }
    if (truncated.length === 0) continue;
    for (const row of forecast(truncated, spec, options)) {
      const entry = byId.get(row.series_id);
      if (!entry) continue;
      const index = entry.origin + row.step;
      if (index >= entry.series.values.length) continue;
      table.push({ ...row, period: entry.series.periods[index] ?? row.period, actual: entry.series.values[index]!, origin: entry.origin });
    }
  }
  return table;
}

/**
 * Rolling-origin evaluation ("time series cross-validation"): refit at each origin, forecast
 * ahead, and keep the actual beside every forecast.
 */
import type { ForecastRow, ForecastTable, GlobalModelSpec, ModelSpec, Series, SeriesSet } from "../spec/forecast.ts";
import { forecastSeries } from "./forecast-series.ts";

export interface CrossValidateOptions {
  horizon: number;
  levels?: number[];
  /** Observations in the first training window (also the fixed window's length). */
  initial?: number;
  /** Periods between origins (default 1). */
  step?: number;
  /** Expanding (default: all data up to the origin) or fixed (the last `initial` observations). */
  window?: "expanding" | "fixed";
  /** Use only the last N origins (counting back from the end by `step`). */
  origins?: number;
  /** Only origins with all `horizon` actuals in the data (default true). */
  fullHorizon?: boolean;
  nonNegative?: boolean | "auto";
}

function lastObserved(values: Float64Array): number {
  let end = values.length - 1;
  while (end >= 0 && !Number.isFinite(values[end])) end--;
  return end;
}

/**
 * Origins (0-based index of the last training observation) for one series whose last
 * observed index is `end`: from `initial - 1` (default 1) by `step`, up to `end - horizon`
 * (or `end - 1` without `fullHorizon`), or only the last `origins` of them.
 * @throws never.
 * @example originsFor(9, { horizon: 3, origins: 2 }) // [5, 6]
 */
export function originsFor(end: number, options: CrossValidateOptions): number[] {
  const step = options.step ?? 1;
  const fullHorizon = options.fullHorizon ?? true;
  const last = fullHorizon ? end - options.horizon : end - 1;
  const first = options.initial !== undefined ? options.initial - 1 : 1;
  const out: number[] = [];
  if (options.origins !== undefined) {
    for (let i = options.origins - 1; i >= 0; i--) { const o = last - i * step; if (o >= first) out.push(o); }
  } else {
    for (let o = first; o <= last; o += step) out.push(o);
  }
  return out;
}

function windowStart(origin: number, window: "expanding" | "fixed", initial: number | undefined): number {
  return window === "fixed" && initial !== undefined ? Math.max(0, origin - initial + 1) : 0;
}

function truncate(series: Series, origin: number, window: "expanding" | "fixed", initial: number | undefined): Series {
  const from = windowStart(origin, window, initial);
  return { ...series, periods: series.periods.slice(from, origin + 1), values: series.values.slice(from, origin + 1) };
}

/** Attach actuals; `from` maps the rows' origin (an index into the truncated series) back to the full series. */
function withActuals(rows: ForecastRow[], series: Series, from: number): ForecastRow[] {
  const out: ForecastRow[] = [];
  for (const row of rows) {
    const origin = (row.origin ?? 0) + from;
    const index = origin + row.step;
    if (index >= series.values.length) continue;
    out.push({ ...row, period: series.periods[index] ?? row.period, actual: series.values[index]!, origin });
  }
  return out;
}

function isGlobal(spec: ModelSpec | GlobalModelSpec): spec is GlobalModelSpec {
  return (spec as GlobalModelSpec).global === true;
}

/**
 * Forecasts from rolling origins with the actuals beside them. For each series, the origins
 * run from `initial - 1` (or the last `origins` of them) by `step`; the model is refitted on
 * the data up to each origin (expanding window) or on the last `initial` observations (fixed
 * window). Rows are kept only where the data hold an actual. A global (cross-series) model is
 * refitted on the whole set truncated the same number of periods before each series' end.
 *
 * Reference: Hyndman & Athanasopoulos, FPP3 section 5.10 (time series cross-validation);
 * Tashman (2000) "Out-of-sample tests of forecasting accuracy", IJF 16(4).
 * @throws RangeError when horizon or step is not a positive integer, or a fixed window has no `initial`.
 * @example crossValidate([{ id: "a", periods: ["1", "2", "3", "4"], values: Float64Array.of(1, 2, 3, 4), frequency: 1 }], naive, { horizon: 1, initial: 3 }).map((r) => r.actual) // [4]
 */
export function crossValidate(series: SeriesSet, spec: ModelSpec | GlobalModelSpec, options: CrossValidateOptions): ForecastTable {
  const { horizon } = options;
  const step = options.step ?? 1;
  const window = options.window ?? "expanding";
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError("crossValidate: horizon must be a positive integer");
  if (!Number.isInteger(step) || step < 1) throw new RangeError("crossValidate: step must be a positive integer");
  if (window === "fixed" && options.initial === undefined) throw new RangeError("crossValidate: a fixed window needs `initial`");
  const levels = options.levels ?? [];
  const table: ForecastTable = [];
  if (isGlobal(spec)) {
    // Group origins by their distance from each series' end, so the set is cut consistently.
    const byOffset = new Map<number, Array<{ series: Series; origin: number }>>();
    for (const s of series) {
      const end = lastObserved(s.values);
      for (const origin of originsFor(end, options)) {
        const offset = end - origin;
        let group = byOffset.get(offset);
        if (!group) byOffset.set(offset, (group = []));
        group.push({ series: s, origin });
      }
    }
    for (const [, group] of [...byOffset.entries()].sort((a, b) => b[0] - a[0])) {
      const truncated = group.map((g) => truncate(g.series, g.origin, window, options.initial));
      const rows = spec.forecastMany(truncated, { horizon, levels });
      const byId = new Map(group.map((g) => [g.series.id, g]));
      const rowsById = new Map<string, ForecastRow[]>();
      for (const row of rows) {
        let list = rowsById.get(row.series_id);
        if (!list) rowsById.set(row.series_id, (list = []));
        list.push(row);
      }
      for (const [id, list] of rowsById) {
        const g = byId.get(id);
        if (g) table.push(...withActuals(list.map((r) => ({ ...r, origin: g.origin - windowStart(g.origin, window, options.initial) })), g.series, windowStart(g.origin, window, options.initial)));
      }
    }
    return table;
  }
  for (const s of series) {
    const end = lastObserved(s.values);
    for (const origin of originsFor(end, options)) {
      const rows = forecastSeries(truncate(s, origin, window, options.initial), spec, { horizon, levels, nonNegative: options.nonNegative });
      table.push(...withActuals(rows, s, windowStart(origin, window, options.initial)));
    }
  }
  return table;
}

/**
 * Rolling-origin backtest of several models on a panel of series that share a time line
 * (e.g. every LA's annual children looked after at 31 March), for local models (fit one
 * series at a time) and global models (learn across the panel). Every model is judged on the
 * same targets: series observed at the origin with at least `minimumHistory` observations,
 * and an observed actual at origin + h.
 * Reference: Hyndman & Athanasopoulos, *FPP3* sections 5.8 (accuracy: MASE, RMSSE) and 5.10
 * (time series cross-validation); Makridakis et al. (2020) M4 (sMAPE, MASE).
 */
import type { ForecastRow, ForecastTable, GlobalModelSpec, ModelSpec, Series, SeriesSet } from "../spec/forecast.ts";
import { prepareSeries } from "./prepare-series.ts";

export type AnyModelSpec = ModelSpec | GlobalModelSpec;

export interface PanelBacktestOptions {
  /** Forecast origins as period labels (the last period used to fit). */
  origins: string[];
  horizon: number;
  levels?: number[];
  /** Fewest observations up to the origin for a series to be forecast (default 3). */
  minimumHistory?: number;
}

export interface PanelAccuracy {
  model: string;
  /** 0 = all horizons. */
  horizon: number;
  forecasts: number;
  mase: number;
  smape: number;
  rmsse: number;
  /** Share of actuals inside the interval, by level. */
  coverage: Record<number, number>;
}

export interface PanelBacktestResult {
  rows: ForecastTable;
  accuracy: PanelAccuracy[];
}

function isGlobal(spec: AnyModelSpec): spec is GlobalModelSpec {
  return (spec as GlobalModelSpec).global === true;
}

function truncate(series: Series, origin: string): Series {
  let end = 0;
  while (end < series.periods.length && series.periods[end] <= origin) end++;
  return { ...series, periods: series.periods.slice(0, end), values: series.values.slice(0, end) };
}

/** In-sample scales: mean absolute and mean squared first difference (seasonal lag for m > 1). */
function scaleOf(values: Float64Array, lag: number): { absolute: number; squared: number } {
  let absolute = 0;
  let squared = 0;
  let count = 0;
  for (let t = lag; t < values.length; t++) {
    const d = values[t] - values[t - lag];
    if (!Number.isFinite(d)) continue;
    absolute += Math.abs(d);
    squared += d * d;
    count++;
  }
  return { absolute: count ? absolute / count : NaN, squared: count ? squared / count : NaN };
}

function forecastLocal(spec: ModelSpec, series: Series, horizon: number, levels: number[]): ForecastRow[] {
  const prepared = prepareSeries(series);
  if (!prepared) return [];
  const fitted = spec.fit(prepared.values, { frequency: series.frequency, nonNegative: true });
  const band = fitted.forecast(horizon, levels);
  return Array.from(band.mean, (mean, k) => ({
    series_id: series.id, period: "", step: k + 1, model: spec.name, mean,
    lower: Object.fromEntries(levels.map((l) => [l, band.lower[l][k]])),
    upper: Object.fromEntries(levels.map((l) => [l, band.upper[l][k]])),
  }));
}

/**
 * Runs every model at every origin and scores them on identical targets.
 *
 * Stages: 1. for each origin, truncate the panel; 2. pick eligible series; 3. forecast with
 * each model (global models see the whole truncated panel); 4. attach actuals; 5. score
 * MASE, sMAPE, RMSSE and coverage by horizon and overall on the targets every model forecast.
 * @throws Error when no origin is given or horizon < 1.
 * @example panelBacktest([{ id: "a", periods: ["1", "2", "3", "4", "5"], values: Float64Array.of(1, 2, 3, 4, 5), frequency: 1 }], [], { origins: ["4"], horizon: 1 }).accuracy // []
 */
export function panelBacktest(series: SeriesSet, specs: AnyModelSpec[], options: PanelBacktestOptions): PanelBacktestResult {
  if (options.origins.length === 0) throw new Error("panelBacktest: no origins");
  if (!(options.horizon >= 1)) throw new Error("panelBacktest: horizon must be at least 1");
  const levels = options.levels ?? [80, 95];
  const minimumHistory = options.minimumHistory ?? 3;
  const rows: ForecastTable = [];
  for (const origin of options.origins) {
    const truncated = series.map((s) => truncate(s, origin));
    const eligible = truncated.filter((s) => {
      const last = s.periods.length - 1;
      return last >= 0 && s.periods[last] === origin && Number.isFinite(s.values[last]) && Array.from(s.values).filter(Number.isFinite).length >= minimumHistory;
    });
    const eligibleIds = new Set(eligible.map((s) => s.id));
    const full = new Map(series.map((s) => [s.id, s]));
    for (const spec of specs) {
      let produced: ForecastRow[];
      if (isGlobal(spec)) {
        produced = spec.forecastMany(truncated, { horizon: options.horizon, levels }).filter((r) => eligibleIds.has(r.series_id));
      } else {
        produced = eligible.flatMap((s) => {
          try { return forecastLocal(spec, s, options.horizon, levels); } catch { return []; }
        });
      }
      for (const row of produced) {
        const s = full.get(row.series_id)!;
        const originIndex = s.periods.indexOf(origin);
        const targetIndex = originIndex + row.step;
        const actual = targetIndex < s.values.length ? s.values[targetIndex] : NaN;
        rows.push({ ...row, model: spec.name, period: targetIndex < s.periods.length ? s.periods[targetIndex] : row.period, actual, origin: originIndex });
      }
    }
  }
  return { rows, accuracy: scorePanel(series, rows, specs.map((s) => s.name), levels, options.horizon) };
}

function scorePanel(series: SeriesSet, rows: ForecastTable, models: string[], levels: number[], horizon: number): PanelAccuracy[] {
  const byTarget = new Map<string, Map<string, ForecastRow>>();
  for (const row of rows) {
    if (!Number.isFinite(row.actual) || !Number.isFinite(row.mean)) continue;
    const key = `${row.series_id}\u0000${row.origin}\u0000${row.step}`;
    let m = byTarget.get(key);
    if (!m) byTarget.set(key, (m = new Map()));
    m.set(row.model, row);
  }
  const full = new Map(series.map((s) => [s.id, s]));
  const scaleCache = new Map<string, { absolute: number; squared: number }>();
  const scale = (row: ForecastRow) => {
    const key = `${row.series_id}\u0000${row.origin}`;
    let v = scaleCache.get(key);
    if (!v) {
      const s = full.get(row.series_id)!;
      const prepared = prepareSeries({ values: s.values.slice(0, row.origin! + 1) });
      scaleCache.set(key, (v = prepared ? scaleOf(prepared.values, Math.max(1, s.frequency === 1 ? 1 : s.frequency)) : { absolute: NaN, squared: NaN }));
    }
    return v;
  };
  const out: PanelAccuracy[] = [];
  for (const model of models) {
    for (let h = 0; h <= horizon; h++) {
      let n = 0; let mase = 0; let smape = 0; let smapeCount = 0; let rmsse = 0; let rmsseCount = 0;
      const covered: Record<number, number> = Object.fromEntries(levels.map((l) => [l, 0]));
      // RMSSE is averaged per (series, origin) over horizons, as in M5.
      const squaredBySeriesOrigin = new Map<string, { sum: number; count: number; scale: number }>();
      for (const targets of byTarget.values()) {
        if (targets.size !== models.length) continue;
        const row = targets.get(model)!;
        if (h !== 0 && row.step !== h) continue;
        const { absolute, squared } = scale(row);
        if (!(absolute > 0) || !(squared > 0)) continue;
        const error = row.actual! - row.mean;
        n++;
        mase += Math.abs(error) / absolute;
        const denominator = Math.abs(row.actual!) + Math.abs(row.mean);
        if (denominator > 0) { smape += (200 * Math.abs(error)) / denominator; smapeCount++; }
        const key = `${row.series_id}\u0000${row.origin}`;
        const acc = squaredBySeriesOrigin.get(key) ?? { sum: 0, count: 0, scale: squared };
        acc.sum += error * error; acc.count++;
        squaredBySeriesOrigin.set(key, acc);
        for (const l of levels) if (row.actual! >= row.lower[l] && row.actual! <= row.upper[l]) covered[l]++;
      }
      for (const acc of squaredBySeriesOrigin.values()) { rmsse += Math.sqrt(acc.sum / acc.count / acc.scale); rmsseCount++; }
      out.push({
        model, horizon: h, forecasts: n,
        mase: n ? mase / n : NaN, smape: smapeCount ? smape / smapeCount : NaN, rmsse: rmsseCount ? rmsse / rmsseCount : NaN,
        coverage: Object.fromEntries(levels.map((l) => [l, n ? covered[l] / n : NaN])),
      });
    }
  }
  return out;
}

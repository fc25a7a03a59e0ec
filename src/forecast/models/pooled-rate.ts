/**
 * `pooled-rate`: a global (cross-series) model for short, noisy annual LA series such as
 * children looked after at 31 March. Each LA is forecast on the log scale of its rate per
 * 10,000 children (when a population is given; otherwise of its level) as
 *
 *   z(T + h) = level + trend × (φ + φ² + ... + φʰ)
 *   level    = s × z(T) + (1 - s) × (value of the local straight line at T over the last k years)
 *   trend    = wL × local trend + wP × peer trend + wN × national trend   (wL + wP + wN <= 1)
 *
 * where the local trend is the mean yearly log change over the last k years, the peer trend is
 * the median local trend of the LA's peers (its DfE statistical neighbours when the series
 * ids are LA codes, otherwise every series) and the national trend is the median over all
 * series. The weights (partial pooling: the local trend is shrunk toward peer and national
 * trends and toward zero), the damping φ, the level smoothing s and the window k are chosen
 * together for the whole panel by rolling-origin cross-validation (mean absolute scaled error
 * over horizons 1..H at the last few origins inside the data given), in the spirit of
 * empirical Bayes shrinkage and of global forecasting models (Montero-Manso & Hyndman 2021,
 * "Principles and algorithms for forecasting groups of time series", IJF 37:1632). The rate
 * is multiplied back by the population path (the last known population held flat when no
 * projection is supplied).
 *
 * The model gives point forecasts only: a plan calibrates its intervals (src/forecast/conformal.ts),
 * from the errors of the whole procedure re-run at earlier origins. It was the default of
 * `suff forecast` until the rate-to-region model beat it (bench/la-backtest.bench.ts).
 */
import type { ForecastRow, ForecastTable, GlobalModelSpec, Series, SeriesSet } from "../../spec/forecast.ts";
import { findLa, statisticalNeighbours } from "../../reference/las.ts";

export interface PooledRateOptions {
  /** Population (children 0-17) by series id, then by period label. */
  population?: Record<string, Record<string, number>>;
  /** Population projections by series id then period, for forecast periods (default: last known held flat). */
  populationProjection?: Record<string, Record<string, number>>;
  /** Peer series ids by series id (default: statistical neighbours for LA codes, else all series). */
  peers?: Record<string, string[]>;
  /** Most recent rolling origins used to choose the parameters (default 3: recent behaviour matters most). */
  tuningOrigins?: number;
  /** Largest horizon used for tuning (default min(horizon, 3)). */
  tuningHorizon?: number;
}

export interface PooledRateParameters {
  levelSmoothing: number;
  trendWindow: number;
  localWeight: number;
  peerWeight: number;
  nationalWeight: number;
  damping: number;
}

const LEVEL_SMOOTHING = [1, 0.75, 0.5];
const TREND_WINDOW = [2, 3, 4, 6];
const DAMPING = [0.5, 0.8, 0.95];
const WEIGHTS = [0, 0.25, 0.5, 0.75, 1];

/**
 * The period label after `period` ("2025" -> "2026", "2024-Q4" -> "2025-Q1", "2024-12" -> "2025-01").
 * (Models sit below src/forecast/period-label.ts in the layers, so this small copy lives here.)
 * @throws Error for a label that is not YYYY, YYYY-Qn or YYYY-MM.
 * @example nextPeriod("2024-Q4") // "2025-Q1"
 */
export function nextPeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const q = Number(quarter[2]);
    return q === 4 ? `${Number(quarter[1]) + 1}-Q1` : `${quarter[1]}-Q${q + 1}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const m = Number(month[2]);
    return m === 12 ? `${Number(month[1]) + 1}-01` : `${month[1]}-${String(m + 1).padStart(2, "0")}`;
  }
  const year = /^(\d{4})$/.exec(period);
  if (year) return String(Number(year[1]) + 1);
  throw new Error(`pooled-rate: unrecognised period "${period}"`);
}

interface Panel {
  ids: string[];
  periods: string[];
  /** z = log((y + 1) / population × 10,000), row per series, NaN when missing. */
  z: Float64Array[];
  y: Float64Array[];
  /** Population per series and period (1e4 when none: the level scale). */
  population: Float64Array[];
  peers: Int32Array[];
}

function buildPanel(series: SeriesSet, options: PooledRateOptions): Panel {
  const periods = [...new Set(series.flatMap((s) => s.periods))].sort();
  const position = new Map(periods.map((p, i) => [p, i]));
  const ids = series.map((s) => s.id);
  const y = series.map((s) => {
    const row = new Float64Array(periods.length).fill(NaN);
    s.periods.forEach((p, i) => { const v = s.values[i]; row[position.get(p)!] = Number.isFinite(v) && v >= 0 ? v : NaN; });
    return row;
  });
  const population = series.map((s) => {
    const known = options.population?.[s.id];
    const row = new Float64Array(periods.length).fill(NaN);
    if (!known) return row.fill(1e4);
    periods.forEach((p, i) => { const v = known[p]; if (Number.isFinite(v) && v > 0) row[i] = v; });
    // Fill gaps with the nearest known population (ONS estimates start in 2012 and lag a year).
    const knownAt = periods.map((_, i) => i).filter((i) => Number.isFinite(row[i]));
    if (knownAt.length === 0) return row.fill(1e4);
    for (let i = 0; i < periods.length; i++) {
      if (Number.isFinite(row[i])) continue;
      const nearest = knownAt.reduce((best, k) => (Math.abs(k - i) < Math.abs(best - i) ? k : best), knownAt[0]);
      row[i] = row[nearest];
    }
    return row;
  });
  const z = y.map((row, j) => Float64Array.from(row, (v, i) => Math.log((v + 1) / population[j][i] * 1e4)));
  const idIndex = new Map(ids.map((id, i) => [id, i]));
  const laIndex = new Map<string, number>();
  ids.forEach((id, i) => { const la = findLa(id); if (la) laIndex.set(la.oldCode, i); });
  const peers = ids.map((id) => {
    const given = options.peers?.[id];
    if (given) return Int32Array.from(given.map((p) => idIndex.get(p)).filter((i): i is number => i !== undefined));
    const la = findLa(id);
    if (la) {
      const neighbours = statisticalNeighbours(la).map((n) => laIndex.get(n.oldCode)).filter((i): i is number => i !== undefined);
      // Successor LAs (e.g. after a split) may have no neighbours listed: fall back to predecessors' neighbours, then to all.
      if (neighbours.length >= 3) return Int32Array.from(neighbours);
      const viaPredecessors = la.predecessors.flatMap((p) => { const pl = findLa(p); return pl ? statisticalNeighbours(pl) : []; })
        .map((n) => laIndex.get(n.oldCode)).filter((i): i is number => i !== undefined);
      if (viaPredecessors.length >= 3) return Int32Array.from(new Set(viaPredecessors));
    }
    return Int32Array.from(ids.keys());
  });
  return { ids, periods, z, y, population, peers };
}

/** Local trend (mean log change over the last `window` steps of observed data up to `end`) and local line level at the last observation. */
function localState(z: Float64Array, end: number, window: number): { last: number; lastIndex: number; trend: number; line: number } {
  const observed: number[] = [];
  for (let t = end; t >= 0 && observed.length <= window; t--) if (Number.isFinite(z[t])) observed.push(t);
  if (observed.length === 0) return { last: NaN, lastIndex: -1, trend: NaN, line: NaN };
  const lastIndex = observed[0];
  const last = z[lastIndex];
  if (observed.length < 2) return { last, lastIndex, trend: NaN, line: last };
  const first = observed[observed.length - 1];
  const trend = (last - z[first]) / (lastIndex - first);
  let mean = 0;
  let meanTime = 0;
  for (const t of observed) { mean += z[t]; meanTime += t; }
  mean /= observed.length;
  meanTime /= observed.length;
  return { last, lastIndex, trend, line: mean + trend * (lastIndex - meanTime) };
}

function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

interface OriginState {
  last: Float64Array; lastIndex: Int32Array; local: Float64Array; line: Float64Array; peer: Float64Array; national: number;
}

function originState(panel: Panel, end: number, window: number): OriginState {
  const count = panel.ids.length;
  const last = new Float64Array(count);
  const lastIndex = new Int32Array(count);
  const local = new Float64Array(count);
  const line = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const s = localState(panel.z[j], end, window);
    last[j] = s.last; lastIndex[j] = s.lastIndex; local[j] = s.trend; line[j] = s.line;
  }
  const national = median(Array.from(local));
  const peer = Float64Array.from(panel.peers, (p) => { const m = median(Array.from(p, (i) => local[i])); return Number.isFinite(m) ? m : national; });
  return { last, lastIndex, local, line, peer, national: Number.isFinite(national) ? national : 0 };
}

/** Log-scale forecast of series j at index `target` from an origin state. */
function predictLog(state: OriginState, j: number, target: number, p: PooledRateParameters): number {
  if (state.lastIndex[j] < 0) return NaN;
  const local = Number.isFinite(state.local[j]) ? state.local[j] : state.peer[j];
  const trend = p.localWeight * local + p.peerWeight * state.peer[j] + p.nationalWeight * state.national;
  const steps = target - state.lastIndex[j];
  let multiplier = 0;
  let power = 1;
  for (let i = 0; i < steps; i++) { power *= p.damping; multiplier += power; }
  const level = p.levelSmoothing * state.last[j] + (1 - p.levelSmoothing) * state.line[j];
  return level + trend * multiplier;
}

function toLevel(_panel: Panel, _j: number, zValue: number, populationValue: number): number {
  return Math.max(0, Math.exp(zValue) * populationValue / 1e4 - 1);
}

/**
 * Mean absolute yearly change (MASE scale) of y up to `end`, and of z. With `leaveOut`
 * [from, to], the changes into, out of or across periods from + 1..to are left out (the
 * scale of a calibration error must not contain the change it scores).
 */
function scales(panel: Panel, end: number, leaveOut?: [number, number]): { level: Float64Array; log: Float64Array } {
  const level = new Float64Array(panel.ids.length);
  const log = new Float64Array(panel.ids.length);
  const [from, to] = leaveOut ?? [end, end];
  panel.ids.forEach((_, j) => {
    let sum = 0; let sumLog = 0; let count = 0; let previous = -1;
    for (let t = 0; t <= end; t++) {
      if (t > from && t <= to) { previous = -1; continue; }
      if (!Number.isFinite(panel.y[j][t])) continue;
      if (previous >= 0) { sum += Math.abs(panel.y[j][t] - panel.y[j][previous]) / (t - previous); sumLog += Math.abs(panel.z[j][t] - panel.z[j][previous]) / (t - previous); count++; }
      previous = t;
    }
    level[j] = count ? sum / count : NaN;
    log[j] = count ? sumLog / count : NaN;
  });
  const floor = (values: Float64Array) => {
    const m = median(Array.from(values).filter((v) => v > 0));
    const fallback = Number.isFinite(m) ? m : 1;
    for (let j = 0; j < values.length; j++) if (!(values[j] > 0.25 * fallback)) values[j] = Math.max(0.25 * fallback, Number.isFinite(values[j]) ? values[j] : fallback);
  };
  floor(level);
  floor(log);
  return { level, log };
}

/** Every parameter combination of the grid. */
function parameterGrid(): PooledRateParameters[] {
  const grid: PooledRateParameters[] = [];
  for (const levelSmoothing of LEVEL_SMOOTHING) for (const trendWindow of TREND_WINDOW) for (const damping of DAMPING)
    for (const localWeight of WEIGHTS) for (const peerWeight of WEIGHTS) for (const nationalWeight of WEIGHTS) {
      if (localWeight + peerWeight + nationalWeight > 1 + 1e-9) continue;
      if (localWeight + peerWeight + nationalWeight === 0 && damping !== DAMPING[0]) continue;
      grid.push({ levelSmoothing, trendWindow, localWeight, peerWeight, nationalWeight, damping });
    }
  return grid;
}

/**
 * Grid search for the parameters with the least mean absolute scaled error over horizons
 * 1..`horizon` at the `originCount` origins before `end`, judged only on data up to `end`.
 */
function tune(panel: Panel, grid: PooledRateParameters[], stateAt: (origin: number, window: number) => OriginState, end: number, originCount: number, horizon: number, levelScale: Float64Array): { parameters: PooledRateParameters; error: number } {
  const origins: number[] = [];
  for (let o = end - 1; o >= 2 && origins.length < originCount; o--) origins.push(o);
  let best = { levelSmoothing: 1, trendWindow: 3, localWeight: 0, peerWeight: 0, nationalWeight: 0, damping: 0.5 } as PooledRateParameters;
  let bestError = Infinity;
  for (const p of grid) {
    let total = 0;
    let n = 0;
    for (const origin of origins) {
      const state = stateAt(origin, p.trendWindow);
      for (let h = 1; h <= horizon && origin + h <= end; h++) {
        for (let j = 0; j < panel.ids.length; j++) {
          const actual = panel.y[j][origin + h];
          if (!Number.isFinite(actual)) continue;
          const forecast = toLevel(panel, j, predictLog(state, j, origin + h, p), panel.population[j][origin]);
          if (!Number.isFinite(forecast)) continue;
          total += Math.abs(actual - forecast) / levelScale[j];
          n++;
        }
      }
    }
    const error = n ? total / n : Infinity;
    if (error < bestError - 1e-12) { bestError = error; best = p; }
  }
  return { parameters: best, error: bestError };
}

/**
 * Tunes the pooled model on the panel and forecasts every series `horizon` steps ahead.
 * Returns the forecasts, the chosen parameters and their tuning error (mean absolute scaled error).
 * @throws Error when horizon < 1.
 * @example fitPooledRate([{ id: "a", periods: ["2020", "2021", "2022", "2023"], values: Float64Array.of(5, 5, 5, 5), frequency: 1 }], {}, 2, [95]).table.map((r) => r.period) // ["2024", "2025"]
 */
export function fitPooledRate(series: SeriesSet, options: PooledRateOptions, horizon: number, levels: number[]): { table: ForecastTable; parameters: PooledRateParameters; tuningError: number } {
  if (!(horizon >= 1)) throw new Error("pooled-rate: horizon must be at least 1");
  const panel = buildPanel(series, options);
  const T = panel.periods.length - 1;
  const tuningHorizon = Math.max(1, Math.min(options.tuningHorizon ?? Math.min(horizon, 3), T));
  const originCount = options.tuningOrigins ?? 3;
  const scale = scales(panel, T);

  // States at each origin for each window (each uses only data up to its origin).
  const states = new Map<string, OriginState>();
  const stateAt = (origin: number, window: number) => {
    const key = `${origin}:${window}`;
    let s = states.get(key);
    if (!s) states.set(key, (s = originState(panel, origin, window)));
    return s;
  };
  const grid = parameterGrid();
  // 1. Parameters for the forecast: grid search at the last origins of the panel.
  const { parameters: best, error: bestError } = tune(panel, grid, stateAt, T, originCount, tuningHorizon, scale.level);

  // 2. Forecast from the end of the panel (intervals come from the plan's calibration).
  const state = stateAt(T, best.trendWindow);
  const table: ForecastTable = [];
  panel.ids.forEach((id, j) => {
    let period = panel.periods[T];
    const lastPopulation = panel.population[j][T];
    for (let h = 1; h <= horizon; h++) {
      period = nextPeriod(period);
      const projected = options.populationProjection?.[id]?.[period];
      const population = options.population?.[id] && Number.isFinite(projected) && projected! > 0 ? projected! : lastPopulation;
      const zForecast = predictLog(state, j, T + h, best);
      const row: ForecastRow = { series_id: id, period, step: h, model: "pooled-rate", mean: toLevel(panel, j, zForecast, population), lower: {}, upper: {} };
      for (const level of levels) { row.lower[level] = Number.NaN; row.upper[level] = Number.NaN; }
      table.push(row);
    }
  });
  return { table, parameters: best, tuningError: bestError };
}

/**
 * The pooled-rate global model (see the module comment). Learns across every series passed to
 * `forecastMany`; a series with no observation gets NaN forecasts.
 * @throws Error from `forecastMany` when horizon < 1 or a period label is not YYYY, YYYY-Qn or YYYY-MM.
 * @example pooledRate().forecastMany([{ id: "a", periods: ["2020", "2021", "2022", "2023"], values: Float64Array.of(10, 10, 10, 10), frequency: 1 }], { horizon: 1, levels: [80] })[0].mean // 10
 */
export function pooledRate(options: PooledRateOptions = {}): GlobalModelSpec {
  return {
    name: "pooled-rate",
    global: true,
    forecastMany(series: Series[], { horizon, levels, covariates }) {
      // A plan's population covariates (aligned with each series) when none was given here.
      const population = options.population ?? (covariates?.population ? Object.fromEntries(series.filter((s) => covariates.population![s.id]).map((s) => [s.id, Object.fromEntries(s.periods.map((p, i) => [p, covariates.population![s.id]![i]!]))])) : undefined);
      return fitPooledRate(series, { ...options, population }, horizon, levels).table;
    },
  };
}

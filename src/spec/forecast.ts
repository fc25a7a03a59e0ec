/**
 * Forecasting types shared by kernels, models and the grammar (forecast, crossValidate,
 * accuracy, reconcile). Shapes follow fable/statsforecast: fitting and forecasting are
 * separate steps; many series at once through the grammar.
 */

/** One time series. `values` uses NaN for a missing observation (never 0). */
export interface Series {
  id: string;
  /** Period labels, same length as values: "2025", "2024-Q3" or "2024-07". */
  periods: string[];
  values: Float64Array;
  /** Observations per year: 1 (annual), 4 (quarterly), 12 (monthly). */
  frequency: number;
}

export type SeriesSet = Series[];

export interface FitOptions {
  frequency: number;
  /** Forecasts and intervals are clamped at zero when true (counts of children). */
  nonNegative?: boolean;
}

/** Point forecasts and central prediction intervals, by level (80 means an 80% interval). */
export interface ForecastBand {
  mean: Float64Array;
  lower: Record<number, Float64Array>;
  upper: Record<number, Float64Array>;
}

export interface Fitted<P = unknown> {
  /** The model actually used, e.g. "ETS(A,Ad,N)" or "theta"; names a fallback if one was used. */
  model: string;
  params: P;
  logLik: number;
  aicc: number;
  /** One-step-ahead in-sample fitted values and residuals (y - fitted), NaN where undefined. */
  fitted: Float64Array;
  residuals: Float64Array;
  sigma2: number;
  forecast(horizon: number, levels: number[]): ForecastBand;
}

export interface ModelSpec<P = unknown> {
  name: string;
  fit(y: Float64Array, options: FitOptions): Fitted<P>;
}

/** One forecast row, long form. `actual` and `origin` are set by cross-validation. */
export interface ForecastRow {
  series_id: string;
  period: string;
  /** Steps ahead from the forecast origin (1 = next period). */
  step: number;
  model: string;
  mean: number;
  /** Interval bounds by level: lower[80], upper[80], ... */
  lower: Record<number, number>;
  upper: Record<number, number>;
  actual?: number;
  /** Index (0-based, into the series) of the last observation used to fit. */
  origin?: number;
}

export type ForecastTable = ForecastRow[];

/** A hierarchy or grouping: bottom series ids and, for each aggregate, the bottom ids it sums. */
export interface Hierarchy {
  bottom: string[];
  aggregates: Array<{ id: string; members: string[] }>;
}

/**
 * A model that learns across many series at once (e.g. LA rates shrunk toward their
 * footprint trend). `forecastMany` returns rows for every series in the set.
 */
export interface GlobalModelSpec {
  name: string;
  global: true;
  forecastMany(series: SeriesSet, options: { horizon: number; levels: number[] }): ForecastTable;
}

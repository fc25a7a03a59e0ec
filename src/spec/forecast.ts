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
  /**
   * Point forecasts 1..horizon from an earlier origin (0-based index into the fitted data),
   * re-running the model's filter with the parameters already fitted instead of refitting.
   * Optional: calibration refits models that lack it. Used to calibrate intervals from many
   * earlier origins at the cost of one fit per series.
   */
  forecastFrom?(origin: number, horizon: number): Float64Array;
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
  /**
   * The calibrated predictive distribution behind the interval bounds (set by a plan with
   * conformal calibration): read any quantile with `forecastQuantile(row, p)` and the
   * probability of exceeding a value with `forecastProbabilityAbove(row, x)`.
   */
  distribution?: ForecastDistribution;
}

/**
 * The predictive distribution of one forecast cell: value = mean + scale x score, where the
 * score follows the empirical distribution of the signed calibration scores (actual minus
 * forecast, divided by the series' scale at its origin) of the cell's calibration group at
 * this step (and, so uncertainty never shrinks with the horizon, at every earlier step).
 */
export interface ForecastDistribution {
  /** Sorted signed scores by step (index step - 1), shared by every cell of a calibration group. */
  scores: readonly Float64Array[];
  step: number;
  /** The series' scale at the forecast origin (mean absolute lag-m change). */
  scale: number;
  /** The smallest possible value (0 for counts; -Infinity otherwise). */
  floor: number;
  /** The calibration group, e.g. "Local authority" or "Regional|foster". */
  group: string;
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
  forecastMany(series: SeriesSet, options: GlobalForecastOptions): ForecastTable;
}

/** What a global model is told besides the series: horizon, levels and per-series covariates. */
export interface GlobalForecastOptions {
  horizon: number;
  levels: number[];
  /** Covariates by series id, aligned with each series' periods (data up to the origin only). */
  covariates?: PanelCovariates;
}

/** Per-series covariates a global model may use. */
export interface PanelCovariates {
  /** Population (children aged 0-17) by series id, one value per period of the series; NaN when unknown. */
  population?: Record<string, Float64Array>;
  /** Group of each series id (e.g. the region of an LA): models may learn group effects and pull toward the group's rate. */
  groups?: Record<string, string>;
}

/** Any model the grammar accepts: local (one series at a time) or global (across series). */
export type AnyModelSpec = ModelSpec | GlobalModelSpec;

/**
 * True for a global (cross-series) model.
 * @throws never.
 * @example isGlobal({ name: "g", global: true, forecastMany: () => [] }) // true
 */
export function isGlobal(spec: AnyModelSpec): spec is GlobalModelSpec {
  return (spec as GlobalModelSpec).global === true;
}

/** A series whose model failed: never dropped, forecast by a named fallback and counted. */
export interface ModelFailure {
  series_id: string;
  /** The model that failed. */
  model: string;
  /** What went wrong, in words. */
  reason: string;
  /** The model used instead (e.g. "naive"), or "none" when the series could not be forecast at all. */
  fallback: string;
}

/** How the reconciled forecasts are made coherent (see forecast/reconcile.ts). */
export type ReconcileMethod = "bottom-up" | "top-down" | "ols" | "wls-structural" | "wls-variance" | "mint-shrink";

/**
 * How a plan's intervals are made. "conformal": from the plan's own signed errors at earlier
 * origins (the whole plan re-run on the data up to each), pooled by calibration group and
 * step; "model": the model's own (analytic) intervals.
 */
export interface Calibration {
  method: "conformal" | "model";
  /** Earlier origins whose errors calibrate: a number (the most recent ones) or "all" (every origin with enough history). */
  origins?: number | "all";
  /**
   * How the forecasts at earlier origins are made: "refit" re-runs the whole plan on the data
   * up to each origin; "refilter" fits each local model once (at the forecast origin) and
   * re-runs its filter from the earlier origins (global models always refit).
   */
  reuse?: "refit" | "refilter";
  /** A group with fewer scores than this at a step borrows the scores of its fallback group (default 30). */
  minimumScores?: number;
  /** Calibrate a series on its own errors when it has at least this many at every step (default: never). */
  ownScores?: number;
}

/** Aggregates shown beside the forecast, summed from the reconciled bottom series (footprints: may overlap and cross regions). */
export interface PanelSum {
  id: string;
  /** Bottom series ids. */
  members: string[];
}

/**
 * A breakdown of each bottom series into parts (an LA's children by placement type), forecast
 * as the bottom's reconciled forecast times the part's recent share, so parts always add up.
 */
export interface PanelParts {
  /** History of every part, on the panel's grid (an LA's suppressed cells hold their share of the LA's unallocated total). */
  series: SeriesSet;
  /** Part ids of each bottom id. */
  of: Record<string, string[]>;
  /** The part key of each part id (e.g. "foster"), used to sum parts of aggregates and to group calibration. */
  key: Record<string, string>;
  /** Observed shares averaged over this many latest years (default 1: the latest share). */
  shareWindow?: number;
}

/**
 * The data a plan forecasts: the series its model fits, and how the shown outputs derive from
 * them (splits across boundary changes, aggregates, footprint sums, breakdowns).
 */
export interface Panel {
  /** Series the model fits (LAs, combined areas across a boundary change, or a long CSV's series). */
  series: SeriesSet;
  /** True when every series shares one time grid (periods identical): origins are periods; otherwise each series is cut back from its own end. */
  aligned: boolean;
  covariates?: PanelCovariates;
  /** A model series split into bottom series by fixed shares (a combined area across a boundary change). */
  splits?: Record<string, Array<{ id: string; share: number }>>;
  /** Histories of bottom series that are not model series (successors split from a combined area), on the grid. */
  bottoms?: SeriesSet;
  /** Footprints summed from the reconciled bottoms (not reconciled themselves, so they never move England). */
  sums?: PanelSum[];
  /** Breakdowns of the bottoms (e.g. by placement group, and separately by age band): each adds up to the bottom's forecast. */
  parts?: PanelParts[];
  /** Layer of each output id ("Local authority", "Regional", "National", "Footprint"): calibration groups and accuracy by layer. */
  layers?: Record<string, string>;
  /** Clamp forecasts and bounds at zero (counts). Default: when no value is negative. */
  nonNegative?: boolean;
  /** Plain-language notes from building the panel (boundary changes, rows not used, allocations). */
  notes?: string[];
}

/** Choose among models by rolling-origin MASE on the panel (data before the forecast origin only). */
export interface ModelChoice {
  choose: AnyModelSpec[];
  /** Rolling origins used to choose (default 3). */
  origins?: number;
}

/**
 * A forecast as used: one value with its data, model, calibration, reconciliation and levels.
 * `run(plan, { horizon })` forecasts; `evaluate(plan, { origins, horizon })` re-runs the whole
 * plan at each origin on the data up to it and scores it. What is shown is what is evaluated.
 */
export interface ForecastPlan {
  panel: Panel;
  model: AnyModelSpec | ModelChoice;
  calibration: Calibration;
  /** LA -> region -> England: aggregates' base forecasts from `model` (or `baseModel`), reconciled by `method`. */
  reconcile?: { hierarchy: Hierarchy; method: ReconcileMethod; baseModel?: AnyModelSpec };
  /** Interval levels in percent. */
  levels: number[];
}

/**
 * Forecast reconciliation for hierarchies and groupings (LA -> footprint -> England, crossed
 * with a dimension such as placement type). References: Hyndman & Athanasopoulos,
 * *Forecasting: Principles and Practice* (3rd ed.), chapter 11; Wickramasuriya,
 * Athanasopoulos & Hyndman (2019), "Optimal forecast reconciliation for hierarchical and
 * grouped time series through trace minimization", JASA 114:804-819 (MinT).
 *
 * Methods:
 * - `bottom-up`: aggregates are the sums of the bottom forecasts.
 * - `top-down`: the forecast of the top series (the aggregate of every bottom series) is
 *   split by historical proportions. Default `average-of-proportions` (Gross & Sohl method A,
 *   the `hts` default): p_j = mean_t(y_jt / Σ_b y_bt); alternative
 *   `proportion-of-averages` (method F): p_j = Σ_t y_jt / Σ_t Σ_b y_bt. Years where any
 *   bottom series is missing are left out.
 * - `ols`, `wls-structural` (W = diag(S 1): number of bottom series each series sums),
 *   `wls-variance` (W = diag of in-sample one-step residual variances) and `mint-shrink`
 *   (W = Schäfer-Strimmer shrinkage of the residual covariance toward its diagonal): the
 *   generalised least squares projection ỹ = S (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ ŷ, computed as
 *   ŷ - W Cᵀ (C W Cᵀ)⁻¹ C ŷ.
 *
 * Non-negativity (default on, counts of children): for the projection methods (OLS, WLS,
 * MinT) an active set is used: bottom series that come out negative are held at zero by extra
 * constraints and the projection is solved again, until no bottom series is negative (the
 * other series absorb the difference in the W⁻¹ metric; cf. Wickramasuriya, Turlach & Hyndman
 * 2020, "Optimal non-negative forecast reconciliation", Stat. Comput. 30:1167, which solves the
 * exact NNLS problem; this active-set heuristic coincides with it when the final active set is
 * the optimal one). Any negative that remains (and for bottom-up and top-down, whose bottoms
 * are non-negative when the base forecasts are) is set to zero and the aggregates re-summed.
 * The result is coherent and non-negative, and equals the unconstrained result whenever that
 * had no negatives.
 *
 * Intervals (option `intervals`): quantiles do not add up, so coherent point forecasts do not
 * come with additive intervals. Two honest choices are offered:
 * - "shift" (default): each series keeps its own base interval, moved with its reconciled
 *   mean (lower and upper distances from the mean unchanged; clamped at zero). Widths stay
 *   those of the base model, so calibrated (conformal) base intervals keep their measured
 *   coverage; the backtest in bench/la-backtest.bench.ts shows this beats "scale" on the LA
 *   data, because LA errors are strongly correlated and a few years of errors cannot
 *   estimate that correlation.
 * - "scale": the reconciled forecast is a linear map ỹ = M ŷ of the base forecasts; with
 *   Σ = D R D (D the base standard deviations read off the base intervals, Gaussian
 *   half-width / z; R the shrunk residual correlation when residuals are given, else the
 *   identity), the reconciled sd is sqrt(diag(M Σ Mᵀ)) and each base interval's distances
 *   from its mean are scaled by reconciled sd / base sd (marginals of a coherent Gaussian
 *   approximation, not quantiles of reconciled sample paths).
 * A series with no base interval (an aggregate absent from the table under bottom-up) gets a
 * Gaussian interval from its propagated sd in both modes.
 */
import type { ForecastRow, ForecastTable, Hierarchy, ReconcileMethod } from "../spec/forecast.ts";
import { cholesky } from "../stats/cholesky.ts";
import { normalQuantile } from "../stats/normal-quantile.ts";
import { shrinkageCovariance } from "../stats/shrinkage-covariance.ts";
import { aggregateBottomUp, hierarchyStructure, type HierarchyStructure } from "./reconcile/hierarchy-structure.ts";
import { constraintRows, constraintValues, projectionGain } from "./reconcile/projection-gain.ts";

export type { ReconcileMethod } from "../spec/forecast.ts";

export const RECONCILE_METHODS: readonly ReconcileMethod[] = ["bottom-up", "top-down", "ols", "wls-structural", "wls-variance", "mint-shrink"];

export interface ReconcileOptions {
  /** In-sample one-step residuals by series id, aligned at the end (last value = last period). Needed by wls-variance and mint-shrink. */
  residuals?: Record<string, Float64Array>;
  /** Observed history by series id, aligned at the end. Needed by top-down. */
  history?: Record<string, Float64Array>;
  topDown?: "average-of-proportions" | "proportion-of-averages";
  /** Clamp at zero (default true). */
  nonNegative?: boolean;
  /**
   * How intervals follow the reconciled mean (default "shift"): "shift" moves each series' own
   * base interval with its mean (widths unchanged, so calibrated base widths stay calibrated);
   * "scale" also scales the widths by the propagated sd ratio (see the module comment).
   */
  intervals?: "shift" | "scale";
}

interface LinearMap {
  apply(y: Float64Array): Float64Array;
  /** For projection methods: the weights W, so the map can be rebuilt with bottoms held at zero. */
  weights?: Float64Array;
}

function rightAligned(structure: HierarchyStructure, source: Record<string, Float64Array>, what: string): { matrix: Float64Array; length: number } {
  const n = structure.ids.length;
  let length = 0;
  for (const id of structure.ids) {
    const series = source[id];
    if (!series) throw new Error(`reconcile: no ${what} for series "${id}"`);
    length = Math.max(length, series.length);
  }
  const matrix = new Float64Array(length * n).fill(NaN);
  structure.ids.forEach((id, j) => {
    const series = source[id];
    const offset = length - series.length;
    for (let t = 0; t < series.length; t++) matrix[(offset + t) * n + j] = series[t];
  });
  return { matrix, length };
}

function projectionMap(structure: HierarchyStructure, weights: Float64Array, fixedAtZero: readonly number[] = []): LinearMap {
  const gain = projectionGain(structure, weights, fixedAtZero);
  const rows = constraintRows(structure, fixedAtZero);
  const n = structure.ids.length;
  const k = rows.length;
  return {
    weights,
    apply(y) {
      const c = constraintValues(rows, y);
      const out = Float64Array.from(y);
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let a = 0; a < k; a++) v += gain[i * k + a] * c[a];
        out[i] -= v;
      }
      return out;
    },
  };
}

function topDownMap(structure: HierarchyStructure, history: Record<string, Float64Array>, kind: ReconcileOptions["topDown"]): LinearMap {
  const n = structure.ids.length;
  const top = structure.members.findIndex((m) => m.length === structure.bottomCount);
  if (top < 0) throw new Error("reconcile: top-down needs an aggregate that sums every bottom series");
  const bottomIds = structure.ids.slice(structure.aggregateCount);
  const subset: Record<string, Float64Array> = {};
  for (const id of bottomIds) {
    if (!history[id]) throw new Error(`reconcile: top-down needs the history of "${id}"`);
    subset[id] = history[id];
  }
  const bottomOnly = hierarchyStructure({ bottom: bottomIds, aggregates: [] });
  const { matrix, length } = rightAligned(bottomOnly, subset, "history");
  const m = bottomIds.length;
  const proportions = new Float64Array(m);
  let years = 0;
  let grand = 0;
  for (let t = 0; t < length; t++) {
    let total = 0;
    let complete = true;
    for (let j = 0; j < m; j++) { const v = matrix[t * m + j]; if (!Number.isFinite(v)) complete = false; else total += v; }
    if (!complete || !(total > 0)) continue;
    years++;
    grand += total;
    for (let j = 0; j < m; j++) proportions[j] += kind === "proportion-of-averages" ? matrix[t * m + j] : matrix[t * m + j] / total;
  }
  if (years === 0) throw new Error("reconcile: top-down found no year with every bottom series observed");
  const sum = proportions.reduce((s, v) => s + v, 0);
  for (let j = 0; j < m; j++) proportions[j] = sum > 0 ? proportions[j] / sum : 1 / m;
  void grand;
  return {
    apply(y) {
      const out = new Float64Array(n);
      for (let j = 0; j < m; j++) out[structure.aggregateCount + j] = y[top] * proportions[j];
      return aggregateBottomUp(structure, out);
    },
  };
}

function linearMap(structure: HierarchyStructure, method: ReconcileMethod, options: ReconcileOptions, covariance: () => Float64Array): LinearMap {
  const n = structure.ids.length;
  switch (method) {
    case "bottom-up":
      return { apply: (y) => aggregateBottomUp(structure, Float64Array.from(y)) };
    case "top-down":
      if (!options.history) throw new Error("reconcile: top-down needs options.history");
      return topDownMap(structure, options.history, options.topDown ?? "average-of-proportions");
    case "ols":
      return projectionMap(structure, new Float64Array(n).fill(1));
    case "wls-structural": {
      const weights = new Float64Array(n).fill(1);
      for (let a = 0; a < structure.aggregateCount; a++) weights[a] = structure.members[a].length;
      return projectionMap(structure, weights);
    }
    case "wls-variance": {
      const full = covariance();
      return projectionMap(structure, Float64Array.from({ length: n }, (_, i) => full[i * n + i]));
    }
    case "mint-shrink":
      return projectionMap(structure, covariance());
    default:
      throw new Error(`reconcile: unknown method "${method as string}"`);
  }
}

/** Standard normal quantile for a central interval at `level` percent. */
function zFor(level: number): number {
  return normalQuantile(0.5 + level / 200);
}

function baseSd(row: ForecastRow | undefined): number {
  if (!row) return NaN;
  const widths: number[] = [];
  for (const key of Object.keys(row.lower)) {
    const level = Number(key);
    const lo = row.lower[level];
    const hi = row.upper[level];
    if (Number.isFinite(lo) && Number.isFinite(hi) && hi > lo && level > 0 && level < 100) widths.push((hi - lo) / (2 * zFor(level)));
  }
  return widths.length ? widths.reduce((s, v) => s + v, 0) / widths.length : NaN;
}

/**
 * Reconciles a forecast table over a hierarchy so every aggregate equals the sum of its
 * parts, for every forecast period (and cross-validation origin). See the module comment for
 * the methods, the non-negativity rule and how intervals are made.
 *
 * Stages: 1. index the hierarchy; 2. group the rows by (origin, period); 3. build the
 * linear map of the method (and the base covariance when needed); 4. map each group's
 * means; 5. clamp and re-sum for non-negativity; 6. scale intervals by the propagated sd.
 * @throws Error when a bottom series (or, except for bottom-up, any series) has no row in a
 *   group, when a method's required residuals/history are missing, or the hierarchy is malformed.
 * @example reconcile([{ series_id: "a", period: "2026", step: 1, model: "naive", mean: 2, lower: {}, upper: {} }, { series_id: "b", period: "2026", step: 1, model: "naive", mean: 3, lower: {}, upper: {} }], { bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }, "bottom-up").find((r) => r.series_id === "t")?.mean // 5
 */
export function reconcile(table: ForecastTable, hierarchy: Hierarchy, method: ReconcileMethod, options: ReconcileOptions = {}): ForecastTable {
  const structure = hierarchyStructure(hierarchy);
  const n = structure.ids.length;
  const nonNegative = options.nonNegative ?? true;
  const intervalMode = options.intervals ?? "shift";

  const groups = new Map<string, Map<string, ForecastRow>>();
  for (const row of table) {
    if (!structure.index.has(row.series_id)) continue;
    const key = `${row.origin ?? ""}\u0000${row.period}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Map()));
    group.set(row.series_id, row);
  }

  let correlationFactor: Float64Array | undefined;
  let covarianceCache: Float64Array | undefined;
  const covariance = () => {
    if (covarianceCache) return covarianceCache;
    if (!options.residuals) throw new Error(`reconcile: ${method} needs options.residuals (in-sample one-step residuals of every series)`);
    const { matrix, length } = rightAligned(structure, options.residuals, "residuals");
    covarianceCache = shrinkageCovariance(matrix, length, n).covariance;
    return covarianceCache;
  };
  const map = linearMap(structure, method, options, covariance);
  const needsPropagation = intervalMode === "scale" || [...groups.values()].some((g) => g.size < n);
  if (needsPropagation && options.residuals && n <= 2500) {
    // Base error correlation for interval propagation (skipped for very large structures).
    try {
      const cov = covariance();
      const correlation = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) correlation[i * n + j] = cov[i * n + j] / Math.sqrt(cov[i * n + i] * cov[j * n + j]);
      for (let i = 0; i < n; i++) correlation[i * n + i] = 1 + 1e-9;
      correlationFactor = cholesky(correlation, n);
    } catch {
      correlationFactor = undefined;
    }
  }

  const out: ForecastTable = [];
  for (const group of groups.values()) {
    const base = new Float64Array(n);
    const rows: Array<ForecastRow | undefined> = structure.ids.map((id) => group.get(id));
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      const needed = method === "bottom-up" ? i >= structure.aggregateCount : method === "top-down" ? i >= structure.aggregateCount || structure.members[i].length === structure.bottomCount : true;
      if (!row || !Number.isFinite(row.mean)) {
        if (needed) throw new Error(`reconcile: no forecast for "${structure.ids[i]}" in period ${[...group.values()][0].period}`);
        base[i] = 0;
      } else base[i] = row.mean;
    }
    let mean = map.apply(base);
    let groupMap = map;
    if (nonNegative && map.weights) {
      // Active set: hold negative bottom series at zero and project again, until none is negative.
      const fixed: number[] = [];
      for (let round = 0; round < structure.bottomCount; round++) {
        const negative: number[] = [];
        for (let i = structure.aggregateCount; i < n; i++) if (mean[i] < -1e-9 * (1 + Math.abs(base[i])) && !fixed.includes(i)) negative.push(i);
        if (negative.length === 0) break;
        fixed.push(...negative);
        groupMap = projectionMap(structure, map.weights, fixed);
        mean = groupMap.apply(base);
      }
    }
    if (nonNegative) {
      // Clamp what is left (rounding dust, bottom-up/top-down) and re-sum so coherence is exact.
      mean = Float64Array.from(mean, (v, i) => (i >= structure.aggregateCount ? Math.max(0, v) : v));
      aggregateBottomUp(structure, mean);
    }

    // Interval propagation: sd_i = sqrt(Σ_j (M D L)_{ij}²).
    const sd = new Float64Array(n).fill(NaN);
    const baseSds = rows.map(baseSd);
    const usable = baseSds.map((s, i) => (Number.isFinite(s) ? s : rows[i] ? 0 : 0));
    if (needsPropagation && baseSds.some((s) => Number.isFinite(s))) {
      const variance = new Float64Array(n);
      const column = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        column.fill(0);
        if (correlationFactor) for (let i = j; i < n; i++) column[i] = usable[i] * correlationFactor[i * n + j];
        else column[j] = usable[j];
        if (!column.some((v) => v !== 0)) continue;
        const mapped = groupMap.apply(column);
        for (let i = 0; i < n; i++) variance[i] += mapped[i] * mapped[i];
      }
      for (let i = 0; i < n; i++) sd[i] = Math.sqrt(variance[i]);
    }

    const levels = new Set<number>();
    for (const row of rows) if (row) for (const key of Object.keys(row.lower)) levels.add(Number(key));
    const template = rows.find((r) => r !== undefined)!;
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      const lower: Record<number, number> = {};
      const upper: Record<number, number> = {};
      const ratio = row && intervalMode === "shift" ? 1 : row && baseSds[i] > 0 && Number.isFinite(sd[i]) ? sd[i] / baseSds[i] : NaN;
      for (const level of levels) {
        let lo: number;
        let hi: number;
        if (row && Number.isFinite(ratio) && Number.isFinite(row.lower[level]) && Number.isFinite(row.upper[level])) {
          lo = mean[i] - (row.mean - row.lower[level]) * ratio;
          hi = mean[i] + (row.upper[level] - row.mean) * ratio;
        } else if (Number.isFinite(sd[i])) {
          lo = mean[i] - zFor(level) * sd[i];
          hi = mean[i] + zFor(level) * sd[i];
        } else {
          lo = NaN;
          hi = NaN;
        }
        if (nonNegative && Number.isFinite(lo)) lo = Math.max(0, lo);
        lower[level] = Math.min(lo, mean[i]);
        upper[level] = Math.max(hi, mean[i]);
      }
      const result: ForecastRow = {
        series_id: structure.ids[i],
        period: template.period,
        step: row?.step ?? template.step,
        model: row ? `${row.model}+${method}` : method,
        mean: mean[i],
        lower,
        upper,
      };
      const actual = row?.actual;
      if (actual !== undefined) result.actual = actual;
      if (template.origin !== undefined) result.origin = template.origin;
      out.push(result);
    }
  }
  return out;
}

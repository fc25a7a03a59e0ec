/**
 * Accuracy of forecasts against actuals, by series, by horizon and overall.
 */
import type { ForecastTable, SeriesSet } from "../spec/forecast.ts";
import { intervalScore } from "../stats/interval-score.ts";
import { naiveScale } from "../stats/naive-scale.ts";
import { symmetricPercentageError } from "../stats/symmetric-percentage-error.ts";

export interface IntervalAccuracy {
  /** Share of actuals inside the interval. */
  coverage: number;
  /** Mean interval (Winkler) score, in the data's units. */
  winkler: number;
  /** Mean scaled interval score (Winkler score divided by the MASE scale). */
  msis: number;
}

export interface AccuracyRow {
  scope: "series" | "horizon" | "overall";
  model: string;
  /** Set for scope "series". */
  series_id: string | null;
  /** Set for scope "horizon". */
  step: number | null;
  /** Forecasts with a finite actual. */
  n: number;
  me: number;
  mae: number;
  rmse: number;
  mape: number;
  smape: number;
  mase: number;
  rmsse: number;
  intervals: Record<number, IntervalAccuracy>;
}

export type AccuracyTable = AccuracyRow[];

export interface AccuracyOptions {
  /** The data the forecasts were made from: needed for MASE, RMSSE and MSIS (scales from data up to each row's origin). */
  series?: SeriesSet;
  /** Interval levels to score (default: every level present in the table). */
  levels?: number[];
  /** Lag of the scaling differences: "seasonal" (the series frequency, default) or 1. */
  scaleLag?: "seasonal" | 1;
  /** The label of the `model` column (default: the table's model names). */
  model?: string;
}

interface Contribution {
  seriesId: string; step: number;
  error: number; percentage: number; symmetric: number; scaled: number; squaredScaled: number;
  inside: Record<number, number>; score: Record<number, number>; scaledScore: Record<number, number>;
}

function mean(values: number[]): number {
  let total = 0, count = 0;
  for (const v of values) if (Number.isFinite(v)) { total += v; count++; }
  return count > 0 ? total / count : Number.NaN;
}

/**
 * Point and interval accuracy of a forecast table that carries actuals (from
 * `crossValidate`, or a forecast joined to held-out data). Measures: ME, MAE, RMSE, MAPE
 * (rows with a zero actual skipped), sMAPE (M3 definition), MASE and RMSSE (scaled by the
 * mean absolute / squared lag-m difference of the data up to each row's origin), and for each
 * level the coverage, the mean Winkler score and the MSIS. Every group mean weights forecasts
 * equally; with equal horizons per series the overall MASE and sMAPE equal the M3/M4
 * averages of per-series values. Rows without a finite actual or mean are skipped.
 *
 * Reference: Hyndman & Koehler (2006) IJF 22(4); Makridakis, Spiliotis & Assimakopoulos
 * (2020) "The M4 Competition", IJF 36(1) (sMAPE, MASE, MSIS); Hyndman & Athanasopoulos,
 * FPP3 section 5.8.
 * @throws never; measures that cannot be computed are NaN.
 * @example accuracy([{ series_id: "a", period: "2", step: 1, model: "naive", mean: 1, lower: {}, upper: {}, actual: 3, origin: 0 }]).at(-1)?.mae // 2
 */
export function accuracy(table: ForecastTable, options: AccuracyOptions = {}): AccuracyTable {
  const levels = options.levels ?? [...new Set(table.flatMap((r) => Object.keys(r.lower).map(Number)))].sort((a, b) => a - b);
  const seriesById = new Map((options.series ?? []).map((s) => [s.id, s]));
  const scaleCache = new Map<string, [number, number]>();
  const scalesFor = (id: string, origin: number | undefined): [number, number] => {
    const s = seriesById.get(id);
    if (!s) return [Number.NaN, Number.NaN];
    const end = origin ?? s.values.length - 1;
    const key = `${id}\u0000${end}`;
    let cached = scaleCache.get(key);
    if (!cached) {
      const history = s.values.subarray(0, end + 1);
      const lag = options.scaleLag === 1 || s.frequency <= 1 || history.length <= s.frequency ? 1 : s.frequency;
      cached = [naiveScale(history, lag, 1), naiveScale(history, lag, 2)];
      scaleCache.set(key, cached);
    }
    return cached;
  };
  const contributions: Contribution[] = [];
  for (const row of table) {
    const actual = row.actual;
    if (actual === undefined || !Number.isFinite(actual) || !Number.isFinite(row.mean)) continue;
    const error = actual - row.mean;
    const [scale, squaredScale] = scalesFor(row.series_id, row.origin);
    const inside: Record<number, number> = {}, score: Record<number, number> = {}, scaledScore: Record<number, number> = {};
    for (const level of levels) {
      const lower = row.lower[level], upper = row.upper[level];
      if (lower === undefined || upper === undefined || !Number.isFinite(lower) || !Number.isFinite(upper)) {
        inside[level] = score[level] = scaledScore[level] = Number.NaN;
        continue;
      }
      inside[level] = actual >= lower && actual <= upper ? 1 : 0;
      score[level] = intervalScore(lower, upper, actual, level);
      scaledScore[level] = scale > 0 ? score[level]! / scale : Number.NaN;
    }
    contributions.push({
      seriesId: row.series_id, step: row.step, error,
      percentage: actual !== 0 ? (100 * Math.abs(error)) / Math.abs(actual) : Number.NaN,
      symmetric: symmetricPercentageError(actual, row.mean),
      scaled: scale > 0 ? Math.abs(error) / scale : Number.NaN,
      squaredScaled: squaredScale > 0 ? (error * error) / squaredScale : Number.NaN,
      inside, score, scaledScore,
    });
  }
  const model = options.model ?? ([...new Set(table.map((r) => r.model))].join("; ") || "none");
  const summarise = (scope: AccuracyRow["scope"], group: Contribution[], seriesId: string | null, step: number | null): AccuracyRow => {
    const intervals: Record<number, IntervalAccuracy> = {};
    for (const level of levels) {
      intervals[level] = {
        coverage: mean(group.map((c) => c.inside[level]!)),
        winkler: mean(group.map((c) => c.score[level]!)),
        msis: mean(group.map((c) => c.scaledScore[level]!)),
      };
    }
    return {
      scope, model, series_id: seriesId, step, n: group.length,
      me: mean(group.map((c) => c.error)),
      mae: mean(group.map((c) => Math.abs(c.error))),
      rmse: Math.sqrt(mean(group.map((c) => c.error * c.error))),
      mape: mean(group.map((c) => c.percentage)),
      smape: mean(group.map((c) => c.symmetric)),
      mase: mean(group.map((c) => c.scaled)),
      rmsse: Math.sqrt(mean(group.map((c) => c.squaredScaled))),
      intervals,
    };
  };
  const out: AccuracyTable = [];
  const bySeries = new Map<string, Contribution[]>();
  const byStep = new Map<number, Contribution[]>();
  for (const c of contributions) {
    let s = bySeries.get(c.seriesId);
    if (!s) bySeries.set(c.seriesId, (s = []));
    s.push(c);
    let h = byStep.get(c.step);
    if (!h) byStep.set(c.step, (h = []));
    h.push(c);
  }
  for (const [id, group] of bySeries) out.push(summarise("series", group, id, null));
  for (const step of [...byStep.keys()].sort((a, b) => a - b)) out.push(summarise("horizon", byStep.get(step)!, null, step));
  out.push(summarise("overall", contributions, null, null));
  return out;
}

/**
 * `rate-to-region`: a global model for annual LA counts of children looked after, learnt
 * across every LA at once. Each LA's rate per 10,000 children (its count over the ONS child
 * population) moves, over h years, by its group's (region's) own drift plus a pull toward the
 * group's rate:
 *
 *   log rate(T + h) - log rate(T) = drift[group, h] + pull[h] × (group rate(T) / rate(T) - 1)
 *
 * fitted by least squares on every LA and every pair of years (t, t + h) in the data up to
 * the forecast origin, one regression per horizon (a direct multi-horizon forecast), then
 * multiplied back by the latest population. The group rate is the group's count over its
 * population (LAs observed that year). Without a population for a series, its rate is its
 * level, it feels no pull and it counts in no group rate.
 *
 * The design was chosen on the published LA series with origins 2014-2016 only (the
 * candidate with the lowest MASE there, bench/la-backtest.bench.ts part 1), then scored on
 * 2017-2022 (part 2). Intervals here are the regression's own (normal, from the
 * residual spread per horizon in log space); plans calibrate them conformally instead.
 *
 * Reference: Montero-Manso & Hyndman (2021) "Principles and algorithms for forecasting groups
 * of time series: locality and globality", IJF 37(4) (one model across series); Taieb &
 * Hyndman (2014) on direct multi-step regressions; Hyndman & Athanasopoulos, FPP3 section 7
 * (regression models).
 */
import type { ForecastRow, ForecastTable, GlobalForecastOptions, GlobalModelSpec, SeriesSet } from "../../spec/forecast.ts";
import { findLa } from "../../reference/las.ts";
import { normalQuantile } from "../../stats/normal-quantile.ts";
import { solveSymmetric } from "../../stats/solve-symmetric.ts";
import { nextPeriod } from "./pooled-rate.ts";

export interface RateToRegionOptions {
  /** Fewest (LA, year) pairs a horizon's regression needs; with fewer, the previous horizon's coefficients are extended (default 20). */
  minimumPairs?: number;
}

export interface RateToRegionCoefficients {
  /** Drift of the log rate per group, by horizon (index h - 1). */
  drift: Array<Record<string, number>>;
  /** Pull toward the group rate, by horizon. */
  pull: number[];
  /** Residual standard deviation of the log-rate change, by horizon. */
  sigma: number[];
  /** (LA, year) pairs behind each horizon's regression. */
  pairs: number[];
}

const RATE_SCALE = 1e4;

/** Nearest known value for every missing one (population estimates lag and start late). */
function nearestFilled(row: Float64Array): boolean {
  const known: number[] = [];
  for (let i = 0; i < row.length; i++) if (row[i]! > 0) known.push(i);
  if (known.length === 0) return false;
  for (let i = 0, k = 0; i < row.length; i++) {
    if (row[i]! > 0) continue;
    while (k + 1 < known.length && Math.abs(known[k + 1]! - i) <= Math.abs(known[k]! - i)) k++;
    row[i] = row[known[k]!]!;
  }
  return true;
}

/**
 * Fit the regressions and forecast every series `horizon` periods after the panel's last
 * period. Series ids that are LA codes take their region as group when no group is given.
 * @throws RangeError when horizon is not a positive integer.
 * @example fitRateToRegion([{ id: "a", periods: ["2024", "2025"], values: Float64Array.of(10, 10), frequency: 1 }], { horizon: 1, levels: [] }).table[0].mean // about 10
 */
export function fitRateToRegion(series: SeriesSet, options: GlobalForecastOptions, settings: RateToRegionOptions = {}): { table: ForecastTable; coefficients: RateToRegionCoefficients } {
  const { horizon, levels } = options;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError("rate-to-region: horizon must be a positive integer");
  const minimumPairs = settings.minimumPairs ?? 20;
  const periods = [...new Set(series.flatMap((s) => s.periods))].sort();
  const T = periods.length - 1;
  const position = new Map(periods.map((p, i) => [p, i]));
  const count = series.length;
  const y: Float64Array[] = [];
  const population: Float64Array[] = [];
  const hasPopulation: boolean[] = [];
  for (const s of series) {
    const row = new Float64Array(periods.length).fill(Number.NaN);
    const pop = new Float64Array(periods.length).fill(Number.NaN);
    const given = options.covariates?.population?.[s.id];
    s.periods.forEach((p, i) => {
      const t = position.get(p)!;
      const v = s.values[i]!;
      row[t] = Number.isFinite(v) && v >= 0 ? v : Number.NaN;
      if (given && given[i]! > 0) pop[t] = given[i]!;
    });
    const known = nearestFilled(pop);
    if (!known) pop.fill(RATE_SCALE);
    y.push(row);
    population.push(pop);
    hasPopulation.push(known);
  }
  const z = y.map((row, j) => Float64Array.from(row, (v, t) => Math.log(((v + 1) / population[j]![t]!) * RATE_SCALE)));
  const groupOf = series.map((s) => options.covariates?.groups?.[s.id] ?? findLa(s.id)?.regionCode ?? "all");
  const groups = [...new Set(groupOf)].sort();
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  // Group log rates by year: the group's count over its population, LAs observed that year.
  const groupRate = groups.map((g) => Float64Array.from(periods, (_, t) => {
    let children = 0, people = 0;
    for (let j = 0; j < count; j++) if (groupOf[j] === g && hasPopulation[j] && Number.isFinite(y[j]![t])) { children += y[j]![t]!; people += population[j]![t]!; }
    return people > 0 ? Math.log(((children + 1) / people) * RATE_SCALE) : Number.NaN;
  }));
  const pullOf = (j: number, t: number): number => {
    if (!hasPopulation[j]) return 0;
    const g = groupRate[groupIndex.get(groupOf[j]!)!]![t]!;
    return Number.isFinite(g) ? Math.exp(g - z[j]![t]!) - 1 : 0;
  };

  // One regression per horizon: [group dummies..., pull] -> change in log rate.
  const p = groups.length + 1;
  const coefficients: RateToRegionCoefficients = { drift: [], pull: [], sigma: [], pairs: [] };
  const lastObserved = y.map((row) => { let t = T; while (t >= 0 && !Number.isFinite(row[t])) t--; return t; });
  const maxSteps = Math.max(horizon, ...lastObserved.map((e) => (e >= 0 ? T + horizon - e : 0)));
  let previous: number[] | null = null;
  let previousSigma = Number.NaN;
  for (let h = 1; h <= maxSteps; h++) {
    const xtx = new Float64Array(p * p);
    const xty = new Float64Array(p);
    let pairs = 0;
    const rows: Array<[number, number, number]> = [];
    for (let t = 0; t + h <= T; t++) {
      for (let j = 0; j < count; j++) {
        const from = z[j]![t]!, to = z[j]![t + h]!;
        if (!Number.isFinite(from) || !Number.isFinite(to)) continue;
        const g = groupIndex.get(groupOf[j]!)!;
        const pull = pullOf(j, t);
        const target = to - from;
        xtx[g * p + g]! += 1;
        xtx[g * p + p - 1]! += pull;
        xtx[(p - 1) * p + g]! += pull;
        xtx[(p - 1) * p + p - 1]! += pull * pull;
        xty[g]! += target;
        xty[p - 1]! += pull * target;
        rows.push([g, pull, target]);
        pairs++;
      }
    }
    let beta: number[];
    let sigma: number;
    if (pairs >= minimumPairs) {
      for (let g = 0; g < groups.length; g++) if (xtx[g * p + g] === 0) xtx[g * p + g] = 1; // a group with no pairs: drift 0
      beta = Array.from(solveSymmetric(xtx, p, xty, 1));
      let sse = 0;
      for (const [g, pull, target] of rows) sse += (target - beta[g]! - beta[p - 1]! * pull) ** 2;
      sigma = Math.sqrt(sse / Math.max(1, pairs - p));
    } else if (previous) {
      beta = previous.map((b) => (b * h) / (h - 1));
      sigma = (previousSigma * Math.sqrt(h)) / Math.sqrt(h - 1);
    } else {
      beta = new Array<number>(p).fill(0);
      sigma = Number.NaN;
    }
    previous = beta;
    previousSigma = sigma;
    coefficients.drift.push(Object.fromEntries(groups.map((g, i) => [g, beta[i]!])));
    coefficients.pull.push(beta[p - 1]!);
    coefficients.sigma.push(sigma);
    coefficients.pairs.push(pairs);
  }

  const table: ForecastTable = [];
  series.forEach((s, j) => {
    const e = lastObserved[j]!;
    let period = periods[T]!;
    const latestPopulation = population[j]![T]!;
    for (let h = 1; h <= horizon; h++) {
      period = nextPeriod(period);
      const row: ForecastRow = { series_id: s.id, period, step: h, model: "rate-to-region", mean: Number.NaN, lower: {}, upper: {} };
      if (e >= 0) {
        const steps = T + h - e;
        const k = steps - 1;
        const change = coefficients.drift[k]![groupOf[j]!]! + coefficients.pull[k]! * pullOf(j, e);
        const logRate = z[j]![e]! + change;
        const toCount = (logValue: number) => Math.max(0, (Math.exp(logValue) * latestPopulation) / RATE_SCALE - 1);
        row.mean = toCount(logRate);
        for (const level of levels) {
          const spread = coefficients.sigma[k]! * normalQuantile(0.5 + level / 200);
          row.lower[level] = Number.isFinite(spread) ? Math.min(row.mean, toCount(logRate - spread)) : Number.NaN;
          row.upper[level] = Number.isFinite(spread) ? Math.max(row.mean, toCount(logRate + spread)) : Number.NaN;
        }
      }
      table.push(row);
    }
  });
  return { table, coefficients };
}

/**
 * The rate-to-region global model (see the module comment). Population and groups come from
 * the covariates the plan passes (`forecastMany(series, { covariates })`).
 * @throws RangeError from `forecastMany` when horizon is not a positive integer.
 * @example rateToRegion().forecastMany([{ id: "a", periods: ["2023", "2024", "2025"], values: Float64Array.of(10, 10, 10), frequency: 1 }], { horizon: 1, levels: [] })[0].mean // about 10
 */
export function rateToRegion(settings: RateToRegionOptions = {}): GlobalModelSpec {
  return {
    name: "rate-to-region",
    global: true,
    forecastMany(series, options) {
      return fitRateToRegion(series, options, settings).table;
    },
  };
}

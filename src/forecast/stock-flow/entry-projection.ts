/**
 * Entries into care projected from the reference window:
 * - `constant`: the window's mean entries per day;
 * - `trend`: a straight line fitted by least squares to entries per calendar month in the
 *   window, extrapolated (never below zero);
 * - `population`: entries per 10,000 children in the window times a population path the
 *   user supplies (e.g. ONS projections of children aged 0-17).
 * Entries are split across states (age band x placement group) and UASC status in the
 * window's proportions. Parameter uncertainty: the total rate has a Gamma posterior
 * (shape = entries observed, Jeffreys-style half added when none), the split a Dirichlet
 * posterior, and the trend line a normal posterior from the least-squares covariance.
 *
 * Reference: Hyndman and Athanasopoulos, Forecasting: Principles and Practice (3rd ed.),
 * 7.1 (linear trend) and 5.5 (prediction intervals); Gelman et al., Bayesian Data Analysis,
 * 2.6 (Poisson-Gamma) and 3.4 (multinomial-Dirichlet).
 */
import type { SeededRandom } from "../../stats/seeded-random.ts";
import { DAYS_PER_MONTH } from "./calendar.ts";
import type { RateEstimate } from "./estimate-rates.ts";
import { populationOn, type PopulationPath } from "./population-path.ts";

export type EntryMethod = "constant" | "trend" | "population";

export interface EntryProjection {
  method: EntryMethod;
  /** Expected entries in each step (a month). */
  totals: Float64Array;
  /** Split of entries over live states and UASC flag (live * 2, sums to 1, or all zero). */
  shares: Float64Array;
  /** Human-readable summary (rate, trend or rate per 10,000). */
  description: string;
  warnings: string[];
  /** A posterior draw of totals and shares. */
  draw(random: SeededRandom): { totals: Float64Array; shares: Float64Array };
}

/**
 * Build the entry projection for steps whose midpoints are `stepMidpoints` (days).
 * @throws Error when method is "population" without a population path.
 * @example entryProjection(estimate, { method: "constant", stepMidpoints: [18000] }).totals[0] // entries per month
 */
export function entryProjection(estimate: RateEstimate, options: { method: EntryMethod; stepMidpoints: number[]; population?: PopulationPath }): EntryProjection {
  const warnings: string[] = [];
  const steps = options.stepMidpoints.length;
  const windowDays = estimate.window.end - estimate.window.start;
  let total = 0;
  for (const c of estimate.entries) total += c;
  const shares = new Float64Array(estimate.entries.length);
  if (total > 0) for (let i = 0; i < shares.length; i++) shares[i] = estimate.entries[i] / total;
  else warnings.push("No entries in the reference window: entries are projected as zero.");
  const drawShares = (random: SeededRandom): Float64Array => {
    const out = new Float64Array(shares.length);
    let sum = 0;
    for (let i = 0; i < out.length; i++) if (estimate.entries[i] > 0) { out[i] = random.gamma(estimate.entries[i]); sum += out[i]; }
    if (sum > 0) for (let i = 0; i < out.length; i++) out[i] /= sum;
    return out;
  };
  const shape = total > 0 ? total : 0.5;
  let method = options.method;

  if (method === "trend") {
    const y = estimate.entryMonths;
    const m = y.length;
    if (m < 3) {
      warnings.push(`Trend needs at least 3 whole months of entries in the reference window (have ${m}); entries are projected as constant instead.`);
      method = "constant";
    } else {
      let sx = 0, sy = 0, sxx = 0, sxy = 0;
      for (let i = 0; i < m; i++) { const x = i + 0.5; sx += x; sy += y[i]; sxx += x * x; sxy += x * y[i]; }
      const denominator = m * sxx - sx * sx;
      const slope = (m * sxy - sx * sy) / denominator;
      const intercept = (sy - slope * sx) / m;
      let rss = 0;
      for (let i = 0; i < m; i++) { const r = y[i] - intercept - slope * (i + 0.5); rss += r * r; }
      const sigma2 = rss / Math.max(1, m - 2);
      // (X'X)^-1 for columns [1, x].
      const vInt = (sigma2 * sxx) / denominator, vSlope = (sigma2 * m) / denominator, cov = (-sigma2 * sx) / denominator;
      const x0 = estimate.entryMonthStarts[0];
      const at = (a: number, b: number) => {
        const out = new Float64Array(steps);
        for (let k = 0; k < steps; k++) out[k] = Math.max(0, a + b * ((options.stepMidpoints[k] - x0) / DAYS_PER_MONTH));
        return out;
      };
      return {
        method, totals: at(intercept, slope), shares, warnings,
        description: `trend: ${intercept.toFixed(2)} entries a month at the window start, ${slope >= 0 ? "+" : ""}${slope.toFixed(3)} a month per month (least squares on ${m} months)`,
        draw(random) {
          const z1 = random.normal(), z2 = random.normal();
          const l11 = Math.sqrt(Math.max(0, vInt));
          const l21 = l11 > 0 ? cov / l11 : 0;
          const l22 = Math.sqrt(Math.max(0, vSlope - l21 * l21));
          return { totals: at(intercept + l11 * z1, slope + l21 * z1 + l22 * z2), shares: drawShares(random) };
        },
      };
    }
  }
  if (method === "population") {
    if (!options.population) throw new Error("entryProjection: method 'population' needs a population path");
    const population = options.population;
    // Child-days in the window: the population integrated day by day.
    let childDays = 0;
    for (let d = estimate.window.start; d < estimate.window.end; d++) childDays += populationOn(population, d);
    if (population.days[0] > estimate.window.start || population.days[population.days.length - 1] < options.stepMidpoints[steps - 1]) {
      warnings.push("The population path does not cover the whole reference window and projection; it is held constant beyond its ends.");
    }
    const perChildDay = total / childDays;
    const at = (rate: number) => {
      const out = new Float64Array(steps);
      for (let k = 0; k < steps; k++) out[k] = rate * populationOn(population, options.stepMidpoints[k]) * DAYS_PER_MONTH;
      return out;
    };
    return {
      method, totals: at(perChildDay), shares, warnings,
      description: `population: ${(perChildDay * 365.25 * 10000).toFixed(2)} entries a year per 10,000 children`,
      draw(random) {
        return { totals: at((random.gamma(shape) / shape) * perChildDay || 0), shares: drawShares(random) };
      },
    };
  }
  const perDay = total / windowDays;
  const constant = (rate: number) => new Float64Array(steps).fill(rate * DAYS_PER_MONTH);
  return {
    method: "constant", totals: constant(perDay), shares, warnings,
    description: `constant: ${(perDay * 365.25).toFixed(1)} entries a year (${total} in ${windowDays} days)`,
    draw(random) {
      return { totals: constant(random.gamma(shape) / windowDays), shares: drawShares(random) };
    },
  };
}

/**
 * Project the looked-after population by state (age band x placement group) month by month
 * with a multinomial Markov model, with uncertainty, for a base run and any scenarios.
 *
 * Stages:
 * 1. Monthly steps from the start date; entries projected (constant, trend or population).
 * 2. For each run (base, then each scenario) and each parameter draw: the hazards (and
 *    entries) are adjusted by the scenario changes active in each step, and turned into
 *    monthly transition probabilities P = exp(Q x 30.44 days) (markovTransition).
 * 3. Uncertainty:
 *    - `simulate`: seeded simulation (markovSimulate); each simulation first draws the rates
 *      from their posterior (Gamma with shape = events, mean = the estimate), so intervals
 *      carry both process noise and parameter uncertainty. Base and scenario runs use the
 *      same parameter draws (common random numbers), so their difference is not noise.
 *    - `exact`: the multinomial covariance propagated exactly through the steps at the
 *      point estimates (markovPropagate), plus the between-draw covariance of the mean
 *      paths over posterior draws of the rates (law of total variance); normal intervals
 *      clamped at zero.
 * 4. Series (each state, each placement group, each age band, total) with the mean and
 *    intervals at the requested levels; expected flows; optional linear outputs (spend) by
 *    period with intervals.
 *
 * Reference: Bartholomew, "Stochastic Models for Social Processes" (manpower/Markov
 * population models); Jackson (2011) "Multi-state models for panel data: the msm package"
 * (P = exp(Qt)); Hyndman and Athanasopoulos, FPP3 5.5 (prediction intervals).
 */
import { markovPropagate, type MarkovCombination } from "../kernels/markov-propagate.ts";
import { markovSimulate } from "../kernels/markov-simulate.ts";
import { markovTransition } from "../kernels/markov-transition.ts";
import { normalQuantile } from "../../stats/normal-quantile.ts";
import { sampleQuantile } from "../../stats/sample-quantile.ts";
import { seededRandom, type SeededRandom } from "../../stats/seeded-random.ts";
import { addMonths, DAYS_PER_MONTH } from "./calendar.ts";
import { entryProjection, type EntryMethod } from "./entry-projection.ts";
import type { RateEstimate } from "./estimate-rates.ts";
import type { PopulationPath } from "./population-path.ts";
import { activeChanges, applyEntryChanges, applyRateChanges, type Scenario } from "./scenario.ts";
import type { StateSpace } from "./state-space.ts";

export type UncertaintyMethod = "simulate" | "exact";

/** Linear outputs of the stock (e.g. spend by placement group), summed over periods of steps. */
export interface LinearOutputs {
  names: string[];
  /** One weight array per output: steps * size (weight of each state at the end of each step). */
  weights: Float64Array[];
  /** Period index of each step (non-decreasing). */
  period: Int32Array;
  periodLabels: string[];
}

export interface ProjectStockFlowOptions {
  rates: RateEstimate;
  /** Stock at the start date by state (size; the last, "not looked after", is 0). */
  startStock: Float64Array;
  /** Start date (day); steps are calendar months from here. */
  start: number;
  horizonMonths: number;
  entries?: { method: EntryMethod; population?: PopulationPath };
  method?: UncertaintyMethod;
  simulations?: number;
  seed?: number;
  /** Interval levels in percent, e.g. [80, 95]. */
  levels?: number[];
  /** Include posterior uncertainty of rates and entries (default true). */
  parameterUncertainty?: boolean;
  /** Posterior draws for the exact method (default 200). */
  parameterDraws?: number;
  scenarios?: Scenario[];
  linearOutputs?: (dates: number[]) => LinearOutputs;
}

export interface Band {
  mean: Float64Array;
  lower: Record<number, Float64Array>;
  upper: Record<number, Float64Array>;
}

export interface StockSeries extends Band {
  /** Age band code or "total". */
  ageBand: string;
  /** Placement group code or "total". */
  placement: string;
}

export interface ProjectionRun {
  scenario: string;
  /** Stock series at dates[0..steps]. */
  series: StockSeries[];
  /** Mean flows per step: steps * size * size (from i to j; diagonal = stayed). */
  flows: Float64Array;
  /** Expected entries per step by state: steps * size. */
  entries: Float64Array;
  outputs?: Array<{ name: string } & Band>;
}

export interface StockFlowProjection {
  space: StateSpace;
  dates: number[];
  levels: number[];
  method: UncertaintyMethod;
  simulations: number;
  seed: number;
  entries: { method: EntryMethod; description: string; warnings: string[] };
  periodLabels: string[];
  runs: ProjectionRun[];
}

interface SeriesDefinition { ageBand: string; placement: string; states: number[] }

function seriesDefinitions(space: StateSpace): SeriesDefinition[] {
  const out: SeriesDefinition[] = [];
  const all: number[] = [];
  for (let b = 0; b < space.ageBands.length; b++) {
    for (let g = 0; g < space.placementGroups.length; g++) {
      out.push({ ageBand: space.ageBands[b], placement: space.placementGroups[g], states: [space.index(b, g)] });
      all.push(space.index(b, g));
    }
  }
  for (let g = 0; g < space.placementGroups.length; g++) {
    out.push({ ageBand: "total", placement: space.placementGroups[g], states: space.ageBands.map((_, b) => space.index(b, g)) });
  }
  for (let b = 0; b < space.ageBands.length; b++) {
    out.push({ ageBand: space.ageBands[b], placement: "total", states: space.placementGroups.map((_, g) => space.index(b, g)) });
  }
  out.push({ ageBand: "total", placement: "total", states: all });
  return out;
}

function drawRates(rates: RateEstimate, random: SeededRandom): Float64Array {
  const out = new Float64Array(rates.rates.length);
  for (let k = 0; k < out.length; k++) {
    const r = rates.rates[k];
    if (r <= 0) continue;
    const events = rates.events[k];
    out[k] = events > 0 ? (r * random.gamma(events)) / events : r;
  }
  return out;
}

/**
 * Run the projection.
 * @throws Error when the horizon is not a positive whole number of months, a level is not
 *   in (0, 100), or the start stock has the wrong size.
 * @example projectStockFlow({ rates, startStock, start, horizonMonths: 60, method: "exact" }).runs[0].series.at(-1)!.mean
 */
export function projectStockFlow(options: ProjectStockFlowOptions): StockFlowProjection {
  const space = options.rates.space;
  const size = space.size;
  const steps = options.horizonMonths;
  if (!(Number.isInteger(steps) && steps > 0)) throw new Error("projectStockFlow: horizonMonths must be a positive whole number");
  if (options.startStock.length !== size) throw new Error("projectStockFlow: startStock must have one value per state");
  const levels = options.levels ?? [80, 95];
  for (const level of levels) if (!(level > 0 && level < 100)) throw new Error("projectStockFlow: levels must be between 0 and 100");
  const method = options.method ?? "simulate";
  const simulations = options.simulations ?? 1000;
  const seed = options.seed ?? 1;
  const withParameters = options.parameterUncertainty ?? true;
  const draws = withParameters ? (options.parameterDraws ?? 200) : 1;

  // 1. Dates and entries.
  const dates: number[] = [options.start];
  for (let k = 1; k <= steps; k++) dates.push(addMonths(options.start, k));
  const midpoints = dates.slice(1).map((d, k) => (dates[k] + d) / 2);
  const entries = entryProjection(options.rates, { method: options.entries?.method ?? "constant", stepMidpoints: midpoints, population: options.entries?.population });
  const linear = options.linearOutputs?.(dates);
  const definitions = seriesDefinitions(space);
  const scenarios: Array<Scenario | null> = [null, ...(options.scenarios ?? [])];

  // 2. Parameters of one run for one draw: transition matrix per step and entry means.
  const build = (scenario: Scenario | null, hazards: Float64Array, totals: Float64Array, shares: Float64Array) => {
    const cache = new Map<string, Float64Array>();
    const transitions: Float64Array[] = [];
    const entryMean = new Float64Array(steps * size);
    for (let t = 0; t < steps; t++) {
      const active = scenario ? activeChanges(scenario.changes, dates[t]) : [];
      const key = active.map((c) => scenario!.changes.indexOf(c)).join(",");
      let p = cache.get(key);
      if (!p) {
        p = markovTransition(active.length > 0 ? applyRateChanges(hazards, active, space) : hazards, size, DAYS_PER_MONTH);
        cache.set(key, p);
      }
      transitions.push(p);
      if (active.length === 0) {
        for (let c = 0; c < shares.length; c++) entryMean[t * size + (c >> 1)] += shares[c] * totals[t];
        continue;
      }
      const cells = new Float64Array(shares.length);
      for (let c = 0; c < cells.length; c++) cells[c] = shares[c] * totals[t];
      const changed = applyEntryChanges(cells, active, space, DAYS_PER_MONTH);
      for (let c = 0; c < changed.length; c++) entryMean[t * size + (c >> 1)] += changed[c];
    }
    return { transitions, entryMean };
  };
  const drawParameters = (s: number) => {
    if (!withParameters) return { hazards: options.rates.rates, totals: entries.totals, shares: entries.shares };
    const random = seededRandom(seed * 7919 + s * 104729 + 1);
    const hazards = drawRates(options.rates, random);
    const drawn = entries.draw(random);
    return { hazards, totals: drawn.totals, shares: drawn.shares };
  };

  const z = levels.map((level) => normalQuantile(0.5 + level / 200));
  const runs: ProjectionRun[] = [];
  for (const scenario of scenarios) {
    const name = scenario ? scenario.name : "base";
    const point = build(scenario, options.rates.rates, entries.totals, entries.shares);
    if (method === "simulate") {
      // 3a. Simulation.
      const result = markovSimulate({
        states: size, steps, simulations, seed, initial: options.startStock,
        parameters: (s) => {
          const drawn = drawParameters(s);
          return build(scenario, drawn.hazards, drawn.totals, drawn.shares);
        },
      });
      const stride = (steps + 1) * size;
      const values = new Float64Array(simulations);
      const series: StockSeries[] = definitions.map((def) => {
        const band: StockSeries = { ageBand: def.ageBand, placement: def.placement, mean: new Float64Array(steps + 1), lower: {}, upper: {} };
        for (const level of levels) { band.lower[level] = new Float64Array(steps + 1); band.upper[level] = new Float64Array(steps + 1); }
        for (let t = 0; t <= steps; t++) {
          let sum = 0;
          for (let s = 0; s < simulations; s++) {
            let v = 0;
            for (const state of def.states) v += result.stock[s * stride + t * size + state];
            values[s] = v;
            sum += v;
          }
          band.mean[t] = sum / simulations;
          values.sort();
          levels.forEach((level) => {
            band.lower[level][t] = sampleQuantile(values, 0.5 - level / 200);
            band.upper[level][t] = sampleQuantile(values, 0.5 + level / 200);
          });
        }
        return band;
      });
      let outputs: ProjectionRun["outputs"];
      if (linear) {
        const periods = linear.periodLabels.length;
        outputs = linear.names.map((outputName, o) => {
          const w = linear.weights[o];
          const perSim = new Float64Array(simulations * periods);
          for (let s = 0; s < simulations; s++) {
            for (let t = 0; t < steps; t++) {
              let v = 0;
              for (let i = 0; i < size; i++) { const wi = w[t * size + i]; if (wi !== 0) v += wi * result.stock[s * stride + (t + 1) * size + i]; }
              perSim[s * periods + linear.period[t]] += v;
            }
          }
          const band: { name: string } & Band = { name: outputName, mean: new Float64Array(periods), lower: {}, upper: {} };
          for (const level of levels) { band.lower[level] = new Float64Array(periods); band.upper[level] = new Float64Array(periods); }
          const column = new Float64Array(simulations);
          for (let p = 0; p < periods; p++) {
            let sum = 0;
            for (let s = 0; s < simulations; s++) { column[s] = perSim[s * periods + p]; sum += column[s]; }
            band.mean[p] = sum / simulations;
            column.sort();
            for (const level of levels) {
              band.lower[level][p] = sampleQuantile(column, 0.5 - level / 200);
              band.upper[level][p] = sampleQuantile(column, 0.5 + level / 200);
            }
          }
          return band;
        });
      }
      runs.push({ scenario: name, series, flows: result.flows, entries: point.entryMean, outputs });
      continue;
    }
    // 3b. Exact propagation at the point estimates, plus parameter uncertainty over draws.
    const combinations: MarkovCombination[] | undefined = linear?.weights.map((weights) => ({ weights, period: linear.period, periods: linear.periodLabels.length }));
    const exact = markovPropagate({ states: size, initialMean: options.startStock, transitions: point.transitions, entryMean: point.entryMean, combinations });
    const meanPaths: Float64Array[] = [];
    const flows = new Float64Array(steps * size * size);
    const outputMeans: Float64Array[][] = (linear?.names ?? []).map(() => []);
    for (let d = 0; d < draws; d++) {
      const params = withParameters ? (() => { const drawn = drawParameters(d); return build(scenario, drawn.hazards, drawn.totals, drawn.shares); })() : point;
      const path = new Float64Array((steps + 1) * size);
      path.set(options.startStock);
      for (let t = 0; t < steps; t++) {
        const p = params.transitions[t];
        for (let i = 0; i < size; i++) {
          const mi = path[t * size + i];
          if (mi === 0) continue;
          for (let j = 0; j < size; j++) {
            const f = mi * p[i * size + j];
            path[(t + 1) * size + j] += f;
            flows[(t * size + i) * size + j] += f / draws;
          }
        }
        for (let j = 0; j < size; j++) path[(t + 1) * size + j] += params.entryMean[t * size + j];
      }
      meanPaths.push(path);
      if (linear) {
        linear.weights.forEach((w, o) => {
          const perPeriod = new Float64Array(linear.periodLabels.length);
          for (let t = 0; t < steps; t++) {
            let v = 0;
            for (let i = 0; i < size; i++) v += w[t * size + i] * path[(t + 1) * size + i];
            perPeriod[linear.period[t]] += v;
          }
          outputMeans[o].push(perPeriod);
        });
      }
    }
    const bandFrom = (mean: Float64Array, variance: Float64Array): Band => {
      const band: Band = { mean, lower: {}, upper: {} };
      levels.forEach((level, l) => {
        band.lower[level] = mean.map((m, t) => Math.max(0, m - z[l] * Math.sqrt(variance[t])));
        band.upper[level] = mean.map((m, t) => m + z[l] * Math.sqrt(variance[t]));
      });
      return band;
    };
    const series: StockSeries[] = definitions.map((def) => {
      const mean = new Float64Array(steps + 1);
      const variance = new Float64Array(steps + 1);
      for (let t = 0; t <= steps; t++) {
        let conditional = 0;
        for (const i of def.states) for (const j of def.states) conditional += exact.covariance[t * size * size + i * size + j];
        let sum = 0, sumSquares = 0;
        for (const path of meanPaths) {
          let v = 0;
          for (const i of def.states) v += path[t * size + i];
          sum += v;
          sumSquares += v * v;
        }
        const m = sum / draws;
        mean[t] = m;
        variance[t] = Math.max(0, conditional) + (draws > 1 ? Math.max(0, sumSquares / draws - m * m) : 0);
      }
      return { ageBand: def.ageBand, placement: def.placement, ...bandFrom(mean, variance) };
    });
    const outputs = linear?.names.map((outputName, o) => {
      const periods = linear.periodLabels.length;
      const mean = new Float64Array(periods);
      const variance = new Float64Array(periods);
      for (let p = 0; p < periods; p++) {
        let sum = 0, sumSquares = 0;
        for (const perPeriod of outputMeans[o]) { sum += perPeriod[p]; sumSquares += perPeriod[p] * perPeriod[p]; }
        mean[p] = sum / draws;
        variance[p] = exact.combinations[o].variance[p] + (draws > 1 ? Math.max(0, sumSquares / draws - mean[p] * mean[p]) : 0);
      }
      return { name: outputName, ...bandFrom(mean, variance) };
    });
    runs.push({ scenario: name, series, flows, entries: point.entryMean, outputs });
  }
  return {
    space, dates, levels, method, simulations: method === "simulate" ? simulations : 0, seed,
    entries: { method: entries.method, description: entries.description, warnings: entries.warnings },
    periodLabels: linear?.periodLabels ?? [],
    runs,
  };
}

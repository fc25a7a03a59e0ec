/**
 * Transition rates of the stock-flow model estimated from cleaned SSDA903 episodes within
 * a reference window chosen by the user.
 *
 * Stages:
 * 1. Select and order the episodes (episodeSelection: LA filter, short breaks out).
 * 2. Walk each child's episodes: the time in each state (age band x placement group)
 *    inside the window is exposure; birthdays that cross a band boundary are ageing
 *    events; a following episode in another group is a transition; an episode that ends
 *    with no episode starting the same day is an exit (to "not looked after"); an episode
 *    starting when the child was not looked after the day before is an entry.
 * 3. Rates:
 *    - `exposure` (default): events / person-days at risk, the maximum-likelihood hazard of
 *      a continuous-time Markov chain (Kalbfleisch and Lawless 1985; Jackson 2011 "msm").
 *    - `daily-mean`: for each day, transitions that day / children in the state the day
 *      before, averaged over the days of the window on which the state was occupied (the
 *      "mean of daily ratios" of the existing regional demand models: Social Finance /
 *      Data to Insight children's services demand model, `PopulationStats.raw_transition_rates`,
 *      `transitions / stock.shift(1)` then the mean over days; days with no children give
 *      0/0 and are skipped there as here), converted to a hazard with -log(1 - p) so both
 *      estimators feed the same projection. Unlike that model, the age band is taken on
 *      each day (not at the episode start), so birthdays move children between bands.
 *    Entries are counted by state and UASC flag, per day and per calendar month (for
 *    trend projection).
 * Ageing is a constant hazard per band and placement group, estimated like any other
 * transition from the birthdays crossed in the window (as the regional demand models do).
 * It reproduces ageing flows in a population whose ages within a band are stable, but a
 * cohort bunched just below a band boundary ages out more slowly in the projection than in
 * reality (a known limitation; single-year-of-age states would remove it).
 */
import type { EpisodeTable } from "../../spec/ssda903.ts";
import { addMonths, birthdayDay, ageOn } from "./calendar.ts";
import { episodeSelection, type EpisodeSelectionCounts } from "./episode-selection.ts";
import { bandOfAge, stateSpace, type StateSpace } from "./state-space.ts";

export type RateEstimator = "exposure" | "daily-mean";

export interface EstimateRatesOptions {
  space?: StateSpace;
  /** Reference window [start, end) in days since 1970-01-01; end is clamped to the end of the data. */
  window: { start: number; end: number };
  estimator?: RateEstimator;
  /** LA codes (EpisodeTable codes.la values) to include; all when omitted. */
  las?: string[];
  /** The day the data ends (open episodes are censored there); default: end of the latest return. */
  dataEnd?: number;
}

export interface RateEstimate {
  space: StateSpace;
  estimator: RateEstimator;
  window: { start: number; end: number };
  dataEnd: number;
  /** Events from live state i to state j (j = space.live is "not looked after"): size * size. */
  events: Float64Array;
  /** Person-days at risk in each state: size. */
  exposure: Float64Array;
  /** Hazard per day from i to j: size * size (diagonal zero). */
  rates: Float64Array;
  /** Entries in the window by live state and UASC flag: live * 2 (index state * 2 + uasc). */
  entries: Float64Array;
  /** Entries per calendar month of the window (first day of each month in `entryMonthStarts`). */
  entryMonths: Float64Array;
  entryMonthStarts: Int32Array;
  /** Whole months of the window used for the entry series (a partial last month is dropped). */
  counts: EpisodeSelectionCounts;
}

/**
 * Estimate transition rates and entries from an episode table.
 * @throws Error when the window is empty or ends before it starts.
 * @example estimateRates(table, { window: { start: isoToDay("2018-04-01"), end: isoToDay("2021-04-01") } }).rates
 */
export function estimateRates(table: EpisodeTable, options: EstimateRatesOptions): RateEstimate {
  const space = options.space ?? stateSpace();
  const estimator = options.estimator ?? "exposure";
  const selection = episodeSelection(table, space, { las: options.las, dataEnd: options.dataEnd });
  const dataEnd = selection.dataEnd;
  const windowStart = options.window.start;
  const windowEnd = Math.min(options.window.end, dataEnd + 1);
  if (!(windowEnd > windowStart)) throw new Error("estimateRates: the reference window is empty (does it end before it starts, or start after the data ends?)");
  const size = space.size;
  const live = space.live;
  const groups = space.placementGroups.length;
  const lowerAges = space.lowerAges;
  const bands = lowerAges.length;
  const events = new Float64Array(size * size);
  const exposure = new Float64Array(size);
  const entries = new Float64Array(live * 2);
  const days = windowEnd - windowStart;
  const monthStarts: number[] = [];
  for (let m = windowStart; m < windowEnd; m = addMonths(m, 1)) monthStarts.push(m);
  const entryMonths = new Float64Array(monthStarts.length);
  const daily = estimator === "daily-mean";
  // Daily-mean needs the population by day (difference arrays) and events by day.
  const populationDiff = daily ? new Float64Array(size * (days + 1)) : null;
  const eventsByDay = daily ? new Map<number, Float64Array>() : null;

  const monthOf = (day: number): number => {
    // Binary search over month starts.
    let lo = 0, hi = monthStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (monthStarts[mid] <= day) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const addEvent = (from: number, to: number, day: number) => {
    if (day < windowStart || day >= windowEnd || from === to) return;
    events[from * size + to]++;
    if (eventsByDay) {
      const key = from * size + to;
      let series = eventsByDay.get(key);
      if (!series) { series = new Float64Array(days); eventsByDay.set(key, series); }
      series[day - windowStart]++;
    }
  };
  const addExposure = (state: number, from: number, to: number) => {
    exposure[state] += to - from;
    if (populationDiff) {
      populationDiff[state * (days + 1) + (from - windowStart)]++;
      populationDiff[state * (days + 1) + (to - windowStart)]--;
    }
  };

  const { order, runStarts, groupOfRow } = selection;
  const { birth, start, end, uasc } = table;
  const { dataEndOfLa } = selection;
  for (let r = 0; r + 1 < runStarts.length; r++) {
    let previousEnd = -Infinity;
    const runEnd = runStarts[r + 1];
    for (let k = runStarts[r]; k < runEnd; k++) {
      const e = order[k];
      const group = groupOfRow[e];
      const born = birth[e];
      const s = start[e];
      // Each LA's episodes are censored at the end of its latest return.
      const dataEnd = dataEndOfLa[table.la[e]];
      if (s >= dataEnd + 1) break;
      const next = k + 1 < runEnd ? order[k + 1] : -1;
      let t = end[e] >= 0 ? end[e] : dataEnd + 1;
      let ended = end[e] >= 0 && end[e] <= dataEnd;
      if (t > dataEnd + 1) { t = dataEnd + 1; ended = false; }
      if (next >= 0 && start[next] < t) { t = start[next]; ended = true; }
      if (t < s) continue;
      const startBand = bandOfAge(lowerAges, ageOn(born, s));
      // Entry: not looked after the day before.
      if (previousEnd !== s && s >= windowStart && s < windowEnd) {
        const state = startBand * groups + group;
        entries[state * 2 + (uasc[e] === 1 ? 1 : 0)]++;
        entryMonths[monthOf(s)]++;
      }
      // Exposure within the window, split at birthdays; ageing events at band boundaries.
      let band = startBand;
      const a0 = Math.max(s, windowStart);
      const b0 = Math.min(t, windowEnd);
      if (a0 < b0) {
        let a = a0;
        band = bandOfAge(lowerAges, ageOn(born, a));
        for (let nextBand = band + 1; nextBand < bands; nextBand++) {
          const birthday = birthdayDay(born, lowerAges[nextBand]);
          if (birthday >= b0) break;
          if (birthday > a) {
            addExposure(band * groups + group, a, birthday);
            addEvent(band * groups + group, nextBand * groups + group, birthday);
            a = birthday;
          }
          band = nextBand;
        }
        addExposure(band * groups + group, a, b0);
      }
      // What happens at the end of the episode.
      if (ended && t > s) {
        const fromBand = bandOfAge(lowerAges, ageOn(born, t - 1));
        const from = fromBand * groups + group;
        if (next >= 0 && start[next] === t) {
          const toBand = bandOfAge(lowerAges, ageOn(born, t));
          addEvent(from, toBand * groups + groupOfRow[next], t);
        } else {
          addEvent(from, live, t);
        }
      }
      previousEnd = ended ? t : -Infinity;
    }
  }

  const rates = new Float64Array(size * size);
  if (!daily) {
    for (let i = 0; i < live; i++) {
      if (exposure[i] <= 0) continue;
      for (let j = 0; j < size; j++) if (j !== i) rates[i * size + j] = events[i * size + j] / exposure[i];
    }
  } else {
    // Population on each day of the window, by state.
    const population = new Float64Array(size * days);
    for (let i = 0; i < size; i++) {
      let running = 0;
      for (let d = 0; d < days; d++) {
        running += populationDiff![i * (days + 1) + d];
        population[i * days + d] = running;
      }
    }
    const occupiedDays = new Float64Array(size);
    for (let i = 0; i < size; i++) for (let d = 0; d + 1 < days; d++) if (population[i * days + d] > 0) occupiedDays[i]++;
    const probability = new Float64Array(size * size);
    for (const [key, series] of eventsByDay!) {
      const i = Math.floor(key / size);
      let sum = 0;
      for (let d = 1; d < days; d++) {
        const atRisk = population[i * days + d - 1];
        if (atRisk > 0 && series[d] > 0) sum += series[d] / atRisk;
      }
      if (occupiedDays[i] > 0) probability[key] = sum / occupiedDays[i];
    }
    for (let i = 0; i < live; i++) {
      let total = 0;
      for (let j = 0; j < size; j++) total += probability[i * size + j];
      if (total <= 0) continue;
      const hazard = total >= 1 ? -Math.log(1e-9) : -Math.log1p(-total);
      for (let j = 0; j < size; j++) rates[i * size + j] = (probability[i * size + j] / total) * hazard;
    }
  }
  // The entry series uses whole months only.
  let wholeMonths = monthStarts.length;
  if (wholeMonths > 0 && addMonths(monthStarts[wholeMonths - 1], 1) > windowEnd) wholeMonths--;
  return {
    space,
    estimator,
    window: { start: windowStart, end: windowEnd },
    dataEnd,
    events,
    exposure,
    rates,
    entries,
    entryMonths: entryMonths.slice(0, Math.max(0, wholeMonths)),
    entryMonthStarts: Int32Array.from(monthStarts.slice(0, Math.max(0, wholeMonths))),
    counts: selection.counts,
  };
}

/**
 * Children looked after on given dates by state (age band x placement group), counted the
 * way DfE counts children looked after at 31 March: an episode open on the day (started on
 * or before it, ending after it, or still open), short breaks excluded. Also the mix of
 * fine placement types and providers on each date (used to weight unit costs).
 *
 * Reference: DfE "Children looked after in England" methodology, "looked after at 31 March".
 */
import type { EpisodeTable } from "../../spec/ssda903.ts";
import { ageOn } from "./calendar.ts";
import { episodeSelection } from "./episode-selection.ts";
import { bandOfAge, type StateSpace } from "./state-space.ts";

export interface ObservedStock {
  days: number[];
  /** days.length * space.live counts. */
  stock: Float64Array;
  /** Count by "placementType|placeProvider" on each day (fine mix for costs). */
  mix: Array<Map<string, number>>;
}

/**
 * Count the stock on each day.
 * @throws Error when an LA in `las` is not in the table.
 * @example observedStock(table, stateSpace(), [isoToDay("2021-03-31")]).stock
 */
export function observedStock(table: EpisodeTable, space: StateSpace, days: number[], options: { las?: string[] } = {}): ObservedStock {
  const selection = episodeSelection(table, space, { las: options.las });
  const live = space.live;
  const groups = space.placementGroups.length;
  const stock = new Float64Array(days.length * live);
  const mix = days.map(() => new Map<string, number>());
  const sorted = days.map((day, index) => ({ day, index })).sort((a, b) => a.day - b.day);
  const sortedDays = sorted.map((d) => d.day);
  const firstAtOrAfter = (day: number): number => {
    let lo = 0, hi = sortedDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedDays[mid] < day) lo = mid + 1; else hi = mid;
    }
    return lo;
  };
  const { order, groupOfRow } = selection;
  for (let k = 0; k < order.length; k++) {
    const e = order[k];
    const s = table.start[e];
    const t = table.end[e] >= 0 ? table.end[e] : Infinity;
    for (let d = firstAtOrAfter(s); d < sortedDays.length && sortedDays[d] < t; d++) {
      const day = sortedDays[d];
      const band = bandOfAge(space.lowerAges, ageOn(table.birth[e], day));
      const index = sorted[d].index;
      stock[index * live + band * groups + groupOfRow[e]]++;
      const key = `${table.codes.placementType[table.placementType[e]]}|${table.codes.placeProvider[table.placeProvider[e]] ?? ""}`;
      mix[index].set(key, (mix[index].get(key) ?? 0) + 1);
    }
  }
  return { days, stock, mix };
}

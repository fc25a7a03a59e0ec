/**
 * Cleaning rule (only when the user asks): consecutive episodes of a child that differ
 * only in legal status (the next starts the day the previous ends, same PLACE,
 * PLACE_PROVIDER and CIN; in SSDA903 usually RNE = L, "change of legal status only")
 * are merged into one: the first episode's start, RNE and CIN; the last one's end, REC
 * and legal status (the latest known). Placement moves stay separate episodes. URN and
 * postcodes are not compared: the reader never keeps them.
 */
import { KEPT as KEPT_STATUS, MERGED as MERGED_STATUS, type WorkingSet } from "./working-set.ts";

// Local bindings: an imported binding costs a getter per access in the transpiled module.
const KEPT = KEPT_STATUS;
const MERGED = MERGED_STATUS;


/**
 * Merge legal-status-only changes; return how many episodes were merged into their predecessor.
 * @throws never.
 * @example mergeLegalStatus(workingSet(readSsda903([], {}))) // 0
 */
export function mergeLegalStatus(set: WorkingSet): number {
  const { raw, order, childStart, status, closedUnknown } = set;
  const e = raw.episodes;
  let count = 0;
  for (let c = 0; c + 1 < childStart.length; c++) {
    let keep = -1;
    for (let k = childStart[c]; k < childStart[c + 1]; k++) {
      const i = order[k];
      if (status[i] !== KEPT) continue;
      if (keep >= 0 && e.end[keep] === e.start[i] && e.place[keep] === e.place[i] && e.placeProvider[keep] === e.placeProvider[i] &&
        e.categoryOfNeed[keep] === e.categoryOfNeed[i]) {
        e.end[keep] = e.end[i];
        e.reasonEnded[keep] = e.reasonEnded[i];
        e.legalStatus[keep] = e.legalStatus[i];
        e.year[keep] = Math.max(e.year[keep], e.year[i]);
        closedUnknown[keep] = closedUnknown[i];
        status[i] = MERGED;
        count++;
        continue;
      }
      keep = i;
    }
  }
  return count;
}

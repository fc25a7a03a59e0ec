/**
 * Cleaning rule: a child is in one episode at a time. When an episode is still open, or
 * ends after the child's next episode starts, it is closed on the next episode's start
 * (DEC = next DECOM). An episode closed this way that had no REC gets X1 (the episode
 * ended but the child stayed looked after), since a new episode follows at once.
 */
import { KEPT as KEPT_STATUS, type WorkingSet } from "./working-set.ts";

// Local bindings: an imported binding costs a getter per access in the transpiled module.
const KEPT = KEPT_STATUS;


/**
 * Close overlapping episodes at the next start; return how many were changed. Open
 * episodes followed by a later episode of the same child count as overlapping too.
 * @throws never.
 * @example overlappingEpisodes(workingSet(readSsda903([], {}))) // 0
 */
export function overlappingEpisodes(set: WorkingSet): number {
  const { raw, order, childStart, status } = set;
  const e = raw.episodes;
  let x1 = raw.dictionaries.reasonEnded.indexOf("X1");
  if (x1 < 0) { x1 = raw.dictionaries.reasonEnded.length; raw.dictionaries.reasonEnded.push("X1"); }
  let count = 0;
  for (let c = 0; c + 1 < childStart.length; c++) {
    let previous = -1;
    for (let k = childStart[c]; k < childStart[c + 1]; k++) {
      const i = order[k];
      if (status[i] !== KEPT) continue;
      if (previous >= 0 && (e.end[previous] < 0 || e.end[previous] > e.start[i])) {
        if (e.end[previous] >= 0) raw.sink.row("W_903_OVERLAP", raw.files[e.file[previous]].name, e.row[previous]);
        else if (e.reasonEnded[previous] === 255) e.reasonEnded[previous] = x1;
        e.end[previous] = e.start[i];
        count++;
      }
      previous = i;
    }
  }
  return count;
}

/**
 * Cleaning rule: an episode is identified by (CHILD, DECOM). An episode open across
 * 31 March appears in two or more annual returns; the latest return's version wins (it
 * carries the later DEC and REC). Two rows with the same child and DECOM in one return
 * are a data error: the later row wins, with a warning.
 */
import { DUPLICATE as DUPLICATE_STATUS, KEPT as KEPT_STATUS, type WorkingSet } from "./working-set.ts";

// Local bindings: an imported binding costs a getter per access in the transpiled module.
const DUPLICATE = DUPLICATE_STATUS;
const KEPT = KEPT_STATUS;


/**
 * Mark all but the winning row of each (child, DECOM) as DUPLICATE; return how many.
 * @throws never.
 * @example duplicateEpisodes(workingSet(readSsda903([], {}))) // 0
 */
export function duplicateEpisodes(set: WorkingSet): number {
  const { raw, order, childStart, status } = set;
  const { start, year, file, row } = raw.episodes;
  let count = 0;
  for (let c = 0; c + 1 < childStart.length; c++) {
    let winner = -1;
    for (let k = childStart[c]; k < childStart[c + 1]; k++) {
      const i = order[k];
      if (status[i] !== KEPT) continue;
      if (winner >= 0 && start[winner] === start[i]) {
        // Rows are sorted latest return first, so `winner` is the latest version.
        status[i] = DUPLICATE;
        count++;
        if (year[winner] === year[i]) raw.sink.row("W_903_DUPLICATE_IN_RETURN", raw.files[file[winner]].name, row[winner]);
      } else {
        winner = i;
      }
    }
  }
  return count;
}

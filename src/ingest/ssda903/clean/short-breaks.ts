/**
 * Cleaning rule: episodes under legal status V3 or V4 (an agreed series of short-term
 * breaks) are excluded from looked-after counts, stocks and flows, as in DfE's
 * "Children looked after in England" statistics. Pass `includeShortBreaks` to keep them.
 * Reference: DfE SSDA903 guide, LS codes V3/V4; DfE CLA statistics methodology.
 */
import { KEPT as KEPT_STATUS, SHORT_BREAK as SHORT_BREAK_STATUS, type WorkingSet } from "./working-set.ts";

// Local bindings: an imported binding costs a getter per access in the transpiled module.
const KEPT = KEPT_STATUS;
const SHORT_BREAK = SHORT_BREAK_STATUS;


/** Legal statuses that mark short breaks. */
export const SHORT_BREAK_CODES = new Set(["V3", "V4"]);

/**
 * Mark kept V3/V4 episodes as SHORT_BREAK; return how many.
 * @throws never.
 * @example shortBreaks(workingSet(readSsda903([], {}))) // 0
 */
export function shortBreaks(set: WorkingSet): number {
  const { raw, status } = set;
  const e = raw.episodes;
  const isShortBreak = raw.dictionaries.legalStatus.map((code) => SHORT_BREAK_CODES.has(code));
  let count = 0;
  for (let i = 0; i < e.length; i++) {
    if (status[i] === KEPT && isShortBreak[e.legalStatus[i]]) {
      status[i] = SHORT_BREAK;
      count++;
    }
  }
  return count;
}

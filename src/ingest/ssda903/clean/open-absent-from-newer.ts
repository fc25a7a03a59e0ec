/**
 * Cleaning rule: an episode open at the end of an older return (no DEC) should appear in
 * the LA's next return, which covers every episode open during its year. When the LA has
 * a newer return but the episode (same CHILD and DECOM) is in none of them, the child left
 * the data without a recorded end. This rule runs before the overlap rule, so a later
 * episode of the same child does not stretch the lost one up to its own start. Rule: the episode is closed at the end of the older return's year, i.e.
 * on 1 April following its 31 March (so the child still counts at that 31 March and not
 * at the next), with reason unknown ("closed_unknown" in EpisodeTable.codes.reasonEnded).
 * It is not counted as ceasing in the template; the stock-flow model treats it as
 * censored. One info diagnostic per LA and year gives the count.
 */
import { diagnostic } from "../../../spec/messages/index.ts";
import { civilDays } from "../../../util/civil-days.ts";
import { KEPT as KEPT_STATUS, type WorkingSet } from "./working-set.ts";

// Local bindings: an imported binding costs a getter per access in the transpiled module.
const KEPT = KEPT_STATUS;


/** The reasonEnded code given to episodes closed by this rule. */
export const CLOSED_UNKNOWN = "closed_unknown";

/**
 * Close episodes left open in an older return and absent from every newer one; return how many.
 * @throws never.
 * @example openAbsentFromNewer(workingSet(readSsda903([], {}))) // 0
 */
export function openAbsentFromNewer(set: WorkingSet): number {
  const { raw, status, closedUnknown } = set;
  const e = raw.episodes;
  const latestYear = raw.returnYears.map((years) => (years.length ? years[years.length - 1] : 0));
  let code = raw.dictionaries.reasonEnded.indexOf(CLOSED_UNKNOWN);
  if (code < 0) { code = raw.dictionaries.reasonEnded.length; raw.dictionaries.reasonEnded.push(CLOSED_UNKNOWN); }
  const byLaYear = new Map<string, number>();
  let count = 0;
  for (let i = 0; i < e.length; i++) {
    if (status[i] !== KEPT || e.end[i] >= 0) continue;
    const year = e.year[i];
    if (year >= latestYear[e.la[i]]) continue;
    e.end[i] = civilDays(year, 4, 1);
    e.reasonEnded[i] = code;
    closedUnknown[i] = 1;
    count++;
    const key = `${e.la[i]}:${year}`;
    byLaYear.set(key, (byLaYear.get(key) ?? 0) + 1);
  }
  for (const [key, n] of byLaYear) {
    const [la, year] = key.split(":").map(Number);
    raw.sink.add(diagnostic("I_903_OPEN_ABSENT", { la: raw.las[la], year, count: n }));
  }
  return count;
}

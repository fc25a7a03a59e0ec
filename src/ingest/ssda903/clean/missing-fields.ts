/**
 * Cleaning rule: rows missing CHILD, DECOM or DOB are not used. CHILD and DECOM are
 * checked while reading (with DEC that is not a date, or before DECOM); this rule adds
 * episodes whose child has no valid date of birth in any header (or UASC) table read, since
 * no age can be derived for them, and episodes that start before the child's date of birth
 * (no age, and no child can be looked after before birth). Each rejected row gets a
 * diagnostic (file and row).
 */
import { REJECTED as REJECTED_STATUS, type WorkingSet } from "./working-set.ts";

// Local bindings: an imported binding costs a getter per access in the transpiled module.
const REJECTED = REJECTED_STATUS;


/**
 * Reject episodes of children without a date of birth; return the total rows rejected
 * for missing or invalid CHILD, DECOM, DEC or DOB (including those rejected on reading).
 * @throws never.
 * @example missingFields(workingSet(readSsda903([], {}))) // 0
 */
export function missingFields(set: WorkingSet): number {
  const { raw, status } = set;
  const e = raw.episodes;
  let missingDob = 0;
  let beforeBirth = 0;
  for (let i = 0; i < e.length; i++) {
    const birth = raw.birth[e.child[i]];
    if (birth < 0) {
      status[i] = REJECTED;
      missingDob++;
      raw.sink.row("E_903_MISSING_DOB", raw.files[e.file[i]].name, e.row[i]);
      raw.files[e.file[i]].rowsRejected++;
    } else if (e.start[i] < birth) {
      status[i] = REJECTED;
      beforeBirth++;
      raw.sink.row("E_903_DOB_AFTER_DECOM", raw.files[e.file[i]].name, e.row[i]);
      raw.files[e.file[i]].rowsRejected++;
    }
  }
  raw.rejected.missing_dob = missingDob;
  raw.rejected.dob_after_decom = beforeBirth;
  return Object.values(raw.rejected).reduce((a, b) => a + b, 0);
}

/**
 * Which SSDA903 file a table is, from its column names alone (never its file name):
 * `header` (CHILD, SEX, DOB, ETHNIC, UPN, ...), `episodes` (CHILD, DECOM, RNE, LS, ...),
 * `uasc` (CHILD, DOB, DUC), `dolo` (deprivation of liberty orders, from 2026-27: CHILD,
 * DOB, DOLO_START, DOLO_END), or another 903 table that the template does not use
 * (`other903`: missing, oc2, oc3, reviews, previous_permanence, ad1, placed_for_adoption,
 * sbpfa, prev_perm). Optional LA and YEAR columns are allowed anywhere.
 * Reference: DfE, "Children looked after return (SSDA903) guide", file layouts.
 */

export type Ssda903Kind = "header" | "episodes" | "uasc" | "dolo" | "other903";

/** Columns that only the other (non-template) 903 tables carry. */
const OTHER_903_COLUMNS = [
  "MISSING", "MIS_START", "MIS_END", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
  "IN_TOUCH", "ACTIV", "ACCOM", "REVIEW", "REVIEW_CODE", "PREV_PERM", "LA_PERM", "DATE_PERM", "DATE_INT",
  "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR", "DATE_PLACED", "DATE_PLACED_CEASED",
  "REASON_PLACED_CEASED", "DATE_SH_PLACED_CEASED",
];

function normalise(column: string): string {
  return column.replace(/^\uFEFF/, "").trim().toUpperCase();
}

/**
 * The 903 kind of a table with these columns, or null when it is not an SSDA903 table.
 * @throws never.
 * @example detectSsda903Kind(["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC"]) // "episodes"
 * @example detectSsda903Kind(["CHILD", "DOB", "DOLO_START", "DOLO_END"]) // "dolo"
 * @example detectSsda903Kind(["time_period", "la_name"]) // null
 */
export function detectSsda903Kind(columns: string[]): Ssda903Kind | null {
  const set = new Set(columns.map(normalise));
  if (!set.has("CHILD")) return null;
  if (set.has("DECOM") && (set.has("LS") || set.has("PLACE") || set.has("RNE"))) return "episodes";
  if (set.has("DOLO_START")) return "dolo";
  if (set.has("DUC")) return "uasc";
  if (set.has("DOB") && (set.has("UPN") || set.has("ETHNIC") || set.has("SEX")) && !OTHER_903_COLUMNS.some((c) => set.has(c))) return "header";
  if (OTHER_903_COLUMNS.some((c) => set.has(c))) return "other903";
  return null;
}

/** The column name as the reader matches it (upper case, trimmed, no byte-order mark). */
export const normaliseColumn = normalise;

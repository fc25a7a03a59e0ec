/**
 * Cleaned SSDA903 episodes in columnar form (typed arrays), the contract between the
 * SSDA903 reader/cleaner (src/ingest/ssda903/) and the stock-flow model
 * (src/forecast/ stock-flow). Child identifiers are replaced by dense integers at read
 * time; CHILD, UPN, dates of birth and postcodes never leave the reader except as the
 * derived integers/ages here, and nothing in this table is ever written to an output.
 *
 * Dates are whole days since 1970-01-01 (UTC) in an Int32Array; -1 means missing
 * (for `end`: the episode is open at the end of the latest return).
 * Coded columns are dictionary-encoded: `codes.<column>[value]` is the code string.
 *
 * As produced by src/ingest/ssda903 (loadEpisodeTable / cleanSsda903): rows are grouped
 * by `child` (dense 0..n-1, ascending) and ordered by `start` within a child, with no
 * overlaps (an episode ends on or before the next one starts); blank codes are "" (the
 * last entry of each dictionary); short breaks (V3/V4) are left out unless the caller asks
 * for them (includeShortBreaks); legal-status-only changes are merged only on request
 * (mergeLegalStatus). See the reasonEnded note for "closed_unknown".
 */
export interface EpisodeTable {
  length: number;
  /** LA of the return (index into codes.la: old DfE code, or "unknown"). */
  la: Uint16Array;
  /** Dense child index, unique per (LA, CHILD). Not the CHILD identifier. */
  child: Int32Array;
  /** Child's date of birth (days). */
  birth: Int32Array;
  /** DECOM: episode start (days). */
  start: Int32Array;
  /** DEC: episode end (days), -1 if open. */
  end: Int32Array;
  /** Index into codes.placementType: the template fine placement type (PLACE x PLACE_PROVIDER). */
  placementType: Uint8Array;
  /** Index into codes.place (raw PLACE). */
  place: Uint8Array;
  /** Index into codes.placeProvider. */
  placeProvider: Uint8Array;
  /** Index into codes.legalStatus (LS). */
  legalStatus: Uint8Array;
  /** Index into codes.categoryOfNeed (CIN). */
  categoryOfNeed: Uint8Array;
  /** Index into codes.reasonNewEpisode (RNE). */
  reasonNewEpisode: Uint8Array;
  /**
   * Index into codes.reasonEnded (REC; "X1" = not an exit, "" = open).
   * "closed_unknown" (SSDA903 reader, rule open-absent-from-newer): the episode was open in
   * an older return and absent from the LA's newer returns, so it is closed at 1 April
   * after that return's 31 March with no known reason: treat it as censored (lost to
   * follow-up), not as an exit. Short breaks (V3/V4) are excluded from the table by default.
   * codes.placementType: template leaf codes, among them "unknown" (PLACE x PLACE_PROVIDER not resolvable).
   */
  reasonEnded: Uint8Array;
  /** 1 if the child is recorded as UASC (uasc file or header), else 0. */
  uasc: Uint8Array;
  /** 1 placed outside the LA boundary, 0 inside, 255 unknown. */
  outsideLa: Uint8Array;
  /**
   * Added by the SSDA903 reader (H7), optional so other producers need not fill them:
   * 1 placed outside the LA's region, 0 inside, 255 unknown (needs PL_LA or PL_LOCATION).
   */
  outsideRegion?: Uint8Array;
  /** 1 placed more than 20 miles from home, 0 not, 255 unknown (needs PL_DISTANCE; never from postcodes). */
  overTwentyMiles?: Uint8Array;
  /** The return year (ending 31 March) whose version of the episode was kept (latest return wins). */
  returnYear?: Uint16Array;
  /**
   * By LA index: the return years (ending 31 March) read for that LA, ascending. The
   * observation window of LA `la` is 1 April of (first year - 1) to 31 March of the last
   * year; episodes starting before it are left-truncated.
   */
  returnYears?: number[][];
  /**
   * Deprivation of liberty orders (SSDA903 DoLO table, 2026-27 on) of children in this table:
   * dense child, start and end (days; end -1 while in force). Present only when a DoLO
   * table was read.
   */
  dolo?: { length: number; child: Int32Array; start: Int32Array; end: Int32Array };
  /** By LA index: the return years a DoLO table covers (deprivation_of_liberty_orders is derived only for these). */
  doloYears?: number[][];
  codes: {
    la: string[];
    placementType: string[];
    place: string[];
    placeProvider: string[];
    legalStatus: string[];
    categoryOfNeed: string[];
    reasonNewEpisode: string[];
    reasonEnded: string[];
  };
}

/** Counts of what each cleaning rule did, by rule code (reported in outputs). */
export type CleaningCounts = Record<string, number>;

/** Convert days since 1970-01-01 to an ISO date (YYYY-MM-DD). @example dayToIso(0) // "1970-01-01" */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Convert an ISO date (YYYY-MM-DD) to days since 1970-01-01. @example isoToDay("1970-01-02") // 1 */
export function isoToDay(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

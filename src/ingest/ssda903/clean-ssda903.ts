/**
 * Stage 2 of the SSDA903 pipeline: apply the cleaning rules (one per file in clean/), in
 * this order, and build the columnar EpisodeTable that the template derivation and the
 * stock-flow model share:
 *   1. missing-fields          rows without LA, CHILD, DECOM (or a valid DEC) or DOB, or starting before birth, are rejected
 *   2. duplicate-episodes      (CHILD, DECOM) in several returns: the latest return wins
 *   3. short-breaks            V3/V4 episodes excluded (unless includeShortBreaks)
 *   4. open-absent-from-newer  open in an older return, absent from newer ones: closed at that year's end
 *   5. overlapping-episodes    an episode ending after the next one starts is closed at the next start
 *   6. merge-legal-status      legal-status-only changes merged (only with mergeLegalStatus)
 * Every rule's count is reported (CleaningCounts and one info diagnostic each); every row
 * read is accepted, rejected or skipped on purpose.
 */
import { PLACEMENT_TYPE } from "../../reference/code-lists.ts";
import { leafCodes } from "../../reference/code-tree.ts";
import type { Diagnostic } from "../../spec/diagnostic.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import type { CleaningCounts, EpisodeTable } from "../../spec/ssda903.ts";
import { duplicateEpisodes } from "./clean/duplicate-episodes.ts";
import { mergeLegalStatus } from "./clean/merge-legal-status.ts";
import { missingFields } from "./clean/missing-fields.ts";
import { openAbsentFromNewer } from "./clean/open-absent-from-newer.ts";
import { overlappingEpisodes } from "./clean/overlapping-episodes.ts";
import { shortBreaks } from "./clean/short-breaks.ts";
import { KEPT as KEPT_STATUS, MERGED as MERGED_STATUS, workingSet, codeText } from "./clean/working-set.ts";
import { placementType } from "../../reference/placement-type.ts";
import { BLANK as BLANK_CODE, CODED_COLUMNS, safeCode, type CollectionYearConvention, type FileSummary, type RawSsda903, type YearReading } from "./read-ssda903.ts";

// Local bindings: an imported binding costs a getter per access in the transpiled module.
const KEPT = KEPT_STATUS;
const MERGED = MERGED_STATUS;
const BLANK = BLANK_CODE;

export interface CleanSsda903Options {
  /** Merge consecutive episodes that differ only in legal status (off by default). */
  mergeLegalStatus?: boolean;
  /** Keep short-break episodes (V3/V4); off by default, as DfE excludes them. */
  includeShortBreaks?: boolean;
}

export interface CleanedSsda903 {
  table: EpisodeTable;
  counts: CleaningCounts;
  diagnostics: Diagnostic[];
  files: FileSummary[];
  /** Rows read over all 903 tables, and how they were accounted for. */
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsSkipped: Record<string, number>;
  /** How each return's year was read (for manifest.json). */
  yearReadings: YearReading[];
  /** The caller's forced reading of YEAR labels, if any. */
  collectionYear?: CollectionYearConvention;
}

/** Placement type codes in EpisodeTable.codes.placementType: the template leaves, "unknown" (PLACE x PLACE_PROVIDER not resolvable) among them. */
export const PLACEMENT_TYPE_CODES = leafCodes(PLACEMENT_TYPE);

/**
 * PLACE codes valid only up to the 2024-25 collection (year ending 2025): from 2025-26 H5 and
 * P2 are gone (supported accommodation is K3) and Z1 is split into Z11 to Z14 (DfE SSDA903
 * guide 2025-26). Seen in a return for 2026 or later, they are counted as before, with a warning.
 */
const RETIRED_PLACE: Record<string, string> = { H5: "use K3, supported accommodation", P2: "use K3, supported accommodation", Z1: "use Z11 to Z14" };
const FIRST_YEAR_WITHOUT_RETIRED = 2026;

const WHAT: Record<string, string> = {
  "missing-fields": "rows rejected for a missing or invalid LA, CHILD, DECOM, DEC, DOB or DoLO date, or an episode starting before the child's birth",
  "duplicate-episodes": "episode rows that repeat a (CHILD, DECOM) already read from a later return (or later in the same return) were set aside; the latest return's version is used",
  "short-breaks": "short-break episodes (legal status V3/V4) excluded from looked-after counts, as DfE does",
  "open-absent-from-newer": "episodes open in an older return but absent from the LA's newer returns closed at the end of the older return's year, reason unknown",
  "overlapping-episodes": "episodes closed at the start of the child's next episode because they overlapped it",
  "merge-legal-status": "episodes differing from the previous one only in legal status merged into it",
};

/**
 * Clean raw SSDA903 rows and build the EpisodeTable.
 * @throws never on bad data.
 * @example cleanSsda903(readSsda903([], {})).table.length // 0
 */
export function cleanSsda903(raw: RawSsda903, options: CleanSsda903Options = {}): CleanedSsda903 {
  const set = workingSet(raw);
  const counts: CleaningCounts = {};
  counts["missing-fields"] = missingFields(set);
  counts["duplicate-episodes"] = duplicateEpisodes(set);
  counts["short-breaks"] = options.includeShortBreaks ? 0 : shortBreaks(set);
  counts["open-absent-from-newer"] = openAbsentFromNewer(set);
  counts["overlapping-episodes"] = overlappingEpisodes(set);
  counts["merge-legal-status"] = options.mergeLegalStatus ? mergeLegalStatus(set) : 0;
  for (const [rule, count] of Object.entries(counts)) {
    if (rule === "merge-legal-status" && !options.mergeLegalStatus) continue;
    if (rule === "short-breaks" && options.includeShortBreaks) continue;
    raw.sink.add(diagnostic("I_903_CLEANED", { rule, count, what: WHAT[rule] }));
  }

  // Build the table from kept rows, grouped by child and ordered by start.
  const e = raw.episodes;
  const { order, status } = set;
  let length = 0;
  for (let i = 0; i < e.length; i++) if (status[i] === KEPT) length++;
  const table: EpisodeTable = {
    length,
    la: new Uint16Array(length), child: new Int32Array(length), birth: new Int32Array(length), start: new Int32Array(length), end: new Int32Array(length),
    placementType: new Uint8Array(length), place: new Uint8Array(length), placeProvider: new Uint8Array(length), legalStatus: new Uint8Array(length),
    categoryOfNeed: new Uint8Array(length), reasonNewEpisode: new Uint8Array(length), reasonEnded: new Uint8Array(length), uasc: new Uint8Array(length),
    outsideLa: new Uint8Array(length), outsideRegion: new Uint8Array(length), overTwentyMiles: new Uint8Array(length), returnYear: new Uint16Array(length),
    returnYears: raw.returnYears,
    codes: {
      la: raw.las,
      placementType: PLACEMENT_TYPE_CODES,
      place: [...raw.dictionaries.place, ""],
      placeProvider: [...raw.dictionaries.placeProvider, ""],
      legalStatus: [...raw.dictionaries.legalStatus, ""],
      categoryOfNeed: [...raw.dictionaries.categoryOfNeed, ""],
      reasonNewEpisode: [...raw.dictionaries.reasonNewEpisode, ""],
      reasonEnded: [...raw.dictionaries.reasonEnded, ""],
    },
  };
  // Blank (255) becomes the last index of each dictionary, whose code is "".
  const blankIndex = Object.fromEntries(CODED_COLUMNS.map((c) => [c, table.codes[c].length - 1])) as Record<(typeof CODED_COLUMNS)[number], number>;
  const typeIndex = new Map(PLACEMENT_TYPE_CODES.map((code, i) => [code, i]));
  const unknownType = typeIndex.get("unknown")!;
  const retired = raw.dictionaries.place.map((code) => code in RETIRED_PLACE);
  const retiredSeen = new Map<string, { file: string; code: string; year: number; type: number; count: number }>();
  // Dense child index by raw child, for the deprivation of liberty orders.
  const denseOf = new Int32Array(raw.childCount).fill(-1);
  const typeCache = new Uint8Array(256 * 256).fill(255);
  const unresolved = new Map<string, { file: string; place: string; provider: string; count: number }>();
  const unknownCodes = new Map<string, { file: string; column: string; code: string; count: number }>();
  const known = {
    legalStatus: new Set(["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"]),
    categoryOfNeed: new Set(["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]),
    placeProvider: new Set(["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]),
  };
  const isKnown = Object.fromEntries(Object.entries(known).map(([column, codes]) => [column, raw.dictionaries[column as keyof typeof known].map((code) => codes.has(code))])) as Record<keyof typeof known, boolean[]>;
  const columnName: Record<keyof typeof known, string> = { legalStatus: "LS", categoryOfNeed: "CIN", placeProvider: "PLACE_PROVIDER" };

  const blank = BLANK;
  const blankPlace = blankIndex.place;
  const blankProvider = blankIndex.placeProvider;
  const blankLegal = blankIndex.legalStatus;
  const blankNeed = blankIndex.categoryOfNeed;
  const blankRne = blankIndex.reasonNewEpisode;
  const blankRec = blankIndex.reasonEnded;
  const knownLegal = isKnown.legalStatus;
  const knownNeed = isKnown.categoryOfNeed;
  const knownProvider = isKnown.placeProvider;
  const kept = KEPT;
  let out = 0;
  let dense = -1;
  let previousChild = -1;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (status[i] !== kept) continue;
    const child = e.child[i];
    if (child !== previousChild) { dense++; previousChild = child; denseOf[child] = dense; }
    table.la[out] = e.la[i];
    table.child[out] = dense;
    table.birth[out] = raw.birth[child];
    table.start[out] = e.start[i];
    table.end[out] = e.end[i];
    const place = e.place[i];
    const provider = e.placeProvider[i];
    const legal = e.legalStatus[i];
    const need = e.categoryOfNeed[i];
    table.place[out] = place === blank ? blankPlace : place;
    table.placeProvider[out] = provider === blank ? blankProvider : provider;
    table.legalStatus[out] = legal === blank ? blankLegal : legal;
    table.categoryOfNeed[out] = need === blank ? blankNeed : need;
    table.reasonNewEpisode[out] = e.reasonNewEpisode[i] === blank ? blankRne : e.reasonNewEpisode[i];
    table.reasonEnded[out] = e.reasonEnded[i] === blank ? blankRec : e.reasonEnded[i];
    if ((legal !== blank && !knownLegal[legal]) || (need !== blank && !knownNeed[need]) || (provider !== blank && !knownProvider[provider])) {
      const file = raw.files[e.file[i]].name;
      for (const column of ["legalStatus", "categoryOfNeed", "placeProvider"] as const) {
        const value = e[column][i];
        if (value !== BLANK && !isKnown[column][value]) {
          const code = codeText(raw.dictionaries[column], value);
          const key = `${file}\u0000${column}\u0000${code}`;
          const entry = unknownCodes.get(key) ?? { file, column: columnName[column], code, count: 0 };
          entry.count++;
          unknownCodes.set(key, entry);
        }
      }
    }
    const pair = place * 256 + provider;
    let type = typeCache[pair];
    if (type === 255) {
      const code = placementType(codeText(raw.dictionaries.place, place), codeText(raw.dictionaries.placeProvider, provider));
      type = code ? typeIndex.get(code)! : unknownType;
      typeCache[pair] = type;
    }
    if (type === unknownType) {
      const file = raw.files[e.file[i]].name;
      const placeText = codeText(raw.dictionaries.place, e.place[i]);
      const providerText = codeText(raw.dictionaries.placeProvider, e.placeProvider[i]);
      const key = `${file}\u0000${placeText}\u0000${providerText}`;
      const entry = unresolved.get(key) ?? { file, place: placeText, provider: providerText, count: 0 };
      entry.count++;
      unresolved.set(key, entry);
    }
    if (place !== blank && retired[place] && e.year[i] >= FIRST_YEAR_WITHOUT_RETIRED) {
      const file = raw.files[e.file[i]].name;
      const code = raw.dictionaries.place[place];
      const key = `${file}\u0000${code}\u0000${e.year[i]}`;
      const entry = retiredSeen.get(key) ?? { file, code, year: e.year[i], type, count: 0 };
      entry.count++;
      retiredSeen.set(key, entry);
    }
    table.placementType[out] = type;
    table.uasc[out] = raw.uasc[child];
    table.outsideLa[out] = e.outsideLa[i];
    table.outsideRegion![out] = e.outsideRegion[i];
    table.overTwentyMiles![out] = e.overTwentyMiles[i];
    table.returnYear![out] = e.year[i];
    out++;
  }
  for (const { file, place, provider, count } of unresolved.values()) {
    const placeKnown = placementType(place, "PR1") !== null;
    if (placeKnown) raw.sink.add(diagnostic("W_903_UNRESOLVED_PLACEMENT", { file, code: safeCode(place) || "(blank)", provider: safeCode(provider) || "(blank)", count }, { file, column: "PLACE_PROVIDER" }));
    else raw.sink.add(diagnostic("W_903_UNKNOWN_PLACE", { file, code: place === "" ? "(blank)" : safeCode(place), count }, { file, column: "PLACE" }));
  }
  for (const { file, code, year, type, count } of retiredSeen.values()) {
    raw.sink.add(diagnostic("W_903_PLACE_NOT_IN_YEAR", { file, code, year, count, instead: RETIRED_PLACE[code], type: PLACEMENT_TYPE_CODES[type] }, { file, column: "PLACE" }));
  }

  // Deprivation of liberty orders of children with kept episodes, by dense child.
  const d = raw.dolo;
  let doloKept = 0;
  for (let k = 0; k < d.length; k++) if (denseOf[d.child[k]] >= 0) doloKept++;
  if (d.length > 0 || raw.doloYears.some((years) => years.length > 0)) {
    const dolo = { length: doloKept, child: new Int32Array(doloKept), start: new Int32Array(doloKept), end: new Int32Array(doloKept) };
    let j = 0;
    for (let k = 0; k < d.length; k++) {
      const c = denseOf[d.child[k]];
      if (c < 0) continue;
      dolo.child[j] = c;
      dolo.start[j] = d.start[k];
      dolo.end[j] = d.end[k];
      j++;
    }
    table.dolo = dolo;
    table.doloYears = raw.doloYears;
    if (d.length > doloKept) raw.sink.add(diagnostic("I_903_DOLO_NOT_LOOKED_AFTER", { count: d.length - doloKept }));
    const covered = raw.doloYears.flatMap((years, la) => years.map((y) => `${raw.las[la]} ${y}`));
    raw.sink.add(diagnostic("I_903_DOLO_READ", { count: d.length, returns: covered.length ? `${covered.length} returns (${covered.slice(0, 5).join(", ")}${covered.length > 5 ? ", ..." : ""})` : "no return" }));
  }
  for (const { file, column, code, count } of unknownCodes.values()) raw.sink.add(diagnostic("W_903_UNKNOWN_CODE", { file, column, code: safeCode(code), count }, { file, column }));

  // Row accounting over every 903 table read.
  let rowsRead = 0;
  let rowsRejected = 0;
  let skippedOther = 0;
  for (const file of raw.files) {
    rowsRead += file.rowsRead;
    rowsRejected += file.rowsRejected;
    skippedOther += file.rowsSkipped;
  }
  let merged = 0;
  for (let i = 0; i < e.length; i++) if (status[i] === MERGED) merged++;
  const rowsSkipped: Record<string, number> = {};
  if (skippedOther) rowsSkipped.ssda903_table_not_used = skippedOther;
  if (counts["duplicate-episodes"]) rowsSkipped.duplicate_episode_latest_return_wins = counts["duplicate-episodes"];
  if (counts["short-breaks"]) rowsSkipped.short_break_v3_v4 = counts["short-breaks"];
  if (merged) rowsSkipped.merged_legal_status_change = merged;
  const skippedTotal = Object.values(rowsSkipped).reduce((a, b) => a + b, 0);
  return {
    table,
    counts,
    diagnostics: raw.sink.finish(),
    files: raw.files,
    rowsRead,
    rowsAccepted: rowsRead - rowsRejected - skippedTotal,
    rowsRejected,
    rowsSkipped,
    yearReadings: raw.yearReadings,
    collectionYear: raw.collectionYear,
  };
}

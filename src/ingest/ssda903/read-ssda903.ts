/**
 * Stage 1 of the SSDA903 pipeline: read header, episodes, UASC and deprivation of liberty
 * (DoLO, 2026-27 on) tables, as CSV as DfE specifies or as the XML return, from bytes into
 * growable typed columns. One or many years, one or many LAs (LA and YEAR columns). Files
 * are told apart by their columns (detectSsda903Kind), never by their names.
 *
 * Whose return is a row in? The LA column (old DfE code, ONS code or name, e.g. as the
 * regional demand-model app writes it), else the caller's LA (`la`). A file set with no LA
 * column and no `la` stops with SuffError E_903_NO_LA: several LAs must never be merged
 * into one anonymous LA.
 *
 * Which year? A YEAR column labels each return. "2019/20" or "201920" names both years;
 * a 4-digit label is ambiguous: LA systems and DfE name the year the collection ends
 * (YEAR 2018 = April 2017 to March 2018), the regional demand-model app names the year it
 * starts (YEAR 2017 = the same year). Unless the caller forces one reading
 * (`collectionYear`), each return (LA x label) is read the way its own event dates say:
 * its closed episodes end in the year ending 31 March of the label (ends) or of the label
 * + 1 (starts); episodes starting after 31 March of the label can only be "starts". A
 * return without evidence either way takes the reading of the others. Files without a
 * YEAR column are one return each, of the year of their latest DECOM.
 *
 * Privacy by construction: a CHILD value is interned from bytes into a dense integer
 * (prefixed with the LA, since identifiers are only unique within an LA) and never
 * becomes a string; UPN and postcodes are never read; a provider's URN is read only to
 * look up where the provider is (providerLocations) and never kept per row; dates of
 * birth stay numbers used only to derive ages.
 */
import { XMLParser } from "fast-xml-parser";
import { findLa, findLaByName } from "../../reference/las.ts";
import { SuffError } from "../../spec/errors.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { ByteInterner } from "./byte-interner.ts";
import { reportingYearOf, yearEnd } from "../../util/civil-days.ts";
import { detectSsda903Kind, normaliseColumn, type Ssda903Kind } from "./detect-ssda903-kind.ts";
import { DiagnosticSink } from "./diagnostic-sink.ts";
import { DATE_INVALID, parseDate as parseDateImported } from "./parse-date.ts";
import { csvHeader, scanCsv, type CsvRecord } from "./scan-csv.ts";

// A local binding: calls through an imported binding cost a getter per call in the transpiled module.
const parseDate = parseDateImported;

/** One input file: its name as the user gave it (used in diagnostics) and its bytes. */
export interface Ssda903File {
  name: string;
  bytes: Uint8Array;
}

/** How a 4-digit YEAR label is read: the year the collection ends (DfE) or starts (the regional demand-model app). */
export type CollectionYearConvention = "ends" | "starts";

export interface ReadSsda903Options {
  /** The LA of files without an LA column (and of rows whose LA cell is blank): old DfE code, ONS code or name. */
  la?: string;
  /**
   * Where providers are, by Ofsted URN: URN -> the LA the provider is in (old DfE code, ONS
   * code or name), e.g. from Ofsted's providers-and-places list (loadProviderLocations).
   * With it, an episode's URN tells whether the child is placed outside the LA and region.
   */
  providerLocations?: ReadonlyMap<string, string>;
  /** Force the reading of 4-digit YEAR labels for every return; inferred per return when omitted. */
  collectionYear?: CollectionYearConvention;
}

/** How one return's year was decided (stated in manifest.json). */
export interface YearReading {
  /** LA code (old DfE code). */
  la: string;
  /** The YEAR label as read ("2017", "2019/20"), or "" for a file without a YEAR column. */
  label: string;
  /** The year ending 31 March the return is read as. */
  yearEnding: number;
  /** ends / starts: a 4-digit label read that way; named: the label names both years; no_year_column: the year of the latest DECOM. */
  convention: CollectionYearConvention | "named" | "no_year_column";
  /** forced (by the caller), inferred (from the return's event dates), assumed (no evidence: the reading of the other returns, else DfE's). */
  basis: "forced" | "inferred" | "assumed" | "label" | "latest_decom";
  /** Closed episodes ending in the year ending 31 March of the label (evidence for "ends"). */
  endVotes: number;
  /** Closed episodes ending in the following year, or open episodes starting after 31 March of the label (evidence for "starts"). */
  startVotes: number;
}

/** Blank code value in a dictionary-encoded column. */
export const BLANK = 255;
/** Code value for "too many distinct values to keep" (never happens with real 903 data). */
export const OVERFLOW = 254;
/** Unknown value of a 0/1 flag. */
export const UNKNOWN = 255;

/** The coded episode columns, in EpisodeTable order. */
export const CODED_COLUMNS = ["place", "placeProvider", "legalStatus", "categoryOfNeed", "reasonNewEpisode", "reasonEnded"] as const;
export type CodedColumn = (typeof CODED_COLUMNS)[number];

/** Episode rows as read (before cleaning), columnar. */
export interface RawEpisodes {
  length: number;
  la: Uint16Array;
  /** Return year (ending 31 March) the row came from. */
  year: Uint16Array;
  /** Index into RawSsda903.files. */
  file: Uint16Array;
  /** Row number in the file (header = 1). */
  row: Int32Array;
  child: Int32Array;
  start: Int32Array;
  /** -1 when open. */
  end: Int32Array;
  place: Uint8Array;
  placeProvider: Uint8Array;
  legalStatus: Uint8Array;
  categoryOfNeed: Uint8Array;
  reasonNewEpisode: Uint8Array;
  reasonEnded: Uint8Array;
  outsideLa: Uint8Array;
  outsideRegion: Uint8Array;
  overTwentyMiles: Uint8Array;
  /** While reading: the (LA, YEAR label) return group of a labelled row, -1 for a row without a YEAR label. */
  group: Int32Array;
}

/** Deprivation of liberty orders as read: one row per order. */
export interface RawDolo {
  length: number;
  la: Uint16Array;
  /** Interned child (same ids as episodes.child). */
  child: Int32Array;
  start: Int32Array;
  /** -1 when still in force at the end of the return. */
  end: Int32Array;
}

export interface FileSummary {
  name: string;
  kind: Ssda903Kind | "not903";
  rowsRead: number;
  rowsRejected: number;
  rowsSkipped: number;
}

/** Everything read from a set of SSDA903 files. */
export interface RawSsda903 {
  episodes: RawEpisodes;
  /** Number of distinct (LA, CHILD) seen. */
  childCount: number;
  /** Date of birth by child (days), -1 when no valid DOB was read. */
  birth: Int32Array;
  /** 1 when the child appears in a UASC table (or a header UASC flag). */
  uasc: Uint8Array;
  /** LA codes by LA index (old DfE code). */
  las: string[];
  /** By LA index: the return years (ending 31 March) read, ascending. */
  returnYears: number[][];
  /** Deprivation of liberty orders read (empty when no DoLO table was given). */
  dolo: RawDolo;
  /** By LA index: the return years a DoLO table covers (where deprivation_of_liberty_orders can be derived). */
  doloYears: number[][];
  /** How each return's year was read. */
  yearReadings: YearReading[];
  /** The caller's forced reading of YEAR labels, if any. */
  collectionYear?: CollectionYearConvention;
  files: FileSummary[];
  /** Code strings of each coded column, by code index. */
  dictionaries: Record<CodedColumn, string[]>;
  /** Rows rejected while reading, by reason (missing_child, missing_decom, invalid_dec, dec_before_decom, header_missing_dob, missing_la, la_not_recognised, dolo). */
  rejected: Record<string, number>;
  sink: DiagnosticSink;
}

function growU8(a: Uint8Array, n: number) { const b = new Uint8Array(n); b.set(a); return b; }
function growU16(a: Uint16Array, n: number) { const b = new Uint16Array(n); b.set(a); return b; }
function growI32(a: Int32Array, n: number) { const b = new Int32Array(n); b.set(a); return b; }

function emptyEpisodes(capacity: number): RawEpisodes {
  return {
    length: 0,
    la: new Uint16Array(capacity), year: new Uint16Array(capacity), file: new Uint16Array(capacity), row: new Int32Array(capacity),
    child: new Int32Array(capacity), start: new Int32Array(capacity), end: new Int32Array(capacity),
    place: new Uint8Array(capacity), placeProvider: new Uint8Array(capacity), legalStatus: new Uint8Array(capacity),
    categoryOfNeed: new Uint8Array(capacity), reasonNewEpisode: new Uint8Array(capacity), reasonEnded: new Uint8Array(capacity),
    outsideLa: new Uint8Array(capacity), outsideRegion: new Uint8Array(capacity), overTwentyMiles: new Uint8Array(capacity),
    group: new Int32Array(capacity),
  };
}

function growEpisodes(e: RawEpisodes, capacity: number): RawEpisodes {
  return {
    length: e.length,
    la: growU16(e.la, capacity), year: growU16(e.year, capacity), file: growU16(e.file, capacity), row: growI32(e.row, capacity),
    child: growI32(e.child, capacity), start: growI32(e.start, capacity), end: growI32(e.end, capacity),
    place: growU8(e.place, capacity), placeProvider: growU8(e.placeProvider, capacity), legalStatus: growU8(e.legalStatus, capacity),
    categoryOfNeed: growU8(e.categoryOfNeed, capacity), reasonNewEpisode: growU8(e.reasonNewEpisode, capacity), reasonEnded: growU8(e.reasonEnded, capacity),
    outsideLa: growU8(e.outsideLa, capacity), outsideRegion: growU8(e.outsideRegion, capacity), overTwentyMiles: growU8(e.overTwentyMiles, capacity),
    group: growI32(e.group, capacity),
  };
}

/** Flag added to parseYear's result when the label names both years ("2019/20"). */
const NAMED = 0x10000;

/** A YEAR cell: "2020" -> 2020; "2019/20", "2019-20" or "201920" -> 2020 | NAMED (the year ending, named); 0 when unreadable. */
function parseYear(bytes: Uint8Array, start: number, end: number): number {
  let first = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c >= 48 && c <= 57) { if (digits < 4) first = first * 10 + (c - 48); digits++; }
  }
  if (digits === 4) return first;
  if (digits === 6 || digits === 8) return (first + 1) | NAMED;
  return 0;
}

const PACKED_MASK = 1023;
function packedTable(): Int32Array {
  const table = new Int32Array((PACKED_MASK + 1) * 2);
  for (let s = 0; s <= PACKED_MASK; s++) table[2 * s] = -1;
  return table;
}

/**
 * Echo a code value in a message only when it looks like a code (never free text, which
 * could be a name, postcode or identifier).
 * @throws never.
 * @example safeCode("AB1 2CD") // "(value not shown)"
 */
export function safeCode(text: string): string {
  return /^[A-Za-z0-9_]{1,6}$/.test(text) ? text : "(value not shown)";
}

/** An LA value as it may be shown: a code, or a name made of letters (never digits, so never a child identifier or postcode). */
function safeLaValue(text: string): string {
  const t = text.trim();
  return /^(\d{3}|E\d{8})$/i.test(t) || /^[A-Za-z][A-Za-z ,.'&()-]{0,59}$/.test(t) ? t : "(value not shown)";
}

/** Which SSDA903 tables the reader uses (and so needs the LA of). */
function isUsedKind(kind: Ssda903Kind | null): kind is "header" | "episodes" | "uasc" | "dolo" {
  return kind === "header" || kind === "episodes" || kind === "uasc" || kind === "dolo";
}

/** The SuffError for files whose LA is unknown. */
function noLaError(files: string[]): SuffError {
  const named = files.length <= 3 ? files.join(", ") : `${files.slice(0, 3).join(", ")} and ${files.length - 3} more`;
  const d = diagnostic("E_903_NO_LA", { files: named });
  return new SuffError("E_903_NO_LA", d.message, { hint: d.hint });
}

/** Valid SEX codes: M/F/U from 2025-26, 1/2 before (still read). */
function isSexCode(bytes: Uint8Array, start: number, end: number): boolean {
  while (start < end && bytes[start] === 32) start++;
  while (end > start && bytes[end - 1] === 32) end--;
  if (end === start) return true; // blank: not checked here
  if (end - start !== 1) return false;
  const c = bytes[start] | 32;
  return c === 49 || c === 50 || c === 109 || c === 102 || c === 117; // 1 2 m f u
}

/** Per (LA, YEAR label) return: the evidence for how its label is meant. */
class YearGroups {
  la = new Uint16Array(64);
  label = new Uint16Array(64);
  named = new Uint8Array(64);
  endVotes = new Int32Array(64);
  startVotes = new Int32Array(64);
  /** yearEnd(label - 1), yearEnd(label), yearEnd(label + 1). */
  bounds = new Int32Array(64 * 3);
  /** Offset added to the label: 0 (ends / named) or 1 (starts); set by decide(). */
  offset = new Int8Array(64);
  size = 0;
  private readonly index = new Map<number, number>();
  private lastKey = -1;
  private lastGroup = -1;

  /** The group of (LA, parsed label); creates it on first sight. */
  of(la: number, parsed: number): number {
    const key = la * 0x20000 + parsed;
    if (key === this.lastKey) return this.lastGroup;
    let g = this.index.get(key);
    if (g === undefined) {
      g = this.size++;
      if (g >= this.la.length) this.grow();
      const label = parsed & 0xffff;
      this.la[g] = la;
      this.label[g] = label;
      this.named[g] = parsed & NAMED ? 1 : 0;
      this.bounds[3 * g] = yearEnd(label - 1);
      this.bounds[3 * g + 1] = yearEnd(label);
      this.bounds[3 * g + 2] = yearEnd(label + 1);
      this.index.set(key, g);
    }
    this.lastKey = key;
    this.lastGroup = g;
    return g;
  }

  /** Count one episode row as evidence. */
  vote(g: number, start: number, end: number): void {
    const b = this.bounds;
    if (end >= 0) {
      if (end > b[3 * g] && end <= b[3 * g + 1]) this.endVotes[g]++;
      else if (end > b[3 * g + 1] && end <= b[3 * g + 2]) this.startVotes[g]++;
    } else if (start > b[3 * g + 1]) {
      this.startVotes[g]++;
    }
  }

  private grow(): void {
    const n = this.la.length * 2;
    this.la = growU16(this.la, n); this.label = growU16(this.label, n); this.named = growU8(this.named, n);
    this.endVotes = growI32(this.endVotes, n); this.startVotes = growI32(this.startVotes, n);
    this.bounds = growI32(this.bounds, n * 3);
    const offset = new Int8Array(n); offset.set(this.offset); this.offset = offset;
  }
}

/**
 * Reads SSDA903 files into columns. Call `addCsv`/`addXml` per file, then `finish`.
 */
class Ssda903Reader {
  episodes = emptyEpisodes(1024);
  readonly children: ByteInterner;
  birth: Int32Array;
  birthYear: Int32Array;
  uasc: Uint8Array;
  readonly las: string[] = [];
  private readonly laIndex = new Map<string, number>();
  private readonly laRegion: (string | null)[] = [];
  private readonly laValues = new ByteInterner(true, 32);
  /** LA value id -> LA index; -2 not looked up yet, -1 not a known LA. */
  private laValueToIndex = new Int32Array(64).fill(-2);
  private readonly codes: Record<CodedColumn, ByteInterner> = {
    place: new ByteInterner(true), placeProvider: new ByteInterner(true), legalStatus: new ByteInterner(true),
    categoryOfNeed: new ByteInterner(true), reasonNewEpisode: new ByteInterner(true), reasonEnded: new ByteInterner(true),
  };
  readonly files: FileSummary[] = [];
  readonly rejected: Record<string, number> = { missing_child: 0, missing_decom: 0, invalid_dec: 0, dec_before_decom: 0, header_missing_dob: 0, missing_la: 0, la_not_recognised: 0, dolo: 0 };
  readonly sink = new DiagnosticSink();
  private readonly defaultLa: number | null;
  private readonly collectionYear: CollectionYearConvention | undefined;
  private readonly groups = new YearGroups();
  /** Returns of files without a YEAR column: file, LA and the year inferred from the latest DECOM. */
  private readonly unlabelled: { file: string; la: number; year: number }[] = [];
  /** LA values that are not an LA we know, by file: value -> rows. */
  private readonly unknownLaValues = new Map<string, Map<string, number>>();

  // Deprivation of liberty orders.
  private dolo: RawDolo & { group: Int32Array; file: Uint16Array; row: Int32Array } = {
    length: 0, la: new Uint16Array(64), child: new Int32Array(64), start: new Int32Array(64), end: new Int32Array(64),
    group: new Int32Array(64), file: new Uint16Array(64), row: new Int32Array(64),
  };
  /** DoLO tables without a YEAR column: they cover the latest return of each LA in them. */
  private readonly doloLatest = new Set<number>();

  /** URN (upper case) -> LA index of the provider's location; filled lazily from options.providerLocations. */
  private readonly providerLocations: ReadonlyMap<string, string> | null;
  private readonly urns = new ByteInterner(true, 1024);
  private urnLa = new Int32Array(1024).fill(-2); // -2 not looked up yet, -1 unknown

  /** @param expectedChildren a guess at the number of children (from the input size), so tables are not regrown many times. */
  constructor(options: ReadSsda903Options, expectedChildren = 4096) {
    const capacity = Math.max(4096, expectedChildren);
    this.children = new ByteInterner(false, capacity);
    this.birth = new Int32Array(capacity).fill(-1);
    this.birthYear = new Int32Array(capacity);
    this.uasc = new Uint8Array(capacity);
    this.collectionYear = options.collectionYear;
    if (options.la !== undefined && options.la.trim() !== "") {
      const la = findLa(options.la) ?? findLaByName(options.la);
      if (!la) throw new SuffError("E_903_LA_OPTION", `LA '${safeLaValue(options.la)}' (option la) is not a known LA code or name.`, { hint: "Give the LA's old DfE code (e.g. 202), ONS code (e.g. E09000007) or name." });
      this.defaultLa = this.laIndexOf(la.oldCode, la.regionCode);
    } else {
      this.defaultLa = null;
    }
    this.providerLocations = options.providerLocations && options.providerLocations.size > 0
      ? new Map([...options.providerLocations].map(([urn, la]) => [urn.trim().toUpperCase(), la]))
      : null;
  }

  /** The placed-LA index (placedLa) where the provider with this URN is, or -1 when not known. */
  private laOfUrn(record: CsvRecord, f: number): number {
    if (this.providerLocations === null || f < 0 || f >= record.count) return -1;
    const id = this.urns.intern(record.buffers[f], record.starts[f], record.ends[f]);
    if (id < 0) return -1;
    if (id >= this.urnLa.length) { const grown = new Int32Array(id * 2 + 2).fill(-2); grown.set(this.urnLa); this.urnLa = grown; }
    let la = this.urnLa[id];
    if (la === -2) {
      const where = this.providerLocations.get(this.urns.text(id));
      la = where === undefined ? -1 : this.placedLa(where);
      this.urnLa[id] = la;
    }
    return la;
  }

  /** Where a child is placed (from PL_LA or a provider's URN): an index into placedCodes/placedRegions, -1 when not an LA we know. Kept apart from `las`, which are the LAs of the returns. */
  private readonly placedCodes: string[] = [];
  private readonly placedRegions: string[] = [];
  private readonly placedIndex = new Map<string, number>();

  private placedLa(text: string): number {
    const known = this.placedIndex.get(text);
    if (known !== undefined) return known;
    const la = findLa(text) ?? findLaByName(text);
    let index = -1;
    if (la) {
      index = this.placedCodes.indexOf(la.oldCode);
      if (index < 0) { index = this.placedCodes.length; this.placedCodes.push(la.oldCode); this.placedRegions.push(la.regionCode); }
    }
    this.placedIndex.set(text, index);
    return index;
  }

  /** 1 when placed outside the LA of the return, 0 inside. */
  private isOutside(la: number, placed: number): number {
    return this.placedCodes[placed] === this.las[la] ? 0 : 1;
  }

  /** 1 when placed outside the region of the LA of the return, 0 inside, UNKNOWN when the home LA's region is not known. */
  private isOutsideRegion(la: number, placed: number): number {
    const home = this.laRegion[la];
    return home ? (home === this.placedRegions[placed] ? 0 : 1) : UNKNOWN;
  }

  private laIndexOf(code: string, region: string): number {
    let index = this.laIndex.get(code);
    if (index === undefined) {
      index = this.las.length;
      this.las.push(code);
      this.laRegion.push(region);
      this.laIndex.set(code, index);
    }
    return index;
  }

  /**
   * The LA index of a row's LA cell: the cell's LA, the caller's LA for a blank cell, or
   * -1 (blank cell and no LA given) / -2 (not an LA we know); the row is then rejected.
   */
  private laOfField(record: CsvRecord, f: number, file: string): number {
    if (f >= record.count) return this.defaultLa ?? -1;
    const id = this.laValues.internPrefixed(0, record.buffers[f], record.starts[f], record.ends[f]);
    if (id < 0) return this.defaultLa ?? -1;
    if (id >= this.laValueToIndex.length) { const grown = new Int32Array(id * 2 + 2).fill(-2); grown.set(this.laValueToIndex); this.laValueToIndex = grown; }
    let index = this.laValueToIndex[id];
    if (index === -2) {
      const text = this.laValues.text(id).slice(2);
      const la = findLa(text) ?? findLaByName(text);
      index = la ? this.laIndexOf(la.oldCode, la.regionCode) : -1;
      this.laValueToIndex[id] = index;
    }
    if (index === -1) {
      const text = this.laValues.text(id).slice(2);
      let byValue = this.unknownLaValues.get(file);
      if (!byValue) this.unknownLaValues.set(file, (byValue = new Map()));
      byValue.set(text, (byValue.get(text) ?? 0) + 1);
      return -2;
    }
    return index;
  }

  /** Count a row whose LA could not be found as rejected (the diagnostic for unknown LA values is one per file and value, in finish). */
  private rejectLa(la: number, summary: FileSummary, name: string, row: number): void {
    summary.rowsRejected++;
    if (la === -1) { this.rejected.missing_la++; this.sink.row("E_903_MISSING_LA", name, row); }
    else this.rejected.la_not_recognised++;
  }

  private ensureChildCapacity(): void {
    const need = this.children.size;
    if (need <= this.birth.length) return;
    const capacity = Math.max(need, this.birth.length * 2);
    const birth = new Int32Array(capacity).fill(-1); birth.set(this.birth); this.birth = birth;
    this.birthYear = growI32(this.birthYear, capacity);
    this.uasc = growU8(this.uasc, capacity);
  }

  /** Per column, a small open-addressing table from a packed code (1 to 3 bytes) to its id: [key, id] per slot. */
  private readonly packedCodes: Record<CodedColumn, Int32Array> = {
    place: packedTable(), placeProvider: packedTable(), legalStatus: packedTable(), categoryOfNeed: packedTable(), reasonNewEpisode: packedTable(), reasonEnded: packedTable(),
  };
  private packedCount: Record<CodedColumn, number> = { place: 0, placeProvider: 0, legalStatus: 0, categoryOfNeed: 0, reasonNewEpisode: 0, reasonEnded: 0 };

  /**
   * A reader of one coded column: its field as a dictionary code, BLANK when empty. One
   * closure per column and file, so the per-row call sees one table and one interner.
   */
  private codeReader(column: CodedColumn, f: number): (record: CsvRecord) => number {
    if (f < 0) return () => BLANK;
    const table = this.packedCodes[column];
    const interner = this.codes[column];
    return (record) => {
      if (f >= record.count) return BLANK;
      const bytes = record.buffers[f];
      const start = record.starts[f];
      const end = record.ends[f];
      // Fast path: a code of 1 to 3 plain bytes packed into one integer key.
      if (end - start <= 3 && end > start) {
        let key = 0;
        for (let i = start; i < end; i++) key = key * 256 + bytes[i];
        let slot = (Math.imul(key, 0x9e3779b1) >>> 22) & PACKED_MASK;
        for (;;) {
          const stored = table[2 * slot];
          if (stored === key) return table[2 * slot + 1];
          if (stored === -1) break;
          slot = (slot + 1) & PACKED_MASK;
        }
        return this.code(column, record, f);
      }
      const id = interner.intern(bytes, start, end);
      return id < 0 ? BLANK : id >= OVERFLOW ? OVERFLOW : id;
    };
  }

  private code(column: CodedColumn, record: CsvRecord, f: number): number {
    if (f < 0 || f >= record.count) return BLANK;
    const bytes = record.buffers[f];
    const start = record.starts[f];
    const end = record.ends[f];
    // Fast path: a code of 1 to 3 plain bytes packed into one integer key.
    if (end - start <= 3 && end > start) {
      let key = 0;
      for (let i = start; i < end; i++) key = key * 256 + bytes[i];
      const table = this.packedCodes[column];
      let slot = (Math.imul(key, 0x9e3779b1) >>> 22) & PACKED_MASK;
      for (;;) {
        const stored = table[2 * slot];
        if (stored === key) return table[2 * slot + 1];
        if (stored === -1) break;
        slot = (slot + 1) & PACKED_MASK;
      }
      const id = this.codes[column].intern(bytes, start, end);
      const value = id < 0 ? BLANK : id >= OVERFLOW ? OVERFLOW : id;
      if (this.packedCount[column] < (PACKED_MASK + 1) / 2) {
        table[2 * slot] = key;
        table[2 * slot + 1] = value;
        this.packedCount[column]++;
      }
      return value;
    }
    const id = this.codes[column].intern(bytes, start, end);
    return id < 0 ? BLANK : id >= OVERFLOW ? OVERFLOW : id;
  }

  /** Read one CSV table. `kind` overrides detection (for tables converted from XML). */
  addCsv(file: Ssda903File, kindOverride?: Ssda903Kind): void {
    const columns = csvHeader(file.bytes).map(normaliseColumn);
    const kind = kindOverride ?? detectSsda903Kind(columns);
    const summary: FileSummary = { name: file.name, kind: kind ?? "not903", rowsRead: 0, rowsRejected: 0, rowsSkipped: 0 };
    const fileIndex = this.files.length;
    this.files.push(summary);
    const col = (name: string) => columns.indexOf(name);
    if (!isUsedKind(kind)) {
      scanCsv(file.bytes, (r) => { if (r.row > 1) summary.rowsRead++; });
      summary.rowsSkipped = summary.rowsRead;
      if (kind === "other903") this.sink.add(diagnostic("I_903_OTHER_TABLE", { file: file.name, count: summary.rowsRead }, { file: file.name }));
      return;
    }
    const laCol = col("LA");
    if (laCol < 0 && this.defaultLa === null) throw noLaError([file.name]);
    const yearCol = col("YEAR");
    const childCol = col("CHILD");
    const defaultLa = this.defaultLa ?? -1;
    const expected = columns.length;
    const name = file.name;
    const sink = this.sink;
    const groups = this.groups;

    if (kind === "header" || kind === "uasc") {
      const dobCol = col("DOB");
      const uascCol = col("UASC");
      const sexCol = col("SEX");
      const badSex = new Map<string, number>();
      scanCsv(file.bytes, (r) => {
        if (r.row === 1) return;
        summary.rowsRead++;
        const la = laCol >= 0 ? this.laOfField(r, laCol, name) : defaultLa;
        if (la < 0) { this.rejectLa(la, summary, name, r.row); return; }
        const child = childCol < r.count ? this.children.internPrefixed(la, r.buffers[childCol], r.starts[childCol], r.ends[childCol]) : -1;
        if (child < 0) { summary.rowsRejected++; this.rejected.missing_child++; sink.row("E_903_MISSING_CHILD", name, r.row); return; }
        this.ensureChildCapacity();
        if (sexCol >= 0 && sexCol < r.count && !isSexCode(r.buffers[sexCol], r.starts[sexCol], r.ends[sexCol])) {
          const text = new TextDecoder().decode(r.buffers[sexCol].subarray(r.starts[sexCol], r.ends[sexCol])).trim().toUpperCase();
          badSex.set(text, (badSex.get(text) ?? 0) + 1);
        }
        const year = yearCol >= 0 && yearCol < r.count ? parseYear(r.buffers[yearCol], r.starts[yearCol], r.ends[yearCol]) & 0xffff : 0;
        const dob = dobCol >= 0 && dobCol < r.count ? parseDate(r.buffers[dobCol], r.starts[dobCol], r.ends[dobCol]) : -1;
        if (kind === "uasc") {
          this.uasc[child] = 1;
          if (dob >= 0 && this.birth[child] < 0) this.birth[child] = dob; // a fallback only; header DOB wins
          return;
        }
        if (uascCol >= 0 && uascCol < r.count) {
          const b = r.buffers[uascCol][r.starts[uascCol]];
          if (r.ends[uascCol] > r.starts[uascCol] && (b === 49 || b === 89 || b === 121)) this.uasc[child] = 1; // "1", "Y", "y"
        }
        if (dob < 0) { summary.rowsRejected++; this.rejected.header_missing_dob++; sink.row("E_903_HEADER_MISSING_DOB", name, r.row); return; }
        if (this.birth[child] < 0 || year >= this.birthYear[child]) { this.birth[child] = dob; this.birthYear[child] = year; }
      });
      for (const [code, count] of badSex) sink.add(diagnostic("W_903_UNKNOWN_CODE", { file: name, column: "SEX", code: safeCode(code), count }, { file: name, column: "SEX" }));
      return;
    }

    if (kind === "dolo") {
      const startCol = col("DOLO_START");
      const endCol = col("DOLO_END");
      const dobCol = col("DOB");
      const d = this.dolo;
      scanCsv(file.bytes, (r) => {
        if (r.row === 1) return;
        summary.rowsRead++;
        const la = laCol >= 0 ? this.laOfField(r, laCol, name) : defaultLa;
        if (la < 0) { this.rejectLa(la, summary, name, r.row); return; }
        const child = childCol < r.count ? this.children.internPrefixed(la, r.buffers[childCol], r.starts[childCol], r.ends[childCol]) : -1;
        if (child < 0) { summary.rowsRejected++; this.rejected.missing_child++; sink.row("E_903_MISSING_CHILD", name, r.row); return; }
        this.ensureChildCapacity();
        const start = startCol < r.count ? parseDate(r.buffers[startCol], r.starts[startCol], r.ends[startCol]) : -1;
        if (start < 0) { summary.rowsRejected++; this.rejected.dolo++; sink.row("E_903_DOLO_START", name, r.row); return; }
        const end = endCol >= 0 && endCol < r.count ? parseDate(r.buffers[endCol], r.starts[endCol], r.ends[endCol]) : -1;
        if (end === DATE_INVALID || (end >= 0 && end < start)) { summary.rowsRejected++; this.rejected.dolo++; sink.row("E_903_DOLO_END", name, r.row); return; }
        const dob = dobCol >= 0 && dobCol < r.count ? parseDate(r.buffers[dobCol], r.starts[dobCol], r.ends[dobCol]) : -1;
        if (dob >= 0 && this.birth[child] < 0) this.birth[child] = dob; // a fallback only; header DOB wins
        const parsed = yearCol >= 0 && yearCol < r.count ? parseYear(r.buffers[yearCol], r.starts[yearCol], r.ends[yearCol]) : 0;
        if (d.length === d.la.length) this.growDolo();
        const i = this.dolo.length++;
        this.dolo.la[i] = la;
        this.dolo.child[i] = child;
        this.dolo.start[i] = start;
        this.dolo.end[i] = end;
        this.dolo.group[i] = parsed === 0 ? -1 : groups.of(la, parsed);
        this.dolo.file[i] = fileIndex;
        this.dolo.row[i] = r.row;
        if (parsed === 0) this.doloLatest.add(la);
      });
      if (laCol < 0 && this.defaultLa !== null && yearCol < 0) this.doloLatest.add(this.defaultLa);
      return;
    }

    // Episodes.
    const c = {
      decom: col("DECOM"), dec: col("DEC"), place: col("PLACE"), placeProvider: col("PLACE_PROVIDER"), legalStatus: col("LS"),
      categoryOfNeed: col("CIN"), reasonNewEpisode: col("RNE"), reasonEnded: col("REC"),
      // DfE's derived fields: PL_LOCATION (also written PL_LOCALITY), PL_LA and PL_DISTANCE.
      plLocation: col("PL_LOCATION") >= 0 ? col("PL_LOCATION") : col("PL_LOCALITY"), plLa: col("PL_LA"), plDistance: col("PL_DISTANCE"), urn: col("URN"),
    };
    for (const [key, column] of [["dec", "DEC"], ["place", "PLACE"], ["placeProvider", "PLACE_PROVIDER"], ["legalStatus", "LS"], ["categoryOfNeed", "CIN"], ["reasonNewEpisode", "RNE"], ["reasonEnded", "REC"]] as const) {
      if (c[key] < 0) sink.add(diagnostic("W_903_MISSING_COLUMN", { file: name, column }, { file: name }));
    }
    const need = this.episodes.length + Math.ceil(file.bytes.length / 90);
    if (need > this.episodes.la.length) this.episodes = growEpisodes(this.episodes, Math.max(need, Math.floor(this.episodes.la.length * 1.5)));
    let e = this.episodes;
    const firstRow = e.length;
    const latestDecom = new Map<number, number>();
    const prLa = this.codes.placeProvider.internText("PR2");
    const plLaValues = new ByteInterner(true, 32);
    const plLaIndex = new Map<number, number>();
    const decoder = new TextDecoder();
    const readPlace = this.codeReader("place", c.place);
    const readProvider = this.codeReader("placeProvider", c.placeProvider);
    const readLegal = this.codeReader("legalStatus", c.legalStatus);
    const readNeed = this.codeReader("categoryOfNeed", c.categoryOfNeed);
    const readRne = this.codeReader("reasonNewEpisode", c.reasonNewEpisode);
    const readRec = this.codeReader("reasonEnded", c.reasonEnded);
    scanCsv(file.bytes, (r) => {
      if (r.row === 1) return;
      summary.rowsRead++;
      if (r.count !== expected) sink.row("W_903_FIELD_COUNT", name, r.row, { count: r.count, expected });
      const la = laCol >= 0 ? this.laOfField(r, laCol, name) : defaultLa;
      if (la < 0) { this.rejectLa(la, summary, name, r.row); return; }
      const child = childCol < r.count ? this.children.internPrefixed(la, r.buffers[childCol], r.starts[childCol], r.ends[childCol]) : -1;
      if (child < 0) { summary.rowsRejected++; this.rejected.missing_child++; sink.row("E_903_MISSING_CHILD", name, r.row); return; }
      this.ensureChildCapacity();
      const start = c.decom < r.count ? parseDate(r.buffers[c.decom], r.starts[c.decom], r.ends[c.decom]) : -1;
      if (start < 0) { summary.rowsRejected++; this.rejected.missing_decom++; sink.row("E_903_MISSING_DECOM", name, r.row); return; }
      const end = c.dec >= 0 && c.dec < r.count ? parseDate(r.buffers[c.dec], r.starts[c.dec], r.ends[c.dec]) : -1;
      if (end === DATE_INVALID) { summary.rowsRejected++; this.rejected.invalid_dec++; sink.row("E_903_INVALID_DEC", name, r.row); return; }
      if (end >= 0 && end < start) { summary.rowsRejected++; this.rejected.dec_before_decom++; sink.row("E_903_DEC_BEFORE_DECOM", name, r.row); return; }
      if (e.length === e.la.length) e = this.episodes = growEpisodes(e, Math.ceil(e.length * 1.5));
      const i = e.length++;
      e.la[i] = la;
      e.file[i] = fileIndex;
      e.row[i] = r.row;
      e.child[i] = child;
      e.start[i] = start;
      e.end[i] = end;
      const parsed = yearCol >= 0 && yearCol < r.count ? parseYear(r.buffers[yearCol], r.starts[yearCol], r.ends[yearCol]) : 0;
      if (parsed === 0) {
        const latest = latestDecom.get(la);
        if (latest === undefined || start > latest) latestDecom.set(la, start);
        e.group[i] = -1;
        e.year[i] = 0;
      } else {
        const g = groups.of(la, parsed);
        groups.vote(g, start, end);
        e.group[i] = g;
        e.year[i] = parsed & 0xffff;
      }
      e.place[i] = readPlace(r);
      const provider = (e.placeProvider[i] = readProvider(r));
      e.legalStatus[i] = readLegal(r);
      e.categoryOfNeed[i] = readNeed(r);
      e.reasonNewEpisode[i] = readRne(r);
      e.reasonEnded[i] = readRec(r);
      // Location: DfE's derived PL_LOCATION / PL_LA / PL_DISTANCE when the extract has them; PR2 (other LA's provision) means outside.
      let outside = UNKNOWN;
      let outsideRegion = UNKNOWN;
      if (c.plLocation >= 0 && c.plLocation < r.count) {
        const b = r.buffers[c.plLocation];
        let s = r.starts[c.plLocation];
        while (s < r.ends[c.plLocation] && b[s] === 32) s++;
        const first = b[s] | 32;
        const second = b[s + 1] | 32;
        if (r.ends[c.plLocation] > s) {
          if (first === 105 && second === 110) outside = 0; // IN
          else if (first === 111 && second === 117) outside = 1; // OUT
        }
      }
      if (c.plLa >= 0 && c.plLa < r.count) {
        const id = plLaValues.intern(r.buffers[c.plLa], r.starts[c.plLa], r.ends[c.plLa]);
        if (id >= 0) {
          let placed = plLaIndex.get(id);
          if (placed === undefined) { placed = this.placedLa(plLaValues.text(id)); plLaIndex.set(id, placed); }
          if (placed >= 0) {
            if (outside === UNKNOWN) outside = this.isOutside(la, placed);
            outsideRegion = this.isOutsideRegion(la, placed);
          }
        }
      }
      if (outside === UNKNOWN || outsideRegion === UNKNOWN) {
        const placed = this.laOfUrn(r, c.urn);
        if (placed >= 0) {
          if (outside === UNKNOWN) outside = this.isOutside(la, placed);
          if (outsideRegion === UNKNOWN) outsideRegion = this.isOutsideRegion(la, placed);
        }
      }
      if (outside === UNKNOWN && provider === prLa) outside = 1;
      if (outside === 0) outsideRegion = 0;
      e.outsideLa[i] = outside;
      e.outsideRegion[i] = outsideRegion;
      let over = UNKNOWN;
      if (c.plDistance >= 0 && c.plDistance < r.count) {
        const text = decoder.decode(r.buffers[c.plDistance].subarray(r.starts[c.plDistance], r.ends[c.plDistance])).trim();
        const miles = text === "" ? NaN : Number(text);
        if (Number.isFinite(miles) && miles >= 0) over = miles > 20 ? 1 : 0;
      }
      e.overTwentyMiles[i] = over;
    });
    for (const [la, latest] of latestDecom) {
      const year = reportingYearOf(latest);
      for (let i = firstRow; i < e.length; i++) if (e.group[i] < 0 && e.year[i] === 0 && e.la[i] === la) e.year[i] = year;
      this.unlabelled.push({ file: name, la, year });
      sink.add(diagnostic("I_903_YEAR_INFERRED", { file: name, year }, { file: name }));
    }
  }

  private growDolo(): void {
    const d = this.dolo;
    const n = d.la.length * 2;
    this.dolo = { length: d.length, la: growU16(d.la, n), child: growI32(d.child, n), start: growI32(d.start, n), end: growI32(d.end, n), group: growI32(d.group, n), file: growU16(d.file, n), row: growI32(d.row, n) };
  }

  /**
   * Read an XML return (the DfE schema: <CHILD> holding a <HEADER> with CHILDID, SEX, DOB,
   * UASC, DUC..., <EPISODE>s with DECOM, RNE, LS, CIN, PL, PLACE_PROVIDER, DEC, REC, URN,
   * PL_LA, PL_LOCALITY, PL_DISTANCE..., and from 2026-27 deprivation of liberty orders with
   * DOLO_START and DOLO_END). Any nesting is accepted: an element holding DECOM is an
   * episode, DOLO_START an order, DOB (with a child) a header; CHILD/CHILDID, LA and YEAR
   * are inherited from enclosing elements (or a sibling block such as <HEADER>). <PL> is
   * PLACE, as in the CSV.
   */
  addXml(file: Ssda903File): void {
    let tree: unknown;
    try {
      tree = new XMLParser({ parseTagValue: false, ignoreAttributes: true, trimValues: true }).parse(new TextDecoder().decode(file.bytes), true);
    } catch (error) {
      // The parser's message may quote the file's text: keep its shape, never its quoted content.
      const reason = error instanceof Error ? error.message.split("\n")[0].replace(/'[^']*'|"[^"]*"/g, "a tag").replace(/[^\w :.,-]/g, "").slice(0, 80) : "parse error";
      this.sink.add(diagnostic("E_903_XML_UNREADABLE", { file: file.name, reason }, { file: file.name }));
      this.files.push({ name: file.name, kind: "not903", rowsRead: 0, rowsRejected: 0, rowsSkipped: 0 });
      return;
    }
    const RENAME: Record<string, string> = { CHILDID: "CHILD", PL: "PLACE", LEA: "LA" };
    const tables: Record<"header" | "episodes" | "uasc" | "dolo", Record<string, string>[]> = { header: [], episodes: [], uasc: [], dolo: [] };
    const leafText = (value: unknown): string | undefined => (typeof value === "string" || typeof value === "number" ? String(value) : value === null ? "" : undefined);
    const visit = (node: unknown, inherited: Record<string, string>) => {
      if (Array.isArray(node)) { for (const item of node) visit(item, inherited); return; }
      if (typeof node !== "object" || node === null) return;
      const leaves: Record<string, string> = {};
      const nested: unknown[] = [];
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        const text = leafText(value);
        const upper = key.toUpperCase();
        if (text !== undefined) leaves[RENAME[upper] ?? upper] = text;
        else nested.push(value);
      }
      const scope = { ...inherited };
      // The child's identifier may sit in a sibling block (e.g. <HEADER>) of the episodes.
      for (const value of nested) {
        if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
        for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
          const upper = key.toUpperCase();
          const text = leafText(inner);
          if ((upper === "CHILD" || upper === "CHILDID") && text !== undefined && text !== "") scope.CHILD = text;
        }
      }
      if (leaves.CHILD !== undefined && leaves.CHILD !== "") scope.CHILD = leaves.CHILD;
      for (const key of ["LA", "YEAR"]) if (leaves[key] !== undefined && leaves[key] !== "") scope[key] = leaves[key];
      const record: Record<string, string> = { ...scope, ...leaves, CHILD: scope.CHILD ?? "" };
      if (scope.LA !== undefined) record.LA = scope.LA;
      if ("DECOM" in leaves) tables.episodes.push(record);
      else if ("DOLO_START" in leaves) tables.dolo.push(record);
      else if ("DOB" in leaves && record.CHILD !== "") {
        // A header; its UASC flag or date ceased to be UASC (DUC) marks the child as UASC.
        if ((leaves.DUC ?? "") !== "") record.UASC = "1";
        tables.header.push(record);
      } else if ("DUC" in leaves) tables.uasc.push(record);
      for (const child of nested) visit(child, scope);
    };
    // The LA of the return is usually given once, in a header block (LA or LEA).
    const laValues = new Set<string>();
    const findLaLeaves = (node: unknown) => {
      if (Array.isArray(node)) { node.forEach(findLaLeaves); return; }
      if (typeof node !== "object" || node === null) return;
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        const upper = key.toUpperCase();
        const text = leafText(value);
        if ((upper === "LA" || upper === "LEA") && text !== undefined) { if (text.trim() !== "") laValues.add(text.trim()); }
        else findLaLeaves(value);
      }
    };
    findLaLeaves(tree);
    if (laValues.size === 0 && this.defaultLa === null) throw noLaError([file.name]);
    visit(tree, laValues.size === 1 ? { LA: [...laValues][0] } : {});
    const columnsOf: Record<keyof typeof tables, string[]> = {
      header: ["CHILD", "SEX", "DOB", "UASC", "LA", "YEAR"],
      episodes: ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "URN", "PL_LOCATION", "PL_LOCALITY", "PL_LA", "PL_DISTANCE", "LA", "YEAR"],
      uasc: ["CHILD", "SEX", "DOB", "DUC", "LA", "YEAR"],
      dolo: ["CHILD", "DOB", "DOLO_START", "DOLO_END", "LA", "YEAR"],
    };
    const always = new Set(["CHILD", "DECOM", "DOB", "DUC", "DOLO_START"]);
    const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    for (const kind of ["header", "uasc", "dolo", "episodes"] as const) {
      const rows = tables[kind];
      if (rows.length === 0) continue;
      const columns = columnsOf[kind].filter((column) => always.has(column) || rows.some((r) => r[column] !== undefined));
      const text = [columns.join(","), ...rows.map((r) => columns.map((column) => quote(r[column] ?? "")).join(","))].join("\n");
      this.addCsv({ name: file.name, bytes: new TextEncoder().encode(text) }, kind);
    }
    this.sink.add(diagnostic("I_903_XML_READ", { file: file.name, header: tables.header.length, episodes: tables.episodes.length, uasc: tables.uasc.length + tables.header.filter((r) => r.UASC === "1" || r.UASC === "Y").length, dolo: tables.dolo.length }, { file: file.name }));
  }

  /** Decide each return's year, apply it, and check DECOM against it. */
  private settleYears(): YearReading[] {
    const g = this.groups;
    const forced = this.collectionYear;
    // 1. Decide the returns with evidence (or a forced or named reading).
    const decided = new Int8Array(g.size).fill(-1); // 0 ends, 1 starts, -1 undecided
    const basis: YearReading["basis"][] = [];
    let starts = 0;
    let ends = 0;
    for (let k = 0; k < g.size; k++) {
      if (g.named[k]) { decided[k] = 0; basis[k] = "label"; continue; }
      if (forced) { decided[k] = forced === "starts" ? 1 : 0; basis[k] = "forced"; continue; }
      if (g.startVotes[k] > g.endVotes[k]) { decided[k] = 1; starts++; basis[k] = "inferred"; }
      else if (g.endVotes[k] > g.startVotes[k]) { decided[k] = 0; ends++; basis[k] = "inferred"; }
    }
    // 2. Returns without evidence take the reading of the others (DfE's when there are none).
    const fallback = starts > ends ? 1 : 0;
    for (let k = 0; k < g.size; k++) if (decided[k] < 0) { decided[k] = fallback; basis[k] = "assumed"; }
    for (let k = 0; k < g.size; k++) g.offset[k] = decided[k];
    // 3. Apply to the rows, and check each DECOM against its return's year.
    const e = this.episodes;
    for (let i = 0; i < e.length; i++) {
      const k = e.group[i];
      if (k < 0) continue;
      const year = g.label[k] + g.offset[k];
      e.year[i] = year;
      if (e.start[i] > g.bounds[3 * k + 1 + g.offset[k]]) this.sink.row("W_903_DECOM_AFTER_YEAR", this.files[e.file[i]].name, e.row[i], { year });
    }
    const readings: YearReading[] = [];
    for (let k = 0; k < g.size; k++) {
      const named = g.named[k] === 1;
      readings.push({
        la: this.las[g.la[k]], label: named ? `${g.label[k] - 1}/${String(g.label[k] % 100).padStart(2, "0")}` : String(g.label[k]),
        yearEnding: g.label[k] + g.offset[k], convention: named ? "named" : g.offset[k] ? "starts" : "ends", basis: basis[k],
        endVotes: g.endVotes[k], startVotes: g.startVotes[k],
      });
    }
    for (const u of this.unlabelled) readings.push({ la: this.las[u.la], label: "", yearEnding: u.year, convention: "no_year_column", basis: "latest_decom", endVotes: 0, startVotes: 0 });
    return readings.sort((a, b) => (a.la < b.la ? -1 : a.la > b.la ? 1 : a.yearEnding - b.yearEnding));
  }

  finish(): RawSsda903 {
    const yearReadings = this.settleYears();
    summariseYearReadings(yearReadings, this.collectionYear, this.sink);
    for (const [file, byValue] of this.unknownLaValues) {
      for (const [value, count] of byValue) this.sink.add(diagnostic("E_903_LA_NOT_RECOGNISED", { file, value: safeLaValue(value), count }, { file, column: "LA" }));
    }
    const e = this.episodes;
    const years = this.las.map(() => new Set<number>());
    for (let i = 0; i < e.length; i++) years[e.la[i]].add(e.year[i]);
    const returnYears = years.map((s) => [...s].sort((a, b) => a - b));
    // DoLO: each order's return year, and the returns a DoLO table covers.
    const d = this.dolo;
    const doloCovered = this.las.map(() => new Set<number>());
    for (let i = 0; i < d.length; i++) {
      const k = d.group[i];
      if (k >= 0) doloCovered[d.la[i]].add(this.groups.label[k] + this.groups.offset[k]);
    }
    for (const la of this.doloLatest) if (la < returnYears.length && returnYears[la].length) doloCovered[la].add(returnYears[la][returnYears[la].length - 1]);
    const dictionaries = Object.fromEntries(CODED_COLUMNS.map((column) => {
      const interner = this.codes[column];
      return [column, Array.from({ length: Math.min(interner.size, OVERFLOW) }, (_, id) => interner.text(id))];
    })) as Record<CodedColumn, string[]>;
    return {
      episodes: e,
      childCount: this.children.size,
      birth: this.birth,
      uasc: this.uasc,
      las: this.las,
      returnYears,
      dolo: { length: d.length, la: d.la, child: d.child, start: d.start, end: d.end },
      doloYears: doloCovered.map((s) => [...s].sort((a, b) => a - b)),
      yearReadings,
      collectionYear: this.collectionYear,
      files: this.files,
      dictionaries,
      rejected: this.rejected,
      sink: this.sink,
    };
  }
}

/** One info diagnostic saying how YEAR labels were read, and a warning when returns were read differently. */
function summariseYearReadings(readings: YearReading[], forced: CollectionYearConvention | undefined, sink: DiagnosticSink): void {
  const labelled = readings.filter((r) => r.convention === "ends" || r.convention === "starts");
  if (labelled.length === 0) return;
  const count = (c: string) => labelled.filter((r) => r.convention === c).length;
  const starts = count("starts");
  const ends = count("ends");
  const main: CollectionYearConvention = starts > ends ? "starts" : "ends";
  const lasOf = (rows: YearReading[]) => new Set(rows.map((r) => r.la)).size;
  const meaning = (c: CollectionYearConvention) => (c === "starts" ? "the year the collection starts (YEAR 2017 = year ending 31 March 2018, as the regional demand-model app writes it)" : "the year the collection ends (YEAR 2018 = year ending 31 March 2018, as DfE and LA systems write it)");
  const mainRows = labelled.filter((r) => r.convention === main);
  const evidence = (rows: YearReading[]) => {
    const votes = rows.reduce((a, r) => a + r.endVotes + r.startVotes, 0);
    const agree = rows.reduce((a, r) => a + (r.convention === "starts" ? r.startVotes : r.endVotes), 0);
    return `${agree.toLocaleString("en-GB")} of ${votes.toLocaleString("en-GB")} dated episode ends and late starts point that way`;
  };
  const how = forced ? `forced by --collection-year-${forced}` : `inferred from each return's event dates: ${evidence(mainRows)}`;
  sink.add(diagnostic("I_903_YEAR_CONVENTION", { summary: `read as ${meaning(main)} for ${mainRows.length} of ${labelled.length} returns of ${lasOf(labelled)} LAs (${how})` }));
  const others = labelled.filter((r) => r.convention !== main);
  if (others.length > 0) {
    const shown = others.slice(0, 5).map((r) => `LA ${r.la} YEAR ${r.label} read as the year ${r.convention} (year ending ${r.yearEnding}; ${r.basis}: ${r.endVotes} vs ${r.startVotes} votes)`).join("; ");
    sink.add(diagnostic("W_903_YEAR_CONVENTION_MIXED", { summary: `${others.length} returns read differently from the rest: ${shown}${others.length > 5 ? "; ..." : ""}` }));
  }
}

/**
 * True when the bytes look like XML (after a byte-order mark and white space).
 * @throws never.
 * @example looksLikeXml(new TextEncoder().encode("  <x/>")) // true
 */
export function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13)) i++;
  return bytes[i] === 60; // "<"
}

/**
 * True when the bytes are an SSDA903 XML return (XML holding episode start dates, DECOM),
 * for dispatchers that route files by content.
 * @throws never.
 * @example isSsda903Xml(new TextEncoder().encode("<Message><Episode><DECOM>2020-01-01</DECOM></Episode></Message>")) // true
 */
export function isSsda903Xml(bytes: Uint8Array): boolean {
  if (!looksLikeXml(bytes)) return false;
  const tag = new TextEncoder().encode("DECOM>");
  for (let i = bytes.indexOf(tag[0]); i !== -1; i = bytes.indexOf(tag[0], i + 1)) {
    let k = 1;
    while (k < tag.length && bytes[i + k] === tag[k]) k++;
    if (k === tag.length) return true;
  }
  return false;
}

/**
 * Read SSDA903 files (CSV or XML, any mix of tables, years and LAs) into typed columns.
 * Bad rows become diagnostics (file and row only) and are counted.
 * @throws SuffError E_903_NO_LA when a 903 table has no LA column and no LA is given;
 *   E_903_LA_OPTION when the given LA is not a known LA. Never on bad rows.
 * @example
 * const csv = (t: string) => new TextEncoder().encode(t);
 * const raw = readSsda903([{ name: "h.csv", bytes: csv("CHILD,SEX,DOB,UPN\n1,1,01/01/2010,X\n") }, { name: "e.csv", bytes: csv("CHILD,DECOM,LS,PLACE,DEC\n1,01/05/2019,C2,U1,\n") }], { la: "202" });
 * raw.episodes.length // 1
 */
export function readSsda903(files: Ssda903File[], options: ReadSsda903Options = {}): RawSsda903 {
  if (options.la === undefined || options.la.trim() === "") {
    // Every used CSV table must say its LA: name them all at once.
    const without = files.filter((f) => !looksLikeXml(f.bytes)).filter((f) => {
      const columns = csvHeader(f.bytes).map(normaliseColumn);
      return isUsedKind(detectSsda903Kind(columns)) && !columns.includes("LA");
    });
    if (without.length > 0) throw noLaError(without.map((f) => f.name));
  }
  // About one child per 400 bytes of 903 tables (a national extract: 124 MB, 300,000 children).
  const bytes = files.reduce((a, f) => a + f.bytes.length, 0);
  const reader = new Ssda903Reader(options, Math.ceil(bytes / 400));
  for (const file of files) {
    if (looksLikeXml(file.bytes)) reader.addXml(file);
    else reader.addCsv(file);
  }
  return reader.finish();
}

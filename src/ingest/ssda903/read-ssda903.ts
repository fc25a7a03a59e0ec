/**
 * Stage 1 of the SSDA903 pipeline: read header, episodes and UASC tables (CSV as DfE
 * specifies, or the XML return) from bytes into growable typed columns. One or many
 * years, one or many LAs (optional LA and YEAR columns). Files are told apart by their
 * columns (detectSsda903Kind), never by their names.
 *
 * Privacy by construction: a CHILD value is interned from bytes into a dense integer
 * (prefixed with the LA, since identifiers are only unique within an LA) and never
 * becomes a string; UPN and postcodes are never read; a provider's URN is read only to
 * look up where the provider is (providerLocations) and never kept per row; dates of
 * birth stay numbers used only to derive ages.
 */
import { XMLParser } from "fast-xml-parser";
import { findLa, findLaByName } from "../../reference/las.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { ByteInterner } from "./byte-interner.ts";
import { reportingYearOf, yearEnd } from "../../util/civil-days.ts";
import { detectSsda903Kind, normaliseColumn, type Ssda903Kind } from "./detect-ssda903-kind.ts";
import { DiagnosticSink } from "./diagnostic-sink.ts";
import { DATE_INVALID, parseDate as parseDateImported } from "./parse-date.ts";

// A local binding: calls through an imported binding cost a getter per call in the transpiled module.
const parseDate = parseDateImported;
import { csvHeader, scanCsv, type CsvRecord } from "./scan-csv.ts";

/** One input file: its name as the user gave it (used in diagnostics) and its bytes. */
export interface Ssda903File {
  name: string;
  bytes: Uint8Array;
}

export interface ReadSsda903Options {
  /** The LA of files without an LA column: old DfE code, ONS code or name. */
  la?: string;
  /**
   * Where providers are, by Ofsted URN: URN -> the LA the provider is in (old DfE code, ONS
   * code or name), e.g. from Ofsted's providers-and-places list (loadProviderLocations).
   * With it, an episode's URN tells whether the child is placed outside the LA and region.
   */
  providerLocations?: ReadonlyMap<string, string>;
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
  /** LA codes by LA index (old DfE code when recognised). */
  las: string[];
  /** By LA index: the return years (ending 31 March) read, ascending. */
  returnYears: number[][];
  files: FileSummary[];
  /** Code strings of each coded column, by code index. */
  dictionaries: Record<CodedColumn, string[]>;
  /** Rows rejected while reading, by reason (missing_child, missing_decom, invalid_dec, dec_before_decom, header_missing_dob). */
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
  };
}



/** A 4-digit year from a YEAR cell: "2020", "2019/20" or "2019-20" (-> 2020), "201920" (-> 2020); 0 when unreadable. */
function parseYear(bytes: Uint8Array, start: number, end: number): number {
  let first = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c >= 48 && c <= 57) { if (digits < 4) first = first * 10 + (c - 48); digits++; }
  }
  if (digits === 4) return first;
  if (digits === 6 || digits === 8) return first + 1;
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

/**
 * Reads SSDA903 files into columns. Call `add` per file, then `finish`.
 */
class Ssda903Reader {
  episodes = emptyEpisodes(1024);
  readonly children = new ByteInterner(false, 4096);
  birth = new Int32Array(4096).fill(-1);
  birthYear = new Int32Array(4096);
  uasc = new Uint8Array(4096);
  readonly las: string[] = [];
  private readonly laIndex = new Map<string, number>();
  private readonly laRegion: (string | null)[] = [];
  private readonly laValues = new ByteInterner(true, 32);
  private laValueToIndex = new Int32Array(64).fill(-1);
  private readonly codes: Record<CodedColumn, ByteInterner> = {
    place: new ByteInterner(true), placeProvider: new ByteInterner(true), legalStatus: new ByteInterner(true),
    categoryOfNeed: new ByteInterner(true), reasonNewEpisode: new ByteInterner(true), reasonEnded: new ByteInterner(true),
  };
  readonly files: FileSummary[] = [];
  readonly rejected: Record<string, number> = { missing_child: 0, missing_decom: 0, invalid_dec: 0, dec_before_decom: 0, header_missing_dob: 0 };
  readonly sink = new DiagnosticSink();
  private readonly defaultLa: number | null;

  /** URN (upper case) -> LA index of the provider's location; filled lazily from options.providerLocations. */
  private readonly providerLocations: ReadonlyMap<string, string> | null;
  private readonly urns = new ByteInterner(true, 1024);
  private urnLa = new Int32Array(1024).fill(-2); // -2 not looked up yet, -1 unknown

  constructor(options: ReadSsda903Options) {
    this.defaultLa = options.la ? this.laFromText(options.la, "(--la)") : null;
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

  private laFromText(text: string, file: string): number {
    const la = findLa(text) ?? findLaByName(text);
    const code = la ? la.oldCode : text.trim() || "unknown";
    let index = this.laIndex.get(code);
    if (index === undefined) {
      index = this.las.length;
      this.las.push(code);
      this.laRegion.push(la ? la.regionCode : null);
      this.laIndex.set(code, index);
      if (!la && code !== "unknown") this.sink.add(diagnostic("W_903_LA_NOT_RECOGNISED", { file, value: safeCode(code) }, { file }));
    }
    return index;
  }

  private readonly filesWithoutLa: string[] = [];

  private unknownLa(file: string): number {
    if (this.defaultLa !== null) return this.defaultLa;
    if (!this.filesWithoutLa.includes(file)) this.filesWithoutLa.push(file);
    return this.laFromText("unknown", file);
  }

  private laOfField(record: CsvRecord, f: number, fallback: () => number, file: string): number {
    if (f < 0 || f >= record.count) return fallback();
    const id = this.laValues.internPrefixed(0, record.buffers[f], record.starts[f], record.ends[f]);
    if (id < 0) return fallback();
    if (id >= this.laValueToIndex.length) { const grown = new Int32Array(id * 2 + 2).fill(-1); grown.set(this.laValueToIndex); this.laValueToIndex = grown; }
    let index = this.laValueToIndex[id];
    if (index < 0) {
      index = this.laFromText(this.laValues.text(id).slice(2), file);
      this.laValueToIndex[id] = index;
    }
    return index;
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
    if (kind === null || kind === "other903") {
      scanCsv(file.bytes, (r) => { if (r.row > 1) summary.rowsRead++; });
      summary.rowsSkipped = summary.rowsRead;
      if (kind === "other903") this.sink.add(diagnostic("I_903_OTHER_TABLE", { file: file.name, count: summary.rowsRead }, { file: file.name }));
      return;
    }
    const laCol = col("LA");
    const yearCol = col("YEAR");
    const childCol = col("CHILD");
    let laFallback: number | null = null;
    const fallback = () => (laFallback ??= this.unknownLa(file.name));
    const expected = columns.length;
    const name = file.name;
    const sink = this.sink;

    if (kind === "header" || kind === "uasc") {
      const dobCol = col("DOB");
      const uascCol = col("UASC");
      scanCsv(file.bytes, (r) => {
        if (r.row === 1) return;
        summary.rowsRead++;
        const la = laCol >= 0 ? this.laOfField(r, laCol, fallback, name) : fallback();
        const child = childCol < r.count ? this.children.internPrefixed(la, r.buffers[childCol], r.starts[childCol], r.ends[childCol]) : -1;
        if (child < 0) { summary.rowsRejected++; this.rejected.missing_child++; sink.row("E_903_MISSING_CHILD", name, r.row); return; }
        this.ensureChildCapacity();
        const year = yearCol >= 0 && yearCol < r.count ? parseYear(r.buffers[yearCol], r.starts[yearCol], r.ends[yearCol]) : 0;
        const dob = dobCol >= 0 && dobCol < r.count ? parseDate(r.buffers[dobCol], r.starts[dobCol], r.ends[dobCol]) : -1;
        if (kind === "uasc") {
          this.uasc[child] = 1;
          if (dob >= 0 && this.birth[child] < 0) this.birth[child] = dob; // a fallback only; header DOB wins
          return;
        }
        if (uascCol >= 0 && uascCol < r.count) {
          const b = r.buffers[uascCol][r.starts[uascCol]];
          if (b === 49 || b === 89 || b === 121) this.uasc[child] = 1; // "1", "Y", "y"
        }
        if (dob < 0) { summary.rowsRejected++; this.rejected.header_missing_dob++; sink.row("E_903_HEADER_MISSING_DOB", name, r.row); return; }
        if (this.birth[child] < 0 || year >= this.birthYear[child]) { this.birth[child] = dob; this.birthYear[child] = year; }
      });
      return;
    }

    // Episodes.
    const c = {
      decom: col("DECOM"), dec: col("DEC"), place: col("PLACE"), placeProvider: col("PLACE_PROVIDER"), legalStatus: col("LS"),
      categoryOfNeed: col("CIN"), reasonNewEpisode: col("RNE"), reasonEnded: col("REC"),
      plLocation: col("PL_LOCATION"), plLa: col("PL_LA"), plDistance: col("PL_DISTANCE"), urn: col("URN"),
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
    scanCsv(file.bytes, (r) => {
      if (r.row === 1) return;
      summary.rowsRead++;
      if (r.count !== expected) sink.row("W_903_FIELD_COUNT", name, r.row, { count: r.count, expected });
      const la = laCol >= 0 ? this.laOfField(r, laCol, fallback, name) : fallback();
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
      const year = yearCol >= 0 && yearCol < r.count ? parseYear(r.buffers[yearCol], r.starts[yearCol], r.ends[yearCol]) : 0;
      if (year === 0) { const latest = latestDecom.get(la); if (latest === undefined || start > latest) latestDecom.set(la, start); }
      else if (start > yearEnd(year)) sink.row("W_903_DECOM_AFTER_YEAR", name, r.row, { year });
      e.year[i] = year;
      e.place[i] = this.code("place", r, c.place);
      const provider = (e.placeProvider[i] = this.code("placeProvider", r, c.placeProvider));
      e.legalStatus[i] = this.code("legalStatus", r, c.legalStatus);
      e.categoryOfNeed[i] = this.code("categoryOfNeed", r, c.categoryOfNeed);
      e.reasonNewEpisode[i] = this.code("reasonNewEpisode", r, c.reasonNewEpisode);
      e.reasonEnded[i] = this.code("reasonEnded", r, c.reasonEnded);
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
        const text = new TextDecoder().decode(r.buffers[c.plDistance].subarray(r.starts[c.plDistance], r.ends[c.plDistance])).trim();
        const miles = text === "" ? NaN : Number(text);
        if (Number.isFinite(miles) && miles >= 0) over = miles > 20 ? 1 : 0;
      }
      e.overTwentyMiles[i] = over;
    });
    for (const [la, latest] of latestDecom) {
      const year = reportingYearOf(latest);
      for (let i = firstRow; i < e.length; i++) if (e.year[i] === 0 && e.la[i] === la) e.year[i] = year;
      sink.add(diagnostic("I_903_YEAR_INFERRED", { file: name, year }, { file: name }));
    }
  }

  /** Read an XML return: every element holding DECOM is an episode, DUC a UASC record, DOB (without DECOM) a header; CHILD/CHILDID is inherited from the enclosing element. */
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
    const tables: Record<"header" | "episodes" | "uasc", Record<string, string>[]> = { header: [], episodes: [], uasc: [] };
    const visit = (node: unknown, inherited: Record<string, string>) => {
      if (Array.isArray(node)) { for (const item of node) visit(item, inherited); return; }
      if (typeof node !== "object" || node === null) return;
      const leaves: Record<string, string> = {};
      const nested: unknown[] = [];
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (typeof value === "string" || typeof value === "number") leaves[key.toUpperCase()] = String(value);
        else nested.push(value);
      }
      const scope = { ...inherited };
      // The child's identifier may sit in a sibling block (e.g. <ChildIdentifiers>) of the episodes.
      for (const value of nested) {
        if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
        for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
          const upper = key.toUpperCase();
          if ((upper === "CHILD" || upper === "CHILDID") && (typeof inner === "string" || typeof inner === "number")) scope.CHILD = String(inner);
        }
      }
      if (leaves.CHILDID !== undefined) scope.CHILD = leaves.CHILDID;
      if (leaves.CHILD !== undefined) scope.CHILD = leaves.CHILD;
      for (const key of ["LA", "LEA", "YEAR"]) if (leaves[key] !== undefined) scope[key === "LEA" ? "LA" : key] = leaves[key];
      const record: Record<string, string> = { ...scope, ...leaves, CHILD: scope.CHILD ?? "" };
      if (scope.LA !== undefined) record.LA = scope.LA;
      if ("DECOM" in leaves) tables.episodes.push(record);
      else if ("DUC" in leaves) tables.uasc.push(record);
      else if ("DOB" in leaves && record.CHILD !== "") tables.header.push(record);
      for (const child of nested) visit(child, scope);
    };
    // The LA of the return is usually given once, in a header block (LA or LEA).
    const laValues = new Set<string>();
    const findLaLeaves = (node: unknown) => {
      if (Array.isArray(node)) { node.forEach(findLaLeaves); return; }
      if (typeof node !== "object" || node === null) return;
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        const upper = key.toUpperCase();
        if ((upper === "LA" || upper === "LEA") && (typeof value === "string" || typeof value === "number")) laValues.add(String(value).trim());
        else findLaLeaves(value);
      }
    };
    findLaLeaves(tree);
    visit(tree, laValues.size === 1 && this.defaultLa === null ? { LA: [...laValues][0] } : {});
    const columnsOf: Record<string, string[]> = {
      header: ["CHILD", "DOB", "UASC", "LA", "YEAR"],
      episodes: ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "PL_LOCATION", "PL_LA", "PL_DISTANCE", "LA", "YEAR"],
      uasc: ["CHILD", "DOB", "DUC", "LA", "YEAR"],
    };
    const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    for (const kind of ["header", "uasc", "episodes"] as const) {
      const rows = tables[kind];
      if (rows.length === 0) continue;
      const columns = columnsOf[kind].filter((column) => ["CHILD", "DECOM", "DOB", "DUC"].includes(column) || rows.some((r) => r[column] !== undefined));
      const text = [columns.join(","), ...rows.map((r) => columns.map((column) => quote(r[column] ?? "")).join(","))].join("\n");
      this.addCsv({ name: file.name, bytes: new TextEncoder().encode(text) }, kind);
    }
    this.sink.add(diagnostic("I_903_XML_READ", { file: file.name, header: tables.header.length, episodes: tables.episodes.length, uasc: tables.uasc.length }, { file: file.name }));
  }

  finish(): RawSsda903 {
    const without = this.filesWithoutLa;
    if (without.length) {
      const files = without.length === 1 ? without[0] : `${without[0]} and ${without.length - 1} other file${without.length > 2 ? "s" : ""}`;
      this.sink.add(diagnostic("W_903_LA_UNKNOWN", { files }, { file: without[0] }));
    }
    const e = this.episodes;
    const years = this.las.map(() => new Set<number>());
    for (let i = 0; i < e.length; i++) years[e.la[i]].add(e.year[i]);
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
      returnYears: years.map((s) => [...s].sort((a, b) => a - b)),
      files: this.files,
      dictionaries,
      rejected: this.rejected,
      sink: this.sink,
    };
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
 * Bad rows become diagnostics (file and row only) and are counted; nothing throws on data.
 * @throws never on bad data.
 * @example
 * const csv = (t: string) => new TextEncoder().encode(t);
 * const raw = readSsda903([{ name: "h.csv", bytes: csv("CHILD,SEX,DOB,UPN\n1,1,01/01/2010,X\n") }, { name: "e.csv", bytes: csv("CHILD,DECOM,LS,PLACE,DEC\n1,01/05/2019,C2,U1,\n") }], { la: "202" });
 * raw.episodes.length // 1
 */
export function readSsda903(files: Ssda903File[], options: ReadSsda903Options = {}): RawSsda903 {
  const reader = new Ssda903Reader(options);
  for (const file of files) {
    if (looksLikeXml(file.bytes)) reader.addXml(file);
    else reader.addCsv(file);
  }
  return reader.finish();
}

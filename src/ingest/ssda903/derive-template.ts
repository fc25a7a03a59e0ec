/**
 * Stage 3 of the SSDA903 pipeline: the national template's Demand and Location measures
 * for each LA and each year ending 31 March for which a return was read, from the cleaned
 * EpisodeTable (short breaks V3/V4 already excluded by default).
 *
 * Definitions (DfE "Children looked after in England" methodology):
 * - Looked after at 31 March Y: an episode with DECOM <= 31 March Y and no DEC or DEC
 *   after 31 March Y (a child whose episode ceased on 31 March is not counted). Age at
 *   31 March. By placement type (PLACE x PLACE_PROVIDER), age band, CIN, LS, provider, UASC.
 * - Started in the year: the first episode of a period of care (RNE = S, or an episode not
 *   continuing the child's previous one) starting 1 April Y-1 to 31 March Y; only the
 *   first start of a child in the year counts. Age on starting.
 * - Ceased in the year: an episode ending in the year with REC an exit (not X1); only the
 *   last cease of a child in the year counts. Age on ceasing; reason grouped. Episodes
 *   closed by cleaning with an unknown reason are not ceases.
 * - Location: outside the LA from PL_LOCATION, PL_LA (DfE-derived fields, when the extract
 *   has them), the provider's location by URN (when the caller gives providerLocations,
 *   e.g. from Ofsted's list) or PLACE_PROVIDER PR2 (another LA's provision); outside the
 *   region from PL_LA or the URN; more than 20 miles from PL_DISTANCE. The toolkit has no postcode lookup, so
 *   distance is never computed from HOME_POST/PL_POST: without PL_DISTANCE it is not
 *   derived. A cell with any child of unknown location is written as missing
 *   (not_available), never as zero or as a lower bound.
 * - New placements in the year: episodes starting in the year other than changes of legal
 *   status only (RNE L), by locality and distance, when locality is known for all of them.
 * - Placement type: PLACE x PLACE_PROVIDER; rows that map onto no type are counted under
 *   "unknown" (in DfE's "Other placements" group), so the parts always add up to the total.
 * - Deprivation of liberty orders (DoLO table, from the 2026-27 collection): children looked
 *   after at 31 March with an order in force that day (DOLO_START on or before 31 March,
 *   DOLO_END blank or after it), for the returns a DoLO table covers; other returns leave
 *   the measure out (missing, never zero).
 * Not derived: provider_children_placed (not yet); the other unmet need measures, supply
 * and cost (not in SSDA903 at all).
 */
import { AGE_BAND, LEGAL_STATUS, PLACEMENT_TYPE, REASON_CEASED, TOTAL } from "../../reference/code-lists.ts";
import { findCode, leafCodes, rootCodes, rootOf } from "../../reference/code-tree.ts";
import { findLa, laGeography } from "../../reference/las.ts";
import type { DatasetRow, DimensionColumn, ValueStatus } from "../../spec/dataset.ts";
import type { Diagnostic } from "../../spec/diagnostic.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import type { EpisodeTable } from "../../spec/ssda903.ts";
import { ENGLAND } from "../../reference/regions.ts";
import { ageOn, civilDate, reportingYearOf, yearEnd } from "../../util/civil-days.ts";
import { CLOSED_UNKNOWN } from "./clean/open-absent-from-newer.ts";

const UNKNOWN = 255;
const AGE_BANDS = rootCodes(AGE_BAND); // under_1, 1_to_4, 5_to_9, 10_to_15, 16_plus
const PLACEMENTS = leafCodes(PLACEMENT_TYPE);
const NEEDS = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"];
const LEGAL = leafCodes(LEGAL_STATUS).filter((c) => !findCode(LEGAL_STATUS, c)?.children?.length);
const PROVIDERS = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5", "not_reported"];
const REASONS = rootCodes(REASON_CEASED);
const LOCALITIES = ["inside_la", "outside_la"];
const DISTANCES = ["20_miles_or_less", "over_20_miles", "not_known"];

/**
 * Age band index (DfE bands under 1, 1-4, 5-9, 10-15, 16+) for an age in years, -1 when
 * negative (date of birth after the date).
 * @throws never.
 * @example ageBandIndex(16) // 4
 */
export function ageBandIndex(age: number): number {
  if (age < 0) return -1;
  if (age < 1) return 0;
  if (age < 5) return 1;
  if (age < 10) return 2;
  if (age < 16) return 3;
  return 4;
}

/**
 * Reason group (REASON_CEASED root) of an REC code (E4x = special guardianship), or null
 * when it is not in the code set (X1 included: not an exit).
 * @throws never.
 * @example reasonGroup("E45") // "special_guardianship"
 */
export function reasonGroup(code: string): string | null {
  if (findCode(REASON_CEASED, code)) return rootOf(REASON_CEASED, code);
  if (/^E4[3-9]$/.test(code)) return "special_guardianship";
  return null;
}

// Block layout: one Float64Array block per (LA, year).
const P = PLACEMENTS.length + 1; // + unknown
const A = AGE_BANDS.length + 1;
const N = NEEDS.length + 1;
const L = LEGAL.length + 1;
const R = PROVIDERS.length + 1;
const C = REASONS.length + 1;
const layout = (() => {
  const parts: [string, number][] = [
    ["stock", P * A], ["stockNeed", N], ["stockLegal", L], ["stockProvider", R], ["stockUascAge", A],
    ["startAge", A], ["startNeed", N], ["startLegal", L], ["startUasc", 1],
    ["ceaseAge", A], ["ceaseReason", C], ["ceaseUasc", 1],
    ["outLa", P], ["outLaUnknown", P], ["outRegion", P], ["outRegionUnknown", P], ["over20", P], ["over20Unknown", P],
    ["location", LOCALITIES.length * DISTANCES.length], ["locationUnknown", 1],
    ["newPlacements", LOCALITIES.length * DISTANCES.length], ["newPlacementsUnknown", 1], ["newPlacementsTotal", 1],
    ["dolo", 1],
  ];
  const offsets: Record<string, number> = {};
  let size = 0;
  for (const [name, width] of parts) { offsets[name] = size; size += width; }
  return { offsets, size };
})();
const O = layout.offsets;

/** 31 March of each year 1900-2200, for reportingYear. */
const YEAR_ENDS = Int32Array.from({ length: 302 }, (_, k) => yearEnd(1900 + k));

/** The reporting year (ending 31 March) of a day: reportingYearOf without building a date. */
function reportingYear(day: number): number {
  let k = Math.floor((day + 25567 - 90) / 365.2425); // day 0 is 1 January 1970 = 25,567 days after 1 January 1900
  if (k < 0) return reportingYearOf(day);
  if (k > 300) return reportingYearOf(day);
  while (k > 0 && day <= YEAR_ENDS[k - 1]) k--;
  while (k < 301 && day > YEAR_ENDS[k]) k++;
  return 1900 + k;
}

type Dims = Partial<Record<DimensionColumn, string>>;
const NO_DIMS: Dims = Object.freeze({});
const dimsCache = new Map<string, Map<string, Dims | Map<string, Map<string, Dims>>>>();
/**
 * One frozen object per distinct set of dimension values (one or two columns), shared by
 * every row that has it: a national extract gives 300,000 rows but a few hundred distinct
 * dimension sets.
 */
function dimsOf(column: DimensionColumn, code: string, column2?: DimensionColumn, code2?: string): Dims {
  let byCode = dimsCache.get(column);
  if (!byCode) dimsCache.set(column, (byCode = new Map()));
  if (column2 === undefined || code2 === undefined) {
    let found = byCode.get(code) as Dims | undefined;
    if (!found) { found = Object.freeze({ [column]: code }); byCode.set(code, found); }
    return found;
  }
  const key = `${code}\u0000${column2}`;
  let second = byCode.get(key) as Map<string, Map<string, Dims>> | undefined;
  if (!second) byCode.set(key, (second = new Map()));
  let byCode2 = second.get(code2);
  if (!byCode2) second.set(code2, (byCode2 = new Map()));
  let found = byCode2.get("") as Dims | undefined;
  if (!found) { found = Object.freeze({ [column]: code, [column2]: code2 }); byCode2.set("", found); }
  return found;
}

export interface DeriveTemplateResult {
  rows: DatasetRow[];
  diagnostics: Diagnostic[];
}

function mapCodes(codes: string[], targets: string[], map: (code: string) => string | null = (c) => c): Int32Array {
  return Int32Array.from(codes, (code) => {
    const target = map(code);
    const index = target === null ? -1 : targets.indexOf(target);
    return index < 0 ? targets.length : index; // unknown slot
  });
}

/**
 * Template measures for every LA and return year in the table.
 * @throws never on bad data.
 * @example deriveTemplate(cleanSsda903(readSsda903([], {})).table).rows.length // 0
 */
export function deriveTemplate(table: EpisodeTable): DeriveTemplateResult {
  const diagnostics: Diagnostic[] = [];
  const returnYears = table.returnYears ?? table.codes.la.map(() => [] as number[]);
  // 1. Blocks per (LA, year).
  let blocks = 0;
  const yearIndex = returnYears.map((years) => { const m = new Map<number, number>(); for (const y of years) m.set(y, blocks++); return m; });
  const counts = new Float64Array(blocks * layout.size);
  const marchesOf = returnYears.map((years) => Int32Array.from(years, (y) => yearEnd(y)));
  const blocksOf = returnYears.map((years, la) => Int32Array.from(years, (y) => yearIndex[la].get(y)!));
  // Block of a day, by LA: the reporting year of the day (from a table of 31 Marches), then an array lookup.
  const firstYearOf = returnYears.map((years) => (years.length ? years[0] : 0));
  const blockOfYear = returnYears.map((years, la) => {
    const out = new Int32Array(years.length ? years[years.length - 1] - years[0] + 1 : 0).fill(-1);
    for (const y of years) out[y - years[0]] = yearIndex[la].get(y)!;
    return out;
  });
  // 2. Code maps.
  const placementMap = mapCodes(table.codes.placementType, PLACEMENTS);
  const needMap = mapCodes(table.codes.categoryOfNeed, NEEDS);
  const legalMap = mapCodes(table.codes.legalStatus, LEGAL);
  const providerMap = mapCodes(table.codes.placeProvider, PROVIDERS, (c) => (c === "" ? "not_reported" : c));
  const reasonMap = mapCodes(table.codes.reasonEnded, REASONS, reasonGroup);
  const isExit = table.codes.reasonEnded.map((c) => c !== "" && c !== "X1" && c !== CLOSED_UNKNOWN);
  const isStartCode = table.codes.reasonNewEpisode.map((c) => c === "S");
  // A new placement starts with every episode except a change of legal status only (RNE L).
  const isNewPlacement = table.codes.reasonNewEpisode.map((c) => c !== "L");
  const negativeAges = new Map<number, number>();
  const outsideRegion = table.outsideRegion;
  const over20 = table.overTwentyMiles;
  // Deprivation of liberty orders: per dense child a linked list of orders, and the blocks a DoLO table covers.
  const dolo = table.dolo;
  const doloCovered = new Uint8Array(blocks);
  let doloFirst: Int32Array | null = null;
  let doloNext: Int32Array | null = null;
  if (dolo && table.doloYears) {
    table.doloYears.forEach((years, la) => { for (const y of years) { const block = yearIndex[la]?.get(y); if (block !== undefined) doloCovered[block] = 1; } });
    const children = table.length ? table.child[table.length - 1] + 1 : 0;
    doloFirst = new Int32Array(children).fill(-1);
    doloNext = new Int32Array(dolo.length).fill(-1);
    for (let k = 0; k < dolo.length; k++) { doloNext[k] = doloFirst[dolo.child[k]]; doloFirst[dolo.child[k]] = k; }
  }

  // 3. One pass over episodes, grouped by child.
  const n = table.length;
  let groupStart = 0;
  // Per child: blocks (LA-years) with a start counted, and the last cease per block.
  const startSeen = new Uint8Array(blocks);
  const startTouched: number[] = [];
  const ceaseOf = new Int32Array(blocks).fill(-1);
  const ceaseTouched: number[] = [];
  for (let i = 0; i <= n; i++) {
    if (i === n || (i > groupStart && table.child[i] !== table.child[groupStart])) {
      for (const block of ceaseTouched) { countCease(block, ceaseOf[block]); ceaseOf[block] = -1; }
      ceaseTouched.length = 0;
      for (const block of startTouched) startSeen[block] = 0;
      startTouched.length = 0;
      groupStart = i;
      if (i === n) break;
    }
    const la = table.la[i];
    const years = returnYears[la];
    const firstYear = firstYearOf[la];
    const index = blockOfYear[la];
    const start = table.start[i];
    const end = table.end[i];
    const birth = table.birth[i];
    const marches = marchesOf[la];
    const blockIds = blocksOf[la];
    const birthPacked = civilDate(birth);
    const birthYear = Math.floor(birthPacked / 10000);
    const bornAfterMarch = birthPacked % 10000 > 331 ? 1 : 0;
    // Stock at each 31 March.
    for (let y = 0; y < years.length; y++) {
      const march = marches[y];
      if (end >= 0 && end <= march) break; // ended by this 31 March, so by every later one
      if (start > march) continue;
      const base = blockIds[y] * layout.size;
      const age = ageBandFromAge(years[y] - birthYear - bornAfterMarch, base);
      const type = placementMap[table.placementType[i]];
      counts[base + O.stock + type * A + age]++;
      counts[base + O.stockNeed + needMap[table.categoryOfNeed[i]]]++;
      counts[base + O.stockLegal + legalMap[table.legalStatus[i]]]++;
      counts[base + O.stockProvider + providerMap[table.placeProvider[i]]]++;
      if (table.uasc[i]) counts[base + O.stockUascAge + age]++;
      const outside = table.outsideLa[i];
      if (outside === UNKNOWN) counts[base + O.outLaUnknown + type]++;
      else if (outside === 1) counts[base + O.outLa + type]++;
      const region = outsideRegion ? outsideRegion[i] : UNKNOWN;
      if (region === UNKNOWN) counts[base + O.outRegionUnknown + type]++;
      else if (region === 1) counts[base + O.outRegion + type]++;
      const far = over20 ? over20[i] : UNKNOWN;
      if (far === UNKNOWN) counts[base + O.over20Unknown + type]++;
      else if (far === 1) counts[base + O.over20 + type]++;
      if (outside === UNKNOWN) counts[base + O.locationUnknown]++;
      else counts[base + O.location + outside * DISTANCES.length + (far === UNKNOWN ? 2 : far === 1 ? 1 : 0)]++;
      if (doloFirst !== null && doloNext !== null && dolo && doloCovered[blockIds[y]]) {
        for (let k = doloFirst[table.child[i]]; k >= 0; k = doloNext[k]) {
          if (dolo.start[k] <= march && (dolo.end[k] < 0 || dolo.end[k] > march)) { counts[base + O.dolo]++; break; }
        }
      }
    }
    // A new placement in the year, by locality and distance.
    if (isNewPlacement[table.reasonNewEpisode[i]]) {
      const block = blockForDay(index, firstYear, start);
      if (block >= 0) {
        const base = block * layout.size;
        counts[base + O.newPlacementsTotal]++;
        const outside = table.outsideLa[i];
        const far = over20 ? over20[i] : UNKNOWN;
        if (outside === UNKNOWN) counts[base + O.newPlacementsUnknown]++;
        else counts[base + O.newPlacements + outside * DISTANCES.length + (far === UNKNOWN ? 2 : far === 1 ? 1 : 0)]++;
      }
    }
    // Start of a period of care.
    const continues = i > groupStart && table.end[i - 1] === start;
    if (isStartCode[table.reasonNewEpisode[i]] || !continues) {
      const block = blockForDay(index, firstYear, start);
      if (block >= 0 && startSeen[block] === 0) {
        startSeen[block] = 1;
        startTouched.push(block);
        const base = block * layout.size;
        counts[base + O.startAge + ageBand(birth, start, base)]++;
        counts[base + O.startNeed + needMap[table.categoryOfNeed[i]]]++;
        counts[base + O.startLegal + legalMap[table.legalStatus[i]]]++;
        if (table.uasc[i]) counts[base + O.startUasc]++;
      }
    }
    // Cease: the last in the year wins.
    if (end >= 0 && isExit[table.reasonEnded[i]]) {
      const block = blockForDay(index, firstYear, end);
      if (block >= 0) {
        if (ceaseOf[block] < 0) ceaseTouched.push(block);
        ceaseOf[block] = i;
      }
    }
  }

  function countCease(block: number, i: number): void {
    const base = block * layout.size;
    counts[base + O.ceaseAge + ageBand(table.birth[i], table.end[i], base)]++;
    counts[base + O.ceaseReason + reasonMap[table.reasonEnded[i]]]++;
    if (table.uasc[i]) counts[base + O.ceaseUasc]++;
  }

  function ageBand(birth: number, on: number, base: number): number {
    return ageBandFromAge(ageOn(birth, on), base);
  }

  function ageBandFromAge(age: number, base: number): number {
    const band = ageBandIndex(age);
    if (band >= 0) return band;
    const block = base / layout.size;
    negativeAges.set(block, (negativeAges.get(block) ?? 0) + 1);
    return AGE_BANDS.length;
  }

  function blockForDay(index: Int32Array, firstYear: number, day: number): number {
    const k = reportingYear(day) - firstYear;
    return k >= 0 && k < index.length ? index[k] : -1;
  }

  // 4. Rows.
  const rows: DatasetRow[] = [];
  const notDerived = new Map<string, { la: string; measure: string; reason: string; years: number[] }>();
  returnYears.forEach((years, la) => {
    const code = table.codes.la[la];
    const known = findLa(code);
    for (const year of years) {
      const base = yearIndex[la].get(year)! * layout.size;
      const g = known ? laGeography(known, year) : { geographic_level: "Local authority" as const, country_code: ENGLAND.code, country_name: ENGLAND.name, region_code: "", region_name: "", old_la_code: code === "unknown" ? "" : code, new_la_code: "", la_name: "" };
      const period = String(year);
      // One literal per row (no spread) and shared, frozen dimension objects: 300,000 rows for a national extract.
      const emit = (measure: string, dims: Dims, value: number | null, status: ValueStatus = "ok") =>
        rows.push({
          time_period: period, time_identifier: "Reporting year", geographic_level: g.geographic_level, country_code: g.country_code, country_name: g.country_name,
          region_code: g.region_code, region_name: g.region_name, old_la_code: g.old_la_code, new_la_code: g.new_la_code, la_name: g.la_name,
          measure, dims, value, value_status: status, source: "ssda903",
        });
      const sum = (offset: number, width: number) => { let s = 0; for (let k = 0; k < width; k++) s += counts[base + offset + k]; return s; };
      // Codes excluded by the measure's definition (short breaks V3/V4 in counts of children looked after) are not applicable, never zero.
      const oneDimension = (measure: string, column: DimensionColumn, codes: string[], offset: number, excluded: (c: string) => boolean = () => false) => {
        codes.forEach((c, k) => { if (excluded(c)) emit(measure, dimsOf(column, c), null, "not_applicable"); else emit(measure, dimsOf(column, c), counts[base + offset + k]); });
        emit(measure, dimsOf(column, TOTAL), sum(offset, codes.length + 1));
      };
      // Demand: stock by placement type x age band, with totals both ways.
      PLACEMENTS.forEach((type, p) => {
        AGE_BANDS.forEach((band, a) => emit("cla_31_march", dimsOf("placement_type", type, "age_band", band), counts[base + O.stock + p * A + a]));
        emit("cla_31_march", dimsOf("placement_type", type, "age_band", TOTAL), sum(O.stock + p * A, A));
      });
      AGE_BANDS.forEach((band, a) => { let s = 0; for (let p = 0; p < P; p++) s += counts[base + O.stock + p * A + a]; emit("cla_31_march", dimsOf("placement_type", TOTAL, "age_band", band), s); });
      const stockTotal = sum(O.stock, P * A);
      emit("cla_31_march", dimsOf("placement_type", TOTAL, "age_band", TOTAL), stockTotal);
      oneDimension("cla_31_march_by_need", "category_of_need", NEEDS, O.stockNeed);
      oneDimension("cla_31_march_by_legal_status", "legal_status", LEGAL, O.stockLegal, (c) => c === "V3" || c === "V4");
      oneDimension("cla_31_march_by_provider", "place_provider", PROVIDERS, O.stockProvider);
      oneDimension("cla_31_march_uasc", "age_band", AGE_BANDS, O.stockUascAge);
      oneDimension("starts_in_year", "age_band", AGE_BANDS, O.startAge);
      oneDimension("starts_in_year_by_need", "category_of_need", NEEDS, O.startNeed);
      oneDimension("starts_in_year_by_legal_status", "legal_status", LEGAL, O.startLegal, (c) => c === "V3" || c === "V4");
      emit("starts_in_year_uasc", NO_DIMS, counts[base + O.startUasc]);
      oneDimension("ceases_in_year", "age_band", AGE_BANDS, O.ceaseAge);
      oneDimension("ceases_in_year_by_reason", "reason_ceased", REASONS, O.ceaseReason);
      emit("ceases_in_year_uasc", NO_DIMS, counts[base + O.ceaseUasc]);
      if (doloCovered[base / layout.size]) emit("deprivation_of_liberty_orders", NO_DIMS, counts[base + O.dolo]);
      // Location: a cell is known only when every child in it has a known location.
      const location = (measure: string, outOffset: number, unknownOffset: number, reason: string) => {
        const unknownTotal = sum(unknownOffset, P);
        if (unknownTotal === stockTotal && stockTotal > 0) {
          emit(measure, dimsOf("placement_type", TOTAL), null, "not_available");
          const key = `${measure}:${la}`;
          const entry = notDerived.get(key) ?? { la: code, measure, reason, years: [] };
          entry.years.push(year);
          notDerived.set(key, entry);
          return;
        }
        PLACEMENTS.forEach((type, p) => {
          const unknown = counts[base + unknownOffset + p];
          emit(measure, dimsOf("placement_type", type), unknown > 0 ? null : counts[base + outOffset + p], unknown > 0 ? "not_available" : "ok");
        });
        emit(measure, dimsOf("placement_type", TOTAL), unknownTotal > 0 ? null : sum(outOffset, P), unknownTotal > 0 ? "not_available" : "ok");
      };
      location("placed_outside_la", O.outLa, O.outLaUnknown, "the placement's LA is not known for every child (needs PL_LOCATION or PL_LA; PLACE_PROVIDER PR2 only shows some placements outside)");
      location("placed_outside_region", O.outRegion, O.outRegionUnknown, "the placement's LA is not known for every child (needs PL_LA)");
      location("placed_over_20_miles", O.over20, O.over20Unknown, "distance from home needs PL_DISTANCE; the toolkit has no postcode lookup, so HOME_POST and PL_POST are not used");
      // Locality x distance grid (with totals) for a measure whose counts start at `offset`;
      // when any child's locality is unknown, one missing total and a "not derived" note.
      const localityGrid = (measure: string, offset: number, unknown: number, total: number, reason: string) => {
        if (unknown > 0) {
          emit(measure, dimsOf("locality", TOTAL, "distance", TOTAL), null, "not_available");
          const key = `${measure}:${la}`;
          const entry = notDerived.get(key) ?? { la: code, measure, reason, years: [] };
          entry.years.push(year);
          notDerived.set(key, entry);
          return;
        }
        LOCALITIES.forEach((loc, l) => {
          DISTANCES.forEach((dist, d) => emit(measure, dimsOf("locality", loc, "distance", dist), counts[base + offset + l * DISTANCES.length + d]));
          emit(measure, dimsOf("locality", loc, "distance", TOTAL), sum(offset + l * DISTANCES.length, DISTANCES.length));
        });
        DISTANCES.forEach((dist, d) => emit(measure, dimsOf("locality", TOTAL, "distance", dist), counts[base + offset + d] + counts[base + offset + DISTANCES.length + d]));
        emit(measure, dimsOf("locality", TOTAL, "distance", TOTAL), total);
      };
      if (stockTotal > 0) localityGrid("cla_31_march_by_location", O.location, counts[base + O.locationUnknown], stockTotal, "locality is not known for every child (needs PL_LOCATION or PL_LA)");
      localityGrid("new_placements_in_year_by_location", O.newPlacements, counts[base + O.newPlacementsUnknown], counts[base + O.newPlacementsTotal], "locality is not known for every new placement (needs PL_LOCATION, PL_LA or provider locations by URN)");
      const negative = negativeAges.get(base / layout.size);
      if (negative) diagnostics.push(diagnostic("I_903_NEGATIVE_AGE", { la: code, year, count: negative }));
    }
  });
  // One diagnostic per measure and reason, naming the LAs (the first few) and years.
  const byMeasure = new Map<string, { measure: string; reason: string; las: string[]; years: Set<number> }>();
  for (const { la, measure, reason, years } of notDerived.values()) {
    const entry = byMeasure.get(measure) ?? { measure, reason, las: [], years: new Set<number>() };
    entry.las.push(la);
    for (const y of years) entry.years.add(y);
    byMeasure.set(measure, entry);
  }
  for (const { measure, reason, las, years } of byMeasure.values()) {
    const all = [...years];
    const span = all.length > 1 ? `${Math.min(...all)} to ${Math.max(...all)}` : String(all[0]);
    const named = las.length <= 5 ? las.join(", ") : `${las.slice(0, 5).join(", ")} and ${las.length - 5} more`;
    diagnostics.push(diagnostic("I_903_NOT_DERIVED", { measure, la: named, year: span, reason }));
  }
  return { rows, diagnostics };
}

/**
 * DfE's LA-level underlying data of *Children looked after in England* 2010 to 2019 (the
 * SFR "underlying data" CSVs, before EES): one record per geography (England, regions,
 * LAs), one column per figure. Three families, recognised by their columns:
 *  - at 31 March (CLA_Mar{Y}, or MarTotal_{Y} in 2010): total, age band, placement group,
 *    legal status, placement provider, UASC, locality and distance, and the LA-of-placement
 *    flows (children placed in the LA by other LAs, net gain);
 *  - starts in the year (CLA_started{Y}, StartTotal_{Y}): total, age band, category of need;
 *  - ceases in the year (CLA_cease..., CeasedTotal_{Y}): total and age band.
 *
 * Placement groups are mapped where they mean what today's groups mean: foster, placed for
 * adoption, with parents, residential schools, other residential settings, other
 * placements. Two 2011-2019 groups do not: "secure units, children's homes and hostels"
 * (semi-independent hostels are today's supported accommodation) and "other placements in
 * the community" (independent living, today also supported accommodation); they are not
 * kept. The 2010 file gives SSDA903 placement codes, which map onto every group.
 *
 * The year is the one in the file name or folder (the 2015 starts file labels its column
 * 2014); files from 2018 repeat earlier years' totals, of which only the file's year is
 * read. LAs of 2010 are looked up as of 2011 (no LA changed between April 2009 and April
 * 2019). Figures are rounded to 10 by DfE (x, c: suppressed; "-" or "..": not available).
 *
 * Reference: DfE, Children looked after in England including adoptions (SFR 2010-2019),
 * underlying data and its metadata documents (kept beside the files in data/published).
 */
import type { DatasetRow, ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { publishedGeography, publishedRow, publishedValue, type Dims } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const DFE_HISTORY_KIND = "dfe-cla-la-underlying-2010-2019";

type Family = "31_march" | "starts" | "ceases";

function family(columns: readonly string[]): Family | null {
  const has = (re: RegExp) => columns.some((c) => re.test(c));
  if (!(columns.includes("geog_l") && columns.includes("geog_n"))) return null;
  if (has(/^CLA_Mar\d{4}$/) || has(/^MarTotal_\d{4}$/)) return "31_march";
  if (has(/^CLA_started\d{4}$/) || has(/^StartTotal_\d{4}$/)) return "starts";
  if (has(/^CLA_cease(\d{4})?$/) || has(/^CeasedTotal_\d{4}$/)) return "ceases";
  return null;
}

/**
 * True when the header is one of DfE's 2010-2019 LA underlying data files.
 * @example isDfeHistory(["New_geog_code", "geog_l", "geog_c", "geog_n", "CLA_Mar2016"]) // true
 */
export function isDfeHistory(columns: readonly string[]): boolean {
  return family(columns) !== null;
}

/** One mapped column: measure and dimensions of the value it holds. */
interface Mapping {
  measure: string;
  dims: Dims;
  /** For a 2010 placement group: the SSDA903 columns that add up to it. */
  sumOf?: string[];
}

const AGE: Record<string, string> = { U1: "under_1", "1to4": "1_to_4", "5to9": "5_to_9", "10to15": "10_to_15", "16over": "16_plus", "16": "16", "17": "17", "18over": "18_plus", "18": "18_plus" };
const CEASE_AGE: Record<string, string> = { cea1: "under_1", cea14: "1_to_4", cea59: "5_to_9", cea1015: "10_to_15", cea17: "17", cea18: "18_plus" };

const MARCH_GROUPS: Record<string, string> = {
  Fost: "foster", Adopt: "placed_for_adoption_group", Parent: "with_parents_group", Ores: "other_residential_group", RSch: "residential_schools", OthPl: "other_placements",
};
const LEGAL: Record<string, string> = { ICO: "C1", FCO: "C2", FrAd: "D1", PlaceO: "E1", S20: "voluntary_s20", YJLS: "youth_justice", CPG: "detained_for_child_protection" };
const PROVIDER: Record<string, string> = { OwnP: "PR1", OthLA: "PR2", OthPP: "PR3", Priv: "PR4", Vol: "PR5", Par: "PR0", Nrep: "not_reported" };
const NEED: Record<string, string> = { AbNeg: "N1", Cdisab: "N2", ParIll: "N3", FAcSt: "N4", FD: "N5", SUB: "N6", LI: "N7", AbsPar: "N8" };
const DISTANCE: Record<string, string> = { LTE20: "20_miles_or_less", GT20: "over_20_miles", NoInfo: "not_known" };
/** 2010: SSDA903 placement codes by group (M1-M3, missing, are in no group). */
const GROUPS_2010: Record<string, string[]> = {
  foster: ["Q1", "Q2"], placed_for_adoption_group: ["A3", "A4", "A5", "A6"], with_parents_group: ["P1"], secure_and_childrens_homes: ["K1", "K2"],
  supported_accommodation_group: ["P2", "H5"], residential_schools: ["S1"], other_residential_group: ["R1", "R2", "R3", "R5"], other_placements: ["Z1", "P3"],
};

/** The mapping of a column of a file of `fam` for `year`, or null when the column is not kept. */
function mapColumn(fam: Family, column: string, year: number, totalColumn: string): Mapping | null {
  const one = (measure: string, dims: Dims = {}): Mapping => ({ measure, dims });
  const total = { placement_type: TOTAL, age_band: TOTAL };
  if (fam === "31_march") {
    if (column === totalColumn) return one("cla_31_march", total);
    let m = /^CLA_(U1|1to4|5to9|10to15|16over)$/.exec(column);
    if (m) return one("cla_31_march", { placement_type: TOTAL, age_band: AGE[m[1]] });
    m = /^CLA_(\w+)$/.exec(column);
    if (m && MARCH_GROUPS[m[1]]) return one("cla_31_march", { placement_type: MARCH_GROUPS[m[1]], age_band: TOTAL });
    if (m && LEGAL[m[1]]) return one("cla_31_march_by_legal_status", { legal_status: LEGAL[m[1]] });
    if (m && PROVIDER[m[1]]) return one("cla_31_march_by_provider", { place_provider: PROVIDER[m[1]] });
    if (column === "CLA_UASC" || column === `CLA_UASC${year}`) return one("cla_31_march_uasc", { age_band: TOTAL });
    if (column === "CLA_InBound" || column === "CLA_InLA") return one("cla_31_march_by_location", { locality: "inside_la", distance: TOTAL });
    if (column === "CLA_Outbound" || column === "CLA_OutLA") return one("cla_31_march_by_location", { locality: "outside_la", distance: TOTAL });
    m = /^CLA_(LTE20|GT20|NoInfo)$/.exec(column);
    if (m) return one("cla_31_march_by_location", { locality: TOTAL, distance: DISTANCE[m[1]] });
    m = /^CLA_(InLA|OutLA)_(LTE20|GT20|NoInfo)$/.exec(column);
    if (m) return one("cla_31_march_by_location", { locality: m[1] === "InLA" ? "inside_la" : "outside_la", distance: DISTANCE[m[2]] });
    if (column === "CLA_ExtPl") return one("cla_placed_in_la_by_other_las");
    if (column === "CLA_NetGain") return one("cla_net_gain");
    if (year === 2010) for (const [group, codes] of Object.entries(GROUPS_2010)) if (column === `MarPlace_${codes[0]}_2010`) return { measure: "cla_31_march", dims: { placement_type: group, age_band: TOTAL }, sumOf: codes.map((c) => `MarPlace_${c}_2010`) };
    return null;
  }
  if (fam === "starts") {
    if (column === totalColumn) return one("starts_in_year", { age_band: TOTAL });
    let m = /^SCLA_(U1|1to4|5to9|10to15|16over)$/.exec(column);
    if (m) return one("starts_in_year", { age_band: AGE[m[1]] });
    m = /^SCLA_(\w+)$/.exec(column);
    if (m && NEED[m[1]]) return one("starts_in_year_by_need", { category_of_need: NEED[m[1]] });
    return null;
  }
  if (column === totalColumn) return one("ceases_in_year", { age_band: TOTAL });
  let m = /^CEA_(U1|1to4|5to9|10to15|16over|16|17|18over)$/.exec(column);
  if (m) return one("ceases_in_year", { age_band: AGE[m[1]] });
  m = /^CLA_(cea1|cea14|cea59|cea1015|cea17|cea18)$/.exec(column);
  if (m) return one("ceases_in_year", { age_band: CEASE_AGE[m[1]] });
  return null;
}

/**
 * The year of a file: from its name or folder, else the latest year in its total column.
 * In 2011-2014 the cease file's "CLA_cea16" is 16 and over, in 2016 16 only (then 17, 18).
 */
function fileYear(name: string, columns: readonly string[]): number | null {
  const parts = name.split(/[\\/]/).reverse();
  for (const part of parts) {
    const m = /(?:^|[^0-9])(20[01]\d)(?![0-9])/.exec(part);
    if (m) return Number(m[1]);
  }
  const years = columns.map((c) => /^(?:CLA_Mar|CLA_started|CLA_cease|MarTotal_|StartTotal_|CeasedTotal_)(\d{4})$/.exec(c)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
  return years.length ? Math.max(...years) : null;
}

/**
 * The column with the year's total: the one named with the file's year, else the only
 * total column there is (the 2015 starts file names its total CLA_started2014).
 */
function totalColumn(fam: Family, columns: readonly string[], year: number): string {
  const pattern = fam === "31_march" ? /^(CLA_Mar|MarTotal_)(\d{4})$/ : fam === "starts" ? /^(CLA_started|StartTotal_)(\d{4})$/ : /^(CLA_cease|CeasedTotal_)(\d{4})?$/;
  const candidates = columns.filter((c) => pattern.test(c));
  return candidates.find((c) => c.endsWith(String(year))) ?? (candidates.length === 1 ? candidates[0] : "");
}

const REGION_LETTERS: Record<string, string> = { A: "E12000001", B: "E12000002", D: "E12000003", E: "E12000004", F: "E12000005", G: "E12000006", H: "E12000007", J: "E12000008", K: "E12000009" };

/**
 * Read one underlying data file.
 * @throws Error only when the bytes are not CSV.
 * @example readDfeHistory({ name: "2016/SFR41_CLA2016.csv", bytes }).rows[0].time_period // "2016"
 */
export function readDfeHistory(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(DFE_HISTORY_KIND);
  const fam = family(table.columns)!;
  const year = fileYear(file.name, table.columns);
  const col = (name: string) => table.index.get(name) ?? -1;
  const [cNew, cLevel, cCode, cName] = ["New_geog_code", "geog_l", "geog_c", "geog_n"].map(col);
  const mapped = year === null ? [] : table.columns.map((c, i) => ({ i, map: mapColumn(fam, c, year, totalColumn(fam, table.columns, year)) })).filter((x) => x.map !== null);
  // 16 and over in 2011-2015 cease files (CLA_cea16 with no CLA_cea17 beside it).
  if (fam === "ceases" && !table.index.has("CLA_cea17")) {
    const i = col("CLA_cea16");
    if (i >= 0) mapped.push({ i, map: { measure: "ceases_in_year", dims: { age_band: "16_plus" } } });
  } else if (fam === "ceases") {
    const i = col("CLA_cea16");
    if (i >= 0) mapped.push({ i, map: { measure: "ceases_in_year", dims: { age_band: "16" } } });
  }
  table.records.forEach((record, r) => {
    const where = { file: file.name, row: r + 2 };
    const at = (i: number) => (i >= 0 ? (record[i] ?? "").trim() : "");
    if (record.every((c) => c.trim() === "")) return acc.skip("blank row");
    if (year === null) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_PERIOD", { value: file.name }, where));
      return;
    }
    const levelText = at(cLevel).toLowerCase();
    const level = /^(national|country)$/.test(levelText) ? "National" : /^(region|gor)$/.test(levelText) ? "Regional" : levelText === "la" ? "Local authority" : null;
    if (level === null) return acc.skip(`geographic level "${at(cLevel)}" not kept`);
    const newCode = at(cNew);
    const code = at(cCode);
    const geography = publishedGeography(acc, {
      level,
      // No LA changed between April 2009 and April 2019: 2010 LAs are looked up as of 2011.
      year: Math.max(year, 2011),
      oldCode: level === "Local authority" ? code : "",
      newCode: level === "Local authority" ? newCode : "",
      laName: at(cName),
      regionCode: level === "Regional" ? (newCode || REGION_LETTERS[code] || "") : "",
      regionName: at(cName),
    }, "ok", where, "skip");
    if (geography === null) return;
    const rows: DatasetRow[] = [];
    for (const { i, map } of mapped) {
      let value: number | null;
      let status: DatasetRow["value_status"];
      if (map!.sumOf) {
        const parts = map!.sumOf.map((c) => ({ c, raw: at(col(c)) }));
        const parsed = parts.map((p) => publishedValue(acc, p.raw, p.c, where));
        if (parsed.some((p) => p === null)) return;
        const marker = parsed.find((p) => p!.value === null);
        value = marker ? null : parsed.reduce((a, p) => a + p!.value!, 0);
        status = marker ? marker!.status : "ok";
      } else {
        const parsed = publishedValue(acc, at(i), table.columns[i], where);
        if (parsed === null) return;
        ({ value, status } = parsed);
      }
      rows.push(publishedRow(geography, String(year), map!.measure, map!.dims, value, status));
      // The same figures as the location measures' headline columns (as the EES readers do).
      if (map!.measure === "cla_31_march_by_location" && map!.dims.distance === TOTAL && map!.dims.locality === "outside_la") rows.push(publishedRow(geography, String(year), "placed_outside_la", { placement_type: TOTAL }, value, status));
      if (map!.measure === "cla_31_march_by_location" && map!.dims.locality === TOTAL && map!.dims.distance === "over_20_miles") rows.push(publishedRow(geography, String(year), "placed_over_20_miles", { placement_type: TOTAL }, value, status));
    }
    acc.accept(rows);
  });
  return acc.result();
}

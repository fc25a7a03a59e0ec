/**
 * Turn the geography columns of a published record into the EES geography of a dataset
 * row: National, one of the nine regions, or an LA from the reference list (found by old
 * code, then ONS code, then name, in the reporting year, so recoded and abolished LAs
 * resolve as they were that year). Inner and Outer London (E13) are not kept: London is
 * published as a region of its own.
 */
import type { DatasetRow } from "../../spec/dataset.ts";
import { findLa, findLaByName, laGeography, laValidIn, lasInYear, type LocalAuthority } from "../../reference/las.ts";
import { ENGLAND, findRegion, LONDON_SUBREGIONS } from "../../reference/regions.ts";

export type Geography = Pick<DatasetRow, "geographic_level" | "country_code" | "country_name" | "region_code" | "region_name" | "old_la_code" | "new_la_code" | "la_name">;

export interface GeographyInput {
  level: string;
  year: number;
  oldCode?: string;
  newCode?: string;
  laName?: string;
  regionCode?: string;
  regionName?: string;
}

export type GeographyResolution =
  | { status: "ok"; geography: Geography }
  | { status: "skip"; reason: string }
  /** The LA is known but did not report in this year (abolished or not yet created). */
  | { status: "out_of_period"; la: LocalAuthority }
  | { status: "unknown"; what: "la" | "region" | "level"; code: string; name: string };

export const REASON_LONDON_SUBREGION = "Inner/Outer London sub-region (London is kept as a region)";
export const REASON_LA_NOT_IN_YEAR = "LA did not exist in that year (marker row)";
export const REASON_LA_OUTSIDE_REPORTING_YEARS = "LA outside the years it reports to DfE (e.g. Isles of Scilly before 2018)";

const NATIONAL: Geography = {
  geographic_level: "National",
  country_code: ENGLAND.code,
  country_name: ENGLAND.name,
  region_code: "",
  region_name: "",
  old_la_code: "",
  new_la_code: "",
  la_name: "",
};

function findLaAnyYear(input: GeographyInput): LocalAuthority | undefined {
  for (const code of [input.oldCode, input.newCode]) if (code) {
    const la = findLa(code);
    if (la) return la;
  }
  return input.laName ? findLaByName(input.laName) : undefined;
}

/**
 * Resolve one record's geography.
 * Reference: DfE EES geography columns (geographic_level, region_code, old_la_code, new_la_code).
 * @throws never: unknown places come back as `status: "unknown"` for the reader to report.
 * @example resolveGeography({ level: "Local authority", year: 2025, oldCode: "805" }) // { status: "ok", geography: { la_name: "Hartlepool", region_code: "E12000001", ... } }
 */
export function resolveGeography(input: GeographyInput): GeographyResolution {
  const level = input.level.trim().toLowerCase();
  if (level === "national") return { status: "ok", geography: NATIONAL };
  if (level === "regional") {
    const code = (input.regionCode ?? "").trim();
    const name = (input.regionName ?? "").trim();
    if (code in LONDON_SUBREGIONS || Object.values(LONDON_SUBREGIONS).some((n) => n.toLowerCase() === name.toLowerCase())) {
      return { status: "skip", reason: REASON_LONDON_SUBREGION };
    }
    const region = (code && findRegion(code)) || (name && findRegion(name)) || undefined;
    if (!region) return { status: "unknown", what: "region", code, name };
    return { status: "ok", geography: { ...NATIONAL, geographic_level: "Regional", region_code: region.code, region_name: region.name } };
  }
  if (level === "local authority") {
    const candidates = [input.oldCode, input.newCode].filter((c): c is string => !!c && c.trim() !== "");
    for (const code of candidates) {
      const la = findLa(code, input.year);
      if (la) return { status: "ok", geography: laGeography(la, input.year) };
    }
    if (input.laName) {
      const la = findLaByName(input.laName);
      if (la && laValidIn(la, input.year)) return { status: "ok", geography: laGeography(la, input.year) };
    }
    const known = findLaAnyYear(input);
    if (known) return { status: "out_of_period", la: known };
    return { status: "unknown", what: "la", code: candidates.join("/"), name: input.laName ?? "" };
  }
  return { status: "unknown", what: "level", code: input.level, name: "" };
}

function looseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\b(city of|county of|county|borough of|council|mbc|cc|ua)\b/g, " ")
    .replace(/[^a-z]+/g, " ")
    .trim();
}

const looseIndex = new Map<number, Map<string, LocalAuthority>>();

/** Other spellings of LA names in published files (Ofsted's 2014 snapshot in particular), by loose name. */
const NAME_ALIASES: Readonly<Record<string, string>> = {
  "bedford borough": "Bedford",
  blackburn: "Blackburn with Darwen",
  "bristol city": "Bristol, City of",
  "nottingham city": "Nottingham",
  "leicester city": "Leicester",
  newcastle: "Newcastle upon Tyne",
  "bath and ne somerset": "Bath and North East Somerset",
  "medway towns": "Medway",
  "west berkshire newbury": "West Berkshire",
};

/** Welsh principal areas: a provider registered with Ofsted but located in Wales is outside every English LA. */
const WELSH_AREAS: ReadonlySet<string> = new Set([
  "blaenau gwent", "bridgend", "caerphilly", "cardiff", "carmarthenshire", "ceredigion", "conwy", "denbighshire", "flintshire", "gwynedd",
  "isle of anglesey", "merthyr tydfil", "monmouthshire", "neath port talbot", "newport", "pembrokeshire", "powys", "rhondda cynon taf",
  "swansea", "torfaen", "vale of glamorgan", "wrexham",
].map(looseName));

/**
 * True when a name is a Welsh principal area (Cardiff, Wrexham, ...).
 * @example isWelshArea("Wrexham") // true
 */
export function isWelshArea(name: string): boolean {
  return WELSH_AREAS.has(looseName(name));
}

/**
 * The LA whose name matches ignoring case, punctuation, "&"/"and" and the words "City of",
 * "County", "Council" (Ofsted and MHCLG spell LA names their own way: "Durham",
 * "Bristol", "Southend on Sea"), among the LAs reporting in `year`.
 * @throws never
 * @example findLaByLooseName("Kingston upon Hull", 2023)?.oldCode // "810"
 */
export function findLaByLooseName(name: string, year: number): LocalAuthority | undefined {
  const exact = findLaByName(name);
  if (exact && laValidIn(exact, year)) return exact;
  let index = looseIndex.get(year);
  if (!index) {
    index = new Map();
    for (const la of lasInYear(year)) index.set(looseName(la.name), la);
    looseIndex.set(year, index);
  }
  const loose = looseName(name);
  const found = index.get(loose);
  if (found) return found;
  const alias = NAME_ALIASES[loose];
  return alias ? findLaByLooseName(alias, year) : undefined;
}

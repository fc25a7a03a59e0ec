/**
 * Every local authority with children's services in England, 2011 onwards: old DfE code,
 * current and former ONS codes, name, region, first and last year reported, and links to
 * predecessors and successors across boundary changes. Built from data/published/lookups
 * (see scripts/build-reference.ts).
 *
 * Open periods: published data end with the latest published year (LATEST_PUBLISHED_YEAR),
 * but returns for the current and next collection years arrive before DfE publishes them.
 * An LA that exists in the latest published year therefore stays valid for every later
 * year (`endYear` Infinity) unless a boundary change in boundary-changes.ts ends it
 * (`endYear` = the change's first year - 1). Whether a period is complete yet is the
 * period rule's business (src/validate/period.ts), not the LA list's.
 *
 * The lookups start in 2011, but older published files (DfE 2010 tables, S251 outturn) reach
 * further back: an LA already in the earliest list year is valid from its creation, taken as
 * 2010 (the year ending 31 March 2010, the first of the LAs created on 1 April 2009: Bedford,
 * Central Bedfordshire, Cheshire East, Cheshire West and Chester) or 1999 for every other LA
 * (the last unitary councils before 2009 began on 1 April 1998).
 */
import { BOUNDARY_CHANGES, type BoundaryChange } from "./boundary-changes.ts";
import { LA_ROWS, STATISTICAL_NEIGHBOURS } from "./generated/las-data.ts";
import { ENGLAND, REGIONS } from "./regions.ts";

export interface LocalAuthority {
  oldCode: string;
  /** Current (latest) ONS code. */
  newCode: string;
  /** ONS codes the LA reported under before a recode (e.g. E10000023 for North Yorkshire). */
  formerCodes: readonly string[];
  name: string;
  regionCode: string;
  regionName: string;
  firstYear: number;
  /** Last year with published figures (for an LA a future boundary change creates: firstYear - 1, none yet). */
  lastYear: number;
  /**
   * Last year (ending 31 March) the LA can report: lastYear for an abolished LA; for one
   * that exists in the latest published year, Infinity (open) unless a boundary change ends
   * it. Use laValidIn(la, year), not lastYear, to ask whether an LA reports in a year.
   */
  endYear: number;
  /** Old codes of LAs this one replaced (empty unless created at a boundary change). */
  predecessors: string[];
  /** Old codes of LAs that replaced this one (empty unless abolished). */
  successors: string[];
}

type LaRow = (typeof LA_ROWS)[number];

/** LAs created on 1 April 2009 (old DfE codes): their first year ends 31 March 2010. */
const CREATED_APRIL_2009 = new Set(["822", "823", "895", "896"]);

/**
 * The LA list from the generated rows and the boundary changes: links predecessors and
 * successors, adds LAs a (future) boundary change introduces, and sets each LA's endYear
 * (open from the latest published year on, unless a change ends it).
 * @throws Error when a boundary change names an LA that is neither in the rows nor introduced by a change (a reference data error).
 * @example buildLocalAuthorities(LA_ROWS, BOUNDARY_CHANGES).find((la) => la.oldCode === "909")?.endYear // 2023
 */
export function buildLocalAuthorities(rows: readonly LaRow[], changes: readonly BoundaryChange[]): LocalAuthority[] {
  const latest = Math.max(...rows.map((r) => r[6]));
  const involving = (oldCode: string, side: "from" | "to") => changes.filter((c) => c.kind !== "recode" && c[side].includes(oldCode));
  const all: LaRow[] = [...rows];
  for (const change of changes) {
    for (const la of change.introduces ?? []) {
      if (all.some((r) => r[0] === la.oldCode)) continue;
      all.push([la.oldCode, la.newCode, la.name, la.regionCode, la.regionName, change.firstYear, change.firstYear - 1, []]);
    }
  }
  const earliest = Math.min(...rows.map((r) => r[5]));
  const out = all.map(([oldCode, newCode, name, regionCode, regionName, listedFirstYear, lastYear, formerCodes]): LocalAuthority => {
    const firstYear = listedFirstYear === earliest ? (CREATED_APRIL_2009.has(oldCode) ? 2010 : 1999) : listedFirstYear;
    const ending = involving(oldCode, "from");
    const open = lastYear >= latest;
    const endYear = !open ? lastYear : ending.length ? Math.min(...ending.map((c) => c.firstYear)) - 1 : Infinity;
    return {
      oldCode,
      newCode,
      formerCodes,
      name,
      regionCode,
      regionName,
      firstYear,
      lastYear,
      endYear,
      predecessors: involving(oldCode, "to").flatMap((c) => c.from),
      successors: ending.flatMap((c) => c.to),
    };
  });
  const known = new Set(out.map((la) => la.oldCode));
  for (const change of changes) {
    for (const code of [...change.from, ...change.to]) if (!known.has(code)) throw new Error(`Boundary change (${change.note}) names LA ${code}, which is not in the LA list: add it to the change's 'introduces'.`);
  }
  return out;
}

/** The latest year (ending 31 March) with published LA figures. @example LATEST_PUBLISHED_YEAR // 2025 */
export const LATEST_PUBLISHED_YEAR: number = Math.max(...LA_ROWS.map((r) => r[6]));

export const LOCAL_AUTHORITIES: readonly LocalAuthority[] = buildLocalAuthorities(LA_ROWS, BOUNDARY_CHANGES);

/**
 * Whether the LA reports in `year` (ending 31 March): from its first year to its endYear
 * (open after the latest published year unless a boundary change ends it).
 * @throws never
 * @example laValidIn(findLa("350")!, 2026) // true
 */
export function laValidIn(la: LocalAuthority, year: number): boolean {
  return year >= la.firstYear && year <= la.endYear;
}

/**
 * The years an LA reports, in words, e.g. "from 1999 to 2023" or "from 1999 onwards".
 * @throws never
 * @example laValidity(findLa("909")!) // "from 1999 to 2023"
 */
export function laValidity(la: LocalAuthority): string {
  return Number.isFinite(la.endYear) ? `from ${la.firstYear} to ${la.endYear}` : `from ${la.firstYear} onwards`;
}

/**
 * An LA name reduced to what identifies it, so that the names other producers write match
 * DfE's: lower case, "&" as "and", "St." as "St", punctuation as spaces, and without DfE's
 * inversions (", City of", ", County of") or council titles ("London Borough of",
 * "Royal Borough of", "City Council", "Metropolitan Borough Council"...).
 * @throws never.
 * @example normaliseLaName("Bristol, City of") === normaliseLaName("Bristol City Council") // true
 */
export function normaliseLaName(name: string): string {
  return ` ${name.toLowerCase().replace(/&/g, " and ").replace(/[^a-z0-9]+/g, " ")} `
    .replace(/ (city|county) of $/, " ")
    .replace(/^ (the )?((london|royal) borough of|city and county of|city of|county of|borough of) /, " ")
    .replace(/ ((metropolitan )?borough|city|county|district|unitary)? ?council $/, " ")
    .replace(/ st /g, " saint ")
    .replace(/ +/g, " ")
    .trim();
}

/** Everyday short names that are not DfE's (normalised), and the LA's old code. */
const NAME_ALIASES: Record<string, string> = {
  hull: "810", // Kingston upon Hull, City of
  durham: "840", // County Durham
  bcp: "839", // Bournemouth, Christchurch and Poole
  southend: "882", // Southend-on-Sea
  stockton: "808", // Stockton-on-Tees
  stoke: "861", // Stoke-on-Trent
  "richmond": "318", // Richmond upon Thames
  "kingston": "314", // Kingston upon Thames
  "london": "201", // City of London
};

const byCode = new Map<string, LocalAuthority>();
const byName = new Map<string, LocalAuthority>();
const byNormalisedName = new Map<string, LocalAuthority>();
for (const la of LOCAL_AUTHORITIES) {
  byCode.set(la.oldCode, la);
  for (const code of [la.newCode, ...la.formerCodes]) byCode.set(code.toUpperCase(), la);
  byName.set(la.name.toLowerCase(), la);
  byNormalisedName.set(normaliseLaName(la.name), la);
}
for (const [alias, code] of Object.entries(NAME_ALIASES)) {
  const la = byCode.get(code);
  if (la && !byNormalisedName.has(alias)) byNormalisedName.set(alias, la);
}

/**
 * The LA with this old (3-digit) or new/former (ONS) code, ignoring case and spaces; with
 * `year`, only if the LA reports that year (laValidIn: open after the latest published year).
 * @example findLa("e06000001")?.name // "Hartlepool"
 * @example findLa("909", 2025) // undefined (Cumbria was abolished in 2023)
 */
export function findLa(code: string, year?: number): LocalAuthority | undefined {
  const la = byCode.get(code.trim().toUpperCase());
  if (!la || year === undefined) return la;
  return laValidIn(la, year) ? la : undefined;
}

/**
 * The LA with this name: DfE's name (case-insensitive), or the same name as other producers
 * write it ("Bristol", "City of Bristol", "Brighton & Hove", "London Borough of Camden",
 * "Hull"), or undefined.
 * @throws never.
 * @example findLaByName("Kingston upon Hull")?.oldCode // "810"
 */
export function findLaByName(name: string): LocalAuthority | undefined {
  return byName.get(name.trim().toLowerCase()) ?? byNormalisedName.get(normaliseLaName(name));
}

/** LAs that report in `year` (ending 31 March), open periods included. @example lasInYear(2026).length // 153 */
export function lasInYear(year: number): LocalAuthority[] {
  return LOCAL_AUTHORITIES.filter((la) => laValidIn(la, year));
}

/** The ONS code an LA reported under in `year` (handles recodes such as North Yorkshire 2024). */
export function onsCodeInYear(la: LocalAuthority, year: number): string {
  const recode = BOUNDARY_CHANGES.find((c) => c.kind === "recode" && c.from.includes(la.oldCode));
  if (recode && year < recode.firstYear && la.formerCodes.length > 0) return la.formerCodes[la.formerCodes.length - 1];
  return la.newCode;
}

/** DfE statistical neighbours (April 2021) of an LA, closest first, as LocalAuthority records. */
export function statisticalNeighbours(la: LocalAuthority): LocalAuthority[] {
  return (STATISTICAL_NEIGHBOURS[la.oldCode] ?? []).map((c) => findLa(c)).filter((x): x is LocalAuthority => x !== undefined);
}

/** The EES geography columns for an LA row. */
export function laGeography(la: LocalAuthority, year?: number) {
  return {
    geographic_level: "Local authority" as const,
    country_code: ENGLAND.code,
    country_name: ENGLAND.name,
    region_code: la.regionCode,
    region_name: la.regionName,
    old_la_code: la.oldCode,
    new_la_code: year === undefined ? la.newCode : onsCodeInYear(la, year),
    la_name: la.name,
  };
}

export { REGIONS };

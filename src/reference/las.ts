/**
 * Every local authority with children's services in England, 2011 onwards: old DfE code,
 * current and former ONS codes, name, region, first and last year reported, and links to
 * predecessors and successors across boundary changes. Built from data/published/lookups
 * (see scripts/build-reference.ts).
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
  lastYear: number;
  /** Old codes of LAs this one replaced (empty unless created at a boundary change). */
  predecessors: string[];
  /** Old codes of LAs that replaced this one (empty unless abolished). */
  successors: string[];
}

function changesInvolving(oldCode: string, side: "from" | "to"): BoundaryChange[] {
  return BOUNDARY_CHANGES.filter((c) => c.kind !== "recode" && c[side].includes(oldCode));
}

export const LOCAL_AUTHORITIES: readonly LocalAuthority[] = LA_ROWS.map(([oldCode, newCode, name, regionCode, regionName, firstYear, lastYear, formerCodes]) => ({
  oldCode,
  newCode,
  formerCodes,
  name,
  regionCode,
  regionName,
  firstYear,
  lastYear,
  predecessors: changesInvolving(oldCode, "to").flatMap((c) => c.from),
  successors: changesInvolving(oldCode, "from").flatMap((c) => c.to),
}));

const byCode = new Map<string, LocalAuthority>();
const byName = new Map<string, LocalAuthority>();
for (const la of LOCAL_AUTHORITIES) {
  byCode.set(la.oldCode, la);
  for (const code of [la.newCode, ...la.formerCodes]) byCode.set(code.toUpperCase(), la);
  byName.set(la.name.toLowerCase(), la);
}

/**
 * The LA with this old (3-digit) or new/former (ONS) code, ignoring case and spaces; with
 * `year`, only if the LA reported that year.
 * @example findLa("e06000001")?.name // "Hartlepool"
 * @example findLa("909", 2025) // undefined (Cumbria was abolished in 2023)
 */
export function findLa(code: string, year?: number): LocalAuthority | undefined {
  const la = byCode.get(code.trim().toUpperCase());
  if (!la || year === undefined) return la;
  return year >= la.firstYear && year <= la.lastYear ? la : undefined;
}

/** The LA with this exact name (case-insensitive), or undefined. */
export function findLaByName(name: string): LocalAuthority | undefined {
  return byName.get(name.trim().toLowerCase());
}

/** LAs that reported in `year` (ending 31 March). @example lasInYear(2025).length // 153 */
export function lasInYear(year: number): LocalAuthority[] {
  return LOCAL_AUTHORITIES.filter((la) => year >= la.firstYear && year <= la.lastYear);
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

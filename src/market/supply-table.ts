/**
 * Registered supply over time for any scope: Ofsted-registered providers and places by
 * provision type and sector, summed over the scope's member LAs in each year (members as
 * they were that year, across boundary changes), from the dataset's registered_places and
 * registered_providers measures (owner totals). A provider is counted in the LA where it is
 * located (Ofsted's "Local authority" column), not the LA that places children there.
 *
 * A register year lists every provider (rebuilt where Ofsted's list held inspected providers
 * only; see docs/supply-data.md), so an LA with no provider of a type that year has a true
 * zero. Places of agencies are not applicable (missing, never zero); a year whose list gives
 * no places (2015) has places missing.
 *
 * Reference: Ofsted, "Children's social care data in England" (providers and places at 31
 * March); DOMAIN.md section 6 (gap analysis).
 */
import type { ValueStatus } from "../spec/dataset.ts";
import { PROVISION_TYPE, SECTOR, TOTAL } from "../reference/code-lists.ts";
import { findCode } from "../reference/code-tree.ts";
import type { MarketData } from "./market-data.ts";
import { areaMembers, type MarketArea } from "./market-area.ts";

export interface SupplyRow {
  scope_code: string;
  year: number;
  /** Ofsted's name of the provision type (e.g. "Children's home"). */
  provision_type: string;
  /** Ofsted's name of the sector (e.g. "Private"). */
  sector: string;
  providers: number | null;
  places: number | null;
  /** Why places is missing ("ok" when it is a number). */
  places_status: ValueStatus | "absent";
  provision_code: string;
  sector_code: string;
}

/** Registered places and providers of a scope in a year, by provision type and sector codes (owner totals). */
export interface AreaSupply {
  year: number;
  /** `${provisionType}|${sector}` -> sums over members. */
  cells: Map<string, { providers: number; places: number | null; placesStatus: ValueStatus | "absent" }>;
}

/**
 * Sum the register over a scope's members in a year; null when the dataset has no register for that year.
 * @throws never.
 * @example areaSupply(data, englandArea(), 2025)?.cells.get("childrens_home|private")?.places
 */
export function areaSupply(data: MarketData, scope: MarketArea, year: number): AreaSupply | null {
  if (!data.registerYears.includes(year)) return null;
  const cells = new Map<string, { providers: number; places: number | null; placesStatus: ValueStatus | "absent" }>();
  for (const la of areaMembers(scope, year)) {
    for (const c of data.registerCells(la.oldCode, year)) {
      if (c.owner !== TOTAL) continue;
      const key = `${c.provisionType}|${c.sector}`;
      let s = cells.get(key);
      if (!s) cells.set(key, (s = { providers: 0, places: 0, placesStatus: "ok" }));
      s.providers += c.providers ?? 0;
      if (c.places === null) {
        if (s.placesStatus === "ok") { s.places = null; s.placesStatus = c.placesStatus; }
      } else if (s.places !== null) s.places += c.places;
    }
  }
  return { year, cells };
}

/**
 * Places of some provision types (all sectors) in a scope and year; null when missing.
 * @example placesOf(data, scope, 2025, ["childrens_home"]) // 1234
 */
export function placesOf(data: MarketData, scope: MarketArea, year: number, types: readonly string[]): number | null {
  const s = areaSupply(data, scope, year);
  if (!s) return null;
  let total = 0;
  for (const [key, c] of s.cells) {
    if (!types.includes(key.split("|")[0])) continue;
    if (c.places === null) return null;
    total += c.places;
  }
  return total;
}

/**
 * supply.csv: one row per scope, register year, provision type and sector that has a provider.
 * @throws never.
 * @example supplyTable(data, [englandArea()])[0].scope_code // "E92000001"
 */
export function supplyTable(data: MarketData, scopes: readonly MarketArea[]): SupplyRow[] {
  const out: SupplyRow[] = [];
  for (const scope of scopes) {
    for (const year of data.registerYears) {
      const s = areaSupply(data, scope, year);
      if (!s) continue;
      const keys = [...s.cells.keys()].sort();
      for (const key of keys) {
        const [type, sector] = key.split("|");
        const c = s.cells.get(key)!;
        out.push({
          scope_code: scope.code, year,
          provision_type: findCode(PROVISION_TYPE, type)?.label ?? type,
          sector: findCode(SECTOR, sector)?.label ?? sector,
          providers: c.providers, places: c.places, places_status: c.places === null ? c.placesStatus : "ok",
          provision_code: type, sector_code: sector,
        });
      }
    }
  }
  return out;
}

/** Column order of supply.csv (the columns first). */
export const SUPPLY_COLUMNS = ["scope_code", "year", "provision_type", "sector", "providers", "places", "places_status", "provision_code", "sector_code"] as const;

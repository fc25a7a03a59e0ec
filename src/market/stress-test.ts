/**
 * Provider-exit stress test: what happens to a footprint if an owning group leaves the
 * market. For the footprint and each member LA, by provision type:
 *  1. places and homes lost (the group's registered places and providers there);
 *  2. children likely affected: places lost x England's use rate of children's home places
 *     by children looked after (occupancy.ts; children's-home types only);
 *  3. spare places left: other owners' places x (1 − use rate), in the area and in its
 *     region(s) (an upper bound on usable spare capacity);
 *  4. children placed further away: those affected beyond the area's spare places (and, of
 *     them, beyond the region's);
 *  5. the weekly cost change: children re-placed outside the area cost the region's S251
 *     residential unit cost instead of the area's, and those placed outside the region
 *     England's (prices of the latest S251 year); children re-placed inside the area keep
 *     its unit cost. Prices paid for emergency placements are not published, so the change
 *     reflects where children go, not any premium.
 * An owner is matched by name, case-insensitively: an exact match, else every owner whose
 * name contains the text (so "Keys" takes in each subsidiary Ofsted lists separately).
 *
 * Reference: CMA children's social care market study (2022), disorderly exit of providers;
 * Children's Wellbeing and Schools Act 2026, s.16 (financial oversight, duty to warn LAs).
 */
import { OWNER_NOT_RECORDED } from "../reference/code-lists.ts";
import { findLa } from "../reference/las.ts";
import { laArea, regionArea, englandArea, areaMembers, type MarketArea } from "./market-area.ts";
import type { MarketData } from "./market-data.ts";
import { ownerHoldings, type OwnerHolding } from "./concentration.ts";
import { CHILDRENS_HOME_PROVISION, PLACE_PROVISION } from "./market-types.ts";
import type { Occupancy } from "./occupancy.ts";
import { cpiDeflator, scopeUnitCost } from "./market-costs.ts";
import { PROVISION_TYPE } from "../reference/code-lists.ts";
import { findCode } from "../reference/code-tree.ts";

export interface StressRow {
  /** The area the row describes: the footprint tested, or one of its member LAs. */
  scope_code: string;
  provision_type: string;
  places_lost: number;
  homes_lost: number;
  children_affected: number | null;
  spare_places_footprint: number | null;
  spare_places_region: number | null;
  children_placed_further: number | null;
  weekly_cost_change: number | null;
  /** The owner(s) leaving, as matched. */
  owner: string;
  /** The footprint tested. */
  footprint: string;
  area_name: string;
  children_placed_outside_region: number | null;
  year: number;
}

export const STRESS_COLUMNS = ["scope_code", "provision_type", "places_lost", "homes_lost", "children_affected", "spare_places_footprint", "spare_places_region", "children_placed_further", "weekly_cost_change", "owner", "footprint", "area_name", "children_placed_outside_region", "year"] as const;

/**
 * The owners a name stands for in a scope's register (exact, else containing the text).
 * @throws never. @example matchOwners(["Keys Childcare Ltd", "Other"], "keys") // ["Keys Childcare Ltd"]
 */
export function matchOwners(owners: Iterable<string>, name: string): string[] {
  const list = [...owners].filter((o) => o !== OWNER_NOT_RECORDED);
  const key = name.trim().toLowerCase();
  const exact = list.filter((o) => o.toLowerCase() === key);
  if (exact.length) return exact;
  return list.filter((o) => o.toLowerCase().includes(key)).sort();
}

/**
 * The `top` largest owners of children's home places in a scope (each tested on its own).
 * @throws never.
 */
export function largestOwners(data: MarketData, scope: MarketArea, year: number, top: number): string[] {
  return [...ownerHoldings(data, scope, year, CHILDRENS_HOME_PROVISION).values()]
    .filter((h) => h.owner !== OWNER_NOT_RECORDED && h.places > 0)
    .sort((a, b) => b.places - a.places || a.owner.localeCompare(b.owner))
    .slice(0, top).map((h) => h.owner);
}

function sumType(holdings: Map<string, OwnerHolding>, type: string, include: (owner: string) => boolean): { places: number; homes: number } {
  let places = 0, homes = 0;
  for (const h of holdings.values()) {
    if (!include(h.owner)) continue;
    places += h.placesByType.get(type) ?? 0;
    homes += h.providersByType.get(type) ?? 0;
  }
  return { places, homes };
}

/**
 * Stress-test the exit of `owners` (treated as one group) from a scope.
 * @throws never.
 * @example stressTest(data, footprintArea(gmca), ["Example Care Ltd"], 2025, occupancy)
 */
export function stressTest(data: MarketData, scope: MarketArea, owners: readonly string[], year: number, occupancy: Occupancy | null): StressRow[] {
  const leaving = new Set(owners);
  const label = owners.join("; ");
  const deflator = cpiDeflator(data, year);
  const residentialCost = (s: MarketArea) => scopeUnitCost(data, s, "residential_care", [year], deflator)[0].real;
  const englandCost = residentialCost(englandArea());
  const regionHoldings = scope.regions.map((r) => ownerHoldings(data, regionArea(r), year, PLACE_PROVISION));
  const regionCost = scope.regions.length === 1 ? residentialCost(regionArea(scope.regions[0])) : englandCost;
  const areas: MarketArea[] = [scope, ...(scope.kind === "la" ? [] : areaMembers(scope, year).map((la) => laArea(la.oldCode)))];
  const out: StressRow[] = [];
  for (const area of areas) {
    const holdings = ownerHoldings(data, area, year, PLACE_PROVISION);
    const localCost = residentialCost(area);
    const areaRegions = area === scope ? regionHoldings : [ownerHoldings(data, regionArea(findLa(area.code)!.regionCode), year, PLACE_PROVISION)];
    const types = new Set<string>();
    for (const o of leaving) for (const [t, p] of holdings.get(o)?.placesByType ?? []) if (p > 0) types.add(t);
    const totals = { places: 0, homes: 0, affected: 0, spare: 0, spareRegion: 0, further: 0, outside: 0, cost: 0, homesTypes: 0 };
    for (const type of [...types].sort()) {
      const lost = sumType(holdings, type, (o) => leaving.has(o));
      const home = (CHILDRENS_HOME_PROVISION as readonly string[]).includes(type) && occupancy !== null;
      const rate = occupancy?.rate ?? 0;
      const remaining = sumType(holdings, type, (o) => !leaving.has(o)).places;
      let regionRemaining = 0;
      for (const rh of areaRegions) regionRemaining += sumType(rh, type, (o) => !leaving.has(o)).places;
      const affected = home ? lost.places * rate : null;
      const spare = home ? remaining * (1 - rate) : null;
      const spareRegion = home ? regionRemaining * (1 - rate) : null;
      const further = affected !== null && spare !== null ? Math.max(0, affected - spare) : null;
      const outside = affected !== null && spareRegion !== null ? Math.max(0, affected - spareRegion) : null;
      const areaRegionCost = area === scope ? regionCost : residentialCost(regionArea(findLa(area.code)!.regionCode));
      const cost = further !== null && outside !== null && localCost !== null && areaRegionCost !== null && englandCost !== null
        ? (further - outside) * (areaRegionCost - localCost) + outside * (englandCost - localCost) : null;
      out.push({
        scope_code: area.code, provision_type: findCode(PROVISION_TYPE, type)?.label ?? type, places_lost: lost.places, homes_lost: lost.homes,
        children_affected: affected, spare_places_footprint: spare, spare_places_region: spareRegion, children_placed_further: further, weekly_cost_change: cost,
        owner: label, footprint: scope.code, area_name: area.name, children_placed_outside_region: outside, year,
      });
      totals.places += lost.places; totals.homes += lost.homes;
      if (home) { totals.affected += affected!; totals.spare += spare!; totals.spareRegion += spareRegion!; totals.further += further!; totals.outside += outside!; totals.cost += cost ?? 0; totals.homesTypes++; }
    }
    if (types.size > 1) {
      out.push({
        scope_code: area.code, provision_type: "All provision types", places_lost: totals.places, homes_lost: totals.homes,
        children_affected: totals.homesTypes ? totals.affected : null, spare_places_footprint: totals.homesTypes ? totals.spare : null, spare_places_region: totals.homesTypes ? totals.spareRegion : null,
        children_placed_further: totals.homesTypes ? totals.further : null, weekly_cost_change: totals.homesTypes ? totals.cost : null,
        owner: label, footprint: scope.code, area_name: area.name, children_placed_outside_region: totals.homesTypes ? totals.outside : null, year,
      });
    }
  }
  return out;
}

/**
 * A ranking of "difficult to replace" providers for a footprint: owning organisations whose
 * exit would remove a large share of the footprint's places, its specialist places, or
 * places that could not be replaced from spare capacity nearby.
 *
 * The Children's Wellbeing and Schools Act 2026 (section 16, inserting section 30ZE into the
 * Care Standards Act 2000) makes a provider or provider group subject to financial oversight
 * when it meets a "financial oversight condition" specified in regulations, which may relate
 * to (a) the number of children's homes or fostering agencies it carries on, (b) their size,
 * (c) their geographical concentration and (d) its share of any market in England, having
 * regard to whether it has "a position of strategic significance". The Act sets no numbers.
 * The screen below follows those four headings with thresholds that are the toolkit's
 * defaults, not the regulations' (change them with the options):
 *  - share: the owner holds at least `shareThreshold` (default 10%) of the footprint's
 *    children's home places (geographical concentration, market share);
 *  - specialist: it holds at least `shareThreshold` of the footprint's specialist places
 *    (secure children's homes, residential special schools, residential holiday schemes for
 *    disabled children) — places a footprint can rarely replace;
 *  - no spare nearby: the children likely in its homes (places x England's use rate) exceed
 *    the spare places of other owners in the footprint's region(s) (places x (1 − rate));
 *  - national size: it is among the `nationalTop` (default 10) largest owners of children's
 *    home places in England (number and size of establishments).
 * Owners are ranked independent providers first (private and voluntary: the Act's regime is
 * aimed at them; LA-run homes are listed after, marked "public"), then by the number of
 * criteria met, then by the places they hold in the footprint. Owners are as Ofsted records them ("Organisation which owns the provider"):
 * subsidiaries of one group appear separately.
 *
 * Reference: Children's Wellbeing and Schools Act 2026, s.16 (legislation.gov.uk/ukpga/2026/21/section/16);
 * CMA children's social care market study (2022) on disorderly exit.
 */
import { OWNER_NOT_RECORDED } from "../reference/code-lists.ts";
import type { MarketData } from "./market-data.ts";
import { englandArea, regionArea, type MarketArea } from "./market-area.ts";
import { CHILDRENS_HOME_PROVISION, SPECIALIST_PROVISION } from "./market-types.ts";
import { ownerHoldings, type OwnerHolding } from "./concentration.ts";
import type { Occupancy } from "./occupancy.ts";

export interface RiskOptions {
  /** Share of the footprint's (specialist) places that flags an owner (0-1, default 0.1). */
  shareThreshold?: number;
  /** England's largest N owners are flagged for national size (default 10). */
  nationalTop?: number;
  /** Rows kept per scope (default 25). */
  limit?: number;
}

export interface RiskRow {
  scope_code: string;
  year: number;
  rank: number;
  owner: string;
  /** Places in children's homes (incl. secure, RSS registered as homes) and other specialist provision. */
  places: number;
  /** Homes and schools (providers) behind those places. */
  homes: number;
  /** Percent of the footprint's children's home places. */
  share_of_places: number;
  specialist_places: number;
  /** Percent of the footprint's specialist places (null when it has none). */
  share_of_specialist: number | null;
  england_places: number;
  england_homes: number;
  england_rank: number;
  children_likely_affected: number | null;
  spare_places_region_excluding_owner: number | null;
  criteria: string;
  criteria_met: number;
  /** "independent" (private or voluntary places) or "public" (LA-run and other public homes only). */
  sector: string;
}

export const RISK_CRITERIA = {
  share: "holds at least {share}% of the footprint's children's home places",
  specialist: "holds at least {share}% of the footprint's specialist places (secure, residential special schools, disabled children's holiday schemes)",
  no_spare_nearby: "the children likely in its homes exceed other owners' spare places in the region",
  national_size: "among England's {top} largest owners of children's home places",
} as const;

const RISK_TYPES = [...new Set([...CHILDRENS_HOME_PROVISION, ...SPECIALIST_PROVISION])];

/** Places of all owners except one in a set of holdings. */
function placesExcluding(holdings: Map<string, OwnerHolding>, owner: string): number {
  let total = 0;
  for (const h of holdings.values()) if (h.owner !== owner) total += h.places;
  return total;
}

/** Holdings of children's-home types only. */
function homePlaces(h: OwnerHolding): number {
  let total = 0;
  for (const t of CHILDRENS_HOME_PROVISION) total += h.placesByType.get(t) ?? 0;
  return total;
}

function specialistPlaces(h: OwnerHolding): number {
  let total = 0;
  for (const t of SPECIALIST_PROVISION) total += h.placesByType.get(t) ?? 0;
  return total;
}

/**
 * England's owners ranked by children's home places (1 = largest), computed once per year.
 * @throws never.
 */
export function englandOwnerRanks(data: MarketData, year: number): Map<string, { rank: number; places: number; homes: number }> {
  const holdings = ownerHoldings(data, englandArea(), year, CHILDRENS_HOME_PROVISION);
  const ranked = [...holdings.values()].filter((h) => h.owner !== OWNER_NOT_RECORDED).sort((a, b) => b.places - a.places || a.owner.localeCompare(b.owner));
  return new Map(ranked.map((h, i) => [h.owner, { rank: i + 1, places: h.places, homes: h.providers }]));
}

/**
 * Rank owners in one scope and year.
 * @throws never.
 * @example providersAtRisk(data, regionArea("E12000002"), 2025, occupancy, ranks)[0].owner
 */
export function providersAtRisk(data: MarketData, scope: MarketArea, year: number, occupancy: Occupancy | null, englandRanks: Map<string, { rank: number; places: number; homes: number }>, options: RiskOptions = {}): RiskRow[] {
  const shareThreshold = options.shareThreshold ?? 0.1;
  const nationalTop = options.nationalTop ?? 10;
  const holdings = ownerHoldings(data, scope, year, RISK_TYPES);
  let totalHome = 0, totalSpecialist = 0;
  for (const h of holdings.values()) { totalHome += homePlaces(h); totalSpecialist += specialistPlaces(h); }
  if (totalHome + totalSpecialist === 0) return [];
  // Spare places in the scope's region(s), by owner, for the "no spare nearby" test.
  const regionHoldings = new Map<string, OwnerHolding>();
  for (const code of scope.regions) {
    for (const [owner, h] of ownerHoldings(data, regionArea(code), year, CHILDRENS_HOME_PROVISION)) {
      const prev = regionHoldings.get(owner);
      if (prev) { prev.places += h.places; prev.providers += h.providers; prev.publicPlaces += h.publicPlaces; } else regionHoldings.set(owner, { ...h, placesByType: new Map(h.placesByType), providersByType: new Map(h.providersByType), placesByLa: new Map(h.placesByLa) });
    }
  }
  const rows: RiskRow[] = [];
  for (const h of holdings.values()) {
    if (h.owner === OWNER_NOT_RECORDED) continue;
    const places = homePlaces(h), specialist = specialistPlaces(h);
    if (places + specialist === 0) continue;
    const national = englandRanks.get(h.owner);
    const criteria: string[] = [];
    const share = totalHome > 0 ? places / totalHome : 0;
    const specialistShare = totalSpecialist > 0 ? specialist / totalSpecialist : null;
    if (share >= shareThreshold) criteria.push("share");
    if (specialistShare !== null && specialist > 0 && specialistShare >= shareThreshold) criteria.push("specialist");
    let affected: number | null = null, spare: number | null = null;
    if (occupancy) {
      affected = places * occupancy.rate;
      spare = placesExcluding(regionHoldings, h.owner) * (1 - occupancy.rate);
      if (affected > spare) criteria.push("no_spare_nearby");
    }
    if (national && national.rank <= nationalTop) criteria.push("national_size");
    rows.push({
      scope_code: scope.code, year, rank: 0, owner: h.owner, places: h.places, homes: h.providers,
      share_of_places: 100 * share, specialist_places: specialist, share_of_specialist: specialistShare === null ? null : 100 * specialistShare,
      england_places: national?.places ?? 0, england_homes: national?.homes ?? 0, england_rank: national?.rank ?? 0,
      children_likely_affected: affected, spare_places_region_excluding_owner: spare,
      criteria: criteria.join(";"), criteria_met: criteria.length,
      sector: h.publicPlaces >= h.places ? "public" : "independent",
    });
  }
  rows.sort((a, b) => (a.sector === b.sector ? 0 : a.sector === "independent" ? -1 : 1) || b.criteria_met - a.criteria_met || b.places - a.places || a.owner.localeCompare(b.owner));
  rows.forEach((r, i) => { r.rank = i + 1; });
  return rows.slice(0, options.limit ?? 25);
}

/**
 * Criteria in words, with the thresholds used.
 * @example riskCriteriaText({}).share // "holds at least 10% of the footprint's children's home places"
 */
export function riskCriteriaText(options: RiskOptions): Record<keyof typeof RISK_CRITERIA, string> {
  const share = String(Math.round((options.shareThreshold ?? 0.1) * 100));
  const top = String(options.nationalTop ?? 10);
  return Object.fromEntries(Object.entries(RISK_CRITERIA).map(([k, v]) => [k, v.replace("{share}", share).replace("{top}", top)])) as Record<keyof typeof RISK_CRITERIA, string>;
}

export const RISK_COLUMNS = ["scope_code", "year", "rank", "owner", "places", "homes", "share_of_places", "specialist_places", "share_of_specialist", "england_places", "england_homes", "england_rank", "children_likely_affected", "spare_places_region_excluding_owner", "criteria", "criteria_met", "sector"] as const;

